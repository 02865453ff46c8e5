"""Random valid documents survive export -> import -> export byte for byte."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.store import Project
from tests.formats.strategies import documents, jsonl


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(documents(), min_size=1, max_size=4, unique_by=lambda d: d["text"]))
def test_export_import_export_is_byte_identical(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("round")
    source = folder / "source.jsonl"
    source.write_text(jsonl(lines), encoding="utf-8")
    exports = []
    for number, path in enumerate([source, None, None]):
        with Project.memory() as project:
            report = import_paths(project, [path or exports[-1]])
            assert report.errors == [] and report.imported == len(lines)
            out = folder / f"export{number}.jsonl"
            export_project(project, out, include_candidates=True)
            exports.append(out)
    assert exports[1].read_bytes() == exports[2].read_bytes()
    assert exports[0].read_bytes() == exports[1].read_bytes()
    for line in map(json.loads, exports[0].read_text(encoding="utf-8").splitlines()):
        for entity in line["entities"]:
            assert line["text"][entity["start"] : entity["end"]] == entity["text"]
