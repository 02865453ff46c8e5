"""Read-only questions the window, the command line and evaluation ask of a project.

Each is one SQL query (the only SQL outside `Project` lives in `annotator.store`);
none reads a document's text unless it says so.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from annotator.model import DocumentStatus, Status
from annotator.store.project import Project


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the documents panel: counts of the document's entities by status."""

    id: int
    name: str
    status: DocumentStatus
    candidates: int
    accepted: int


_SUMMARY = (
    "SELECT d.id, d.name, d.status, "
    "(SELECT count(*) FROM entities e WHERE e.document_id = d.id AND e.status = ?), "
    "(SELECT count(*) FROM entities e WHERE e.document_id = d.id AND e.status = ?) "
    "FROM documents d"
)


def document_summaries(project: Project, status: str | None = None) -> list[DocumentSummary]:
    """Every document (or those with `status`) in id order, with its entity counts."""
    where, params = (" WHERE d.status = ?", (status,)) if status else ("", ())
    rows = project._db.execute(
        f"{_SUMMARY}{where} ORDER BY d.id", (Status.CANDIDATE, Status.ACCEPTED, *params)
    )
    return [DocumentSummary(*row) for row in rows]


def document_summary(project: Project, document_id: int) -> DocumentSummary | None:
    row = project._db.execute(
        f"{_SUMMARY} WHERE d.id = ?", (Status.CANDIDATE, Status.ACCEPTED, document_id)
    ).fetchone()
    return None if row is None else DocumentSummary(*row)


def progress(project: Project) -> tuple[int, int]:
    """(documents done, documents in all)."""
    done, total = project._db.execute(
        "SELECT sum(status = ?), count(*) FROM documents", (DocumentStatus.DONE,)
    ).fetchone()
    return done or 0, total


def next_unfinished(project: Project, after: int) -> int | None:
    """The first document not done after `after` in id order, wrapping round; never
    `after` itself."""
    row = project._db.execute(
        "SELECT id FROM documents WHERE status != ? AND id != ? ORDER BY id > ? DESC, id LIMIT 1",
        (DocumentStatus.DONE, after, after),
    ).fetchone()
    return None if row is None else row[0]


@dataclass(frozen=True, slots=True)
class ProjectCounts:
    """What `annotator stats` prints."""

    documents: Counter  # status -> count
    entities: list[tuple[str, str, int]]  # (label, status, count)
    relations: list[tuple[str, int]]  # (type, count)


def project_counts(project: Project) -> ProjectCounts:
    db = project._db
    return ProjectCounts(
        Counter(dict(db.execute("SELECT status, count(*) FROM documents GROUP BY 1"))),
        db.execute(
            "SELECT label, status, count(*) FROM entities GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall(),
        db.execute("SELECT type, count(*) FROM relations GROUP BY 1 ORDER BY 1").fetchall(),
    )


def gold_document_ids(project: Project, only_done: bool) -> list[int]:
    """Documents with accepted entities (only those marked done, with `only_done`)."""
    where = "d.status = ?" if only_done else "?"
    rows = project._db.execute(
        f"SELECT DISTINCT d.id FROM documents d JOIN entities e ON e.document_id = d.id "
        f"WHERE {where} AND e.status = ? ORDER BY d.id",
        (DocumentStatus.DONE if only_done else 1, Status.ACCEPTED),
    )
    return [row[0] for row in rows]


def accepted_names(project: Project) -> list[tuple[int, str, str]]:
    """(document id, text, label) of every accepted entity: project memory's patterns.

    Each document's text is read once and sliced in Python: SQLite's substr() counts
    characters from the start of the text on every call, which on one long document with
    tens of thousands of entities costs seconds."""
    rows = project._db.execute(
        'SELECT d.id, d.text, (SELECT json_group_array(json_array(e.start, e."end", e.label)) '
        "FROM entities e WHERE e.document_id = d.id AND e.status = ?) FROM documents d "
        "WHERE EXISTS (SELECT 1 FROM entities e WHERE e.document_id = d.id AND e.status = ?) "
        "ORDER BY d.id",
        (Status.ACCEPTED, Status.ACCEPTED),
    )
    names = []
    for document_id, text, spans in rows:
        names.extend(
            (document_id, text[start:end], label) for start, end, label in json.loads(spans)
        )
    return names
