"""A project file shared with another program keeps every committed edit (no plain file
handle ever drops this process's SQLite locks, which let the other program delete the
write-ahead log still in use here)."""

from __future__ import annotations

import subprocess
import sys

from annotator.store import Project
from annotator.store.connection import check_project_file

OTHER = """
import sys
from annotator.store import Project
with Project.open(sys.argv[1], annotator="other") as project:
    print(len(project.entities(1)))
"""


def _other_program(path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", OTHER, str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_edits_after_another_program_closed_the_project_are_kept(project_file):
    with Project.open(project_file, annotator="window") as window:
        document = window.add_document("a.txt", "زار بوتين موسكو أمس")
        window.add_entity(document.id, 4, 9, "PERS")
        # what the window's suggestion worker does: look at the file, open it, close it
        assert check_project_file(project_file)
        Project.open(project_file).close()
        assert _other_program(project_file) == "1"  # another program opens and closes it
        assert project_file.with_name(project_file.name + "-wal").exists()
        window.add_entity(document.id, 10, 15, "LOC")
        assert _other_program(project_file) == "2"
