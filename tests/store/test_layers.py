"""A layer per annotator plus gold: uniqueness, relations and statuses are per layer."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.model import AnnotationError
from annotator.store import Project
from annotator.store.layers import accepted_by_layer, accepted_columns, document_texts

TEXT = "زار بوتين موسكو أمس"


def test_the_same_span_and_label_may_be_in_two_layers_but_not_twice_in_one():
    with Project.memory(annotator="amal") as project:
        document = project.add_document("d.txt", TEXT)
        project.layer = "amal"
        project.add_entity(document.id, 4, 9, "PERS")
        with pytest.raises(AnnotationError, match="already exists"):
            project.add_entity(document.id, 4, 9, "PERS")
        project.layer = "omar"
        omar = project.add_entity(document.id, 4, 9, "PERS")
        assert omar.layer == "omar"
        assert [e.layer for e in project.entities(document.id, layer="amal")] == ["amal"]
        assert project.layers() == ["gold", "amal", "omar"]


def test_a_relation_never_joins_two_layers():
    with Project.memory() as project:
        document = project.add_document("d.txt", TEXT)
        project.layer = "amal"
        putin = project.add_entity(document.id, 4, 9, "PERS")
        project.layer = "omar"
        moscow = project.add_entity(document.id, 10, 15, "LOC")
        with pytest.raises(AnnotationError, match="different layers"):
            project.add_relation(putin.id, moscow.id, "located_in")


def test_each_layer_has_its_own_document_status():
    with Project.memory() as project:
        document = project.add_document("d.txt", TEXT)
        project.layer = "amal"
        project.add_entity(document.id, 4, 9, "PERS")  # amal starts work
        project.set_document_status(document.id, "done")
        assert project.document_status(document.id) == "done"
        assert project.document_status(document.id, layer="omar") == "new"
        assert project.document_status(document.id, layer="gold") == "new"


def test_a_team_project_puts_each_person_in_their_own_layer_and_alone_in_gold():
    with Project.memory(annotator="sara") as project:
        assert project.layer == "gold"
        project.set_setting("team", '{"annotators": ["sara", "omar"]}')
        assert project.layer == "sara"


def test_accepted_by_layer_reads_accepted_work_of_the_asked_layers_and_documents():
    with Project.memory() as project:
        first = project.add_document("d1.txt", TEXT)
        second = project.add_document("d2.txt", "قال لافروف")
        project.layer = "amal"
        putin = project.add_entity(first.id, 4, 9, "PERS")
        moscow = project.add_entity(first.id, 10, 15, "LOC")
        guess = project.add_entity(first.id, 16, 19, "LOC", status="candidate")
        project.add_relation(putin.id, moscow.id, "located_in")
        project.add_relation(putin.id, guess.id, "located_in")  # a candidate end: left out
        project.add_entity(second.id, 4, 10, "PERS")
        project.layer = "omar"
        project.add_entity(first.id, 4, 9, "PERS")
        # the ids travel as one JSON parameter: more of them than SQLite's default limit of
        # 32,766 variables (some builds allow more; this one is held to the default)
        project._db.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32766)
        ids = [first.id, *range(1000, 41000)]
        found = accepted_by_layer(project, ids, ["amal", "omar", "sara"])
    assert set(found) == {"amal", "omar", "sara"}
    assert list(found["amal"]) == [first.id]  # the second document was not asked for
    amal = found["amal"][first.id]
    assert amal.entities == {(4, 9, "PERS"), (10, 15, "LOC")}
    assert amal.relations == {((4, 9, "PERS"), (10, 15, "LOC"), "located_in")}
    assert found["omar"][first.id].entities == {(4, 9, "PERS")}
    assert found["omar"][first.id].relations == frozenset()
    assert found["sara"] == {}


def test_accepted_columns_read_accepted_work_as_columns_with_relation_ends_by_id():
    with Project.memory() as project:
        first = project.add_document("d1.txt", TEXT)
        second = project.add_document("d2.txt", "قال لافروف")
        project.layer = "amal"
        putin = project.add_entity(first.id, 4, 9, "PERS")
        moscow = project.add_entity(first.id, 10, 15, "LOC")
        guess = project.add_entity(first.id, 16, 19, "LOC", status="candidate")
        located = project.add_relation(putin.id, moscow.id, "located_in")
        project.add_relation(putin.id, guess.id, "located_in")  # its end is not read
        project.add_entity(second.id, 4, 10, "PERS")  # a document not asked for
        project.layer = "omar"
        omar = project.add_entity(first.id, 4, 9, "PERS")
        found = accepted_columns(project, [first.id], ["omar", "amal", "sara"])
        texts = document_texts(project, [second.id, first.id, 999])
    entities = sorted(
        zip(found.entity_id, found.entity_layer, found.entity_document, found.entity_start,
            found.entity_end, found.entity_label, strict=True)
    )  # fmt: skip
    assert entities == [
        (putin.id, 1, first.id, 4, 9, "PERS"),
        (moscow.id, 1, first.id, 10, 15, "LOC"),
        (omar.id, 0, first.id, 4, 9, "PERS"),
    ]
    relations = sorted(
        zip(found.relation_layer, found.relation_document, found.relation_head,
            found.relation_tail, found.relation_type, strict=True)
    )  # fmt: skip
    assert (1, first.id, putin.id, moscow.id, "located_in") in relations
    assert located.head_id == putin.id and len(relations) == 2  # the caller drops the other
    assert texts == [(first.id, "d1.txt", TEXT), (second.id, "d2.txt", "قال لافروف")]
