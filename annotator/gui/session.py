"""The open project and document as the window sees them, with one undo stack per document.

Edits flow one way: a widget asks for an edit, a command performs it through the project
(committed to SQLite before it returns), and `changed` tells the views to repaint.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.model import AnnotationError, Document, Entity, Relation
from annotator.store import Project
from annotator.store.project import ConcurrentEditError


class DocumentSession(QObject):
    # entities or statuses of the current document changed: the entity's id, or None when
    # more than one entity (or the document itself) changed
    changed = Signal(object)
    relations_changed = Signal()  # the document's relations changed
    document_opened = Signal()
    error = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.document: Document | None = None
        self.entities: dict[int, Entity] = {}
        self.relations: dict[int, Relation] = {}
        self._stacks: dict[int, QUndoStack] = {}
        self._order: list[int] | None = None

    @property
    def undo_stack(self) -> QUndoStack | None:
        return None if self.document is None else self._stacks[self.document.id]

    def open_document(self, document_id: int) -> None:
        document = self.project.document(document_id)
        self.project.verify_document(document)
        self.document = document
        if document_id not in self._stacks:
            self._stacks[document_id] = QUndoStack(self)
        self.reload()
        self.document_opened.emit()

    def reload(self) -> None:
        if self.document is None:
            return
        self.document = self.project.document(self.document.id)
        self.entities = {e.id: e for e in self.project.entities(self.document.id)}
        self.relations = {r.id: r for r in self.project.relations(self.document.id)}
        self._order = None
        self.changed.emit(None)

    def relations_updated(self, entity_ids=()) -> None:
        """Relation commands report here, with the entities they changed on the way (a
        candidate accepted by linking it): only those are re-read, not the whole document."""
        self.relations = {r.id: r for r in self.project.relations(self.document.id)}
        for entity_id in entity_ids:
            self.entity_updated(self.project.entity(entity_id))
        self.relations_changed.emit()

    def entity_updated(self, entity: Entity | None, removed_id: int | None = None) -> None:
        """Commands report what they changed so the cache stays current without a reload."""
        if removed_id is not None:
            self.entities.pop(removed_id, None)
            # deleting an entity deletes its relations with it
            self.relations = {
                i: r for i, r in self.relations.items() if removed_id not in (r.head_id, r.tail_id)
            }
        if entity is not None:
            old = self.entities.get(entity.id)
            if old is None:  # restored by an undo: its relations come back with it
                self.relations = {r.id: r for r in self.project.relations(self.document.id)}
            if old is None or (old.start, old.end, old.label) != (
                entity.start,
                entity.end,
                entity.label,
            ):
                self._order = None
            self.entities[entity.id] = entity
        else:
            self._order = None
        if self.document is not None:
            # an edit can move the document from new to in_progress; its text never changes
            status = self.project.db.execute(
                "SELECT status FROM documents WHERE id = ?", (self.document.id,)
            ).fetchone()[0]
            if status != self.document.status:
                self.document = replace(self.document, status=status)
        self.changed.emit(entity.id if entity is not None and removed_id is None else None)

    def push(self, command: QUndoCommand) -> bool:
        """Perform the command now; only a command that succeeded goes on the stack."""
        try:
            command.perform()
        except AnnotationError as error:
            self.error.emit(str(error))
            if isinstance(error, ConcurrentEditError):
                self.reload()  # show what the other program stored
            return False
        command.performed = True
        self.undo_stack.push(command)
        return True

    def relations_of(self, entity_id: int) -> list[Relation]:
        return [r for r in self.relations.values() if entity_id in (r.head_id, r.tail_id)]

    def reading_order(self) -> list[Entity]:
        """Entities sorted by position; the order is cached until a span or label changes."""
        if self._order is None:
            self._order = sorted(self.entities, key=lambda i: _position(self.entities[i]))
        return [self.entities[entity_id] for entity_id in self._order]


def _position(entity: Entity) -> tuple[int, int, str, int]:
    return (entity.start, entity.end, entity.label, entity.id)
