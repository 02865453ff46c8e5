"""The entities table: reading, inserting, updating and deleting rows, one entity at a time.

The rules that join entities to relations and documents (a relabel must suit the entity's
relations, a deletion takes its relations with it) are applied by `Project`, which owns
the transaction around them.
"""

from __future__ import annotations

from sqlite_utils import Database

from annotator.model import AnnotationError, Entity
from annotator.store.rows import ENTITY_COLUMNS, entity_from_row, names_json, now


class EntityRows:
    """Entities of one project file (db: the project's handle)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, entity_id: int) -> Entity:
        """The entity with this id; AnnotationError if there is none."""
        row = self._db.execute(
            f"SELECT {ENTITY_COLUMNS} FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no entity with id {entity_id}")
        return entity_from_row(row)

    def of_document(
        self,
        document_id: int,
        layer: str,
        status: str | None = None,
        within: tuple[int, int] | None = None,
    ) -> list[Entity]:
        """A document's entities in one layer, in reading order (start, end, label, id);
        `within` (start, end): only those inside that stretch of text."""
        where = " AND status = ?" if status else ""
        params: tuple = (document_id, layer, status) if status else (document_id, layer)
        if within is not None:
            where += ' AND start >= ? AND "end" <= ?'
            params += tuple(within)
        rows = self._db.execute(
            f"SELECT {ENTITY_COLUMNS} FROM entities WHERE document_id = ? AND layer = ?{where} "
            'ORDER BY start, "end", label, id',
            params,
        )
        return [entity_from_row(row) for row in rows]

    def refuse_duplicate_span(
        self,
        document_id: int,
        start: int,
        end: int,
        label: str,
        exclude_id: int | None,
        layer: str,
    ) -> None:
        """AnnotationError if another entity of the layer has this span and label."""
        row = self._db.execute(
            'SELECT id, status FROM entities WHERE document_id = ? AND start = ? AND "end" = ? '
            "AND label = ? AND layer = ? AND id IS NOT ?",
            (document_id, start, end, label, layer, exclude_id),
        ).fetchone()
        if row is not None:
            raise AnnotationError(
                f"a {label} entity at {start}-{end} already exists (entity {row[0]}, {row[1]})"
            )

    def insert(self, entity: Entity, *, keep_id: bool) -> Entity:
        """Write a new row for `entity` (its id kept only with `keep_id`, to undo a
        deletion); the caller checked it and holds the transaction."""
        stamp = now()
        cursor = self._db.execute(
            'INSERT INTO entities (id, document_id, start, "end", label, status, source, '
            "confidence, annotator, created_at, updated_at, decided_by, decision, layer, "
            "found_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entity.id if keep_id else None,
                entity.document_id,
                entity.start,
                entity.end,
                entity.label,
                entity.status,
                entity.source,
                entity.confidence,
                entity.annotator,
                entity.created_at or stamp,
                stamp,
                entity.decided_by,
                entity.decision,
                entity.layer,
                names_json(entity.found_in),
            ),
        )
        return self.get(cursor.lastrowid)

    def write(self, entity: Entity) -> Entity:
        """Store an entity's span, label, status and decision; returns it as stored."""
        self._db.execute(
            'UPDATE entities SET start = ?, "end" = ?, label = ?, status = ?, '
            "decided_by = ?, decision = ?, updated_at = ? WHERE id = ?",
            (
                entity.start,
                entity.end,
                entity.label,
                entity.status,
                entity.decided_by,
                entity.decision,
                now(),
                entity.id,
            ),
        )
        return self.get(entity.id)

    def delete(self, entity_id: int) -> None:
        self._db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
