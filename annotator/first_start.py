"""What a new user gets on first start: the default project with the sample article,
already carrying the default suggesters' candidates."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.importer import import_paths
from annotator.paths import default_project_path, sample_articles_dir
from annotator.store import Project
from annotator.store.connection import check_project_file


def prepare_default_project() -> Path:
    path = default_project_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    first_start = not check_project_file(path)
    with Project.open(path, create=True) as project:
        if first_start or project.document_count() == 0:
            from annotator.suggest.runner import build_suggesters, run_suggesters

            import_paths(project, [sample_articles_dir()])
            run_suggesters(project, build_suggesters(project, only=["memory", "gazetteer", "cues"]))
    return path
