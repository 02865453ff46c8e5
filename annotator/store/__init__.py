"""Persistence: the SQLite project file."""

from __future__ import annotations

from annotator.store.connection import ProjectFileError
from annotator.store.project import Project, default_annotator

__all__ = ["Project", "ProjectFileError", "default_annotator"]
