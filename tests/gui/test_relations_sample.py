"""The issue's own scenario, on the sample article, from the keyboard."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.gui.app import open_window
from annotator.store import Project
from annotator.suggest.runner import build_suggesters, run_suggesters
from tests.conftest import SAMPLE

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _tab_to(view, qtbot, text, phrase):
    for _ in range(200):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        entity = view.focused_entity()
        if text[entity.start : entity.end] == phrase:
            return entity
    raise AssertionError(f"no candidate {phrase}")


def _link_to(view, qtbot, text, phrase, type_key):
    qtbot.keyClick(view, Qt.Key.Key_R)
    for _ in range(200):
        target = view.session.entities[view.link.target]
        if text[target.start : target.end] == phrase:
            break
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, type_key)


def test_lavrov_affiliated_with_russia_and_meets_choe(qtbot, tmp_path):
    path = tmp_path / "sample.sqlite"
    with Project.create(path) as project:
        import_paths(project, [SAMPLE])
        run_suggesters(project, build_suggesters(project, only=["memory", "gazetteer", "cues"]))
    text = SAMPLE.read_text(encoding="utf-8")
    window = open_window(Project.open(path))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.view
    view.setFocus()
    lavrov = _tab_to(view, qtbot, text, "سيرغي لافروف")
    _link_to(view, qtbot, text, "روسيا", Qt.Key.Key_A)
    view.set_focus_entity(lavrov.id)
    _link_to(view, qtbot, text, "تشوي سونغ هوي", Qt.Key.Key_M)
    relations = {
        (
            text[view.session.entities[r.head_id].start : view.session.entities[r.head_id].end],
            r.type,
            text[view.session.entities[r.tail_id].start : view.session.entities[r.tail_id].end],
        )
        for r in view.session.relations.values()
    }
    assert ("سيرغي لافروف", "affiliated_with", "روسيا") in relations
    assert any(
        type_name == "meets" and {head, tail} == {"سيرغي لافروف", "تشوي سونغ هوي"}
        for head, type_name, tail in relations
    )
    # both arcs are drawn, each from its head to its tail
    for relation in view.session.relations.values():
        assert view.layout_.arc_endpoints(relation.id) is not None
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert len(view.session.relations) == 1
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(view.session.relations) == 2
    out = tmp_path / "gold.jsonl"
    export_project(window.project, out)
    [line] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    by_id = {e["id"]: e["text"] for e in line["entities"]}
    exported = {(by_id[r["head"]], r["type"], by_id[r["tail"]]) for r in line["relations"]}
    assert ("سيرغي لافروف", "affiliated_with", "روسيا") in exported
    assert any(t == "meets" for _, t, _ in exported)
    window.close()
