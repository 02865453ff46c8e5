"""The window in Arabic (as `annotator gui --lang ar` opens it): mirrored, its texts from
the compiled Arabic catalogue, counts in the chosen digits, labels by their display names
while the stored data and exports keep the ids, and the keys and the mouse still edit."""

from __future__ import annotations

import json

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from annotator.gui.language import Digits, Language, current
from annotator.gui.main_window import MainWindow
from annotator.model import Status
from tests.gui.conftest import drag, stored

TEXT = "قال الرئيس الروسي فلاديمير بوتين إن روسيا ترحب بالرئيس الكوري في موسكو."
ARABIC_DIGITS = set("٠١٢٣٤٥٦٧٨٩")


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


CANDIDATES = [(*span("فلاديمير بوتين"), "PERS"), (*span("روسيا"), "LOC"), (*span("موسكو"), "ORG")]


def entities(path):
    return stored(path, 'SELECT start, "end", label, status FROM entities ORDER BY start')


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_arabic_window_is_mirrored_with_arabic_menus(arabic_interface, make_window):
    window, _, _ = make_window(TEXT, CANDIDATES)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert menu_titles(window)[:3] == ["&ملف", "&تحرير", "&بحث"]
    # menus start from the right: File is right of Edit on the menu bar
    bar = window.menuBar()
    file_menu, edit_menu = bar.actions()[:2]
    assert bar.actionGeometry(file_menu).left() > bar.actionGeometry(edit_menu).right()
    # the documents panel is on the right of the article, the entities on its left
    article = window.view.mapTo(window, window.view.rect().topLeft())
    documents = window.documents_dock.geometry()
    entities_panel = window.entity_list.mapTo(window, window.entity_list.rect().topLeft())
    assert documents.left() >= article.x() + window.view.width()
    assert entities_panel.x() + window.entity_list.width() <= article.x()
    # the article's scroll bar is on its left, as the window is mirrored
    assert window.view.verticalScrollBar().geometry().x() < window.view.viewport().x()
    assert window.binder.actions["edit.accept"].text() == "اعتماد (والانتقال إلى المرشّح التالي)"
    assert window.documents_dock.windowTitle() == "المستندات"


def test_the_english_window_is_not_mirrored(make_window):
    window, _, _ = make_window(TEXT, CANDIDATES)
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert menu_titles(window)[:3] == ["&File", "&Edit", "&Search"]
    article = window.view.mapTo(window, window.view.rect().topLeft())
    assert window.documents_dock.geometry().right() <= article.x()


def test_counts_in_the_status_bar_follow_the_digits_setting(arabic_interface, make_window):
    window, _, _ = make_window(TEXT, CANDIDATES)
    status = window.status.text()
    assert "المشروع: أُنجز ٠ من أصل مستند واحد" in status
    assert "بقيت ٣ مرشّحات، والمعتمَد: ٠" in status
    assert not set("0123456789") & set(status)
    arabic_interface(digits=Digits.WESTERN)
    window, _, _ = make_window(TEXT, CANDIDATES)
    status = window.status.text()
    assert "بقيت 3 مرشّحات، والمعتمَد: 0" in status and not ARABIC_DIGITS & set(status)


def test_keys_accept_and_undo_with_tags_in_arabic_and_ids_stored(
    arabic_interface, make_window, qtbot, tmp_path, monkeypatch
):
    window, path, _ = make_window(TEXT, CANDIDATES)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # accept فلاديمير بوتين, on to روسيا
    assert entities(path)[0] == (*span("فلاديمير بوتين"), "PERS", "accepted")
    # the tag over it names the label as the Arabic interface shows it, a candidate's
    # with the Arabic question mark; the panels and the palette too
    styles = view._styles()
    assert styles[("PERS", Status.ACCEPTED)]["tag"] == "شخص"
    assert styles[("LOC", Status.CANDIDATE)]["tag"] == "مكان؟"
    row = window.entity_list.model.index(0).data()
    assert row.endswith("شخص · معتمَد · test")
    assert window.binder.actions["label.PERS"].iconText() == "1  شخص"
    assert "بوتين — شخص، معتمَد" not in window.status.text()  # focus moved on to روسيا
    assert "روسيا\u2069 — مكان، مرشّح (test)" in window.status.text()
    assert window.undo_action.text() == "تراجع عن اعتماد شخص"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entities(path)[0][3] == "candidate"
    assert window.redo_action.text() == "إعادة اعتماد شخص"
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Z, redo)
    assert entities(path)[0][3] == "accepted"
    # the export keeps the label's id
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    out = tmp_path / "export.jsonl"
    assert window.files.export_to(out, "jsonl", False, ())
    [line] = out.read_text(encoding="utf-8").splitlines()
    assert [e["label"] for e in json.loads(line)["entities"]] == ["PERS"]
    assert said[0].startswith("صُدِّر مستند واحد (الكيانات: ١، العلاقات: ٠) إلى")


def test_a_drag_selects_the_words_and_a_label_key_labels_them(arabic_interface, make_window, qtbot):
    """The article keeps its own geometry in the mirrored window: a drag over a phrase
    selects exactly it, a click focuses the entity under it."""
    window, path, _ = make_window(TEXT, CANDIDATES[1:])
    view = window.view
    [rect] = view.content_rect_of(*span("الرئيس الروسي"))
    y = rect.center().y()
    drag(view, QPointF(rect.right() - 1, y), QPointF(rect.left() + 1, y))
    assert view.selection == span("الرئيس الروسي")
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert (*span("الرئيس الروسي"), "LOC", "accepted") in entities(path)
    [moscow] = view.content_rect_of(*span("موسكو"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=moscow.center().toPoint())
    assert view.focused_entity().start == span("موسكو")[0]


def test_linking_shows_arabic_type_names_and_stores_the_type_id(
    arabic_interface, make_window, qtbot
):
    text = "التقى فلاديمير بوتين في موسكو"
    people, place = (
        (text.index("فلاديمير بوتين"), text.index("فلاديمير بوتين") + 14),
        (
            text.index("موسكو"),
            len(text),
        ),
    )
    window, path, _ = make_window(text, [(*people, "PERS"), (*place, "LOC")])
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # بوتين
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    from annotator.gui.relation_overlay import _type_lines

    assert _type_lines(view.link) == ["a   منتسب إلى", "l   يقع في"]
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert stored(path, "SELECT type FROM relations") == [("located_in",)]
    row = window.relation_list.model.index(0).data()
    assert "← يقع في ←" in row
    assert view.layout_.type_text("located_in") == "يقع في"  # written on the arc


def test_find_bar_counts_in_arabic_digits(arabic_interface, make_window, qtbot):
    window, _, _ = make_window(TEXT + " " + TEXT)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.field.setText("موسكو")
    assert window.find_bar.count.text() == "١ من ٢"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == "٢ من ٢"


def test_the_help_is_in_arabic_and_reads_right_to_left(arabic_interface, make_window, qtbot):
    from PySide6.QtWidgets import QTextBrowser

    from annotator.gui.key_help import help_html

    window, _, _ = make_window(TEXT)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.parts.help.dialog
    assert dialog.windowTitle() == "اختصارات لوحة المفاتيح"
    rows = window.parts.help.rows()
    assert rows[0][0] == "ملف" and ("ملف", "Ctrl+O", "فتح مشروع…") in rows
    assert any(title == "اختيار النوع «يقع في»" for _, _, title in rows)
    assert "فتح مشروع…" in dialog.findChild(QTextBrowser).toPlainText()
    page = help_html(rows, "", right_to_left=True)
    # the keys' column comes last, so it stands on the right of the mirrored page
    assert "<td dir='rtl'>فتح مشروع…</td><td dir='rtl'" in page
    dialog.close()


def test_the_language_changes_in_the_window_keeping_document_and_undo(make_window, qtbot):
    window, path, document_id = make_window(TEXT, CANDIDATES)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.undo_action.text() == "Undo Accept PERS"
    window.binder.actions["view.interface"].trigger()  # View > Interface language and digits…
    dialog = window.parts.interface.dialog
    dialog.language.setCurrentIndex(dialog.language.findData(Language.ARABIC))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    arabic = next(
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, MainWindow) and widget.isVisible() and widget is not window
    )
    qtbot.addWidget(arabic)
    assert not window.isVisible() and window.project.is_open
    assert current().language == Language.ARABIC
    assert menu_titles(arabic)[0] == "&ملف" and arabic.isRightToLeft()
    assert arabic.session.document.id == document_id
    assert arabic.undo_action.text() == "تراجع عن اعتماد شخص"  # the same history
    qtbot.waitUntil(arabic.isActiveWindow)  # the new window has the keys
    qtbot.keyClick(arabic.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entities(path)[0][3] == "candidate"
    english = arabic.parts.interface.apply(type(current())(Language.ENGLISH, Digits.WESTERN))
    qtbot.addWidget(english)
    assert menu_titles(english)[0] == "&File" and not english.isRightToLeft()
    english.close()
