"""What curation records: how each disagreement of a document was settled, and which
documents were pre-merged, with which policy and annotators."""

from __future__ import annotations

import json
from typing import NamedTuple

from annotator.model import Outcome
from annotator.store.connection import write_transaction
from annotator.store.edit_log import EditLog
from annotator.store.project import Project
from annotator.store.rows import now


class Settled(NamedTuple):
    """One settled disagreement: how, whose version (for CHOSEN), by whom, when."""

    outcome: Outcome
    annotator: str | None
    curator: str
    at: str


def settled(project: Project, document_id: int) -> dict[tuple[str, str], Settled]:
    """(kind, region) -> how it was settled, for one document."""
    rows = project._db.execute(
        "SELECT kind, region, outcome, annotator, curator, at FROM curation WHERE document_id = ?",
        (document_id,),
    )
    return {(k, r): Settled(Outcome(o), a, c, at) for k, r, o, a, c, at in rows}


def settle(
    project: Project,
    document_id: int,
    kind: str,
    region: str,
    outcome: Outcome | None,
    annotator: str | None = None,
) -> Settled | None:
    """Record (or, with outcome None, forget) how a disagreement was settled, by the
    project's annotator now; returns what was recorded before (for undo)."""
    record = (
        None if outcome is None else Settled(Outcome(outcome), annotator, project.annotator, now())
    )
    return put_settled(project, document_id, kind, region, record)


def put_settled(
    project: Project, document_id: int, kind: str, region: str, record: Settled | None
) -> Settled | None:
    """Store exactly `record` (None: no record) for one disagreement, logged as a
    `curate` event; returns what was recorded before. The undo of `settle`."""
    db = project._db
    with write_transaction(db):
        before = settled(project, document_id).get((kind, region))
        if record is None:
            db.execute(
                "DELETE FROM curation WHERE document_id = ? AND kind = ? AND region = ?",
                (document_id, kind, region),
            )
        else:
            db.execute(
                "INSERT INTO curation (document_id, kind, region, outcome, annotator, curator, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, kind, region) DO UPDATE "
                "SET outcome = excluded.outcome, annotator = excluded.annotator, "
                "curator = excluded.curator, at = excluded.at",
                (document_id, kind, region, record.outcome, record.annotator, record.curator,
                 record.at),
            )  # fmt: skip
        EditLog(db).record(
            action="curate",
            object_kind=kind,
            object_id=None,
            document_id=document_id,
            annotator=project.annotator,
            old=None if before is None else {"region": region, **before._asdict()},
            new=None if record is None else {"region": region, **record._asdict()},
        )
    return before


def premerged(project: Project, document_id: int) -> bool:
    row = project._db.execute(
        "SELECT 1 FROM curation_runs WHERE document_id = ?", (document_id,)
    ).fetchone()
    return row is not None


def mark_premerged(project: Project, document_id: int, policy: str, annotators: list[str]) -> None:
    with write_transaction(project._db):
        project._db.execute(
            "INSERT INTO curation_runs (document_id, policy, annotators, at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (document_id) DO UPDATE SET policy = excluded.policy, "
            "annotators = excluded.annotators, at = excluded.at",
            (document_id, policy, json.dumps(annotators, ensure_ascii=False), now()),
        )
