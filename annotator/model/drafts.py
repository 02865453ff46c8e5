"""Documents on their way into a project, with annotations keyed by the file's own ids.

Importers build drafts; `check_draft` applies every invariant of the model to one draft,
so a file is refused before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.model.annotations import (
    check_decision,
    check_document_status,
    check_span,
    check_status,
)
from annotator.model.errors import AnnotationError
from annotator.model.schema import Schema
from annotator.model.vocabulary import Decision, DocumentStatus, Status

_STATUSES = frozenset(Status)
_DECISIONS = frozenset(Decision)


@dataclass(slots=True)
class EntityDraft:
    key: Any
    start: int
    end: int
    label: str
    status: str = Status.ACCEPTED
    annotator: str | None = None
    source: str = "import"
    confidence: float | None = None
    decided_by: str | None = None
    decision: str | None = None


@dataclass(slots=True)
class RelationDraft:
    key: Any
    head_key: Any
    tail_key: Any
    type: str
    status: str = Status.ACCEPTED
    annotator: str | None = None


@dataclass(slots=True)
class DocumentDraft:
    name: str
    text: str
    status: str = DocumentStatus.NEW
    meta: dict[str, Any] = field(default_factory=dict)
    entities: list[EntityDraft] = field(default_factory=list)
    relations: list[RelationDraft] = field(default_factory=list)
    line: int | None = None


def check_draft(draft: DocumentDraft, schema: Schema) -> None:
    """Raise AnnotationError naming the offending field if the draft breaks an invariant."""
    if not draft.text.strip():
        raise AnnotationError("the document is empty (no text)")
    if "\x00" in draft.text:
        raise AnnotationError("the text contains a NUL character")
    check_document_status(draft.status)
    length = len(draft.text)
    labels_by_key: dict[Any, str] = {}
    seen_spans: set[tuple[int, int, str]] = set()
    known_labels = set(schema.label_names)
    for index, entity in enumerate(draft.entities):
        start, end, label = entity.start, entity.end, entity.label
        # The common case in one expression; anything else takes the path that says why.
        if not (
            type(start) is int
            and type(end) is int
            and 0 <= start < end <= length
            and label in known_labels
            and entity.status in _STATUSES
            and (entity.decision is None or entity.decision in _DECISIONS)
        ):
            where = f"entity {entity.key!r}" if entity.key is not None else f"entity #{index + 1}"
            try:
                check_span(start, end, length)
                schema.label(label)
                check_status(entity.status)
                check_decision(entity.decision)
            except AnnotationError as error:
                raise AnnotationError(f"{where}: {error}") from None
        if entity.key in labels_by_key:
            raise AnnotationError(f"entity {entity.key!r}: duplicate entity id {entity.key!r}")
        span = (start, end, label)
        if span in seen_spans:
            raise AnnotationError(
                f"entity {entity.key!r}: a {label} entity at {start}-{end} is listed twice"
            )
        seen_spans.add(span)
        labels_by_key[entity.key] = label
    relation_keys: set[Any] = set()
    pairs: set[tuple[Any, Any, str]] = set()
    for index, relation in enumerate(draft.relations):
        where = (
            f"relation {relation.key!r}" if relation.key is not None else f"relation #{index + 1}"
        )
        if relation.key is not None and relation.key in relation_keys:
            raise AnnotationError(f"{where}: duplicate relation id {relation.key!r}")
        relation_keys.add(relation.key)
        for role, key in (("head", relation.head_key), ("tail", relation.tail_key)):
            if key not in labels_by_key:
                raise AnnotationError(f"{where}: {role} refers to missing entity id {key!r}")
        if relation.head_key == relation.tail_key:
            raise AnnotationError(f"{where}: head and tail are the same entity")
        try:
            check_status(relation.status)
            relation_type = schema.check_relation(
                relation.type, labels_by_key[relation.head_key], labels_by_key[relation.tail_key]
            )
        except AnnotationError as error:
            raise AnnotationError(f"{where}: {error}") from None
        pair = (relation.head_key, relation.tail_key, relation.type)
        reverse = (relation.tail_key, relation.head_key, relation.type)
        if pair in pairs or (relation_type.symmetric and reverse in pairs):
            raise AnnotationError(f"{where}: the same relation is listed twice")
        pairs.add(pair)
