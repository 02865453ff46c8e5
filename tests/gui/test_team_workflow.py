"""The team workflow end to end: assign to three annotators, each edits their hand-out,
merge, agreement, curation from the keyboard in the window, export of gold with
provenance, agreement against the curated gold."""

from __future__ import annotations

import json

from click.testing import CliRunner
from PySide6.QtCore import Qt

from annotator.app import operations
from annotator.app.workspace import Workspace
from annotator.cli import main
from annotator.gui.app import application, open_window
from annotator.model import DocumentStatus, Status
from annotator.store import Project

TEXTS = [
    "زار بوتين موسكو أمس مع وفد من وكالة Reuters",
    "التقى لافروف تشوي في بيونغ يانغ",
]


def cli(*arguments):
    result = CliRunner().invoke(main, ["--annotator", "lead", *map(str, arguments)])
    assert result.exit_code == 0, result.output
    return result.output


def annotate(path, name, label_of):
    """`name` accepts every candidate with the label `label_of(text, label)` gives
    (None: reject it), then marks each document done."""
    with Project.open(path, annotator=name) as project:
        workspace = Workspace(project)
        for document in project.documents():
            for entity in project.entities(document.id, status=Status.CANDIDATE):
                label = label_of(document.text[entity.start : entity.end], entity.label)
                if label is None:
                    workspace.perform(operations.reject(entity))
                    continue
                if label != entity.label:
                    workspace.perform(operations.relabel(entity, label))
                workspace.perform(operations.accept(project.entity(entity.id)))
            status = project.document_status(document.id)
            workspace.perform(
                operations.SetDocumentStatus(document.id, DocumentStatus.DONE, status)
            )


def test_assign_annotate_merge_agree_curate_export(qtbot, tmp_path, monkeypatch):
    lead = tmp_path / "lead.sqlite"
    with Project.create(lead, annotator="lead") as project:
        for number, text in enumerate(TEXTS):
            document = project.add_document(f"d{number}.txt", text)
            for name, label in (("بوتين", "PERS"), ("موسكو", "LOC"), ("Reuters", "ORG"),
                                ("لافروف", "PERS"), ("بيونغ يانغ", "LOC")):  # fmt: skip
                if name in text:
                    start = text.index(name)
                    project.add_entity(document.id, start, start + len(name), label,
                                       status="candidate", source="gazetteer")  # fmt: skip
    out = tmp_path / "handout"
    cli("assign", lead, "--annotators", "amal,badr,huda", "--overlap", "1",
        "--per-document", "3", "--out", out)  # fmt: skip
    annotate(out / "lead-amal.sqlite", "amal", lambda text, label: label)
    annotate(out / "lead-badr.sqlite", "badr", lambda text, label: label)
    huda = {"موسكو": "ORG", "Reuters": None}  # Moscow an organisation; no Reuters
    annotate(out / "lead-huda.sqlite", "huda", lambda text, label: huda.get(text, label))
    cli("merge", lead, *sorted(out.glob("*.sqlite")))
    assert "amal / huda" in cli("agreement", lead)

    # the lead curates in the window, from the keyboard
    application()
    monkeypatch.setenv("ANNOTATOR_NAME", "lead")
    project = Project.open(lead, annotator="lead")
    window = open_window(project)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.binder.actions["view.curate"].trigger()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    state = window.curation.state
    assert [d.version("huda") for d in state.disagreements] == [
        ((TEXTS[0].index("موسكو"), TEXTS[0].index("موسكو") + 5, "ORG"),),
        (),
    ]
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # amal's Moscow LOC
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # badr's Reuters ORG
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    # the next document: every annotator agreed, so nothing to decide
    qtbot.waitUntil(lambda: window.session.document.id == 2)
    assert not window.curation.state.disagreements
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.close()
    project.close()

    export = tmp_path / "gold.jsonl"
    cli("export", lead, export, "--with-provenance")
    documents = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    first = {e["text"]: (e["label"], e["provenance"]["decided"]) for e in documents[0]["entities"]}
    assert first == {
        "بوتين": ("PERS", "agreed"),
        "موسكو": ("LOC", "chosen from amal"),
        "Reuters": ("ORG", "chosen from badr"),
    }
    assert documents[0]["status"] == documents[1]["status"] == "done"
    output = cli("agreement", lead)
    assert "Against curated gold" in output
    huda = next(line for line in output.splitlines() if line.startswith("huda "))
    assert "(2 documents)" in huda
