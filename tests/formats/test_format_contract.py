"""The contract every registered format keeps: export -> import -> export is identical,
and whatever a format cannot carry is reported by the export, with counts."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.formats import registry
from annotator.store import Project
from annotator.text.spans import outermost
from tests.formats.strategies import documents, jsonl

ROUND_TRIP = [fmt.name for fmt in registry.formats() if fmt.read and fmt.write]


def snapshot(out: Path) -> dict[str, bytes]:
    """The export's bytes: one file, or every file of a folder by relative path."""
    if out.is_dir():
        return {
            str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
        }
    return {out.name: out.read_bytes()}


class Span(NamedTuple):
    start: int
    end: int
    label: str


def gold_spans(fmt: registry.FileFormat, line) -> tuple[list[Span], int]:
    """The gold entities of a line as the format can write them, and how many it cannot.

    A format that does not carry "text" writes tokens (whitespace is not in any token):
    a span loses the whitespace at its edges, one of whitespace only is left out, and so
    is one that then has the span and label of another."""
    spans = [
        Span(e["start"], e["end"], e["label"])
        for e in line["entities"]
        if e["status"] == "accepted"
    ]
    if "text" in fmt.carries:
        return spans, 0
    text, trimmed = line["text"], set()
    for start, end, label in spans:
        part = text[start:end]
        if part.strip():
            start += len(part) - len(part.lstrip())
            trimmed.add(Span(start, start + len(part.strip()), label))
    return sorted(trimmed), len(spans) - len(trimmed)


def expected_left_out(fmt: registry.FileFormat, lines, candidates=False) -> dict[str, int]:
    """What the format must report it left out of an export of `lines` (gold only, or with
    candidates and rejected ones)."""
    left = {}
    if candidates and "statuses" not in fmt.carries:
        left["statuses"] = sum(
            sum(1 for a in line[kind] if a["status"] != "accepted")
            for line in lines
            for kind in ("entities", "relations")
        )
    if "relations" not in fmt.carries:
        gold = 0
        for line in lines:
            accepted = {e["id"] for e in line["entities"] if e["status"] == "accepted"}
            gold += sum(
                1
                for r in line["relations"]
                if r["status"] == "accepted" and {r["head"], r["tail"]} <= accepted
            )
        left["relations"] = gold
    if not candidates:
        written = [gold_spans(fmt, line) for line in lines]
        left["entities"] = sum(lost for _, lost in written)
        if "nesting" not in fmt.carries:  # one flat layer: the shared rule chooses
            left["nesting"] = sum(len(spans) - len(outermost(spans)) for spans, _ in written)
    return {what: count for what, count in left.items() if count}


def distinct_as_tokens(fmt: registry.FileFormat, lines) -> bool:
    """Texts stay distinct in a format that rebuilds them from tokens only if they differ
    in more than whitespace (else the second import finds them the same document)."""
    if "text" in fmt.carries:
        return True
    return len({" ".join(line["text"].split()) for line in lines}) == len(lines)


def out_path(folder: Path, fmt: registry.FileFormat, number: int) -> Path:
    suffix = fmt.suffixes[0] if fmt.suffixes else ""
    path = folder / f"export{number}{'' if fmt.folder else suffix}"
    if fmt.folder:
        path.mkdir()
    return path


def test_every_format_is_in_the_contract():
    assert set(ROUND_TRIP) >= {"jsonl", "doccano"}
    for fmt in registry.formats():
        assert fmt.read or fmt.write, fmt.name
        assert fmt.carries <= registry.CARRIES


@pytest.mark.parametrize("format_name", ROUND_TRIP)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(documents(), min_size=1, max_size=4, unique_by=lambda d: d["text"]))
def test_export_import_export_is_identical(tmp_path_factory, format_name, lines):
    fmt = registry.get(format_name)
    assume(distinct_as_tokens(fmt, lines))
    folder = tmp_path_factory.mktemp(format_name)
    source = folder / "source.jsonl"
    source.write_text(jsonl(lines), encoding="utf-8")
    with Project.memory() as project:
        assert import_paths(project, [source]).errors == []
        first = out_path(folder, fmt, 1)
        summary = export_project(project, first, format=format_name)
    assert summary.left_out == expected_left_out(fmt, lines)
    with Project.memory() as project:
        report = import_paths(project, [first], format=format_name)
        assert report.errors == [], report.errors
        second = out_path(folder, fmt, 2)
        export_project(project, second, format=format_name)
    assert snapshot(second).values() and list(snapshot(first).values()) == list(
        snapshot(second).values()
    )


@pytest.mark.parametrize("format_name", ROUND_TRIP)
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(documents(), min_size=1, max_size=3, unique_by=lambda d: d["text"]))
def test_an_export_with_candidates_says_what_it_could_not_carry(
    tmp_path_factory, format_name, lines
):
    fmt = registry.get(format_name)
    folder = tmp_path_factory.mktemp(format_name)
    source = folder / "source.jsonl"
    source.write_text(jsonl(lines), encoding="utf-8")
    with Project.memory() as project:
        import_paths(project, [source])
        summary = export_project(
            project, out_path(folder, fmt, 1), format=format_name, include_candidates=True
        )
    expected = expected_left_out(fmt, lines, candidates=True).get("statuses", 0)
    assert summary.left_out.get("statuses", 0) == expected
    if expected:
        assert any("without theirs" in note for note in summary.notes)
