"""Search in the window, with real key events: the find bar (Ctrl+F, F3, Shift+F3, Enter,
Escape, Ctrl+L) and the project search panel (Ctrl+Shift+F, Enter, Ctrl+Shift+L)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.gui.article_view import HIGHLIGHT_COLOUR
from tests.gui.conftest import stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TEXT = "قال بوتين إن بُوتِين التقى لبوتين\nثم عاد بوتين إلى موسكو"


def spans_of(text, *words):
    """[start, end) of each given occurrence, as (word, occurrence) or word."""
    found = []
    for item in words:
        word, occurrence = item if isinstance(item, tuple) else (item, 0)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(word, start + 1)
        found.append((start, start + len(word)))
    return found


PLAIN = spans_of(TEXT, "بوتين", "بُوتِين", ("بوتين", 2))  # not لبوتين
CLITIC = (TEXT.index("لبوتين") + 1, TEXT.index("لبوتين") + 6)


def candidates(path):
    return stored(
        path,
        "SELECT start, \"end\", label, source FROM entities WHERE status = 'candidate' "
        "ORDER BY start",
    )


def type_text(widget, text):
    """Real key events carrying Arabic characters (QTest's keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def find(window, qtbot, query):
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    type_text(bar.field, query)
    assert bar.field.text() == query
    return bar


def test_ctrl_f_highlights_every_match_and_f3_steps_through_them(make_window, qtbot):
    window, _, _ = make_window(TEXT)
    view = window.view
    bar = find(window, qtbot, "بوتين")
    assert view.highlights == PLAIN and bar.count.text() == "1 of 3"
    assert view.selection == PLAIN[0] and view.current_highlight == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert view.selection == PLAIN[1] and bar.count.text() == "2 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Enter in the bar: the next one too
    assert view.selection == PLAIN[2] and bar.count.text() == "3 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)  # wraps round
    assert view.selection == PLAIN[0]
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    assert view.selection == PLAIN[2] and bar.count.text() == "3 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert view.selection == PLAIN[1]
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and view.highlights == [] and view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)  # F3 in the article: the bar again, same query
    assert bar.isVisible() and view.highlights == PLAIN


def test_the_highlights_are_painted(make_window, qtbot):
    window, _, _ = make_window(TEXT)
    find(window, qtbot, "موسكو")
    view = window.view
    view.select(0, 0)  # no selection over it: only the highlight's colour
    qtbot.wait(50)
    image = view.viewport().grab().toImage()
    [rect] = view.content_rect_of(*spans_of(TEXT, "موسكو")[0])
    expected = QColor(255, 255, 255)
    alpha = HIGHLIGHT_COLOUR.alphaF()
    blend = [round(255 * (1 - alpha) + c * alpha) for c in HIGHLIGHT_COLOUR.getRgb()[:3]]
    expected = QColor(*blend)
    colours = {
        image.pixelColor(QPoint(int(x), int(rect.top() + 2))).rgb()
        for x in range(int(rect.left()) + 1, int(rect.right()) - 1)
    }
    assert expected.rgb() in colours
    outside = image.pixelColor(QPoint(int(rect.left()) - 12, int(rect.top() + 2)))
    assert outside.rgb() != expected.rgb()


def test_through_clitics_and_regex_options(make_window, qtbot):
    window, _, _ = make_window(TEXT)
    bar = find(window, qtbot, "بوتين")
    qtbot.mouseClick(bar.clitics, Qt.MouseButton.LeftButton)
    assert window.view.highlights == sorted([*PLAIN, CLITIC]) and bar.count.text() == "1 of 4"
    qtbot.mouseClick(bar.clitics, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.regex, Qt.MouseButton.LeftButton)  # raw text: no diacritics ignored
    assert window.view.highlights == [PLAIN[0], (CLITIC[0], CLITIC[1]), PLAIN[2]]
    bar.field.setFocus()
    qtbot.keyClick(bar.field, Qt.Key.Key_ParenLeft)
    assert "not a valid regular expression" in bar.count.text()
    assert window.view.highlights == []


def test_escape_then_a_label_key_labels_the_current_match(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    bar = find(window, qtbot, "موسكو")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert stored(path, 'SELECT start, "end", label, status FROM entities') == [
        (*spans_of(TEXT, "موسكو")[0], "LOC", "accepted")
    ]


def choose_in_menu(qtbot, key):
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), key)


def test_label_all_matches_in_the_article_then_undo(make_window, qtbot):
    decided = PLAIN[1]
    window, path, document_id = make_window(TEXT)
    window.project.add_entity(document_id, *decided, "LOC", status="rejected", source="cues")
    window.session.reload()
    said = []
    window.statusBar().messageChanged.connect(lambda text: text and said.append(text))
    bar = find(window, qtbot, "بوتين")
    qtbot.mouseClick(bar.clitics, Qt.MouseButton.LeftButton)
    qtbot.keyClick(bar.field, Qt.Key.Key_L, CTRL)
    choose_in_menu(qtbot, Qt.Key.Key_1)  # PERS, by its label key
    expected = [(s, e, "PERS", "search") for s, e in sorted([PLAIN[0], CLITIC, PLAIN[2]])]
    assert candidates(path) == expected
    assert said[-1] == (
        "Proposed 3 PERS candidates; left out 1 already decided and 0 already proposed."
    )
    assert window.view.hasFocus() and window.undo_action.text() == "Undo Propose 3 PERS matches"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # one step takes all three back
    assert candidates(path) == []
    assert stored(path, "SELECT status FROM entities") == [("rejected",)]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert candidates(path) == expected


SECOND = "وفي موسكو قال لبوتين الرئيس\nإن بوتين هنا"


def test_ctrl_shift_f_lists_matches_and_enter_opens_one(make_window, qtbot):
    window, _, first_id = make_window(TEXT)
    second = window.project.add_document("second.txt", SECOND)  # indexed when added
    window.find_bar.field.setText("بوتين")  # the find bar's query is the panel's start
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL | SHIFT)
    panel = window.search_panel
    assert panel.isVisible() and panel.field.hasFocus() and panel.field.text() == "بوتين"
    rows = [(m.document_id, m.start, m.end) for m in panel.model.matches]
    assert rows == [(first_id, *s) for s in PLAIN] + [
        (second.id, *spans_of(SECOND, "بوتين", ("بوتين", 1))[1])
    ]
    assert panel.count.text() == "4 matches in 2 documents"
    assert "«بوتين»" in panel.model.index(3).data() and "second.txt" in panel.model.index(3).data()
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(3))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.session.document.id == second.id
    assert window.view.selection == spans_of(SECOND, ("بوتين", 1))[0]
    assert panel.list.hasFocus()  # the keys stay in the list, for the next match
    qtbot.keyClick(panel.list, Qt.Key.Key_Up)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.session.document.id == first_id and window.view.selection == PLAIN[2]
    qtbot.keyClick(panel.list, Qt.Key.Key_Escape)  # the keys back to the article
    assert window.view.hasFocus()


def test_the_panel_searches_as_you_type_and_follows_imports(make_window, qtbot, tmp_path):
    window, _, _ = make_window(TEXT)
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL | SHIFT)
    panel = window.search_panel
    type_text(panel.field, "الرئيس")
    qtbot.waitUntil(lambda: panel.search is not None)
    assert panel.model.matches == [] and panel.count.text() == "0 matches in 0 documents"
    new = tmp_path / "new.txt"
    new.write_text(SECOND, encoding="utf-8")
    window.workspace.import_paths([new])  # announced: the panel searches again
    assert [m.text for m in panel.model.matches] == ["الرئيس"]


def test_label_all_matches_in_the_project_one_undo_step_per_document(
    make_window, qtbot, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window, path, first_id = make_window(TEXT)
    second = window.project.add_document("second.txt", SECOND)
    window.find_bar.field.setText("بوتين")
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL | SHIFT)
    qtbot.mouseClick(window.search_panel.clitics, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_L, CTRL | SHIFT)
    choose_in_menu(qtbot, Qt.Key.Key_1)
    by_document = stored(
        path, "SELECT document_id, count(*) FROM entities WHERE source = 'search' GROUP BY 1"
    )
    assert by_document == [(first_id, 4), (second.id, 2)]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # the open document's step only
    assert stored(path, "SELECT document_id, count(*) FROM entities GROUP BY 1") == [(second.id, 2)]
