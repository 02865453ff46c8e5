"""What a new user gets on first start: the default project with the sample article,
already carrying candidates; the built-in NER's follow right after the window's first
paint (its model loads then, in the background), so start-up does not wait for it."""

from __future__ import annotations

from pathlib import Path

from annotator.app.importing import import_paths
from annotator.app.suggesting import suggest
from annotator.app.workspace import Workspace
from annotator.paths import default_project_path, sample_articles_dir
from annotator.store import Project
from annotator.store.connection import check_project_file

#: run before the window opens: quick, no model to load
BEFORE_FIRST_PAINT = ("memory", "gazetteer", "cues")
#: a project setting: the window runs the default suggesters once it has painted
SUGGEST_AFTER_PAINT = "suggest_after_first_paint"


def prepare_default_project() -> Path:
    """The default project's path, created with the sample article if it is new or empty."""
    path = default_project_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    first_start = not check_project_file(path)
    with Project.open(path, create=True) as project:
        if first_start or project.document_count() == 0:
            import_paths(project, [sample_articles_dir()])
            suggest(Workspace(project), only=BEFORE_FIRST_PAINT)
            project.set_setting(SUGGEST_AFTER_PAINT, "1")
    return path


def take_suggest_after_paint(project: Project) -> bool:
    """True once if first start asked for the default suggesters after the first paint."""
    if project.read_only or project.setting(SUGGEST_AFTER_PAINT) is None:
        return False
    project.set_setting(SUGGEST_AFTER_PAINT, None)
    return True
