"""What a new user gets on first start: the default project with the sample article,
already carrying the default suggesters' candidates."""

from __future__ import annotations

from pathlib import Path

from annotator.app.importing import import_paths
from annotator.app.suggesting import DEFAULT_SUGGESTERS, suggest
from annotator.app.workspace import Workspace
from annotator.paths import default_project_path, sample_articles_dir
from annotator.store import Project
from annotator.store.connection import check_project_file


def prepare_default_project() -> Path:
    """The default project's path, created with the sample article if it is new or empty."""
    path = default_project_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    first_start = not check_project_file(path)
    with Project.open(path, create=True) as project:
        if first_start or project.document_count() == 0:
            import_paths(project, [sample_articles_dir()])
            suggest(Workspace(project), only=DEFAULT_SUGGESTERS)
    return path
