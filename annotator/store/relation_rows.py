"""The relations table: add, retype, swap, delete, always checked against the schema.

Every method that writes is one transaction (a savepoint inside a caller's transaction).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from annotator.model import AnnotationError, Entity, Relation, RelationType, Schema, check_status
from annotator.store.connection import write_transaction
from annotator.store.edit_log import EditLog
from annotator.store.rows import (
    RELATION_COLUMNS,
    names_json,
    now,
    relation_from_row,
    relation_record,
)


class RelationRows:
    """Relations of one project file.

    `entity` reads an entity by id (AnnotationError if absent); `schema` returns the
    project's current schema; `log` records each edit.
    """

    def __init__(
        self,
        db: Database,
        entity: Callable[[int], Entity],
        schema: Callable[[], Schema],
        log: EditLog,
    ) -> None:
        self._db = db
        self._entity = entity
        self._schema = schema
        self._log = log

    def get(self, relation_id: int) -> Relation:
        row = self._db.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE id = ?", (relation_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no relation with id {relation_id}")
        return relation_from_row(row)

    def of_document(self, document_id: int, layer: str) -> list[Relation]:
        """A document's relations in one layer, in id order."""
        rows = self._db.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE document_id = ? AND layer = ? "
            "ORDER BY id",
            (document_id, layer),
        )
        return [relation_from_row(row) for row in rows]

    def of_entity(self, entity_id: int) -> list[Relation]:
        rows = self._db.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE head_id = ? OR tail_id = ? "
            "ORDER BY id",
            (entity_id, entity_id),
        )
        return [relation_from_row(row) for row in rows]

    def check_labels(self, relation: Relation, changed: Entity | None = None) -> RelationType:
        """The relation's type if the schema allows it between its ends' labels (with
        `changed` standing in for the stored entity of the same id); else AnnotationError."""
        head = changed if changed and changed.id == relation.head_id else None
        tail = changed if changed and changed.id == relation.tail_id else None
        head = head or self._entity(relation.head_id)
        tail = tail or self._entity(relation.tail_id)
        try:
            return self._schema().check_relation(relation.type, head.label, tail.label)
        except AnnotationError as error:
            raise AnnotationError(f"relation {relation.id}: {error}") from None

    def _normalised(self, relation: Relation) -> Relation:
        """Check a relation against the model and store symmetric ones in one order."""
        head, tail = self._entity(relation.head_id), self._entity(relation.tail_id)
        if head.document_id != tail.document_id:
            raise AnnotationError(
                f"entities {head.id} and {tail.id} are in different documents; a relation "
                "links entities of one document"
            )
        if head.layer != tail.layer:
            raise AnnotationError(
                f"entities {head.id} and {tail.id} are in different layers ({head.layer}, "
                f"{tail.layer}); a relation links entities of one layer"
            )
        relation_type = self.check_labels(relation)
        if relation_type.symmetric and relation.head_id > relation.tail_id:
            relation = relation.with_changes(head_id=relation.tail_id, tail_id=relation.head_id)
        row = self._db.execute(
            "SELECT id FROM relations WHERE head_id = ? AND tail_id = ? AND type = ? "
            "AND id IS NOT ?",
            (relation.head_id, relation.tail_id, relation.type, relation.id or None),
        ).fetchone()
        if row is not None:
            raise AnnotationError(
                f"relation {relation.type} from entity {relation.head_id} to entity "
                f"{relation.tail_id} already exists (relation {row[0]})"
            )
        return relation.with_changes(document_id=head.document_id, layer=head.layer)

    def add(
        self,
        head_id: int,
        tail_id: int,
        type: str,
        *,
        status: str,
        annotator: str | None,
        relation_id: int | None = None,
        created_at: str | None = None,
        found_in: tuple[str, ...] = (),
    ) -> Relation:
        """Add a relation (with `relation_id` and `created_at` only to bring a deleted one
        back as it was)."""
        draft = Relation(0, 0, head_id, tail_id, type, status, annotator)
        with write_transaction(self._db):
            draft = self._normalised(draft.with_changes(id=relation_id or 0))
            stamp = now()
            cursor = self._db.execute(
                "INSERT INTO relations (id, document_id, head_id, tail_id, type, status, "
                "annotator, created_at, updated_at, layer, found_in) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    relation_id,
                    draft.document_id,
                    draft.head_id,
                    draft.tail_id,
                    draft.type,
                    draft.status,
                    annotator,
                    created_at or stamp,
                    stamp,
                    draft.layer,
                    names_json(found_in),
                ),
            )
            relation = self.get(cursor.lastrowid)
            self._log.edit(
                action="add",
                object_kind="relation",
                object_id=relation.id,
                document_id=relation.document_id,
                layer=relation.layer,
                annotator=annotator,
                new=relation_record(relation),
                at=stamp,
            )
        return relation

    def update(
        self,
        relation_id: int,
        *,
        acting: str,
        type: str | None = None,
        head_id: int | None = None,
        tail_id: int | None = None,
        status: str | None = None,
    ) -> tuple[Relation, Relation]:
        """Change a relation's type, ends (a swap) or status; returns (old, new). The
        relation keeps its creator; `acting` is who made the change (in the log)."""
        with write_transaction(self._db):
            old = self.get(relation_id)
            new = self._normalised(
                old.with_changes(
                    type=old.type if type is None else type,
                    head_id=old.head_id if head_id is None else head_id,
                    tail_id=old.tail_id if tail_id is None else tail_id,
                    status=old.status if status is None else check_status(status),
                )
            )
            stamp = now()
            self._db.execute(
                "UPDATE relations SET head_id = ?, tail_id = ?, type = ?, status = ?, "
                "updated_at = ? WHERE id = ?",
                (new.head_id, new.tail_id, new.type, new.status, stamp, relation_id),
            )
            new = self.get(relation_id)
            self._log.edit(
                action="update",
                object_kind="relation",
                object_id=relation_id,
                document_id=old.document_id,
                layer=old.layer,
                annotator=acting,
                old=relation_record(old),
                new=relation_record(new),
                at=stamp,
            )
        return old, new

    def delete(self, relation_id: int, *, acting: str) -> Relation:
        """Delete a relation; returns it so the deletion can be undone."""
        with write_transaction(self._db):
            relation = self.get(relation_id)
            self._db.execute("DELETE FROM relations WHERE id = ?", (relation_id,))
            self._log.edit(
                action="delete",
                object_kind="relation",
                object_id=relation_id,
                document_id=relation.document_id,
                layer=relation.layer,
                annotator=acting,
                old=relation_record(relation),
            )
        return relation

    def restore(self, relations: list[Relation]) -> list[Relation]:
        """Undo of a deletion: the relations come back with their ids, types, statuses
        and creators."""
        with write_transaction(self._db):
            return [
                self.add(
                    relation.head_id,
                    relation.tail_id,
                    relation.type,
                    status=relation.status,
                    annotator=relation.annotator,
                    relation_id=relation.id,
                    created_at=relation.created_at,
                    found_in=relation.found_in,
                )
                for relation in relations
            ]
