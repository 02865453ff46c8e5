"""Rotating backups of a project file, taken with SQLite's online backup API.

Backups live beside the project, in `<project file>.backups/`, newest last; the last
KEEP are kept. Restoring first backs up the current state, then copies the chosen backup
into the project through the same API, so a reader never sees a half-copied file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from annotator.store.connection import ProjectFileError, check_project_file
from annotator.store.project import Project

KEEP = 5


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime
    size: int


def backup_folder(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".backups")


def list_backups(project_path: Path) -> list[Backup]:
    folder = backup_folder(project_path)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.sqlite")):
        stat = path.stat()
        found.append(Backup(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return found


def make_backup(project: Project, reason: str = "open") -> Path | None:
    """Copy the open project into its backup folder and drop the oldest past KEEP."""
    if project.path is None:
        return None
    folder = backup_folder(project.path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{project.path.stem}-{stamp}-{reason}.sqlite"
    destination = sqlite3.connect(target)
    try:
        project._db.conn.backup(destination)
    finally:
        destination.close()
    for old in list_backups(project.path)[:-KEEP]:
        old.path.unlink(missing_ok=True)
    return target


def restore_backup(project_path: Path, backup: Path) -> Path:
    """Replace the project's content with a backup's; returns the backup of what was there."""
    try:
        is_project = check_project_file(backup)
    except ProjectFileError as error:
        raise ProjectFileError(
            f"{backup}: not a backup of an annotator project ({error})"
        ) from None
    if not is_project:
        raise ProjectFileError(f"{backup}: no such backup")
    with Project.open(project_path) as project:
        saved = make_backup(project, reason="before-restore")
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            source.backup(project._db.conn)
        finally:
            source.close()
    return saved
