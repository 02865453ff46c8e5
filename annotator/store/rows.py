"""Conversions between SQLite rows and the core's values."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from annotator.model import Document, Entity, Relation

# a document as one layer sees it: its status is that layer's (new until the layer has one)
DOCUMENT_SELECT = (
    "SELECT d.id, d.name, d.text, coalesce(l.status, 'new'), d.meta, d.sha256 FROM documents d "
    "LEFT JOIN document_layers l ON l.document_id = d.id AND l.layer = ?"
)
ENTITY_COLUMNS = (
    'id, document_id, start, "end", label, status, source, confidence, annotator, '
    "created_at, updated_at, decided_by, decision, layer, found_in"
)
RELATION_COLUMNS = (
    "id, document_id, head_id, tail_id, type, status, annotator, created_at, updated_at, layer, "
    "found_in"
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def document_from_row(row: tuple) -> Document:
    return Document(
        id=row[0], name=row[1], text=row[2], status=row[3], meta=json.loads(row[4]), sha256=row[5]
    )


def entity_from_row(row: tuple) -> Entity:
    return Entity(*row[:-1], found_in=_names(row[-1]))


def relation_from_row(row: tuple) -> Relation:
    return Relation(*row[:-1], found_in=_names(row[-1]))


def _names(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()


def names_json(names: tuple[str, ...]) -> str | None:
    """`found_in` as stored: a JSON list, or NULL when empty."""
    return json.dumps(list(names), ensure_ascii=False) if names else None


def entity_record(entity: Entity) -> dict[str, Any]:
    """What the event log keeps of an entity: enough to restore it."""
    return {
        "start": entity.start,
        "end": entity.end,
        "label": entity.label,
        "status": entity.status,
        "source": entity.source,
        "confidence": entity.confidence,
        "annotator": entity.annotator,
        "decided_by": entity.decided_by,
        "decision": entity.decision,
        "layer": entity.layer,
        "found_in": list(entity.found_in),
    }


def relation_record(relation: Relation) -> dict[str, Any]:
    return {
        "head_id": relation.head_id,
        "tail_id": relation.tail_id,
        "type": relation.type,
        "status": relation.status,
        "annotator": relation.annotator,
        "layer": relation.layer,
    }
