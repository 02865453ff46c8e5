"""Documents, entities and relations: plain values with their invariants.

Offsets are Python code points, end-exclusive, on the exact imported text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.model.errors import AnnotationError

DOCUMENT_STATUSES = ("new", "in_progress", "done")
ANNOTATION_STATUSES = ("candidate", "accepted", "rejected")


def text_sha256(text: str) -> str:
    """The fingerprint that makes a document's text immutable after import."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_document_status(status: str) -> str:
    if status not in DOCUMENT_STATUSES:
        raise AnnotationError(
            f"unknown document status {status!r}; expected one of {', '.join(DOCUMENT_STATUSES)}"
        )
    return status


def check_annotation_status(status: str) -> str:
    if status not in ANNOTATION_STATUSES:
        raise AnnotationError(
            f"unknown status {status!r}; expected one of {', '.join(ANNOTATION_STATUSES)}"
        )
    return status


def check_span(start: Any, end: Any, text_length: int) -> None:
    """Enforce 0 <= start < end <= len(text) with integers only."""
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnnotationError(f"{name} must be an integer, got {value!r}")
    if start < 0:
        raise AnnotationError(f"start {start} is negative")
    if end > text_length:
        raise AnnotationError(f"end {end} is past the end of the text (length {text_length})")
    if start >= end:
        raise AnnotationError(f"span {start}-{end} is empty or reversed (start must be < end)")


@dataclass(frozen=True, slots=True)
class Document:
    id: int
    name: str
    text: str
    status: str = "new"
    meta: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""

    def __post_init__(self) -> None:
        check_document_status(self.status)
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))


@dataclass(frozen=True, slots=True)
class Entity:
    id: int
    document_id: int
    start: int
    end: int
    label: str
    status: str = "candidate"
    source: str = "human"
    confidence: float | None = None
    annotator: str | None = None
    created_at: str | None = None
    updated_at: str | None = None

    def __post_init__(self) -> None:
        check_annotation_status(self.status)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def text_in(self, document_text: str) -> str:
        return document_text[self.start : self.end]

    def with_changes(self, **changes: Any) -> Entity:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Relation:
    id: int
    document_id: int
    head_id: int
    tail_id: int
    type: str
    status: str = "accepted"
    annotator: str | None = None
    created_at: str | None = None
    updated_at: str | None = None

    def __post_init__(self) -> None:
        check_annotation_status(self.status)
        if self.head_id == self.tail_id:
            raise AnnotationError(
                f"relation {self.type!r} cannot link entity {self.head_id} to itself"
            )

    def with_changes(self, **changes: Any) -> Relation:
        return replace(self, **changes)
