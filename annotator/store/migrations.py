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


_CHANGED = {
    "resized": "json_extract(ev.old, '$.start') != json_extract(ev.new, '$.start') "
    "OR json_extract(ev.old, '$.end') != json_extract(ev.new, '$.end')",
    "relabelled": "json_extract(ev.old, '$.label') != json_extract(ev.new, '$.label')",
    "accepted": "json_extract(ev.old, '$.status') != 'accepted' "
    "AND json_extract(ev.new, '$.status') = 'accepted'",
}


def _entity_events(changed: str) -> str:
    """An update of this entity in the log (after it was created) that changed ..."""
    return (
        "EXISTS (SELECT 1 FROM events ev WHERE ev.object = 'entity' AND ev.action = 'update' "
        f"AND ev.object_id = entities.id AND ev.at >= entities.created_at AND ({changed}))"
    )


@migrations()
def m003_entity_decisions(db: Database) -> None:
    """Provenance: who created an entity (`annotator`), which suggester proposed it
    (`source`), and, new, who last decided it and how (`decided_by`, `decision`).

    Until now `annotator` held whoever edited last. The creator is read back from the
    log's `add` event of the entity; a suggester's candidate had none, so its creator is
    left empty. The decision comes from the status and source, and a person's relabel or
    resize of a proposal (accepted or still a candidate) from the log's updates; the last
    editor becomes the decider."""
    db.execute("ALTER TABLE entities ADD COLUMN decided_by TEXT")
    db.execute("ALTER TABLE entities ADD COLUMN decision TEXT")
    imported_then_accepted = _entity_events(_CHANGED["accepted"])
    db.execute(
        f"""
        UPDATE entities SET
            decision = CASE
                WHEN status = 'rejected' THEN 'rejected'
                WHEN status = 'accepted' AND source = 'human' THEN 'added'
                WHEN status = 'accepted' AND source = 'import'
                    AND NOT {imported_then_accepted} THEN 'imported'
                WHEN status = 'accepted' THEN 'accepted'
            END,
            decided_by = CASE WHEN status != 'candidate' THEN annotator END
        """
    )
    for decision in ("resized", "relabelled"):
        db.execute(
            f"""
            UPDATE entities SET decision = '{decision}', decided_by = annotator
            WHERE status != 'rejected' AND source NOT IN ('human', 'import')
            AND {_entity_events(_CHANGED[decision])}
            """
        )
    db.execute(
        """
        UPDATE entities SET annotator = (
            SELECT ev.annotator FROM events ev WHERE ev.object = 'entity' AND ev.action = 'add'
            AND ev.object_id = entities.id AND ev.at >= entities.created_at ORDER BY ev.id
            LIMIT 1)
        WHERE source NOT IN ('human', 'import') OR EXISTS (
            SELECT 1 FROM events ev WHERE ev.object = 'entity' AND ev.action = 'add'
            AND ev.object_id = entities.id AND ev.at >= entities.created_at)
        """
    )


@migrations()
def m004_layers(db: Database) -> None:
    """A layer of entities, relations and document statuses per annotator, plus `gold`.

    Every annotation of an earlier project goes into `gold`: until now a project held one
    set of annotations that everyone edited together (the last editor's name was all that
    was kept), so it is the project's gold, and a person working alone keeps working in
    it. Span and relation uniqueness become per layer; a document's status moves to
    `document_layers`, one row per layer; suggestion runs are remembered per layer;
    `assignments` is the manifest of `annotator assign` (which document went to whom)."""
    db.execute("ALTER TABLE entities ADD COLUMN layer TEXT NOT NULL DEFAULT 'gold'")
    db.execute("DROP INDEX entities_span")
    db.execute(
        'CREATE UNIQUE INDEX entities_span ON entities (document_id, layer, start, "end", label)'
    )
    db.execute("ALTER TABLE relations ADD COLUMN layer TEXT NOT NULL DEFAULT 'gold'")
    db.execute("CREATE INDEX relations_layer ON relations (document_id, layer)")
    db.execute(
        """
        CREATE TABLE document_layers (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done')),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (document_id, layer)
        )
        """
    )
    db.execute(
        "INSERT INTO document_layers (document_id, layer, status, updated_at) "
        "SELECT id, 'gold', status, updated_at FROM documents"
    )
    db.execute("ALTER TABLE documents DROP COLUMN status")
    db.execute(
        """
        CREATE TABLE suggestion_runs_by_layer (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            suggester TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            at TEXT NOT NULL,
            candidates INTEGER NOT NULL,
            PRIMARY KEY (document_id, layer, suggester)
        )
        """
    )
    db.execute(
        "INSERT INTO suggestion_runs_by_layer SELECT document_id, 'gold', suggester, "
        "fingerprint, at, candidates FROM suggestion_runs"
    )
    db.execute("DROP TABLE suggestion_runs")
    db.execute("ALTER TABLE suggestion_runs_by_layer RENAME TO suggestion_runs")
    db.execute(
        """
        CREATE TABLE assignments (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator)
        )
        """
    )


@migrations()
def m005_curation(db: Database) -> None:
    """Curation into gold: which annotators' layers had a gold entity or relation
    (`found_in`, a JSON list), how each disagreement was settled (`curation`), and which
    documents were pre-merged with which policy (`curation_runs`)."""
    db.execute("ALTER TABLE entities ADD COLUMN found_in TEXT")
    db.execute("ALTER TABLE relations ADD COLUMN found_in TEXT")
    db.execute(
        """
        CREATE TABLE curation (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'relation')),
            region TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('agreed', 'chosen', 'none', 'own')),
            annotator TEXT,
            curator TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (document_id, kind, region)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE curation_runs (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            policy TEXT NOT NULL,
            annotators TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """
    )


@migrations()
def m006_search_index(db: Database) -> None:
    """The full-text index of the project search (`annotator.store.search_index`): a
    contentless FTS5 table over each document's normalised words (rowid = document id),
    filled here for the documents already in the project."""
    from annotator.store import search_index

    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(words, content='', detail=full, "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    search_index.fill(db)


@migrations()
def m007_learned_models(db: Database) -> None:
    """The project learner's model, one per layer (each annotator's learner learns from
    their own gold): CRFsuite layers zipped in `model`, the fingerprint of the training
    data it was made from, and `gold`, the accepted entities and done documents it saw
    (JSON), against which the next retraining is due."""
    db.execute(
        """
        CREATE TABLE learned_models (
            layer TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            trained_at TEXT NOT NULL,
            seconds REAL NOT NULL,
            metadata TEXT NOT NULL,
            gold TEXT NOT NULL,
            model BLOB NOT NULL
        )
        """
    )
