"""One QUndoCommand per model operation; each do and undo is committed at once."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from annotator.gui.session import DocumentSession
from annotator.model import Entity, Relation


class _Command(QUndoCommand):
    def __init__(self, session: DocumentSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.project = session.project
        self.performed = False

    def redo(self) -> None:
        if self.performed:  # the first redo already happened in DocumentSession.push
            self.performed = False
            return
        self.perform()

    def perform(self) -> None:
        raise NotImplementedError


class UpdateEntity(_Command):
    """Accept, reject, relabel or resize."""

    def __init__(self, session: DocumentSession, entity: Entity, text: str, **changes) -> None:
        super().__init__(session, text)
        self.entity_id = entity.id
        self.before = {key: getattr(entity, key) for key in changes}
        self.after = changes

    def perform(self) -> None:
        _, new = self.project.update_entity(self.entity_id, **self.after)
        self.session.entity_updated(new)

    def undo(self) -> None:
        _, new = self.project.update_entity(self.entity_id, **self.before)
        self.session.entity_updated(new)


class AddEntity(_Command):
    def __init__(self, session: DocumentSession, start: int, end: int, label: str) -> None:
        super().__init__(session, f"Add {label}")
        self.span = (start, end, label)
        self.entity_id: int | None = None

    def perform(self) -> None:
        start, end, label = self.span
        entity = self.project.add_entity(
            self.session.document.id, start, end, label, entity_id=self.entity_id
        )
        self.entity_id = entity.id
        self.session.entity_updated(entity)

    def undo(self) -> None:
        self.project.delete_entity(self.entity_id)
        self.session.entity_updated(None, removed_id=self.entity_id)


class DeleteEntity(_Command):
    """Deletes the entity and its relations; undo restores both."""

    def __init__(self, session: DocumentSession, entity: Entity) -> None:
        super().__init__(session, f"Delete {entity.label}")
        self.entity_id = entity.id
        self.deleted: tuple[Entity, list[Relation]] | None = None

    def perform(self) -> None:
        self.deleted = self.project.delete_entity(self.entity_id)
        self.session.entity_updated(None, removed_id=self.entity_id)

    def undo(self) -> None:
        entity, relations = self.deleted
        self.project.restore_entity(entity, relations)
        self.session.entity_updated(self.project.entity(entity.id))


class AcceptAll(_Command):
    """Accept several candidates in one step (one transaction each way)."""

    def __init__(self, session: DocumentSession, entities: list[Entity], text: str) -> None:
        super().__init__(session, text)
        self.ids = [entity.id for entity in entities]

    def _set(self, status: str) -> None:
        from annotator.store.connection import write_transaction

        with write_transaction(self.project.db):
            for entity_id in self.ids:
                self.project.update_entity(entity_id, status=status)
        self.session.reload()

    def perform(self) -> None:
        self._set("accepted")

    def undo(self) -> None:
        self._set("candidate")


class SetDocumentStatus(_Command):
    def __init__(self, session: DocumentSession, status: str) -> None:
        super().__init__(session, f"Mark {status.replace('_', ' ')}")
        self.document_id = session.document.id
        self.status = status
        self.before = session.document.status

    def perform(self) -> None:
        self.project.set_document_status(self.document_id, self.status)
        self.session.entity_updated(None)

    def undo(self) -> None:
        self.project.set_document_status(self.document_id, self.before)
        self.session.entity_updated(None)
