from __future__ import annotations

import pytest

from annotator.model import AnnotationError, default_schema

TEXT = "قال لافروف إن روسيا ووزارة الخارجية الروسية رحبتا بتشوي في موسكو"


@pytest.fixture
def document(project):
    return project.add_document("news.txt", TEXT)


def _span(word):
    start = TEXT.index(word)
    return start, start + len(word)


def test_add_entity_checks_span_and_label(project, document):
    with pytest.raises(AnnotationError, match="past the end"):
        project.add_entity(document.id, 0, len(TEXT) + 1, "PERS")
    with pytest.raises(AnnotationError, match="unknown label 'PERSON'"):
        project.add_entity(document.id, 0, 3, "PERSON")
    with pytest.raises(AnnotationError, match="no document with id 99"):
        project.add_entity(99, 0, 3, "PERS")
    assert project.entities(document.id) == []


def test_overlapping_and_nested_entities_are_allowed(project, document):
    outer = project.add_entity(document.id, *_span("وزارة الخارجية الروسية"), "ORG")
    inner = project.add_entity(document.id, *_span("الروسية"), "LOC")
    overlap = project.add_entity(document.id, *_span("الخارجية الروسية"), "MISC")
    assert {e.id for e in project.entities(document.id)} == {outer.id, inner.id, overlap.id}


def test_the_same_span_and_label_twice_is_refused(project, document):
    project.add_entity(document.id, *_span("لافروف"), "PERS")
    with pytest.raises(AnnotationError, match="a PERS entity at 4-10 already exists"):
        project.add_entity(document.id, *_span("لافروف"), "PERS")


def test_first_human_edit_starts_work_on_the_document(project, document):
    assert project.document(document.id).status == "new"
    project.add_entity(document.id, *_span("لافروف"), "PERS")
    assert project.document(document.id).status == "in_progress"
    project.set_document_status(document.id, "done")
    assert project.document(document.id).status == "done"


def test_accept_reject_relabel_resize_are_logged_with_old_and_new(project, document):
    entity = project.add_entity(
        document.id, *_span("روسيا"), "ORG", status="candidate", source="camel-ner"
    )
    project.update_entity(entity.id, status="accepted")
    project.update_entity(entity.id, label="LOC")
    old, new = project.update_entity(entity.id, start=entity.start + 1)
    assert (old.start, new.start) == (entity.start, entity.start + 1)
    stored = project.entity(entity.id)
    assert (stored.label, stored.status, stored.source) == ("LOC", "accepted", "camel-ner")
    updates = [e for e in project.events(document.id) if e["action"] == "update"]
    assert [(u["old"]["status"], u["new"]["status"]) for u in updates][0] == (
        "candidate",
        "accepted",
    )
    assert updates[1]["old"]["label"] == "ORG" and updates[1]["new"]["label"] == "LOC"


def test_relation_endpoints_must_fit_the_schema(project, document):
    person = project.add_entity(document.id, *_span("لافروف"), "PERS")
    country = project.add_entity(document.id, *_span("روسيا"), "LOC")
    with pytest.raises(AnnotationError, match="'meets' does not allow PERS -> LOC"):
        project.add_relation(person.id, country.id, "meets")
    relation = project.add_relation(person.id, country.id, "affiliated_with")
    assert relation.document_id == document.id
    with pytest.raises(AnnotationError, match="already exists"):
        project.add_relation(person.id, country.id, "affiliated_with")


def test_relabelling_an_entity_that_a_relation_needs_is_refused(project, document):
    person = project.add_entity(document.id, *_span("لافروف"), "PERS")
    country = project.add_entity(document.id, *_span("روسيا"), "LOC")
    project.add_relation(person.id, country.id, "affiliated_with")
    with pytest.raises(AnnotationError, match="does not allow ORG -> LOC"):
        project.update_entity(person.id, label="ORG")
    assert project.entity(person.id).label == "PERS"


def test_relations_link_entities_of_one_document(project, document):
    other = project.add_document("other.txt", "لافروف في موسكو")
    person = project.add_entity(document.id, *_span("لافروف"), "PERS")
    elsewhere = project.add_entity(other.id, 0, 6, "PERS")
    with pytest.raises(AnnotationError, match="different documents"):
        project.add_relation(person.id, elsewhere.id, "meets")


def test_symmetric_relations_are_stored_once_per_pair(project, document):
    lavrov = project.add_entity(document.id, *_span("لافروف"), "PERS")
    choe = project.add_entity(document.id, *_span("بتشوي"), "PERS")
    relation = project.add_relation(choe.id, lavrov.id, "meets")
    assert (relation.head_id, relation.tail_id) == (lavrov.id, choe.id)
    with pytest.raises(AnnotationError, match="already exists"):
        project.add_relation(lavrov.id, choe.id, "meets")


def test_swap_and_retype_a_relation(project, document):
    lavrov = project.add_entity(document.id, *_span("لافروف"), "PERS")
    moscow = project.add_entity(document.id, *_span("موسكو"), "LOC")
    russia = project.add_entity(document.id, *_span("روسيا"), "LOC")
    relation = project.add_relation(lavrov.id, moscow.id, "affiliated_with")
    project.update_relation(relation.id, type="located_in")
    with pytest.raises(AnnotationError, match="does not allow LOC -> PERS"):
        project.update_relation(relation.id, head_id=moscow.id, tail_id=lavrov.id)
    project.update_relation(relation.id, head_id=moscow.id, tail_id=russia.id, type="part_of")
    stored = project.relation(relation.id)
    assert (stored.head_id, stored.tail_id, stored.type) == (moscow.id, russia.id, "part_of")


def test_deleting_an_entity_deletes_its_relations_and_restore_brings_both_back(project, document):
    lavrov = project.add_entity(document.id, *_span("لافروف"), "PERS")
    russia = project.add_entity(document.id, *_span("روسيا"), "LOC")
    choe = project.add_entity(document.id, *_span("بتشوي"), "PERS")
    project.add_relation(lavrov.id, russia.id, "affiliated_with")
    project.add_relation(lavrov.id, choe.id, "meets")
    before = (project.entities(document.id), project.relations(document.id))
    entity, relations = project.delete_entity(lavrov.id)
    assert len(relations) == 2
    assert project.relations(document.id) == []
    project.restore_entity(entity, relations)
    after = (project.entities(document.id), project.relations(document.id))

    def strip(items):
        return [(i.id, getattr(i, "label", None), getattr(i, "type", None)) for i in items]

    assert strip(after[0]) == strip(before[0]) and strip(after[1]) == strip(before[1])


def test_a_failed_operation_changes_nothing(project, document):
    person = project.add_entity(document.id, *_span("لافروف"), "PERS")
    count = len(list(project.events()))
    with pytest.raises(AnnotationError):
        project.update_entity(person.id, label="NOPE")
    assert project.entity(person.id).label == "PERS"
    assert len(list(project.events())) == count


def test_set_schema_refuses_a_schema_that_drops_a_used_label(project, document):
    from annotator.model import Schema

    project.add_entity(document.id, *_span("لافروف"), "PERS")
    data = default_schema().to_dict()
    data["labels"] = [label for label in data["labels"] if label["name"] != "PERS"]
    data["relation_types"] = [
        t for t in data["relation_types"] if all("PERS" not in pair for pair in t["pairs"])
    ]
    with pytest.raises(AnnotationError, match="no label 'PERS'"):
        project.set_schema(Schema.from_dict(data))
    assert project.schema.has_label("PERS")


def test_document_ids_in_order_and_by_status(project):
    first = project.add_document("a", "أول")
    second = project.add_document("b", "ثان")
    project.set_document_status(second.id, "done")
    assert project.document_ids() == [first.id, second.id]
    assert project.document_ids("done") == [second.id]
