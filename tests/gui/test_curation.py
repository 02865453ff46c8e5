"""Curation from the keyboard, in the real window, on the three-annotator document:
real key events, then what a second connection reads from the project file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.app.curation import documents_to_curate
from annotator.gui.app import application, open_window
from annotator.store import Project
from tests import curation_fixture as fx
from tests.gui.conftest import stored


@pytest.fixture
def curating(qtbot, tmp_path):
    """The lead's window on the team project, in curation mode (View > Curate)."""
    application()
    path = tmp_path / "team.sqlite"
    document_id = fx.build(path)
    project = Project.open(path, annotator="lead")
    window = open_window(project)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.binder.actions["view.curate"].trigger()
    qtbot.waitUntil(lambda: window.curation.state is not None)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    yield window, path, document_id
    project.close()


def gold(path):
    return set(
        stored(
            path,
            'SELECT start, "end", label FROM entities WHERE layer = ? AND status = ?',
            ("gold", "accepted"),
        )
    )


def settled(path):
    return {
        region: (outcome, annotator)
        for region, outcome, annotator in stored(
            path, "SELECT region, outcome, annotator FROM curation"
        )
    }


def press(qtbot, window, *keys):
    for key in keys:
        qtbot.keyClick(window.view, key)


def test_entering_curation_premerges_exactly_the_unanimous_spans(curating):
    window, path, _ = curating
    assert window.project.layer == "gold"
    assert gold(path) == {fx.PUTIN, fx.MINISTRY}
    assert window.disagreements_dock.isVisible()
    assert window.disagreements.list.count() == 6
    assert "0 of 6 disagreements settled" in window.curation_status.text()
    # one track per annotator, with that annotator's spans
    assert [t.name for t in window.view.layout_.tracks] == list(fx.ANNOTATORS)
    assert fx.AGENCY_LONG in window.view.layout_.tracks[0].spans
    # the first disagreement is outlined: the Latin name in Arabic, amal's longer span
    assert window.view.outline == [(fx.AGENCY_LONG[0], fx.AGENCY_LONG[1])]


def test_n_and_p_visit_the_disagreements_in_reading_order(curating, qtbot):
    window, _, _ = curating
    seen = [window.curation.index]
    for _ in range(6):
        press(qtbot, window, Qt.Key.Key_N)
        seen.append(window.curation.index)
    assert seen == [0, 1, 2, 3, 4, 5, 0]
    press(qtbot, window, Qt.Key.Key_P)
    assert window.curation.index == 5
    starts = [d.start for d in window.curation.state.disagreements]
    entity_starts = starts[:3]
    assert entity_starts == sorted(entity_starts)
    # a relation disagreement outlines both of its ends
    assert window.view.outline == [fx.LAVROV[:2], fx.MINISTRY[:2]]


def test_keys_1_3_0_and_e_make_gold_with_provenance_and_undo_restores(curating, qtbot):
    window, path, document_id = curating
    press(qtbot, window, Qt.Key.Key_1)  # amal's وكالة Reuters
    press(qtbot, window, Qt.Key.Key_N, Qt.Key.Key_3)  # huda's موسكو ORG
    press(qtbot, window, Qt.Key.Key_N, Qt.Key.Key_0)  # no لافروف
    assert gold(path) == {fx.AGENCY_LONG, fx.PUTIN, fx.MOSCOW_ORG, fx.MINISTRY}
    [(source, found_in)] = stored(
        path,
        "SELECT source, found_in FROM entities WHERE layer = 'gold' AND start = ? AND label = ?",
        fx.AGENCY_LONG[::2],
    )
    assert (source, json.loads(found_in)) == ("curation:amal", ["amal"])
    records = settled(path)
    assert records[f"{fx.AGENCY_LONG[0]}-{fx.AGENCY_LONG[1]}"] == ("chosen", "amal")
    assert records[f"{fx.MOSCOW_LOC[0]}-{fx.MOSCOW_LOC[1]}"] == ("chosen", "huda")
    assert records[f"{fx.LAVROV[0]}-{fx.LAVROV[1]}"] == ("none", None)
    assert "3 of 6 disagreements settled" in window.curation_status.text()
    # a relation from an end that is not in gold is refused, saying why
    press(qtbot, window, Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_N)  # لافروف–الوزارة
    press(qtbot, window, Qt.Key.Key_1)
    assert "not in gold" in window.statusBar().currentMessage()
    assert len(settled(path)) == 3

    # undo: the none comes undone, gold and panel both
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(settled(path)) == 2
    assert "2 of 6 disagreements settled" in window.curation_status.text()
    assert "open" in window.disagreements.list.item(2).text()

    # E: edit by hand (here: label the selected region PERS with its key), Escape, Enter
    window.curation.go_to(2)
    press(qtbot, window, Qt.Key.Key_E)
    assert window.view.selection == (fx.LAVROV[0], fx.LAVROV[1])
    press(qtbot, window, Qt.Key.Key_1)  # the PERS label key, while editing by hand
    assert fx.LAVROV in gold(path)
    press(qtbot, window, Qt.Key.Key_Escape)
    while window.curation.editing:  # a first Escape may clear a selection
        press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_Return)
    assert settled(path)[f"{fx.LAVROV[0]}-{fx.LAVROV[1]}"] == ("chosen", "amal")


def test_ctrl_d_asks_when_disagreements_are_open_then_marks_curated(curating, qtbot, monkeypatch):
    window, path, document_id = curating
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes,
    )
    press(qtbot, window, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert asked and "5 of 6 disagreements are not settled" in asked[0]
    assert stored(
        path,
        "SELECT status FROM document_layers WHERE layer = 'gold' AND document_id = ?",
        (document_id,),
    ) == [("done",)]
    assert documents_to_curate(window.project) == []
    # leaving curation gives the lead's own layer back
    window.binder.actions["view.curate"].trigger()
    assert not window.curation.active and window.project.layer == "lead"
    assert not window.view.layout_.tracks


def test_the_pre_merge_policy_is_chosen_in_the_window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    application()
    path = tmp_path / "team.sqlite"
    fx.build(path)
    project = Project.open(path, annotator="lead")
    window = open_window(project)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda *a, **k: ("majority: what more than half of them have", True),
    )
    window.binder.actions["view.curation_policy"].trigger()
    assert project.setting("curation_policy") == "majority"
    window.binder.actions["view.curate"].trigger()
    # two of three agreed everywhere: all six disagreements are settled by the pre-merge
    assert "6 of 6 disagreements settled" in window.curation_status.text()
    assert fx.LAVROV in gold(path)
    project.close()


def test_ctrl_d_leaves_a_document_not_ready_for_curation_as_it_is(curating, qtbot):
    from annotator.model import DocumentStatus
    from annotator.model.drafts import DocumentDraft, EntityDraft
    from annotator.store.layers import replace_layer

    window, path, _ = curating
    with Project.open(path, annotator="lead") as other:  # another document, amal's alone
        second = other.add_document("alone.txt", "زار بوتين موسكو")
        replace_layer(other, second.id, "amal", DocumentDraft(
            "alone.txt", "زار بوتين موسكو", DocumentStatus.DONE,
            entities=[EntityDraft(1, 4, 9, "PERS", source="human")],
        ))  # fmt: skip
    window.check_external_changes()
    window.open_document(second.id)
    assert window.curation.state is None
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "not ready for curation" in window.statusBar().currentMessage()
    assert stored(
        path,
        "SELECT count(*) FROM document_layers WHERE layer = 'gold' AND document_id = ?",
        (second.id,),
    ) == [(0,)]
