"""Opening a project file safely: recognise it, refuse what is not ours, migrate, configure."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from annotator.model import AnnotationError
from annotator.store.migrations import MIGRATION_SET, known_migration_names, migrations

# PRAGMA application_id marks a SQLite file as an annotator project ("ANNO").
APPLICATION_ID = 0x414E4E4F
BUSY_TIMEOUT_MS = 10_000


class ProjectFileError(Exception):
    """A project file cannot be opened; the message names the file and the reason."""


def check_project_file(path: Path) -> bool:
    """Return True if `path` holds an annotator project, False if it is absent or empty.

    Raises ProjectFileError for anything else, without writing to the file. The file is
    read through SQLite only, never with a plain open(): closing a plain file handle drops
    every POSIX lock this process holds on it, and another program closing the project
    would then delete the write-ahead log this process is still writing.
    """
    if not path.exists():
        return False
    if path.is_dir():
        raise ProjectFileError(f"{path}: is a folder, not a project file")
    try:
        if path.stat().st_size == 0:
            return False
    except OSError as error:
        raise ProjectFileError(f"{path}: cannot read the file: {error.strerror}") from None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise ProjectFileError(f"{path}: cannot open the project: {error}") from None
    try:
        application_id = _application_id(conn, path)
        if application_id != APPLICATION_ID:
            raise ProjectFileError(
                f"{path}: not an annotator project (a SQLite database made by another program)"
            )
        _refuse_newer_version(conn, path)
    finally:
        conn.close()
    return True


def _application_id(conn: sqlite3.Connection, path: Path) -> int:
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):
            raise ProjectFileError(
                f"{path}: not an annotator project (not a SQLite database)"
            ) from None
        raise ProjectFileError(
            f"{path}: the project file is damaged or unreadable: {error}"
        ) from None


def _refuse_newer_version(conn: sqlite3.Connection, path: Path) -> None:
    """Compare the migrations recorded in the file with the ones this version knows."""
    known = set(known_migration_names())
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
        ).fetchall()
    except sqlite3.DatabaseError as error:
        raise ProjectFileError(
            f"{path}: the project file is damaged or unreadable: {error}"
        ) from None
    unknown = sorted({name for (name,) in rows} - known)
    if unknown:
        raise ProjectFileError(
            f"{path}: written by a newer version of annotator (it has schema changes "
            f"{', '.join(unknown)} that this version does not know); update annotator to open "
            "it. The file was not changed."
        )


def connect(path: Path | str, *, create: bool, read_only: bool = False) -> Database:
    """Open (and if `create`, create) a project file and bring its tables up to date.

    A file this process may not write (or `read_only`) is opened read-only: it can be
    read and exported, and every write says the file is read-only."""
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
    if exists and (read_only or not os.access(path, os.W_OK)):
        return _connect_read_only(path)
    try:
        conn = _autocommit(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000))
        db = Database(conn, execute_plugins=False)
        _configure(db, new=not exists)
    except sqlite3.Error as error:
        raise ProjectFileError(f"{path}: cannot open the project: {error}") from None
    return db


def _connect_read_only(path: Path) -> Database:
    for options in ("mode=ro", "mode=ro&immutable=1"):  # immutable: no -shm can be made
        try:
            conn = _autocommit(
                sqlite3.connect(f"file:{path}?{options}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            )
            conn.execute("SELECT count(*) FROM documents").fetchone()
        except sqlite3.Error:
            continue
        db = Database(conn, execute_plugins=False)
        if migrations.pending(db):
            raise ProjectFileError(
                f"{path}: read-only, and written by an older version that needs an upgrade; "
                "make the file writable once to open it"
            )
        db.execute("PRAGMA foreign_keys = ON")
        db.read_only = True
        return db
    raise ProjectFileError(f"{path}: cannot open the project read-only")


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


class ProjectWriteError(AnnotationError):
    """The project file could not be written (disk full, read-only, locked); the change
    was rolled back, so the project is as it was before the call."""


_WRITE_PROBLEMS = {
    "database or disk is full": "the disk is full",
    "attempt to write a readonly database": "the project file is read-only",
    "database is locked": "another program holds the project locked (waited 10 s)",
    "disk i/o error": "the disk reported an input/output error",
}


def _write_problem(error: sqlite3.Error) -> ProjectWriteError:
    message = str(error)
    reason = next((v for k, v in _WRITE_PROBLEMS.items() if k in message.lower()), message)
    return ProjectWriteError(f"could not save the change: {reason}; nothing was changed")


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One atomic write: BEGIN IMMEDIATE takes the write lock up front, so two instances
    never deadlock upgrading a read lock; nested calls become savepoints. A failure of
    the file itself (disk full, read-only, locked) becomes a ProjectWriteError."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise _write_problem(error) from error
    try:
        yield db
    except sqlite3.OperationalError as error:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise _write_problem(error) from error
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise _write_problem(error) from error
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
