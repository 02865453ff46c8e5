"""One QUndoCommand per model operation; each do and undo is committed at once."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from annotator.gui.session import DocumentSession
from annotator.model import Entity, Relation
from annotator.store.connection import write_transaction


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
        self.seen = entity  # as the window showed it: refused if another program changed it
        self.before = {key: getattr(entity, key) for key in changes}
        self.after = changes

    def perform(self) -> None:
        expected, self.seen = self.seen, None  # only the first do is checked
        _, new = self.project.update_entity(self.entity_id, expected=expected, **self.after)
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
        self.seen = entity
        self.deleted: tuple[Entity, list[Relation]] | None = None

    def perform(self) -> None:
        expected, self.seen = self.seen, None
        self.deleted = self.project.delete_entity(self.entity_id, expected=expected)
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


class AddRelation(_Command):
    """A relation joins accepted entities: a candidate end is accepted in the same step."""

    def __init__(self, session: DocumentSession, head: Entity, tail: Entity, type_name: str):
        super().__init__(session, f"Add {type_name}")
        self.head_id, self.tail_id, self.type = head.id, tail.id, type_name
        self.accepted = [e.id for e in (head, tail) if e.status != "accepted"]
        self.previous_status = {e.id: e.status for e in (head, tail)}
        self.relation_id: int | None = None

    def perform(self) -> None:
        with write_transaction(self.project.db):
            for entity_id in self.accepted:
                self.project.update_entity(entity_id, status="accepted")
            relation = self.project.add_relation(
                self.head_id, self.tail_id, self.type, relation_id=self.relation_id
            )
        self.relation_id = relation.id
        self.session.relations_updated(self.accepted)

    def undo(self) -> None:
        with write_transaction(self.project.db):
            self.project.delete_relation(self.relation_id)
            for entity_id in self.accepted:
                self.project.update_entity(entity_id, status=self.previous_status[entity_id])
        self.session.relations_updated(self.accepted)


class DeleteRelation(_Command):
    def __init__(self, session: DocumentSession, relation: Relation) -> None:
        super().__init__(session, f"Delete {relation.type}")
        self.relation = relation

    def perform(self) -> None:
        self.project.delete_relation(self.relation.id)
        self.session.relations_updated()

    def undo(self) -> None:
        self.project.restore_relations([self.relation])
        self.session.relations_updated()


class UpdateRelation(_Command):
    """Change the type, or swap head and tail."""

    def __init__(self, session: DocumentSession, relation: Relation, text: str, **changes):
        super().__init__(session, text)
        self.relation_id = relation.id
        self.before = {key: getattr(relation, key) for key in changes}
        self.after = changes

    def perform(self) -> None:
        self.project.update_relation(self.relation_id, **self.after)
        self.session.relations_updated()

    def undo(self) -> None:
        self.project.update_relation(self.relation_id, **self.before)
        self.session.relations_updated()


class RejectWithRelations(_Command):
    """Reject an accepted entity and remove its relations in one step; undo restores both."""

    def __init__(self, session: DocumentSession, entity: Entity) -> None:
        super().__init__(session, f"Reject {entity.label} and its relations")
        self.entity = entity
        self.relations = session.relations_of(entity.id)

    def perform(self) -> None:
        with write_transaction(self.project.db):
            for relation in self.relations:
                self.project.delete_relation(relation.id)
            self.project.update_entity(self.entity.id, status="rejected")
        self.session.relations_updated([self.entity.id])

    def undo(self) -> None:
        with write_transaction(self.project.db):
            self.project.update_entity(self.entity.id, status=self.entity.status)
            self.project.restore_relations(self.relations)
        self.session.relations_updated([self.entity.id])
