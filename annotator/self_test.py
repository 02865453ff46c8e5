"""`annotator --self-test`: prove an installation (or a packaged bundle) works, headless.

It goes through the application layer the window and the command line share, without Qt:
a project file, the importer, the default suggesters, the operations and undo history for
accepting a candidate and adding a relation (undone and redone), the JSONL exporter; then
it reads the export back and checks it. Last, two annotators' layers of the sample
article are compared as `annotator agreement` compares them (numpy, scipy, scikit-learn,
krippendorff) and the HTML report is written (matplotlib, Pillow), so a bundle that lacks
one of those libraries fails here. Each step is printed; the exit code is 0 only if every
step passed.
"""

from __future__ import annotations

import json
import shutil
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
        shutil.rmtree(folder, ignore_errors=True)
    print("self-test passed", flush=True)
    return 0


def _run_steps(folder: Path, state: dict) -> None:
    from annotator.app import operations
    from annotator.app.exporting import export_project
    from annotator.app.suggesting import DEFAULT_SUGGESTERS
    from annotator.app.suggesting import suggest as run_suggesters
    from annotator.app.workspace import Workspace
    from annotator.model import Status
    from annotator.paths import sample_articles_dir
    from annotator.store import Project

    path = folder / "self-test.sqlite"

    def create() -> str:
        state["project"] = Project.create(path, annotator="self-test")
        state["workspace"] = Workspace(state["project"])
        state["events"] = []
        state["workspace"].events.subscribe(state["events"].append)
        return str(path)

    def import_sample() -> str:
        report = state["workspace"].import_paths([sample_articles_dir()])
        if report.errors or report.imported != 1:
            raise RuntimeError(report.errors or "the sample article was not imported")
        state["document"] = state["project"].documents()[0]
        return f"{state['document'].name}, {len(state['document'].text)} characters"

    def suggest() -> str:
        report = run_suggesters(state["workspace"], DEFAULT_SUGGESTERS)
        candidates = state["project"].entities(state["document"].id, status=Status.CANDIDATE)
        if not candidates:
            raise RuntimeError("the default suggesters proposed nothing")
        return f"{report.added} candidates"

    def accept() -> str:
        workspace, project = state["workspace"], state["project"]
        candidate = project.entities(state["document"].id, status=Status.CANDIDATE)[0]
        text = state["document"].text[candidate.start : candidate.end]
        event = workspace.perform(operations.accept(candidate))
        if project.entity(candidate.id).status != Status.ACCEPTED:
            raise RuntimeError("the accepted entity was not stored")
        if [e.id for e in event.entities] != [candidate.id]:
            raise RuntimeError("the change event does not name the accepted entity")
        return f"{candidate.label} {text}"

    def undo_redo() -> str:
        workspace, project = state["workspace"], state["project"]
        document_id = state["document"].id
        [accepted] = project.entities(document_id, status=Status.ACCEPTED)
        workspace.undo(document_id)
        if project.entity(accepted.id).status != Status.CANDIDATE:
            raise RuntimeError("undo did not bring the candidate back")
        workspace.redo(document_id)
        if project.entity(accepted.id).status != Status.ACCEPTED:
            raise RuntimeError("redo did not accept it again")
        return f"{len(state['events'])} change events announced"

    def relate() -> str:
        workspace, project = state["workspace"], state["project"]
        schema = project.schema
        entities = [
            e for e in project.entities(state["document"].id) if e.status != Status.REJECTED
        ]
        for head in entities:
            for tail in entities:
                types = schema.types_allowed_between(head.label, tail.label)
                if head.id != tail.id and types:
                    workspace.perform(operations.link(head, tail, types[0].name))
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
        ("accept a candidate (an operation with undo)", accept),
        ("undo and redo it", undo_redo),
        ("link two entities (accepting candidate ends)", relate),
        ("export JSONL", export),
        ("re-read and check the export", check),
        *_agreement_steps(folder, state),
    ]
    for number, (title, action) in enumerate(steps, start=1):
        _step(number, title, action)


def _agreement_steps(folder: Path, state: dict) -> list[tuple[str, Callable[[], str]]]:
    """Agreement between two annotators' layers of the sample document, then its report.

    The numbers are known in advance (`_store_two_layers`), so a wrong result fails the
    step as surely as a missing library does. The imports happen inside the steps, so a
    missing library fails its step, not the steps before it."""

    def compare() -> str:
        from annotator.app.project_agreement import project_agreement

        expected = _store_two_layers(state["project"], state["document"])
        report = project_agreement(state["project"])
        overall = report.overall
        found = (
            report.annotators,
            overall.exact_micro.matched,
            overall.relaxed_micro.matched,
            overall.relations_micro.f1,
        )
        if found != expected:
            raise RuntimeError(f"agreement found {found}, expected {expected}")
        if overall.kappa_micro is None or report.alpha_micro is None:
            raise RuntimeError("kappa or alpha could not be computed")
        state["agreement"] = report
        return (
            f"exact F1 {overall.exact_micro.f1:.3f}, relaxed {overall.relaxed_micro.f1:.3f}, "
            f"kappa {overall.kappa_micro:.3f}, alpha {report.alpha_micro:.3f} "
            f"on {report.tokens} tokens"
        )

    def report_html() -> str:
        from annotator.app.agreement_report import write_html

        out = write_html(state["agreement"], folder / "agreement.html")
        if "data:image/png;base64," not in out.read_text(encoding="utf-8"):
            raise RuntimeError("the report has no plot")
        return f"{out.name}, {out.stat().st_size // 1024} KB with its plots"

    return [
        ("compare two annotators (numpy, scipy, scikit-learn, krippendorff)", compare),
        ("write the agreement report (matplotlib)", report_html),
    ]


def _store_two_layers(project, document) -> tuple:
    """Store two annotators' layers of `document`, both done, as `annotator merge` does:
    five words as entities for one; for the other, the third split in two (both halves
    overlap it, so the relaxed matching needs scipy's assignment), the fifth relabelled,
    and the same relation. Returns what the agreement must find: the annotators, exact
    and relaxed matches, relation F1."""
    from annotator.model import DocumentStatus
    from annotator.model.drafts import DocumentDraft, EntityDraft, RelationDraft, check_draft
    from annotator.store.layers import replace_layer
    from annotator.text.tokens import words_with_offsets

    words = [w for w in words_with_offsets(document.text) if len(w.text) >= 4][:5]
    if len(words) < 5:
        raise RuntimeError("the sample article has fewer than five words of 4 characters")
    spans = [(w.start, w.end, label) for w, label in zip(words, _LABELS, strict=True)]
    (start, end, _), middle = spans[2], spans[2][0] + 2
    other = [*spans[:2], (start, middle, "ORG"), (middle, end, "ORG"), spans[3]]
    other.append((spans[4][0], spans[4][1], "MISC"))
    for name, entities in (("amal", spans), ("badr", other)):
        drafts = [
            EntityDraft(i, s, e, label, annotator=name) for i, (s, e, label) in enumerate(entities)
        ]
        link = RelationDraft(1, 0, 1, "located_in", annotator=name)  # spans[0] -> spans[1]
        draft = DocumentDraft(document.name, document.text, DocumentStatus.DONE, {}, drafts, [link])
        check_draft(draft, project.schema)
        replace_layer(project, document.id, name, draft)
    return ("amal", "badr"), 3, 4, 1.0


_LABELS = ("PERS", "LOC", "ORG", "PERS", "LOC")


if __name__ == "__main__":
    sys.exit(run_self_test())
