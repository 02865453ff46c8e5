"""Real key and mouse events on the real main window; assertions on what was stored."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import drag, stored

TEXT = "قال الرئيس الروسي فلاديمير بوتين إن روسيا ترحب بالرئيس الكوري في موسكو."


def span(word, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


CANDIDATES = [(*span("فلاديمير بوتين"), "PERS"), (*span("روسيا"), "LOC"), (*span("موسكو"), "ORG")]


def entities(path):
    return stored(path, 'SELECT start, "end", label, status FROM entities ORDER BY start')


def test_tab_enter_delete_and_number_keys(make_window, qtbot):
    window, path, _ = make_window(TEXT, CANDIDATES)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.focused_entity().label == "PERS"
    qtbot.keyClick(view, Qt.Key.Key_Return)  # accept, then on to the next candidate
    assert entities(path)[0][3] == "accepted"
    assert view.focused_entity().label == "LOC"
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # reject
    assert entities(path)[1][3] == "rejected"
    qtbot.keyClick(view, Qt.Key.Key_2)  # relabel موسكو ORG -> LOC
    assert entities(path)[2][2:] == ("LOC", "candidate")
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert view.focused_entity().start == span("موسكو")[0]
    assert stored(path, "SELECT status FROM document_layers WHERE layer = 'gold'") == [
        ("in_progress",)
    ]


def test_undo_and_redo_each_edit_are_stored(make_window, qtbot):
    window, path, _ = make_window(TEXT, CANDIDATES)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_3)  # relabel the focused LOC candidate as ORG
    assert [e[2:] for e in entities(path)][:2] == [("PERS", "accepted"), ("ORG", "candidate")]
    assert window.undo_action.text() == "Undo Relabel as ORG"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entities(path)[1][2] == "LOC"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entities(path)[0][3] == "candidate"
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert entities(path)[0][3] == "accepted"
    assert window.redo_action.text() == "Redo Relabel as ORG"


def _drag_over(view, start, end, reverse=False, modifiers=Qt.KeyboardModifier.NoModifier):
    rects = view.content_rect_of(start, end)
    assert len(rects) == 1
    rect = rects[0]
    y = rect.center().y()
    # RTL: the span's first character is at the right edge
    right, left = QPointF(rect.right() - 1, y), QPointF(rect.left() + 1, y)
    drag(view, left if reverse else right, right if reverse else left, modifiers)


def test_drag_right_to_left_selects_exactly_the_words(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    _drag_over(window.view, *span("فلاديمير بوتين"))
    assert window.view.selection == span("فلاديمير بوتين")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert entities(path) == [(*span("فلاديمير بوتين"), "PERS", "accepted")]


def test_drag_left_to_right_selects_the_same_span(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    _drag_over(window.view, *span("الرئيس الروسي"), reverse=True)
    qtbot.keyClick(window.view, Qt.Key.Key_4)
    assert entities(path) == [(*span("الرئيس الروسي"), "MISC", "accepted")]


def test_a_drag_inside_words_snaps_to_whole_words(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    start, end = span("روسيا")
    _drag_over(window.view, start + 1, end - 1)
    assert window.view.selection == (start, end)


def test_alt_drag_selects_exact_characters(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    start, end = span("بالرئيس")
    _drag_over(window.view, start + 1, end, modifiers=Qt.KeyboardModifier.AltModifier)
    assert window.view.selection == (start + 1, end)


def test_clitic_key_takes_the_name_out_of_its_proclitics(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    start, end = span("بالرئيس")
    _drag_over(window.view, start, end)
    assert window.view.selection == (start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert TEXT[slice(*window.view.selection)] == "الرئيس"
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert TEXT[slice(*window.view.selection)] == "رئيس"
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert entities(path) == [(start + 3, end, "PERS", "accepted")]


def test_grow_and_shrink_the_focused_entity(make_window, qtbot):
    window, path, _ = make_window(TEXT, [(*span("بوتين"), "PERS")])
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    start, end = span("بوتين")
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert entities(path)[0][:2] == (start - 1, end)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert entities(path)[0][:2] == (start - 1, end + 1)
    shrink = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, shrink)
    qtbot.keyClick(view, Qt.Key.Key_Left, shrink)
    assert entities(path)[0][:2] == (start, end)


def test_accept_all_asks_first_and_is_one_undo_step(make_window, qtbot, monkeypatch):
    window, path, _ = make_window(TEXT, CANDIDATES)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert {e[3] for e in entities(path)} == {"accepted"}
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {e[3] for e in entities(path)} == {"candidate"}


def test_ctrl_d_marks_the_document_done(make_window, qtbot, monkeypatch):
    window, path, _ = make_window(TEXT, CANDIDATES)
    asked = []

    def answer(parent, title, question, *rest):
        asked.append(question)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    # candidates are left: it asks, with their number; "No" leaves the document as it was
    assert asked == ["3 candidates are still undecided in this document. Mark it done anyway?"]
    assert stored(path, "SELECT status FROM document_layers WHERE layer = 'gold'") == [("new",)]
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert stored(path, "SELECT status FROM document_layers WHERE layer = 'gold'") == [("done",)]
    # no other document to go to: it says so, visibly
    message = window.statusBar().currentMessage()
    assert message == "No unfinished document is left: every other document is done."
    assert not window.status.isVisible()  # the message stands in the status line's place


def test_ctrl_d_without_candidates_does_not_ask(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert stored(path, "SELECT status FROM document_layers WHERE layer = 'gold'") == [("done",)]


def test_shift_delete_removes_the_entity_and_undo_restores_it(make_window, qtbot):
    window, path, _ = make_window(TEXT, CANDIDATES)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert len(entities(path)) == 2
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(entities(path)) == 3


def test_markup_is_shown_literally(make_window, qtbot):
    text = "قال <b>بوتين</b> &amp; <img src=x> في موسكو"
    window, path, _ = make_window(text)
    layout = window.view.layout_
    shown = "".join(text[line.start : line.end] for line in layout.lines)
    assert "<b>بوتين</b> &amp; <img src=x>" in shown
    start = text.index("بوتين")
    _drag_over(window.view, start, start + 5)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [(s, e, _, _)] = entities(path)
    assert (s, e) == (start, start + 5)
    assert not window.view.layout_.qt_line(0).textLength() < len("قال <b>بوتين</b>")


def test_emoji_before_a_span_keeps_code_point_offsets(make_window, qtbot):
    text = "😀😀 زار 𠀀 بوتين موسكو"
    window, path, _ = make_window(text)
    start = text.index("بوتين")
    _drag_over(window.view, start, start + 5)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [(s, e, _, _)] = entities(path)
    assert (s, e) == (start, start + 5) and text[s:e] == "بوتين"


def _snapshot(path):
    return (entities(path), stored(path, "SELECT status FROM document_layers WHERE layer = 'gold'"))


def _undo_redo_round_trip(window, qtbot, path, act):
    before = _snapshot(path)
    act()
    after = _snapshot(path)
    assert after != before
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entities(path) == before[0]
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert entities(path) == after[0]


def test_every_edit_undoes_and_redoes(make_window, qtbot):
    window, path, _ = make_window(TEXT, CANDIDATES)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    _undo_redo_round_trip(window, qtbot, path, lambda: qtbot.keyClick(view, Qt.Key.Key_Return))
    view.set_focus_entity(next(e.id for e in window.session.entities.values() if e.label == "LOC"))
    _undo_redo_round_trip(window, qtbot, path, lambda: qtbot.keyClick(view, Qt.Key.Key_Delete))
    view.set_focus_entity(next(e.id for e in window.session.entities.values() if e.label == "ORG"))
    _undo_redo_round_trip(
        window,
        qtbot,
        path,
        lambda: qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier),
    )
    _undo_redo_round_trip(window, qtbot, path, lambda: qtbot.keyClick(view, Qt.Key.Key_4))

    def add_by_drag():
        _drag_over(view, *span("الرئيس الكوري"))
        qtbot.keyClick(view, Qt.Key.Key_3)

    _undo_redo_round_trip(window, qtbot, path, add_by_drag)
