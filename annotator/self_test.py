"""`annotator --self-test`: prove an installation (or a packaged bundle) works, headless.

It goes through the code the window uses: a project file, the importer, the default
suggesters, the window's session and undo commands for accepting a candidate and adding a
relation, the JSONL exporter; then it reads the export back and checks it. Each step is
printed; the exit code is 0 only if every step passed.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _step(number: int, title: str, action: Callable[[], str]) -> None:
    started = time.perf_counter()
    detail = action()
    elapsed = (time.perf_counter() - started) * 1000
    print(f"[{number}] {title}: ok — {detail} ({elapsed:.0f} ms)", flush=True)


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from annotator import __version__

    print(f"annotator {__version__} self-test", flush=True)
    folder = Path(tempfile.mkdtemp(prefix="annotator-self-test-"))
    state: dict = {}
    try:
        _run_steps(folder, state)
    except Exception as error:  # noqa: BLE001 - the report is the point
        print(f"FAILED: {type(error).__name__}: {error}", flush=True)
        return 1
    finally:
        project = state.get("project")
        if project is not None:
            project.close()
    print("self-test passed", flush=True)
    return 0


def _run_steps(folder: Path, state: dict) -> None:
    from annotator.formats.export import export_project
    from annotator.formats.importer import import_paths
    from annotator.paths import sample_articles_dir
    from annotator.store import Project
    from annotator.suggest.runner import build_suggesters, run_suggesters

    path = folder / "self-test.sqlite"

    def create() -> str:
        state["project"] = Project.create(path, annotator="self-test")
        return str(path)

    def import_sample() -> str:
        report = import_paths(state["project"], [sample_articles_dir()])
        if report.errors or report.imported != 1:
            raise RuntimeError(report.errors or "the sample article was not imported")
        state["document"] = state["project"].documents()[0]
        return f"{state['document'].name}, {len(state['document'].text)} characters"

    def suggest() -> str:
        project = state["project"]
        report = run_suggesters(
            project, build_suggesters(project, only=["memory", "gazetteer", "cues"])
        )
        candidates = project.entities(state["document"].id, status="candidate")
        if not candidates:
            raise RuntimeError("the default suggesters proposed nothing")
        return f"{report.added} candidates"

    def open_session() -> str:
        from annotator.gui.app import application
        from annotator.gui.session import DocumentSession

        state["app"] = application()
        session = DocumentSession(state["project"])
        session.open_document(state["document"].id)
        state["session"] = session
        return f"{len(session.entities)} entities in the window's session"

    def accept() -> str:
        from annotator.gui import commands

        session = state["session"]
        candidate = next(e for e in session.reading_order() if e.status == "candidate")
        text = state["document"].text[candidate.start : candidate.end]
        command = commands.UpdateEntity(session, candidate, "Accept", status="accepted")
        if not session.push(command):
            raise RuntimeError("the accept command was refused")
        if state["project"].entity(candidate.id).status != "accepted":
            raise RuntimeError("the accepted entity was not stored")
        state["accepted"] = candidate
        return f"{candidate.label} {text}"

    def relate() -> str:
        from annotator.gui import commands

        session, project = state["session"], state["project"]
        schema = project.schema
        for head in session.reading_order():
            for tail in session.reading_order():
                types = schema.types_allowed_between(head.label, tail.label)
                if head.id != tail.id and types and head.status != "rejected" != tail.status:
                    command = commands.AddRelation(session, head, tail, types[0].name)
                    if session.push(command):
                        state["relation"] = (head, tail, types[0].name)
                        return f"{head.label} {types[0].name} {tail.label}"
        raise RuntimeError("no pair of entities could be related")

    def export() -> str:
        out = folder / "export.jsonl"
        summary = export_project(state["project"], out)
        state["export"] = out
        return (
            f"{summary.documents} document, {summary.entities} entities, "
            f"{summary.relations} relations"
        )

    def check() -> str:
        [line] = [json.loads(x) for x in state["export"].read_text(encoding="utf-8").splitlines()]
        text = line["text"]
        if text != state["document"].text:
            raise RuntimeError("the exported text differs from the imported one")
        for entity in line["entities"]:
            if text[entity["start"] : entity["end"]] != entity["text"]:
                raise RuntimeError(f"entity {entity['id']} does not match its offsets")
        head, tail, type_name = state["relation"]
        ids = {(e["start"], e["end"], e["label"]): e["id"] for e in line["entities"]}
        expected = {
            ids[(head.start, head.end, head.label)],
            ids[(tail.start, tail.end, tail.label)],
        }
        if not any(
            r["type"] == type_name and {r["head"], r["tail"]} == expected for r in line["relations"]
        ):
            raise RuntimeError("the relation is missing from the export")
        return "offsets, texts and the relation match"

    steps = [
        ("create a project", create),
        ("import the bundled sample article", import_sample),
        ("run the default suggesters", suggest),
        ("open the document in the window's session", open_session),
        ("accept a candidate through the undo command", accept),
        ("add a relation through the undo command", relate),
        ("export JSONL", export),
        ("re-read and check the export", check),
    ]
    for number, (title, action) in enumerate(steps, start=1):
        _step(number, title, action)


if __name__ == "__main__":
    sys.exit(run_self_test())
