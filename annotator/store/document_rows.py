"""The documents table, and each layer's status of a document (`document_layers`)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from annotator.model import (
    AnnotationError,
    Document,
    DocumentStatus,
    check_document_status,
    text_sha256,
)
from annotator.store import search_index
from annotator.store.connection import write_transaction
from annotator.store.edit_log import EditLog
from annotator.store.rows import DOCUMENT_SELECT, document_from_row, now


class DocumentRows:
    """Documents of one project file (db: the project's handle; log: the events log).

    A document's text is shared by every layer; its status is per layer (`layer`: an
    annotator's name or `gold`), `new` until that layer has one."""

    def __init__(self, db: Database, log: EditLog) -> None:
        self._db = db
        self._log = log

    def get(self, document_id: int, layer: str) -> Document:
        """The document with this id, with `layer`'s status; AnnotationError if none."""
        row = self._db.execute(f"{DOCUMENT_SELECT} WHERE d.id = ?", (layer, document_id)).fetchone()
        if row is None:
            raise AnnotationError(f"no document with id {document_id}")
        return document_from_row(row)

    def all(self, layer: str, status: str | None = None) -> list[Document]:
        """Every document (or those with `status` in `layer`), texts included, in id order."""
        where, params = (" WHERE coalesce(l.status, 'new') = ?", (status,)) if status else ("", ())
        rows = self._db.execute(f"{DOCUMENT_SELECT}{where} ORDER BY d.id", (layer, *params))
        return [document_from_row(row) for row in rows]

    def ids(self, layer: str, status: str | None = None) -> list[int]:
        """Ids in order, without reading any text."""
        if not status:
            return [row[0] for row in self._db.execute("SELECT id FROM documents ORDER BY id")]
        rows = self._db.execute(
            "SELECT d.id FROM documents d LEFT JOIN document_layers l ON l.document_id = d.id "
            "AND l.layer = ? WHERE coalesce(l.status, 'new') = ? ORDER BY d.id",
            (layer, status),
        )
        return [row[0] for row in rows]

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def id_by_sha256(self, sha256: str) -> int | None:
        row = self._db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else row[0]

    def status(self, document_id: int, layer: str) -> DocumentStatus:
        """A document's status in `layer`, without reading its text."""
        row = self._db.execute(
            "SELECT d.id, l.status FROM documents d LEFT JOIN document_layers l "
            "ON l.document_id = d.id AND l.layer = ? WHERE d.id = ?",
            (layer, document_id),
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no document with id {document_id}")
        return DocumentStatus(row[1] or DocumentStatus.NEW)

    def text_length(self, document_id: int) -> int:
        """The text's length in code points (SQLite's length() counts characters)."""
        row = self._db.execute(
            "SELECT length(text) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no document with id {document_id}")
        return row[0]

    def add(
        self,
        name: str,
        text: str,
        status: str,
        meta: dict[str, Any] | None,
        annotator: str,
        layer: str,
    ) -> Document | None:
        """Add a document (with `status` in `layer`), indexed for search in the same
        transaction; None if its text is already here."""
        status = check_document_status(status)
        if not text.strip():
            raise AnnotationError(f"{name}: the document is empty (no text)")
        sha256 = text_sha256(text)
        with write_transaction(self._db):
            if self.id_by_sha256(sha256) is not None:
                return None
            stamp = now()
            cursor = self._db.execute(
                "INSERT INTO documents (name, text, sha256, meta, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (name, text, sha256, json.dumps(meta or {}, ensure_ascii=False), stamp, stamp),
            )
            document_id = cursor.lastrowid
            search_index.add(self._db, [(document_id, text)])
            self.write_status(document_id, layer, status)
            self._log.record(
                action="import",
                object_kind="document",
                object_id=document_id,
                document_id=document_id,
                annotator=annotator,
                new={"name": name, "sha256": sha256},
                at=stamp,
            )
        return self.get(document_id, layer)

    def write_status(self, document_id: int, layer: str, status: str) -> None:
        """Store a layer's status of a document (the caller holds the transaction)."""
        self._db.execute(
            "INSERT INTO document_layers (document_id, layer, status, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, layer) DO UPDATE SET "
            "status = excluded.status, updated_at = excluded.updated_at",
            (document_id, layer, status, now()),
        )

    def set_status(
        self, document_id: int, status: str, annotator: str, layer: str
    ) -> tuple[DocumentStatus, DocumentStatus]:
        """Set a document's status in `layer`; returns (old, new). Logged when it changes."""
        status = check_document_status(status)
        with write_transaction(self._db):
            old = self.status(document_id, layer)
            if old != status:
                self.write_status(document_id, layer, status)
                self._log.record(
                    action="set_status",
                    object_kind="document",
                    object_id=document_id,
                    document_id=document_id,
                    annotator=annotator,
                    old={"status": old, "layer": layer},
                    new={"status": status, "layer": layer},
                )
        return old, status
