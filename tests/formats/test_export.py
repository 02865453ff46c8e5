from __future__ import annotations

import json

import pytest

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.model import AnnotationError
from annotator.store import Project
from tests.conftest import SAMPLE


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def annotated(project, sample_text):
    import_paths(project, [SAMPLE])
    document = project.documents()[0]

    def span(word, occurrence=0):
        start = -1
        for _ in range(occurrence + 1):
            start = sample_text.index(word, start + 1)
        return start, start + len(word)

    lavrov = project.add_entity(document.id, *span("سيرغي لافروف"), "PERS")
    russia = project.add_entity(document.id, *span("روسيا"), "LOC")
    choe = project.add_entity(document.id, *span("تشوي سونغ هوي"), "PERS")
    ministry = project.add_entity(document.id, *span("وزارة الخارجية الكورية الشمالية"), "ORG")
    candidate = project.add_entity(
        document.id, *span("بيونغ يانغ"), "LOC", status="candidate", source="gazetteer"
    )
    project.add_relation(lavrov.id, russia.id, "affiliated_with")
    project.add_relation(choe.id, lavrov.id, "meets")
    project.add_relation(candidate.id, russia.id, "part_of", status="candidate")
    return project, document, {"lavrov": lavrov, "ministry": ministry, "candidate": candidate}


def test_our_jsonl_holds_gold_only_by_default(annotated, tmp_path, sample_text):
    project, document, _ = annotated
    out = tmp_path / "gold.jsonl"
    summary = export_project(project, out)
    assert (summary.documents, summary.entities, summary.relations) == (1, 4, 2)
    [line] = _lines(out)
    assert set(line) == {"id", "name", "text", "status", "entities", "relations", "meta"}
    assert line["text"] == sample_text
    for entity in line["entities"]:
        assert sample_text[entity["start"] : entity["end"]] == entity["text"]
        assert entity["status"] == "accepted"
    assert sorted(e["text"] for e in line["entities"]) == sorted(
        ["وزارة الخارجية الكورية الشمالية", "تشوي سونغ هوي", "سيرغي لافروف", "روسيا"]
    )
    starts = [e["start"] for e in line["entities"]]
    assert starts == sorted(starts)
    assert [e["id"] for e in line["entities"]] == [1, 2, 3, 4]
    by_id = {e["id"]: e for e in line["entities"]}
    relations = {
        (by_id[r["head"]]["text"], r["type"], by_id[r["tail"]]["text"]) for r in line["relations"]
    }
    # meets is symmetric: written once, head first in reading order
    assert relations == {
        ("سيرغي لافروف", "affiliated_with", "روسيا"),
        ("سيرغي لافروف", "meets", "تشوي سونغ هوي"),
    }


def test_include_candidates_adds_them_with_their_status(annotated, tmp_path):
    project, _, _ = annotated
    out = tmp_path / "all.jsonl"
    export_project(project, out, include_candidates=True)
    [line] = _lines(out)
    assert [e["status"] for e in line["entities"]].count("candidate") == 1
    assert {e["source"] for e in line["entities"]} == {"human", "gazetteer"}
    assert len(line["relations"]) == 3


def test_status_filter(annotated, tmp_path):
    project, document, _ = annotated
    project.add_document("later.txt", "خبر آخر")
    out = tmp_path / "x.jsonl"
    assert export_project(project, out, statuses=["done"]).documents == 0
    assert export_project(project, out, statuses=["new"]).documents == 1
    project.set_document_status(document.id, "done")
    assert [line["status"] for line in _lines(out)] == ["new"]
    export_project(project, out, statuses=["done", "in_progress"])
    assert [line["id"] for line in _lines(out)] == [document.id]


def test_doccano_relation_export(annotated, tmp_path, sample_text):
    project, _, _ = annotated
    out = tmp_path / "doccano.jsonl"
    export_project(project, out, format="doccano")
    [line] = _lines(out)
    assert set(line) == {"id", "text", "entities", "relations"}
    ids = {e["id"] for e in line["entities"]}
    assert all(set(e) == {"id", "label", "start_offset", "end_offset"} for e in line["entities"])
    assert all(r["from_id"] in ids and r["to_id"] in ids for r in line["relations"])
    # and doccano's output comes back in as the same annotations
    with Project.memory() as other:
        assert import_paths(other, [out]).errors == []
        document = other.documents()[0]
        assert len(other.entities(document.id)) == 4 and len(other.relations(document.id)) == 2


def test_the_sample_article_round_trips_exactly(annotated, tmp_path):
    project, _, _ = annotated
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    export_project(project, first, include_candidates=True)
    with Project.memory() as other:
        assert import_paths(other, [first]).errors == []
        export_project(other, second, include_candidates=True)
    assert first.read_bytes() == second.read_bytes()


def test_a_failed_export_leaves_the_old_file_and_no_temporary(annotated, tmp_path):
    project, document, _ = annotated
    out = tmp_path / "gold.jsonl"
    out.write_text("previous export\n", encoding="utf-8")
    project._db.execute("DROP TRIGGER documents_text_immutable")
    project._db.execute("UPDATE documents SET text = text || '!' WHERE id = ?", (document.id,))
    with pytest.raises(AnnotationError, match="its text changed after import"):
        export_project(project, out)
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gold.jsonl"]


def test_an_entity_outside_its_text_stops_the_export(annotated, tmp_path):
    project, document, names = annotated
    project._db.execute('UPDATE entities SET "end" = 99999 WHERE id = ?', (names["lavrov"].id,))
    with pytest.raises(AnnotationError, match=rf"document {document.id} .*does not lie within"):
        export_project(project, tmp_path / "gold.jsonl")
    assert not (tmp_path / "gold.jsonl").exists()


def test_export_to_a_missing_folder_is_refused(annotated, tmp_path):
    project, _, _ = annotated
    with pytest.raises(AnnotationError, match="does not exist"):
        export_project(project, tmp_path / "nope" / "out.jsonl")
