"""The append-only `events` log, and what every human edit does to its document."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from annotator.model import DocumentStatus
from annotator.store.rows import now


class EditLog:
    """Writes `events` rows inside the caller's transaction (db: the project's handle)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        *,
        action: str,
        object_kind: str,
        object_id: int | None,
        document_id: int | None,
        annotator: str | None,
        old: dict[str, Any] | None = None,
        new: dict[str, Any] | None = None,
        at: str | None = None,
    ) -> None:
        """Append one event: who did `action` to which object, with its old and new values
        (JSON)."""
        self._db.execute(
            "INSERT INTO events (at, annotator, action, object, object_id, document_id, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                at or now(),
                annotator,
                action,
                object_kind,
                object_id,
                document_id,
                None if old is None else json.dumps(old, ensure_ascii=False),
                None if new is None else json.dumps(new, ensure_ascii=False),
            ),
        )

    def edit(self, *, document_id: int, layer: str, **event: Any) -> None:
        """A human edit in `layer`: its event, and the document, if `new` in that layer,
        becomes `in_progress` there."""
        self.record(document_id=document_id, **event)
        self._db.execute(
            "INSERT INTO document_layers (document_id, layer, status, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, layer) DO UPDATE SET "
            "status = excluded.status, updated_at = excluded.updated_at WHERE status = ?",
            (document_id, layer, DocumentStatus.IN_PROGRESS, now(), DocumentStatus.NEW),
        )
