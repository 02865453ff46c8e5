"""Project files written by earlier releases open, keep their data and gain provenance."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from annotator.model import Decision, Status
from annotator.store import Project

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASE_0_1 = FIXTURES / "project-0.1.0-dcb2b79.sqlite"


def _rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_project_of_release_0_1_opens_with_its_data_and_decisions(tmp_path):
    """The fixture was written by release 0.1.0 (commit dcb2b79): the sample article with
    the default suggesters' candidates; amal accepted one, omar another, amal relabelled a
    cues:title PERS candidate to ORG and accepted it, rejected one, added لافروف by hand,
    related it, and marked the document done."""
    path = tmp_path / "old.sqlite"
    shutil.copy(RELEASE_0_1, path)
    before = _rows(
        path,
        'SELECT id, start, "end", label, status, source FROM entities WHERE document_id = 1 '
        "ORDER BY id",
    )
    relations_before = _rows(path, "SELECT id, head_id, tail_id, type FROM relations")
    assert len(before) > 50 and relations_before
    with Project.open(path) as project:
        document = project.documents()[0]
        entities = {e.id: e for e in project.entities(document.id)}
        assert [(e.id, e.start, e.end, e.label, e.status, e.source) for e in
                sorted(entities.values(), key=lambda e: e.id)] == before  # fmt: skip
        assert [(r.id, r.head_id, r.tail_id, r.type) for r in project.relations(document.id)] == (
            relations_before
        )
        decided = {
            (e.label, e.source): (e.decision, e.decided_by)
            for e in entities.values()
            if e.status != Status.CANDIDATE
        }
    assert decided == {
        ("LOC", "gazetteer:cldr"): (Decision.ACCEPTED, "omar"),
        ("ORG", "cues:org-head"): (Decision.ACCEPTED, "amal"),
        ("ORG", "cues:title"): (Decision.RELABELLED, "amal"),
        ("PERS", "human"): (Decision.ADDED, "amal"),
    } | {k: v for k, v in decided.items() if v[0] == Decision.REJECTED}
    assert sum(1 for v in decided.values() if v == (Decision.REJECTED, "amal")) == 1
    assert ("m003_entity_decisions",) in _rows(path, "SELECT name FROM _sqlite_migrations")


def test_a_project_of_release_0_1_keeps_everything_in_the_gold_layer(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(RELEASE_0_1, path)
    with Project.open(path, annotator="amal") as project:
        assert project.layer == "gold" and project.layers() == ["gold"]
        assert project.document_status(1) == "done" and project.document_status(2) == "new"
        assert len(project.entities(1)) > 50 and project.relations(1)
        assert all(e.layer == "gold" for e in project.entities(1))
    assert ("m004_layers",) in _rows(path, "SELECT name FROM _sqlite_migrations")
    assert _rows(path, "SELECT layer, count(*) FROM suggestion_runs GROUP BY 1")[0][0] == "gold"
