"""Relations from real key and mouse events, checked in the stored rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.conftest import drag, stored

TEXT = "التقى لافروف في موسكو مع تشوي سونغ هوي وزير خارجية كوريا الشمالية بحضور وزارة الخارجية"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def span(word):
    start = TEXT.index(word)
    return start, start + len(word)


GOLD = [
    (*span("لافروف"), "PERS"),
    (*span("موسكو"), "LOC"),
    (*span("تشوي سونغ هوي"), "PERS"),
    (*span("كوريا الشمالية"), "LOC"),
    (*span("وزارة الخارجية"), "ORG"),
]


def relations(path):
    return stored(
        path,
        "SELECT h.start, t.start, r.type FROM relations r "
        "JOIN entities h ON h.id = r.head_id JOIN entities t ON t.id = r.tail_id "
        "ORDER BY r.id",
    )


def make(make_window, candidates=()):
    window, path, document_id = make_window(TEXT, candidates)

    project = window.project
    for start, end, label in GOLD:
        if (start, end, label) not in {(s, e, lab) for s, e, lab in candidates}:
            project.add_entity(document_id, start, end, label)
    window.session.reload()
    return window, path


def focus(window, word):
    start = TEXT.index(word)
    entity = next(e for e in window.session.entities.values() if e.start == start)
    window.view.set_focus_entity(entity.id)
    return entity


def test_link_by_keys_offers_only_the_allowed_types(make_window, qtbot):
    window, path = make(make_window)
    view = window.view
    focus(window, "لافروف")
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert view.link is not None
    assert window.session.entities[view.link.target].start == span("موسكو")[0]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [t.name for t in view.link.types] == ["affiliated_with", "located_in"]
    qtbot.keyClick(view, Qt.Key.Key_L)  # located_in's hotkey
    assert relations(path) == [(span("لافروف")[0], span("موسكو")[0], "located_in")]
    assert window.undo_action.text() == "Undo Add located_in"


def test_link_target_by_tab_and_by_number(make_window, qtbot):
    window, path = make(make_window)
    view = window.view
    focus(window, "لافروف")
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # موسكو -> تشوي سونغ هوي
    assert window.session.entities[view.link.target].start == span("تشوي سونغ هوي")[0]
    view.viewport().repaint()  # numbers are given to the entities drawn
    number = next(
        n
        for n, entity_id in view.link.numbers.items()
        if window.session.entities[entity_id].start == span("وزارة الخارجية")[0]
    )
    for digit in str(number):
        qtbot.keyClick(view, getattr(Qt.Key, f"Key_{digit}"))
    assert window.session.entities[view.link.target].start == span("وزارة الخارجية")[0]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_1)  # the first offered type, by its number
    assert relations(path) == [(span("لافروف")[0], span("وزارة الخارجية")[0], "affiliated_with")]


def test_a_pair_no_type_allows_says_so(make_window, qtbot):
    window, path = make(make_window)
    view = window.view
    focus(window, "موسكو")
    qtbot.keyClick(view, Qt.Key.Key_R)  # target: تشوي سونغ هوي (PERS); LOC -> PERS
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.link.types == []
    assert "No relation type allows LOC → PERS" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.link is None and relations(path) == []


def test_symmetric_meets_is_stored_once(make_window, qtbot):
    window, path = make(make_window)
    view = window.view
    focus(window, "تشوي سونغ هوي")
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)  # back to لافروف
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert window.session.entities[view.link.target].start == span("لافروف")[0]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [t.name for t in view.link.types] == ["meets"]
    qtbot.keyClick(view, Qt.Key.Key_M)
    [(head, tail, type_name)] = relations(path)
    assert type_name == "meets" and {head, tail} == {span("لافروف")[0], span("تشوي سونغ هوي")[0]}


def test_linking_a_candidate_accepts_it_in_the_same_undoable_step(make_window, qtbot):
    candidate = (*span("موسكو"), "LOC")
    window, path = make(make_window, [candidate])
    view = window.view
    focus(window, "لافروف")
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_L)
    status = "SELECT status FROM entities WHERE start = ?"
    assert stored(path, status, (candidate[0],)) == [("accepted",)]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert relations(path) == [] and stored(path, status, (candidate[0],)) == [("candidate",)]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(relations(path)) == 1 and stored(path, status, (candidate[0],)) == [("accepted",)]


def _link(window, qtbot, source, steps, key):
    focus(window, source)
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    for _ in range(steps):
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.keyClick(window.view, key)


def test_retype_swap_and_delete_a_relation_with_undo(make_window, qtbot):
    window, path = make(make_window)
    view = window.view
    _link(window, qtbot, "موسكو", 1, Qt.Key.Key_L)  # موسكو located_in كوريا الشمالية
    moscow, korea = span("موسكو")[0], span("كوريا الشمالية")[0]
    assert relations(path) == [(moscow, korea, "located_in")]
    assert view.focused_relation() is not None
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert [t.name for t in view.link.types] == ["located_in", "part_of"]
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert relations(path) == [(moscow, korea, "part_of")]
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert relations(path) == [(korea, moscow, "part_of")]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert relations(path) == [(moscow, korea, "part_of")]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert relations(path) == [(moscow, korea, "located_in")]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert relations(path) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert relations(path) == [(moscow, korea, "located_in")]


def test_deleting_an_entity_takes_its_relations_and_undo_brings_both(make_window, qtbot):
    window, path = make(make_window)
    _link(window, qtbot, "لافروف", 0, Qt.Key.Key_L)
    focus(window, "موسكو")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete, SHIFT)
    assert relations(path) == [] and len(stored(path, "SELECT id FROM entities")) == 4
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert relations(path) == [(span("لافروف")[0], span("موسكو")[0], "located_in")]


def test_rejecting_an_entity_with_relations_asks_first(make_window, qtbot, monkeypatch):
    window, path = make(make_window)
    _link(window, qtbot, "لافروف", 0, Qt.Key.Key_L)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    focus(window, "موسكو")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(relations(path)) == 1  # said no: nothing changed
    focus(window, "موسكو")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert relations(path) == []
    assert stored(path, "SELECT status FROM entities WHERE start = ?", (span("موسكو")[0],)) == [
        ("rejected",)
    ]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert len(relations(path)) == 1
    moscow = next(e for e in window.session.entities.values() if e.start == span("موسكو")[0])
    assert moscow.status == "accepted"  # the window shows the entity restored too


def test_drag_from_one_entity_to_another(make_window, qtbot):
    window, path = make(make_window)
    view = window.view
    [head] = view.content_rect_of(*span("لافروف"))
    [tail] = view.content_rect_of(*span("وزارة الخارجية"))
    drag(view, head.center(), tail.center())
    assert [t.name for t in view.link.types] == ["affiliated_with"]
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert relations(path) == [(span("لافروف")[0], span("وزارة الخارجية")[0], "affiliated_with")]


def _click(view, point: QPointF):
    target = view.viewport()
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        QApplication.sendEvent(
            target,
            QMouseEvent(
                kind,
                point,
                target.mapToGlobal(point),
                Qt.MouseButton.LeftButton,
                buttons,
                Qt.KeyboardModifier.NoModifier,
            ),
        )


def test_clicking_an_arc_selects_its_row_and_a_row_selects_its_arc(make_window, qtbot):
    window, path = make(make_window)
    view = window.view
    _link(window, qtbot, "لافروف", 0, Qt.Key.Key_L)
    _link(window, qtbot, "لافروف", 1, Qt.Key.Key_M)
    view.set_focus_entity(None)
    layout = view.layout_
    first, second = sorted(window.session.relations)
    piece = next(p for p in layout.arc_pieces if p.relation_id == first)
    y = layout.arc_y(piece) - view.verticalScrollBar().value()
    _click(view, QPointF((piece.left + piece.right) / 2, y))
    assert view.focus_relation_id == first
    panel = window.relation_list
    assert panel.view.currentIndex().data(Qt.ItemDataRole.UserRole) == first
    panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(second)))
    assert view.focus_relation_id == second


def test_hide_arcs_and_only_the_focused_entitys_relations(make_window, qtbot):
    window, path = make(make_window)
    view = window.view
    _link(window, qtbot, "لافروف", 0, Qt.Key.Key_L)
    _link(window, qtbot, "موسكو", 1, Qt.Key.Key_L)
    assert len(view.layout_.relations) == 2
    qtbot.keyClick(view, Qt.Key.Key_H, CTRL)
    assert view.layout_.relations == {}
    qtbot.keyClick(view, Qt.Key.Key_H, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_J, CTRL)
    focus(window, "لافروف")
    assert len(view.layout_.relations) == 1
