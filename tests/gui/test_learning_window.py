"""The window and the project learner: training in another process while the window keeps
working, the new model's candidates appearing; candidates hidden below a confidence."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from annotator.app.events import Origin
from annotator.app.operations import SetDocumentStatus
from annotator.gui.app import application, open_window
from annotator.model import DocumentStatus
from annotator.store import Project
from tests.app.test_learning import GOLD, SCHEMA, add_gold


def test_marking_done_retrains_in_the_background_and_candidates_appear(qtbot, tmp_path):
    application()
    path = tmp_path / "p.sqlite"
    project = Project.create(path, SCHEMA, annotator="tester")
    for text, entities in GOLD[:-2]:
        add_gold(project, text, entities)
    text, entities = GOLD[-2]
    last = add_gold(project, text, entities, done=False)
    target = project.add_document("new.txt", "زارت ليلى القدس.")
    window = open_window(project)
    qtbot.addWidget(window)
    window.show()
    window.suggestions.learner_enabled = True
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.open_document(last.id)
    window.workspace.perform(
        SetDocumentStatus(last.id, DocumentStatus.DONE, DocumentStatus.IN_PROGRESS)
    )
    qtbot.waitUntil(lambda: window.suggestions.learner is not None, timeout=5000)
    qtbot.waitUntil(lambda: not window.suggestions.learner.isRunning(), timeout=60000)
    window.wait_for_suggestions()
    timer.stop()
    assert len(ticks) > 10  # the window's event loop ran while the learner trained
    found = {(e.label, e.source) for e in project.entities(target.id) if e.status == "candidate"}
    assert ("شخص", "project-ner") in found
    window.close()
    project.close()


def test_candidates_below_the_threshold_are_hidden_and_skipped(make_window):
    text = "زار سمير نابلس ثم القدس"
    window, path, document_id = make_window(text)
    project = window.project
    for name, confidence in (("سمير", 0.9), ("نابلس", 0.3), ("القدس", None)):
        start = text.index(name)
        project.add_entity(document_id, start, start + len(name), "LOC", status="candidate",
                           source="x", confidence=confidence)  # fmt: skip
    window.workspace.documents_changed([document_id], Origin.SUGGEST)
    window.parts.toggles.set_min_confidence(0.5)
    assert project.setting("min_confidence") == "0.50"
    shown = {text[e.start : e.end] for e in window.view.visible_entities()}
    assert shown == {"سمير", "القدس"}
    seen = []
    for _ in range(3):
        window.view.next_entity(1)
        entity = window.view.focused_entity()
        seen.append(text[entity.start : entity.end])
    assert seen == ["سمير", "القدس", "سمير"]
    assert "view.min_confidence" in window.binder.actions


def test_first_start_shows_the_built_in_ners_candidates_after_the_first_paint(
    qtbot, tmp_path, monkeypatch
):
    from annotator.app.first_start import prepare_default_project
    from annotator.gui.app import _suggest_after_paint

    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "default.sqlite"))
    application()
    project = Project.open(prepare_default_project())
    [document_id] = project.document_ids()
    sources = {e.source.split(":")[0] for e in project.entities(document_id)}
    assert "builtin-ner" not in sources  # not before the window is on screen
    window = open_window(project)
    qtbot.addWidget(window)
    window.show()
    _suggest_after_paint(window)
    window.wait_for_suggestions()
    found = {(e.source, e.label) for e in project.entities(document_id)}
    assert {("builtin-ner", "ORG"), ("builtin-ner", "LOC")} <= found
    assert not window.suggestions.worker.isRunning()
    _suggest_after_paint(window)  # once only
    assert project.setting("suggest_after_first_paint") is None
    window.close()
    project.close()
