"""The project file's tables, as an ordered list of sqlite-utils migrations.

Never edit a migration that has shipped: add a new one. The names applied to a file are
recorded in it, so a file written by a newer version of the app is recognised and refused.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "annotator"
migrations = Migrations(MIGRATION_SET)


_INITIAL_TABLES = (
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'new'
            CHECK (status IN ('new', 'in_progress', 'done')),
        meta TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('candidate', 'accepted', 'rejected')),
        source TEXT NOT NULL,
        confidence REAL,
        annotator TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (0 <= start AND start < "end")
    )
    """,
    """
    CREATE UNIQUE INDEX entities_span ON entities (document_id, start, "end", label)
    """,
    """
    CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        head_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        tail_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('candidate', 'accepted', 'rejected')),
        annotator TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (head_id != tail_id)
    )
    """,
    """
    CREATE UNIQUE INDEX relations_pair ON relations (head_id, tail_id, type)
    """,
    """
    CREATE INDEX relations_document ON relations (document_id)
    """,
    """
    CREATE INDEX relations_tail ON relations (tail_id)
    """,
    """
    CREATE TABLE schema_entries (
        kind TEXT NOT NULL CHECK (kind IN ('label', 'relation_type')),
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        spec TEXT NOT NULL,
        PRIMARY KEY (kind, name)
    )
    """,
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        annotator TEXT,
        action TEXT NOT NULL,
        object TEXT NOT NULL,
        object_id INTEGER,
        document_id INTEGER,
        old TEXT,
        new TEXT
    )
    """,
    """
    CREATE INDEX events_document ON events (document_id)
    """,
    """
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the events log is append-only'); END
    """,
    """
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the events log is append-only'); END
    """,
    """
    CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text, sha256 ON documents
        BEGIN SELECT RAISE(ABORT, 'document text is immutable after import'); END
    """,
)


@migrations()
def m001_initial(db: Database) -> None:
    # One statement at a time: executescript() would COMMIT and break the migration's
    # transaction.
    for statement in _INITIAL_TABLES:
        db.execute(statement)


def known_migration_names() -> list[str]:
    return [m.name for m in migrations.pending(Database(memory=True))]


@migrations()
def m002_suggestion_runs(db: Database) -> None:
    """Which suggester (and which model or pattern set) last ran on each document."""
    db.execute(
        """
        CREATE TABLE suggestion_runs (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            suggester TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            at TEXT NOT NULL,
            candidates INTEGER NOT NULL,
            PRIMARY KEY (document_id, suggester)
        )
        """
    )


@migrations()
def m003_entity_decisions(db: Database) -> None:
    """Provenance: who last decided an entity and how, apart from who created it
    (`annotator`) and which suggester proposed it (`source`). Existing decisions are
    read back from the status and source, and a person's relabel or resize of a proposal
    from the events log; the last editor was the only name kept, so it becomes the
    decider."""
    db.execute("ALTER TABLE entities ADD COLUMN decided_by TEXT")
    db.execute("ALTER TABLE entities ADD COLUMN decision TEXT")
    db.execute(
        """
        UPDATE entities SET
            decision = CASE
                WHEN status = 'rejected' THEN 'rejected'
                WHEN status = 'accepted' AND source = 'human' THEN 'added'
                WHEN status = 'accepted' AND source = 'import' THEN 'imported'
                WHEN status = 'accepted' THEN 'accepted'
            END,
            decided_by = CASE WHEN status != 'candidate' THEN annotator END
        """
    )
    for decision, changed in (
        ("resized", "json_extract(ev.old, '$.start') != json_extract(ev.new, '$.start') "
         "OR json_extract(ev.old, '$.end') != json_extract(ev.new, '$.end')"),
        ("relabelled", "json_extract(ev.old, '$.label') != json_extract(ev.new, '$.label')"),
    ):  # fmt: skip
        db.execute(
            f"""
            UPDATE entities SET decision = '{decision}'
            WHERE status = 'accepted' AND source NOT IN ('human', 'import') AND EXISTS (
                SELECT 1 FROM events ev WHERE ev.object = 'entity' AND ev.action = 'update'
                AND ev.object_id = entities.id AND ev.at >= entities.created_at
                AND ({changed}))
            """
        )
