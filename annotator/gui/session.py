"""The open document as the window shows it: a Qt adapter over the application layer.

`DocumentSession` keeps the open document's entities and relations, updated from the
workspace's change events only, and turns those events into Qt signals for the views.
Edits go the other way: a view asks for an operation, `perform` hands it to the workspace
(committed before it returns), and the event that follows updates every view.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from annotator.app.events import DocumentChanged, Event, ProjectReloaded
from annotator.app.history import History
from annotator.app.operations import Operation
from annotator.app.workspace import Workspace
from annotator.model import AnnotationError, Document, Entity, Relation
from annotator.store import Project


class DocumentSession(QObject):
    # entities or the status of the open document changed: the entity's id when one entity
    # changed in place (same span and label), else None
    changed = Signal(object)
    relations_changed = Signal()  # the open document's relations changed
    document_opened = Signal()
    project_changed = Signal(object)  # every workspace event, for project-wide views
    history_changed = Signal()  # undo / redo titles may have changed
    error = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.project: Project = workspace.project
        self.document: Document | None = None
        self.entities: dict[int, Entity] = {}
        self.relations: dict[int, Relation] = {}
        self._order: list[int] | None = None
        self._unsubscribe = workspace.events.subscribe(self._on_event)

    def close(self) -> None:
        """Stop listening to the workspace (the window closes); once is enough."""
        unsubscribe, self._unsubscribe = self._unsubscribe, lambda: None
        unsubscribe()

    @property
    def history(self) -> History | None:
        return None if self.document is None else self.workspace.history(self.document.id)

    def open_document(self, document_id: int) -> None:
        document = self.project.document(document_id)
        self.project.verify_document(document)
        self.document = document
        self._read()
        self.document_opened.emit()
        self.history_changed.emit()

    def reload(self) -> None:
        """Re-read the open document (after another program changed it)."""
        if self.document is None:
            return
        self.document = self.project.document(self.document.id)
        self._read()
        self.changed.emit(None)
        self.relations_changed.emit()

    def _read(self) -> None:
        self.entities = {e.id: e for e in self.project.entities(self.document.id)}
        self.relations = {r.id: r for r in self.project.relations(self.document.id)}
        self._order = None

    # --- edits -------------------------------------------------------------------------
    def perform(self, operation: Operation) -> bool:
        """Do the operation now; False (and `error` emitted) if it was refused."""
        return self._attempt(lambda: self.workspace.perform(operation))

    def undo(self) -> bool:
        return self.document is not None and self._attempt(
            lambda: self.workspace.undo(self.document.id)
        )

    def redo(self) -> bool:
        return self.document is not None and self._attempt(
            lambda: self.workspace.redo(self.document.id)
        )

    def _attempt(self, action) -> bool:
        try:
            action()
        except AnnotationError as error:
            self.error.emit(str(error))
            return False
        finally:
            self.history_changed.emit()
        return True

    # --- events ------------------------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        if isinstance(event, ProjectReloaded):
            self.reload()
        elif isinstance(event, DocumentChanged) and self.document is not None:
            if event.document_id == self.document.id:
                self._apply(event)
        self.project_changed.emit(event)

    def _apply(self, event: DocumentChanged) -> None:
        if event.everything:
            self.reload()
            return
        if event.status is not None:
            self.document = replace(self.document, status=event.status)
        relations_before = len(self.relations)
        for entity_id in event.entities_removed:
            self.entities.pop(entity_id, None)
            self.relations = {
                i: r for i, r in self.relations.items() if entity_id not in (r.head_id, r.tail_id)
            }
            self._order = None
        in_place = None
        for entity in event.entities:
            old = self.entities.get(entity.id)
            if old is None or (old.start, old.end, old.label) != (
                entity.start,
                entity.end,
                entity.label,
            ):
                self._order = None
            elif len(event.entities) == 1 and not event.entities_removed:
                in_place = entity.id
            self.entities[entity.id] = entity
        for relation_id in event.relations_removed:
            self.relations.pop(relation_id, None)
        for relation in event.relations:
            self.relations[relation.id] = relation
        if event.entities or event.entities_removed or event.status is not None:
            self.changed.emit(in_place)
        if event.relations or event.relations_removed or len(self.relations) != relations_before:
            self.relations_changed.emit()

    # --- reading -----------------------------------------------------------------------
    def relations_of(self, entity_id: int) -> list[Relation]:
        return [r for r in self.relations.values() if entity_id in (r.head_id, r.tail_id)]

    def reading_order(self) -> list[Entity]:
        """Entities sorted by position; the order is cached until a span or label changes."""
        if self._order is None:
            self._order = sorted(self.entities, key=lambda i: _position(self.entities[i]))
        return [self.entities[entity_id] for entity_id in self._order]


def _position(entity: Entity) -> tuple[int, int, str, int]:
    return (entity.start, entity.end, entity.label, entity.id)
