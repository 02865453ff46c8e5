"""The Qt-free core: documents, entities, relations, the schema, and their invariants."""

from __future__ import annotations

from annotator.model.annotated import (
    AnnotatedDocument,
    EntityRecord,
    ExportDocument,
    ExportEntity,
    ExportRelation,
    RelationRecord,
)
from annotator.model.annotations import (
    Document,
    Entity,
    Relation,
    check_decision,
    check_document_status,
    check_span,
    check_status,
    text_sha256,
)
from annotator.model.errors import AnnotationError
from annotator.model.schema import EntityLabel, RelationType, Schema, default_schema
from annotator.model.vocabulary import (
    CORRECTIONS,
    GOLD,
    HUMAN_SOURCE,
    Decision,
    DocumentStatus,
    Outcome,
    Status,
)

__all__ = [
    "CORRECTIONS",
    "GOLD",
    "HUMAN_SOURCE",
    "AnnotatedDocument",
    "AnnotationError",
    "Decision",
    "Document",
    "DocumentStatus",
    "Entity",
    "EntityLabel",
    "EntityRecord",
    "ExportDocument",
    "ExportEntity",
    "ExportRelation",
    "Relation",
    "RelationRecord",
    "RelationType",
    "Schema",
    "Outcome",
    "Status",
    "check_decision",
    "check_document_status",
    "check_span",
    "check_status",
    "default_schema",
    "text_sha256",
]
