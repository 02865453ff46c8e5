"""The documents table: reading documents, adding one, and changing a document's status."""

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
from annotator.store.connection import write_transaction
from annotator.store.edit_log import EditLog
from annotator.store.rows import DOCUMENT_COLUMNS, document_from_row, now


class DocumentRows:
    """Documents of one project file (db: the project's handle; log: the events log)."""

    def __init__(self, db: Database, log: EditLog) -> None:
        self._db = db
        self._log = log

    def get(self, document_id: int) -> Document:
        """The document with this id; AnnotationError if there is none."""
        row = self._db.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no document with id {document_id}")
        return document_from_row(row)

    def all(self, status: str | None = None) -> list[Document]:
        """Every document (or those with `status`), texts included, in id order."""
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        rows = self._db.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents {where} ORDER BY id", params
        )
        return [document_from_row(row) for row in rows]

    def ids(self, status: str | None = None) -> list[int]:
        """Ids in order, without reading any text."""
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        return [
            row[0]
            for row in self._db.execute(f"SELECT id FROM documents {where} ORDER BY id", params)
        ]

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def id_by_sha256(self, sha256: str) -> int | None:
        row = self._db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else row[0]

    def status(self, document_id: int) -> DocumentStatus:
        """A document's status without reading its text."""
        row = self._db.execute(
            "SELECT status FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no document with id {document_id}")
        return DocumentStatus(row[0])

    def text_length(self, document_id: int) -> int:
        """The text's length in code points (SQLite's length() counts characters)."""
        row = self._db.execute(
            "SELECT length(text) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise AnnotationError(f"no document with id {document_id}")
        return row[0]

    def add(
        self, name: str, text: str, status: str, meta: dict[str, Any] | None, annotator: str
    ) -> Document | None:
        """Add a document; None if the same text is already in the project."""
        status = check_document_status(status)
        if not text.strip():
            raise AnnotationError(f"{name}: the document is empty (no text)")
        sha256 = text_sha256(text)
        with write_transaction(self._db):
            if self.id_by_sha256(sha256) is not None:
                return None
            stamp = now()
            cursor = self._db.execute(
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
            self._log.record(
                action="import",
                object_kind="document",
                object_id=document_id,
                document_id=document_id,
                annotator=annotator,
                new={"name": name, "sha256": sha256},
                at=stamp,
            )
        return self.get(document_id)

    def set_status(
        self, document_id: int, status: str, annotator: str
    ) -> tuple[DocumentStatus, DocumentStatus]:
        """Set a document's status; returns (old, new). Logged only when it changes."""
        status = check_document_status(status)
        with write_transaction(self._db):
            old = self.status(document_id)
            if old != status:
                self._db.execute(
                    "UPDATE documents SET status = ?, updated_at = ? WHERE id = ?",
                    (status, now(), document_id),
                )
                self._log.record(
                    action="set_status",
                    object_kind="document",
                    object_id=document_id,
                    document_id=document_id,
                    annotator=annotator,
                    old={"status": old},
                    new={"status": status},
                )
        return old, status
