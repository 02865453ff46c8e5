"""Read-only questions the window, the command line and evaluation ask of a project.

Each is one SQL query (the only SQL outside `Project` lives in `annotator.store`); none
reads a document's text unless it says so. Statuses and counts are those of one layer:
the project's own unless another is named.
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
    "SELECT d.id, d.name, coalesce(l.status, 'new'), "
    "(SELECT count(*) FROM entities e WHERE e.document_id = d.id AND e.layer = ? "
    "AND e.status = ?), "
    "(SELECT count(*) FROM entities e WHERE e.document_id = d.id AND e.layer = ? "
    "AND e.status = ?) "
    "FROM documents d LEFT JOIN document_layers l ON l.document_id = d.id AND l.layer = ?"
)


def _summary_params(layer: str) -> tuple:
    return (layer, Status.CANDIDATE, layer, Status.ACCEPTED, layer)


def document_summaries(project: Project, status: str | None = None) -> list[DocumentSummary]:
    """Every document (or those with `status`) in id order, with its entity counts."""
    where, params = (" WHERE coalesce(l.status, 'new') = ?", (status,)) if status else ("", ())
    rows = project._db.execute(
        f"{_SUMMARY}{where} ORDER BY d.id", (*_summary_params(project.layer), *params)
    )
    return [DocumentSummary(*row) for row in rows]


def document_summary(project: Project, document_id: int) -> DocumentSummary | None:
    row = project._db.execute(
        f"{_SUMMARY} WHERE d.id = ?", (*_summary_params(project.layer), document_id)
    ).fetchone()
    return None if row is None else DocumentSummary(*row)


def progress(project: Project) -> tuple[int, int]:
    """(documents done in the project's layer, documents in all)."""
    done = project._db.execute(
        "SELECT count(*) FROM document_layers WHERE layer = ? AND status = ?",
        (project.layer, DocumentStatus.DONE),
    ).fetchone()[0]
    return done, project.document_count()


def next_unfinished(project: Project, after: int) -> int | None:
    """The first document not done in the project's layer after `after` in id order,
    wrapping round; never `after` itself."""
    row = project._db.execute(
        "SELECT d.id FROM documents d LEFT JOIN document_layers l ON l.document_id = d.id "
        "AND l.layer = ? WHERE coalesce(l.status, 'new') != ? AND d.id != ? "
        "ORDER BY d.id > ? DESC, d.id LIMIT 1",
        (project.layer, DocumentStatus.DONE, after, after),
    ).fetchone()
    return None if row is None else row[0]


@dataclass(frozen=True, slots=True)
class ProjectCounts:
    """What `annotator stats` prints, for one layer."""

    layer: str
    documents: Counter  # status -> count
    entities: list[tuple[str, str, int]]  # (label, status, count)
    relations: list[tuple[str, int]]  # (type, count)


def project_counts(project: Project, layer: str | None = None) -> ProjectCounts:
    db, layer = project._db, layer or project.layer
    statuses = Counter(
        dict(
            db.execute(
                "SELECT coalesce(l.status, 'new'), count(*) FROM documents d LEFT JOIN "
                "document_layers l ON l.document_id = d.id AND l.layer = ? GROUP BY 1",
                (layer,),
            )
        )
    )
    return ProjectCounts(
        layer,
        statuses,
        db.execute(
            "SELECT label, status, count(*) FROM entities WHERE layer = ? GROUP BY 1, 2 "
            "ORDER BY 1, 2",
            (layer,),
        ).fetchall(),
        db.execute(
            "SELECT type, count(*) FROM relations WHERE layer = ? GROUP BY 1 ORDER BY 1", (layer,)
        ).fetchall(),
    )


def gold_document_ids(project: Project, only_done: bool) -> list[int]:
    """Documents with accepted entities in the project's layer (only those marked done
    there, with `only_done`)."""
    layer = project.layer
    done = (
        "AND EXISTS (SELECT 1 FROM document_layers l WHERE l.document_id = d.id "
        "AND l.layer = ? AND l.status = ?)"
        if only_done
        else ""
    )
    params = (layer, Status.ACCEPTED) + ((layer, DocumentStatus.DONE) if only_done else ())
    rows = project._db.execute(
        "SELECT DISTINCT d.id FROM documents d JOIN entities e ON e.document_id = d.id "
        f"WHERE e.layer = ? AND e.status = ? {done} ORDER BY d.id",
        params,
    )
    return [row[0] for row in rows]


def accepted_names(project: Project) -> list[tuple[int, str, str]]:
    """(document id, text, label) of every accepted entity in the project's layer: project
    memory's patterns (an annotator's memory never learns from another's layer).

    Each document's text is read once and sliced in Python: SQLite's substr() counts
    characters from the start of the text on every call, which on one long document with
    tens of thousands of entities costs seconds."""
    layer = project.layer
    rows = project._db.execute(
        'SELECT d.id, d.text, (SELECT json_group_array(json_array(e.start, e."end", e.label)) '
        "FROM entities e WHERE e.document_id = d.id AND e.layer = ? AND e.status = ?) "
        "FROM documents d WHERE EXISTS (SELECT 1 FROM entities e WHERE e.document_id = d.id "
        "AND e.layer = ? AND e.status = ?) ORDER BY d.id",
        (layer, Status.ACCEPTED, layer, Status.ACCEPTED),
    )
    names = []
    for document_id, text, spans in rows:
        names.extend((document_id, text[s:e], label) for s, e, label in json.loads(spans))
    return names
