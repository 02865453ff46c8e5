"""A document with its annotations as flat records: the shape exports stream.

Records are NamedTuples built straight from database rows, so streaming tens of thousands
of documents costs no per-entity validation (the rows were checked when written);
`ExportDocument` is the same after the integrity check, numbered for one file.
"""

from __future__ import annotations

from typing import NamedTuple

from annotator.model.annotations import Document


class EntityRecord(NamedTuple):
    """One stored entity: offsets in code points, status and provenance as stored."""

    id: int
    start: int
    end: int
    label: str
    status: str
    source: str
    annotator: str | None
    decided_by: str | None
    decision: str | None


class RelationRecord(NamedTuple):
    id: int
    head_id: int
    tail_id: int
    type: str
    status: str
    annotator: str | None


class AnnotatedDocument(NamedTuple):
    """A document, its entities in reading order and its relations in id order."""

    document: Document
    entities: list[EntityRecord]
    relations: list[RelationRecord]


class ExportEntity(NamedTuple):
    """An entity as written: `id` numbered 1..n per document in reading order, and the
    text it covers (`document.text[start:end]`)."""

    id: int
    start: int
    end: int
    label: str
    status: str
    source: str
    annotator: str | None
    decided_by: str | None
    decision: str | None
    text: str


class ExportRelation(NamedTuple):
    """A relation as written: `head` and `tail` are ExportEntity ids of the same document."""

    id: int
    head: int
    tail: int
    type: str
    status: str
    annotator: str | None


class ExportDocument(NamedTuple):
    document: Document
    entities: list[ExportEntity]
    relations: list[ExportRelation]
