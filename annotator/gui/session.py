"""The open project and document as the window sees them, with one undo stack per document.

Edits flow one way: a widget asks for an edit, a command performs it through the project
(committed to SQLite before it returns), and `changed` tells the views to repaint.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.model import AnnotationError, Document, Entity
from annotator.store import Project


class DocumentSession(QObject):
    # entities or statuses of the current document changed: the entity's id, or None when
    # more than one entity (or the document itself) changed
    changed = Signal(object)
    document_opened = Signal()
    error = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.document: Document | None = None
        self.entities: dict[int, Entity] = {}
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
        self._order = None
        self.changed.emit(None)

    def entity_updated(self, entity: Entity | None, removed_id: int | None = None) -> None:
        """Commands report what they changed so the cache stays current without a reload."""
        if removed_id is not None:
            self.entities.pop(removed_id, None)
        if entity is not None:
            old = self.entities.get(entity.id)
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
            return False
        command.performed = True
        self.undo_stack.push(command)
        return True

    def reading_order(self) -> list[Entity]:
        """Entities sorted by position; the order is cached until a span or label changes."""
        if self._order is None:
            self._order = sorted(self.entities, key=lambda i: _position(self.entities[i]))
        return [self.entities[entity_id] for entity_id in self._order]


def _position(entity: Entity) -> tuple[int, int, str, int]:
    return (entity.start, entity.end, entity.label, entity.id)
