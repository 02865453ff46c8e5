"""Documents, entities and relations: plain values with their invariants.

Offsets are Python code points, end-exclusive, on the exact imported text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.model.errors import AnnotationError
from annotator.model.vocabulary import GOLD, Decision, DocumentStatus, Status


def text_sha256(text: str) -> str:
    """The fingerprint that makes a document's text immutable after import (hex, 64 chars)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _member(kind: type, value: Any, what: str):
    try:
        return kind(value)
    except ValueError:
        raise AnnotationError(
            f"unknown {what} {value!r}; expected one of {', '.join(m.value for m in kind)}"
        ) from None


def check_document_status(status: Any) -> DocumentStatus:
    """The DocumentStatus for `status`; AnnotationError naming the allowed values if none."""
    return _member(DocumentStatus, status, "document status")


def check_status(status: Any) -> Status:
    """The Status of an entity or relation; AnnotationError naming the allowed values."""
    return _member(Status, status, "status")


def check_decision(decision: Any) -> Decision | None:
    """The Decision for `decision` (None stays None); AnnotationError if unknown."""
    return None if decision is None else _member(Decision, decision, "decision")


def check_span(start: Any, end: Any, text_length: int) -> None:
    """Enforce 0 <= start < end <= len(text) with integers only (code points).

    Raises AnnotationError naming the offending offset."""
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
    """An imported text; `text` never changes after import (`sha256` proves it)."""

    id: int
    name: str
    text: str
    status: DocumentStatus = DocumentStatus.NEW
    meta: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", check_document_status(self.status))
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))


@dataclass(frozen=True, slots=True)
class Entity:
    """A labelled span of a document, in code points [start, end).

    Provenance: `source` is the suggester that proposed it (`human` when made by hand),
    `annotator` who created it; `decided_by` and `decision` say who last decided it and how.
    `layer` is whose annotation it is: an annotator's name, or `gold`; a gold entity made
    by curation names in `found_in` the annotators whose layers had it.
    """

    id: int
    document_id: int
    start: int
    end: int
    label: str
    status: Status = Status.CANDIDATE
    source: str = "human"
    confidence: float | None = None
    annotator: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    decided_by: str | None = None
    decision: Decision | None = None
    layer: str = GOLD
    found_in: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", check_status(self.status))
        if self.decision is not None:
            object.__setattr__(self, "decision", check_decision(self.decision))

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def text_in(self, document_text: str) -> str:
        return document_text[self.start : self.end]

    def with_changes(self, **changes: Any) -> Entity:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link from a head entity to a tail entity of the same document."""

    id: int
    document_id: int
    head_id: int
    tail_id: int
    type: str
    status: Status = Status.ACCEPTED
    annotator: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    layer: str = GOLD
    found_in: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", check_status(self.status))
        if self.head_id == self.tail_id:
            raise AnnotationError(
                f"relation {self.type!r} cannot link entity {self.head_id} to itself"
            )

    def with_changes(self, **changes: Any) -> Relation:
        return replace(self, **changes)
