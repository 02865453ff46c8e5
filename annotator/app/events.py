"""Typed change events, announced after each commit, and the hub that delivers them.

Views update from these events only: no operation or widget refreshes a view by hand.
An event carries the new values, so a view of the open document needs no re-read; the
hub calls subscribers synchronously, in the thread that committed (as glue's `Hub` does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from annotator.model import DocumentStatus, Entity, Relation


class Origin(StrEnum):
    """Why a change happened: a person's edit, its undo or redo, a suggester, an import,
    a merge of annotators' work, or another program writing the same project file."""

    EDIT = "edit"
    UNDO = "undo"
    REDO = "redo"
    SUGGEST = "suggest"
    IMPORT = "import"
    MERGE = "merge"
    EXTERNAL = "external"


@dataclass(frozen=True, slots=True)
class DocumentChanged:
    """Entities, relations or the status of one document changed.

    `entities_added` / `entities_changed` hold entities with their new values,
    `entities_removed` their ids; relations likewise. `status` is the new document status
    when it changed. `everything` means too much changed to list (a suggestion run):
    re-read the document. `curation`: how one of its disagreements was settled changed.
    """

    document_id: int
    origin: Origin
    entities_added: tuple[Entity, ...] = ()
    entities_changed: tuple[Entity, ...] = ()
    entities_removed: tuple[int, ...] = ()
    relations_added: tuple[Relation, ...] = ()
    relations_changed: tuple[Relation, ...] = ()
    relations_removed: tuple[int, ...] = ()
    status: DocumentStatus | None = None
    everything: bool = False
    curation: bool = False

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Added and changed entities, with their new values."""
        return self.entities_added + self.entities_changed

    @property
    def relations(self) -> tuple[Relation, ...]:
        return self.relations_added + self.relations_changed

    @property
    def touches_gold(self) -> bool:
        """True if accepted entities may have changed (project memory learns from them)."""
        return bool(self.entities or self.entities_removed or self.everything)


@dataclass(frozen=True, slots=True)
class DocumentsAdded:
    """Documents were imported (ids in order)."""

    document_ids: tuple[int, ...]
    origin: Origin = Origin.IMPORT


@dataclass(frozen=True, slots=True)
class ProjectReloaded:
    """Another program committed to the project: every view re-reads what it shows."""

    origin: Origin = Origin.EXTERNAL


Event = DocumentChanged | DocumentsAdded | ProjectReloaded


@dataclass
class EventHub:
    """Delivers events to subscribers in the order they subscribed."""

    _subscribers: list[Callable[[Event], None]] = field(default_factory=list)

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        """Call `callback(event)` for every event; returns a function that unsubscribes."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback)

    def publish(self, event: Event) -> None:
        for callback in list(self._subscribers):
            callback(event)
