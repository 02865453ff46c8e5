"""The Qt-free core: documents, entities, relations and the schema."""

from __future__ import annotations

from annotator.model.annotations import (
    ANNOTATION_STATUSES,
    DOCUMENT_STATUSES,
    Document,
    Entity,
    Relation,
    check_annotation_status,
    check_document_status,
    check_span,
    text_sha256,
)
from annotator.model.errors import AnnotationError
from annotator.model.schema import EntityLabel, RelationType, Schema, default_schema

__all__ = [
    "ANNOTATION_STATUSES",
    "DOCUMENT_STATUSES",
    "AnnotationError",
    "Document",
    "Entity",
    "EntityLabel",
    "Relation",
    "RelationType",
    "Schema",
    "check_annotation_status",
    "check_document_status",
    "check_span",
    "default_schema",
    "text_sha256",
]
