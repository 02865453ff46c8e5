"""Kill a process that is editing a project at a random moment, then check the project.

Shared by the test suite (50 cycles) and benchmarks/crash_cycles.py (thousands).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.robustness.edit_script import canonical_state, run_edits

SCRIPT = Path(__file__).resolve().parent / "edit_script.py"
EDITS_PER_CHILD = 5000


def make_template(folder: Path) -> Path:
    from annotator.app.importing import import_paths
    from annotator.paths import sample_articles_dir
    from annotator.store import Project
    from annotator.suggest.runner import build_suggesters, run_suggesters

    path = folder / "template.sqlite"
    with Project.create(path, annotator="crash-test") as project:
        import_paths(project, [sample_articles_dir()])
        run_suggesters(project, build_suggesters(project, only=["gazetteer", "cues"]))
        project._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def one_cycle(template: Path, seed: int) -> dict:
    """Copy the template, let a child edit it, SIGKILL it at a random moment, verify."""
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="annotator-crash-"))
    try:
        db = folder / "project.sqlite"
        shutil.copy(template, db)
        journal = folder / "journal.txt"
        journal.touch()
        target_lines = rng.randint(1, 600)
        child = subprocess.Popen(
            [sys.executable, str(SCRIPT), str(db), str(seed), str(EDITS_PER_CHILD), str(journal)],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if journal.stat().st_size and journal.read_text().count("\n") >= target_lines:
                break
            time.sleep(0.002)
        time.sleep(rng.random() * 0.004)  # land anywhere, mid-edit included
        child.send_signal(signal.SIGKILL)
        child.wait()
        lines = journal.read_text().splitlines()
        done = [int(line.split()[1]) for line in lines if line.startswith("done ")]
        begun = [int(line.split()[1]) for line in lines if line.startswith("begin ")]
        last_done = done[-1] if done else -1
        in_flight = bool(begun) and begun[-1] == last_done + 1
        # what the project holds now
        conn = sqlite3.connect(db)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
        from annotator.store import Project

        with Project.open(db) as project:
            document_id = project.documents()[0].id
            stored = canonical_state(project, document_id)
        # every state the same edits pass through, replayed on a fresh copy
        replay = folder / "replay.sqlite"
        shutil.copy(template, replay)
        with Project.open(replay) as project:
            states = [canonical_state(project, project.documents()[0].id)]
        wanted = last_done + 2 + (1 if in_flight else 0)
        run_edits(replay, seed, wanted, on_state=states.append)
        allowed = [states[last_done + 1]] + ([states[last_done + 2]] if in_flight else [])
        return {
            "integrity": integrity,
            "edits_returned": last_done + 1,
            "consistent": stored in allowed,
            "lost": stored == states[last_done]
            if last_done >= 0 and stored not in allowed
            else False,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
