"""Curation on the sample article, for the README's screenshot: the sample imported,
the built-in suggesters run, handed to three annotators with full overlap, each one's
work (amal accepts what was proposed; badr relabels some and drops a few; huda also
marks the dates, Western digits inside Arabic, as MISC and links two leaders), merged,
then the window opened in curation mode and saved as a PNG.

    python build_scripts/curation_demo.py OUT_FOLDER [--screenshot docs/curation.png]
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cli(*arguments: str, env: dict | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--annotator", "lead", *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    if result.returncode:
        raise SystemExit(f"annotator {' '.join(arguments)} failed:\n{result.stderr}")
    print(f"$ annotator {' '.join(arguments)}\n{result.stdout}", flush=True)
    return result.stdout


def annotate(path: Path, name: str) -> None:
    """One annotator's work on their hand-out, through the application layer."""
    from annotator.app import operations
    from annotator.app.workspace import Workspace
    from annotator.model import DocumentStatus, Status
    from annotator.store import Project

    rng = random.Random(name)
    with Project.open(path, annotator=name) as project:
        workspace = Workspace(project)
        for document in project.documents():
            for entity in project.entities(document.id, status=Status.CANDIDATE):
                entity = project.entity(entity.id) if entity.id in _ids(project, document) else None
                if entity is None or entity.status != Status.CANDIDATE:
                    continue  # taken away when a sibling on its span was accepted
                roll = rng.random()
                if name == "badr" and roll < 0.08:
                    workspace.perform(operations.reject(entity))
                    continue
                if name == "badr" and roll < 0.2 and entity.label in ("LOC", "ORG"):
                    other = "ORG" if entity.label == "LOC" else "LOC"
                    workspace.perform(operations.relabel(entity, other))
                    entity = project.entity(entity.id)
                workspace.perform(operations.accept(entity))
            if name == "huda":
                _dates_and_a_link(project, workspace, document)
            status = project.document_status(document.id)
            workspace.perform(
                operations.SetDocumentStatus(document.id, DocumentStatus.DONE, status)
            )


def _ids(project, document) -> set[int]:
    return {e.id for e in project.entities(document.id)}


def _dates_and_a_link(project, workspace, document) -> None:
    from annotator.app import operations
    from annotator.model import Status

    for match in re.finditer(r"(?:سبتمبر|نوفمبر|أكتوبر) \d{4}", document.text):
        workspace.perform(operations.AddEntity(document.id, match.start(), match.end(), "MISC"))
    people = [e for e in project.entities(document.id, status=Status.ACCEPTED) if e.label == "PERS"]
    putin = [e for e in people if "بوتين" in document.text[e.start : e.end]]
    kim = [e for e in people if "كيم" in document.text[e.start : e.end]]
    if putin and kim:
        workspace.perform(operations.link(putin[-1], kim[-1], "meets"))


def main() -> None:
    out = Path(sys.argv[1])
    shot = (
        Path(sys.argv[sys.argv.index("--screenshot") + 1]) if "--screenshot" in sys.argv else None
    )
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    lead = out / "news.sqlite"
    cli("init", str(lead))
    cli("import", str(lead), *map(str, sorted((ROOT / "seeds").glob("*.txt"))))
    cli("suggest", str(lead))
    cli("assign", str(lead), "--annotators", "amal,badr,huda", "--overlap", "1",
        "--per-document", "3", "--out", str(out / "handout"))  # fmt: skip
    for name in ("amal", "badr", "huda"):
        annotate(out / "handout" / f"news-{name}.sqlite", name)
    cli("merge", str(lead), *map(str, sorted((out / "handout").glob("*.sqlite"))))
    cli("agreement", str(lead))
    if shot is not None:
        screenshot(lead, shot)


def screenshot(lead: Path, out: Path) -> None:
    """The window in curation mode on the first disagreement over a date (Western
    digits inside Arabic), saved as PNG."""
    from PySide6.QtCore import QTimer

    from annotator.gui.app import application, open_window
    from annotator.gui.language import Digits, Interface, Language, install
    from annotator.store import Project

    app = application()
    install(app, Interface(Language.ENGLISH, Digits.WESTERN))  # English, its plural forms
    window = open_window(Project.open(lead, annotator="lead"))
    window.resize(1280, 800)
    window.show()
    window.curation.set_active(True)
    state = window.curation.state
    text = window.session.document.text
    dates = [
        index
        for index, d in enumerate(state.disagreements)
        if re.search(r"\d", text[d.start : d.end])
    ]
    window.curation.go_to(dates[0] if dates else 0)

    def grab() -> None:
        window.grab().save(str(out))
        print(f"saved {out}", flush=True)
        app.quit()

    QTimer.singleShot(900, grab)
    app.exec()


if __name__ == "__main__":
    main()
