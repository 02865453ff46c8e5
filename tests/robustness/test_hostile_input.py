"""Hostile and broken input: every case gets a clear error naming the file (and line), a
non-zero exit from the CLI, and no change to the project."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.importing import import_paths
from annotator.cli import main
from annotator.store import Project
from tests.robustness.counts import CASES


def _snapshot(project):
    return [
        project._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "entities", "relations")
    ]


def _check_refused(project, path, report):
    CASES["hostile inputs"] += 1
    assert report.failed == 1 and report.imported == 0, report.errors
    assert report.errors[0].startswith(str(path))
    assert _snapshot(project) == [1, 0, 0]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(min_size=1, max_size=400))
def test_random_bytes_never_half_import(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / "random.jsonl"
    path.write_bytes(data)
    with Project.memory() as project:
        project.add_document("existing", "موجود")
        report = import_paths(project, [path])
        CASES["hostile inputs"] += 1
        if report.failed:
            assert report.errors[0].startswith(str(path))
            assert _snapshot(project) == [1, 0, 0]
        else:  # random bytes that happen to be valid JSONL documents import whole
            assert report.imported >= 1


GOOD = {
    "text": "زار بوتين موسكو",
    "entities": [
        {"id": 1, "start": 4, "end": 9, "label": "PERS"},
        {"id": 2, "start": 10, "end": 15, "label": "LOC"},
    ],
    "relations": [{"id": 1, "head": 1, "tail": 2, "type": "located_in"}],
}
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def broken_documents(draw):
    """A valid document with one field replaced by a value of any type, or removed."""
    document = json.loads(json.dumps(GOOD))
    where = draw(st.sampled_from(["text", "entity", "relation", "top"]))
    value = draw(JSON_VALUES)
    if where == "text":
        document["text"] = value
    elif where == "entity":
        field = draw(st.sampled_from(["id", "start", "end", "label", "status", "text"]))
        document["entities"][draw(st.integers(0, 1))][field] = value
    elif where == "relation":
        field = draw(st.sampled_from(["id", "head", "tail", "type", "status"]))
        document["relations"][0][field] = value
    else:
        document[draw(st.sampled_from(["entities", "relations", "status", "meta"]))] = value
    return document


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(broken_documents())
def test_wrong_types_and_values_are_refused_or_imported_whole(tmp_path_factory, document):
    folder = tmp_path_factory.mktemp("types")
    path = folder / "broken.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(document) + "\n", encoding="utf-8")
    with Project.memory() as project:
        project.add_document("existing", "موجود")
        report = import_paths(project, [path])
        CASES["hostile inputs"] += 1
        if report.failed:
            assert report.errors[0].startswith(f"{path}, line 2: ")
            assert _snapshot(project) == [1, 0, 0]
        else:
            # accepted only if it really is valid: every entity lies in its text
            for doc in project.documents()[1:]:
                for entity in project.entities(doc.id):
                    assert 0 <= entity.start < entity.end <= len(doc.text)


def test_truncated_json_at_every_length(tmp_path):
    line = json.dumps(GOOD, ensure_ascii=False)
    with Project.memory() as project:
        project.add_document("existing", "موجود")
        for cut in range(1, len(line) - 1):
            path = tmp_path / f"cut{cut}.jsonl"
            path.write_text(line[:cut] + "\n", encoding="utf-8")
            report = import_paths(project, [path])
            _check_refused(project, path, report)


def test_nul_bytes_and_duplicate_ids(tmp_path):
    cases = {
        "nul.jsonl": json.dumps({"text": "نص\x00نص"}),
        "dup_entities.jsonl": json.dumps(
            {
                "text": "زار بوتين",
                "entities": [
                    {"id": 1, "start": 0, "end": 3, "label": "PERS"},
                    {"id": 1, "start": 4, "end": 9, "label": "PERS"},
                ],
            }
        ),
        "dup_relations.jsonl": json.dumps({**GOOD, "relations": GOOD["relations"] * 2}),
        "missing_id.jsonl": json.dumps(
            {**GOOD, "relations": [{"id": 1, "head": 1, "tail": 7, "type": "located_in"}]}
        ),
        "unknown_label.jsonl": json.dumps(
            {"text": "زار بوتين", "entities": [{"id": 1, "start": 0, "end": 3, "label": "DATE"}]}
        ),
    }
    with Project.memory() as project:
        project.add_document("existing", "موجود")
        for name, content in cases.items():
            path = tmp_path / name
            path.write_text(content + "\n", encoding="utf-8")
            _check_refused(project, path, import_paths(project, [path]))


def test_a_single_50_mb_line_and_a_document_with_100000_entities(tmp_path):
    big_text = "كلمة " * 10_000_000  # 50 MB of text, one line, valid
    bad = tmp_path / "huge.jsonl"
    bad.write_text(
        json.dumps(
            {
                "text": big_text,
                "entities": [{"id": 1, "start": 0, "end": len(big_text) + 1, "label": "LOC"}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    text = "كلمة " * 100_000
    entities = [
        {"id": i + 1, "start": i * 5, "end": i * 5 + 4, "label": "LOC"} for i in range(100_000)
    ]
    many = tmp_path / "many.jsonl"
    many.write_text(json.dumps({"text": text, "entities": entities}) + "\n", encoding="utf-8")
    with Project.memory() as project:
        project.add_document("existing", "موجود")
        report = import_paths(project, [bad])
        _check_refused(project, bad, report)
        assert "past the end of the text" in report.errors[0]
        report = import_paths(project, [many])
        CASES["hostile inputs"] += 1
        assert report.imported == 1 and report.entities == 100_000


def test_the_cli_exits_non_zero_on_hostile_input(tmp_path):
    db = tmp_path / "p.sqlite"
    runner = CliRunner()
    runner.invoke(main, ["init", str(db)])
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"text": "\xff\xfe"}\n')
    result = runner.invoke(main, ["import", str(db), str(bad)])
    assert result.exit_code == 1 and f"{bad}, line 1: not valid UTF-8" in result.output
    with Project.open(db) as project:
        assert project.document_count() == 0
