"""Opening a project file safely: recognise it, refuse what is not ours, migrate, configure."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from annotator.store.migrations import MIGRATION_SET, known_migration_names, migrations

# PRAGMA application_id marks a SQLite file as an annotator project ("ANNO").
APPLICATION_ID = 0x414E4E4F
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class ProjectFileError(Exception):
    """A project file cannot be opened; the message names the file and the reason."""


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except OSError as error:
        raise ProjectFileError(f"{path}: cannot read the file: {error.strerror}") from None


def check_project_file(path: Path) -> bool:
    """Return True if `path` holds an annotator project, False if it is absent or empty.

    Raises ProjectFileError for anything else, without writing to the file.
    """
    if not path.exists():
        return False
    if path.is_dir():
        raise ProjectFileError(f"{path}: is a folder, not a project file")
    header = _read_header(path)
    if not header:
        return False
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise ProjectFileError(f"{path}: not an annotator project (not a SQLite database)")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise ProjectFileError(
            f"{path}: not an annotator project (a SQLite database made by another program)"
        )
    _refuse_newer_version(path)
    return True


def _refuse_newer_version(path: Path) -> None:
    """Compare the migrations recorded in the file with the ones this version knows."""
    known = set(known_migration_names())
    uri = f"file:{path}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise ProjectFileError(f"{path}: cannot open the project: {error}") from None
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
        ).fetchall()
    except sqlite3.DatabaseError as error:
        raise ProjectFileError(
            f"{path}: the project file is damaged or unreadable: {error}"
        ) from None
    finally:
        conn.close()
    unknown = sorted({name for (name,) in rows} - known)
    if unknown:
        raise ProjectFileError(
            f"{path}: written by a newer version of annotator (it has schema changes "
            f"{', '.join(unknown)} that this version does not know); update annotator to open "
            "it. The file was not changed."
        )


def connect(path: Path | str, *, create: bool) -> Database:
    """Open (and if `create`, create) a project file and bring its tables up to date."""
    if str(path) == ":memory:":
        db = Database(_autocommit(sqlite3.connect(":memory:")), execute_plugins=False)
        _configure(db, new=True)
        return db
    path = Path(path)
    exists = check_project_file(path)
    if not exists and not create:
        raise ProjectFileError(f"{path}: no project here; create one with `annotator init {path}`")
    if not exists and not path.parent.is_dir():
        raise ProjectFileError(f"{path}: the folder {path.parent} does not exist")
    try:
        conn = _autocommit(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000))
        db = Database(conn, execute_plugins=False)
        _configure(db, new=not exists)
    except sqlite3.Error as error:
        raise ProjectFileError(f"{path}: cannot open the project: {error}") from None
    return db


def _autocommit(conn: sqlite3.Connection) -> sqlite3.Connection:
    # No implicit transactions: every write goes through write_transaction() (or
    # sqlite-utils' atomic()), so nothing is ever left uncommitted after a call returns.
    conn.isolation_level = None
    return conn


def _configure(db: Database, *, new: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if new:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if not db.memory:
        db.execute("PRAGMA journal_mode = WAL")
        # FULL: a transaction that has returned survives a power cut, not only a crash.
        db.execute("PRAGMA synchronous = FULL")
    migrations.apply(db)


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One atomic write: BEGIN IMMEDIATE takes the write lock up front, so two instances
    never deadlock upgrading a read lock; nested calls become savepoints."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
