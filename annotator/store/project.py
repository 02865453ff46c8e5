"""A project: one SQLite file holding documents, their annotations, the schema and the log.

Every public method that changes anything is one transaction, committed before it returns,
and appends what it changed to the `events` log.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.model import (
    AnnotationError,
    Document,
    Entity,
    Relation,
    Schema,
    check_annotation_status,
    check_document_status,
    check_span,
    default_schema,
    text_sha256,
)
from annotator.store.connection import ProjectFileError, connect, write_transaction
from annotator.store.relation_operations import RelationOperations
from annotator.store.rows import (
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    document_from_row,
    entity_from_row,
    entity_record,
    now,
    record_event,
)
from annotator.store.schema_table import read_schema, write_schema


def default_annotator() -> str:
    name = os.environ.get("ANNOTATOR_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on this system
        return "unknown"


class ConcurrentEditError(AnnotationError):
    """Another program changed the entity since the caller read it; nothing was written."""


def _refuse_if_changed(current: Entity, expected: Entity | None) -> None:
    if expected is None:
        return
    if (current.start, current.end, current.label, current.status, current.updated_at) != (
        expected.start,
        expected.end,
        expected.label,
        expected.status,
        expected.updated_at,
    ):
        raise ConcurrentEditError(
            f"entity {current.id} was changed by another program (now {current.label}, "
            f"{current.status}); your edit was not saved — the document was re-read"
        )


class Project(RelationOperations):
    """The store API used by the CLI, the importers and the window's commands."""

    def __init__(self, db: Database, path: Path | None, annotator: str | None = None) -> None:
        self.db = db
        self.path = path
        self.annotator = annotator or default_annotator()
        self._schema: Schema | None = None

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        annotator: str | None = None,
        read_only: bool = False,
    ):
        """Open a project file; with `create`, make it (with the default schema) if absent.
        A file that cannot be written opens read-only (see `read_only`)."""
        db = connect(path, create=create, read_only=read_only)
        project = cls(db, None if str(path) == ":memory:" else Path(path), annotator)
        if not project.read_only and not project.db["schema_entries"].count:
            project.set_schema(default_schema())
        return project

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.db, "read_only", False))

    @classmethod
    def create(cls, path: Path | str, schema: Schema | None = None, annotator: str | None = None):
        if str(path) != ":memory:" and Path(path).exists() and Path(path).stat().st_size:
            raise ProjectFileError(f"{path}: a file already exists here")
        project = cls.open(path, create=True, annotator=annotator)
        if schema is not None:
            project.set_schema(schema)
        return project

    @classmethod
    def memory(cls, schema: Schema | None = None, annotator: str | None = None) -> Project:
        return cls.create(":memory:", schema, annotator)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- schema and settings ---------------------------------------------------------------
    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = read_schema(self.db)
        return self._schema

    def set_schema(self, schema: Schema) -> None:
        """Replace the schema; refused if an existing annotation would no longer fit it."""
        with write_transaction(self.db):
            for (label,) in self.db.execute("SELECT DISTINCT label FROM entities"):
                if not schema.has_label(label):
                    raise AnnotationError(
                        f"the new schema has no label {label!r}, which entities still use"
                    )
            for type_name, head_label, tail_label in self.db.execute(
                "SELECT DISTINCT r.type, h.label, t.label FROM relations r "
                "JOIN entities h ON h.id = r.head_id JOIN entities t ON t.id = r.tail_id"
            ):
                schema.check_relation(type_name, head_label, tail_label)
            old = None if self._schema is None else self._schema.to_dict()
            write_schema(self.db, schema)
            record_event(
                self.db,
                action="set_schema",
                object_kind="schema",
                object_id=None,
                document_id=None,
                annotator=self.annotator,
                old=old,
                new=schema.to_dict(),
            )
        self._schema = schema

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str | None) -> None:
        with write_transaction(self.db):
            if value is None:
                self.db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # --- documents -------------------------------------------------------------------------
    def document(self, document_id: int) -> Document:
        row = self.db.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no document with id {document_id}")
        return document_from_row(row)

    def documents(self, status: str | None = None) -> list[Document]:
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        rows = self.db.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents {where} ORDER BY id", params
        )
        return [document_from_row(row) for row in rows]

    def document_ids(self, status: str | None = None) -> list[int]:
        """Ids in order, without reading any text (start-up and background runs need only
        these, and a large project's texts are tens of megabytes)."""
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        return [
            row[0]
            for row in self.db.execute(f"SELECT id FROM documents {where} ORDER BY id", params)
        ]

    def document_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def document_id_by_sha256(self, sha256: str) -> int | None:
        row = self.db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else row[0]

    def add_document(
        self,
        name: str,
        text: str,
        *,
        status: str = "new",
        meta: dict[str, Any] | None = None,
    ) -> Document | None:
        """Add a document; returns None if the same text is already in the project."""
        check_document_status(status)
        if not text.strip():
            raise AnnotationError(f"{name}: the document is empty (no text)")
        sha256 = text_sha256(text)
        with write_transaction(self.db):
            if self.document_id_by_sha256(sha256) is not None:
                return None
            stamp = now()
            cursor = self.db.execute(
                "INSERT INTO documents (name, text, sha256, status, meta, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    name,
                    text,
                    sha256,
                    status,
                    json.dumps(meta or {}, ensure_ascii=False),
                    stamp,
                    stamp,
                ),
            )
            document_id = cursor.lastrowid
            record_event(
                self.db,
                action="import",
                object_kind="document",
                object_id=document_id,
                document_id=document_id,
                annotator=self.annotator,
                new={"name": name, "sha256": sha256},
                at=stamp,
            )
        return self.document(document_id)

    def verify_document(self, document: Document) -> None:
        """Refuse a document whose text no longer matches the SHA-256 taken at import."""
        if text_sha256(document.text) != document.sha256:
            raise AnnotationError(
                f"document {document.id} ({document.name}): its text changed after import "
                "(SHA-256 mismatch); refusing to use it"
            )

    def set_document_status(
        self, document_id: int, status: str, annotator: str | None = None
    ) -> tuple[str, str]:
        check_document_status(status)
        with write_transaction(self.db):
            old = self.document(document_id).status
            if old != status:
                self.db.execute(
                    "UPDATE documents SET status = ?, updated_at = ? WHERE id = ?",
                    (status, now(), document_id),
                )
                record_event(
                    self.db,
                    action="set_status",
                    object_kind="document",
                    object_id=document_id,
                    document_id=document_id,
                    annotator=annotator or self.annotator,
                    old={"status": old},
                    new={"status": status},
                )
        return old, status

    def _text_length(self, document_id: int) -> int:
        row = self.db.execute(
            "SELECT length(text) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no document with id {document_id}")
        return row[0]

    def _log_edit(self, *, document_id: int, **event: Any) -> None:
        """Every human edit: its event in the log, and a `new` document becomes
        `in_progress`; both inside the caller's transaction."""
        record_event(self.db, document_id=document_id, **event)
        self._start_work_on(document_id)

    def _start_work_on(self, document_id: int) -> None:
        """A human edit moves a `new` document to `in_progress`."""
        self.db.execute(
            "UPDATE documents SET status = 'in_progress', updated_at = ? "
            "WHERE id = ? AND status = 'new'",
            (now(), document_id),
        )

    # --- entities --------------------------------------------------------------------------
    def entity(self, entity_id: int) -> Entity:
        row = self.db.execute(
            f"SELECT {ENTITY_COLUMNS} FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no entity with id {entity_id}")
        return entity_from_row(row)

    def entities(self, document_id: int, status: str | None = None) -> list[Entity]:
        where = " AND status = ?" if status else ""
        params: tuple = (document_id, status) if status else (document_id,)
        rows = self.db.execute(
            f"SELECT {ENTITY_COLUMNS} FROM entities WHERE document_id = ?{where} "
            'ORDER BY start, "end", label, id',
            params,
        )
        return [entity_from_row(row) for row in rows]

    def add_entity(
        self,
        document_id: int,
        start: int,
        end: int,
        label: str,
        *,
        status: str = "accepted",
        source: str = "human",
        confidence: float | None = None,
        annotator: str | None = None,
        entity_id: int | None = None,
    ) -> Entity:
        """Add one entity. `entity_id` is given only to restore a deleted entity (undo)."""
        annotator = annotator or self.annotator
        self.schema.label(label)
        check_annotation_status(status)
        with write_transaction(self.db):
            check_span(start, end, self._text_length(document_id))
            self._refuse_duplicate_span(document_id, start, end, label, exclude_id=None)
            stamp = now()
            cursor = self.db.execute(
                'INSERT INTO entities (id, document_id, start, "end", label, status, source, '
                "confidence, annotator, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entity_id,
                    document_id,
                    start,
                    end,
                    label,
                    status,
                    source,
                    confidence,
                    annotator,
                    stamp,
                    stamp,
                ),
            )
            entity = self.entity(cursor.lastrowid)
            self._log_edit(
                action="add",
                object_kind="entity",
                object_id=entity.id,
                document_id=document_id,
                annotator=annotator,
                new=entity_record(entity),
                at=stamp,
            )
        return entity

    def _refuse_duplicate_span(
        self, document_id: int, start: int, end: int, label: str, exclude_id: int | None
    ) -> None:
        row = self.db.execute(
            'SELECT id, status FROM entities WHERE document_id = ? AND start = ? AND "end" = ? '
            "AND label = ? AND id IS NOT ?",
            (document_id, start, end, label, exclude_id),
        ).fetchone()
        if row is not None:
            raise AnnotationError(
                f"a {label} entity at {start}-{end} already exists (entity {row[0]}, {row[1]})"
            )

    def update_entity(
        self,
        entity_id: int,
        *,
        label: str | None = None,
        status: str | None = None,
        start: int | None = None,
        end: int | None = None,
        annotator: str | None = None,
        expected: Entity | None = None,
    ) -> tuple[Entity, Entity]:
        """Accept, reject, relabel or resize an entity; returns (old, new).

        With `expected` (the entity as the caller last saw it), the edit is refused if
        another program changed it since: no silent overwrite of someone else's decision."""
        annotator = annotator or self.annotator
        with write_transaction(self.db):
            old = self.entity(entity_id)
            _refuse_if_changed(old, expected)
            new = old.with_changes(
                label=old.label if label is None else label,
                status=old.status if status is None else check_annotation_status(status),
                start=old.start if start is None else start,
                end=old.end if end is None else end,
                annotator=annotator,
            )
            self.schema.label(new.label)
            check_span(new.start, new.end, self._text_length(old.document_id))
            if new.label != old.label:
                for relation in self._relations_of(entity_id):
                    self._check_relation_labels(relation, changed=new)
            if (new.start, new.end, new.label) != (old.start, old.end, old.label):
                self._refuse_duplicate_span(
                    old.document_id, new.start, new.end, new.label, exclude_id=entity_id
                )
            stamp = now()
            self.db.execute(
                'UPDATE entities SET start = ?, "end" = ?, label = ?, status = ?, annotator = ?, '
                "updated_at = ? WHERE id = ?",
                (new.start, new.end, new.label, new.status, annotator, stamp, entity_id),
            )
            new = self.entity(entity_id)
            self._log_edit(
                action="update",
                object_kind="entity",
                object_id=entity_id,
                document_id=old.document_id,
                annotator=annotator,
                old=entity_record(old),
                new=entity_record(new),
                at=stamp,
            )
        return old, new

    def delete_entity(
        self, entity_id: int, annotator: str | None = None, expected: Entity | None = None
    ) -> tuple[Entity, list[Relation]]:
        """Delete an entity and its relations; returns both so the deletion can be undone."""
        annotator = annotator or self.annotator
        with write_transaction(self.db):
            entity = self.entity(entity_id)
            _refuse_if_changed(entity, expected)
            relations = self._relations_of(entity_id)
            for relation in relations:
                self.delete_relation(relation.id, annotator)
            self.db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
            self._log_edit(
                action="delete",
                object_kind="entity",
                object_id=entity_id,
                document_id=entity.document_id,
                annotator=annotator,
                old=entity_record(entity),
            )
        return entity, relations

    def restore_entity(
        self, entity: Entity, relations: list[Relation], annotator: str | None = None
    ) -> None:
        """Undo a deletion: the entity and its relations come back with their ids."""
        with write_transaction(self.db):
            self.add_entity(
                entity.document_id,
                entity.start,
                entity.end,
                entity.label,
                status=entity.status,
                source=entity.source,
                confidence=entity.confidence,
                annotator=annotator or entity.annotator,
                entity_id=entity.id,
            )
            self.restore_relations(relations, annotator)

    # --- the log ---------------------------------------------------------------------------
    def events(self, document_id: int | None = None) -> Iterator[dict[str, Any]]:
        where, params = ("WHERE document_id = ?", (document_id,)) if document_id else ("", ())
        cursor = self.db.execute(
            "SELECT id, at, annotator, action, object, object_id, document_id, old, new "
            f"FROM events {where} ORDER BY id",
            params,
        )
        names = [column[0] for column in cursor.description]
        for row in cursor:
            event = dict(zip(names, row, strict=True))
            event["old"] = None if event["old"] is None else json.loads(event["old"])
            event["new"] = None if event["new"] is None else json.loads(event["new"])
            yield event


__all__ = ["Project", "ProjectFileError", "default_annotator"]
