"""Relations in a project: add, retype, swap, delete, always checked against the schema.

A mixin of Project, kept in its own module; every method is one transaction.
"""

from __future__ import annotations

from typing import Any

from annotator.model import AnnotationError, Entity, Relation, check_annotation_status
from annotator.store.connection import write_transaction
from annotator.store.rows import (
    RELATION_COLUMNS,
    now,
    relation_from_row,
    relation_record,
)


class RelationOperations:
    """Needs `db`, `schema`, `annotator`, `entity()` and `_log_edit()` from Project."""

    # --- relations -------------------------------------------------------------------------
    def relation(self, relation_id: int) -> Relation:
        row = self.db.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE id = ?", (relation_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no relation with id {relation_id}")
        return relation_from_row(row)

    def relations(self, document_id: int) -> list[Relation]:
        rows = self.db.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE document_id = ? ORDER BY id",
            (document_id,),
        )
        return [relation_from_row(row) for row in rows]

    def _relations_of(self, entity_id: int) -> list[Relation]:
        rows = self.db.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE head_id = ? OR tail_id = ? "
            "ORDER BY id",
            (entity_id, entity_id),
        )
        return [relation_from_row(row) for row in rows]

    def _check_relation_labels(self, relation: Relation, changed: Entity | None = None) -> Any:
        head = changed if changed and changed.id == relation.head_id else None
        tail = changed if changed and changed.id == relation.tail_id else None
        head = head or self.entity(relation.head_id)
        tail = tail or self.entity(relation.tail_id)
        try:
            return self.schema.check_relation(relation.type, head.label, tail.label)
        except AnnotationError as error:
            raise AnnotationError(f"relation {relation.id}: {error}") from None

    def _normalised(self, relation: Relation) -> Relation:
        """Check a relation against the model and store symmetric ones in one order."""
        head, tail = self.entity(relation.head_id), self.entity(relation.tail_id)
        if head.document_id != tail.document_id:
            raise AnnotationError(
                f"entities {head.id} and {tail.id} are in different documents; a relation "
                "links entities of one document"
            )
        relation_type = self._check_relation_labels(relation)
        if relation_type.symmetric and relation.head_id > relation.tail_id:
            relation = relation.with_changes(head_id=relation.tail_id, tail_id=relation.head_id)
        row = self.db.execute(
            "SELECT id FROM relations WHERE head_id = ? AND tail_id = ? AND type = ? "
            "AND id IS NOT ?",
            (relation.head_id, relation.tail_id, relation.type, relation.id or None),
        ).fetchone()
        if row is not None:
            raise AnnotationError(
                f"relation {relation.type} from entity {relation.head_id} to entity "
                f"{relation.tail_id} already exists (relation {row[0]})"
            )
        return relation.with_changes(document_id=head.document_id)

    def add_relation(
        self,
        head_id: int,
        tail_id: int,
        type: str,
        *,
        status: str = "accepted",
        annotator: str | None = None,
        relation_id: int | None = None,
    ) -> Relation:
        annotator = annotator or self.annotator
        draft = Relation(
            id=relation_id or 0,
            document_id=0,
            head_id=head_id,
            tail_id=tail_id,
            type=type,
            status=status,
            annotator=annotator,
        )
        with write_transaction(self.db):
            draft = self._normalised(draft)
            stamp = now()
            cursor = self.db.execute(
                "INSERT INTO relations (id, document_id, head_id, tail_id, type, status, "
                "annotator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    relation_id,
                    draft.document_id,
                    draft.head_id,
                    draft.tail_id,
                    draft.type,
                    draft.status,
                    annotator,
                    stamp,
                    stamp,
                ),
            )
            relation = self.relation(cursor.lastrowid)
            self._log_edit(
                action="add",
                object_kind="relation",
                object_id=relation.id,
                document_id=relation.document_id,
                annotator=annotator,
                new=relation_record(relation),
                at=stamp,
            )
        return relation

    def update_relation(
        self,
        relation_id: int,
        *,
        type: str | None = None,
        head_id: int | None = None,
        tail_id: int | None = None,
        status: str | None = None,
        annotator: str | None = None,
    ) -> tuple[Relation, Relation]:
        """Change a relation's type, endpoints (a swap) or status; returns (old, new)."""
        annotator = annotator or self.annotator
        with write_transaction(self.db):
            old = self.relation(relation_id)
            new = self._normalised(
                old.with_changes(
                    type=old.type if type is None else type,
                    head_id=old.head_id if head_id is None else head_id,
                    tail_id=old.tail_id if tail_id is None else tail_id,
                    status=old.status if status is None else check_annotation_status(status),
                    annotator=annotator,
                )
            )
            stamp = now()
            self.db.execute(
                "UPDATE relations SET head_id = ?, tail_id = ?, type = ?, status = ?, "
                "annotator = ?, updated_at = ? WHERE id = ?",
                (new.head_id, new.tail_id, new.type, new.status, annotator, stamp, relation_id),
            )
            new = self.relation(relation_id)
            self._log_edit(
                action="update",
                object_kind="relation",
                object_id=relation_id,
                document_id=old.document_id,
                annotator=annotator,
                old=relation_record(old),
                new=relation_record(new),
                at=stamp,
            )
        return old, new

    def delete_relation(self, relation_id: int, annotator: str | None = None) -> Relation:
        annotator = annotator or self.annotator
        with write_transaction(self.db):
            relation = self.relation(relation_id)
            self.db.execute("DELETE FROM relations WHERE id = ?", (relation_id,))
            self._log_edit(
                action="delete",
                object_kind="relation",
                object_id=relation_id,
                document_id=relation.document_id,
                annotator=annotator,
                old=relation_record(relation),
            )
        return relation

    def restore_relations(self, relations: list[Relation], annotator: str | None = None) -> None:
        """Undo of a deletion: the relations come back with their ids, types and statuses."""
        with write_transaction(self.db):
            for relation in relations:
                self.add_relation(
                    relation.head_id,
                    relation.tail_id,
                    relation.type,
                    status=relation.status,
                    annotator=annotator or relation.annotator,
                    relation_id=relation.id,
                )
