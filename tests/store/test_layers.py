"""A layer per annotator plus gold: uniqueness, relations and statuses are per layer."""

from __future__ import annotations

import pytest

from annotator.model import AnnotationError
from annotator.store import Project

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
