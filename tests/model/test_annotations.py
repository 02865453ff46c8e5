from __future__ import annotations

import pytest

from annotator.model import AnnotationError, Document, Relation, check_span, default_schema
from annotator.model.drafts import DocumentDraft, EntityDraft, RelationDraft, check_draft


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 2, "start -1 is negative"),
        (3, 3, "empty or reversed"),
        (4, 2, "empty or reversed"),
        (0, 11, "past the end of the text"),
        (0.0, 2, "start must be an integer"),
        (True, 2, "start must be an integer"),
    ],
)
def test_span_invariant(start, end, message):
    with pytest.raises(AnnotationError, match=message):
        check_span(start, end, 10)


def test_valid_span_passes():
    check_span(0, 10, 10)


def test_document_fingerprints_its_text():
    document = Document(id=1, name="a", text="نص")
    assert len(document.sha256) == 64
    with pytest.raises(AnnotationError, match="unknown document status 'finished'"):
        Document(id=1, name="a", text="x", status="finished")


def test_relation_cannot_link_an_entity_to_itself():
    with pytest.raises(AnnotationError, match="to itself"):
        Relation(id=1, document_id=1, head_id=2, tail_id=2, type="meets")


def _draft(**changes):
    draft = DocumentDraft(
        name="d",
        text="لافروف التقى تشوي في موسكو",
        entities=[
            EntityDraft(key=1, start=0, end=6, label="PERS"),
            EntityDraft(key=2, start=13, end=17, label="PERS"),
            EntityDraft(key=3, start=21, end=26, label="LOC"),
        ],
        relations=[RelationDraft(key=1, head_key=1, tail_key=2, type="meets")],
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def test_a_valid_draft_passes():
    check_draft(_draft(), default_schema())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": "   \n"}, "the document is empty"),
        ({"status": "finished"}, "unknown document status"),
        (
            {"entities": [EntityDraft(key=1, start=0, end=99, label="PERS")], "relations": []},
            "entity 1: end 99 is past the end",
        ),
        (
            {"entities": [EntityDraft(key=1, start=5, end=2, label="PERS")], "relations": []},
            "entity 1: span 5-2 is empty or reversed",
        ),
        (
            {"entities": [EntityDraft(key=1, start=0, end=6, label="PERSON")], "relations": []},
            "entity 1: unknown label 'PERSON'",
        ),
        (
            {
                "entities": [
                    EntityDraft(key=1, start=0, end=6, label="PERS"),
                    EntityDraft(key=1, start=7, end=9, label="PERS"),
                ],
                "relations": [],
            },
            "duplicate entity id 1",
        ),
        (
            {"relations": [RelationDraft(key=1, head_key=1, tail_key=9, type="meets")]},
            "relation 1: tail refers to missing entity id 9",
        ),
        (
            {"relations": [RelationDraft(key=1, head_key=1, tail_key=3, type="meets")]},
            "'meets' does not allow PERS -> LOC",
        ),
        (
            {"relations": [RelationDraft(key=1, head_key=1, tail_key=2, type="knows")]},
            "unknown relation type 'knows'",
        ),
        (
            {
                "relations": [
                    RelationDraft(key=1, head_key=1, tail_key=2, type="meets"),
                    RelationDraft(key=2, head_key=2, tail_key=1, type="meets"),
                ]
            },
            "the same relation is listed twice",
        ),
    ],
)
def test_invalid_drafts_name_the_field(changes, message):
    with pytest.raises(AnnotationError, match=message):
        check_draft(_draft(**changes), default_schema())
