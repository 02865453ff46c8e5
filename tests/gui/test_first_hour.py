"""What a new user met in their first hour with the window (defects D10-D18, E20), each
with real key and mouse events and a check of what was stored or shown."""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QMessageBox

from annotator.model import Schema
from annotator.store import Project
from tests.gui.conftest import drag, stored

TEXT = "التقى لافروف في موسكو مع تشوي سونغ هوي وزير خارجية كوريا الشمالية بحضور وزارة الخارجية"


def span(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def press(qtbot, widget, *keys):
    for key in keys:
        if isinstance(key, tuple):
            qtbot.keyClick(widget, key[0], key[1])
        else:
            qtbot.keyClick(widget, key)


def test_no_allowed_relation_type_is_said_and_s_offers_the_swap(make_window, qtbot):
    window, path, _ = make_window(
        TEXT, [(*span("وزارة الخارجية"), "ORG"), (*span("لافروف"), "PERS")]
    )
    view = window.view
    ministry = next(e.id for e in window.session.entities.values() if e.label == "ORG")
    view.set_focus_entity(ministry)
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert window.session.entities[view.link.target].label == "PERS"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    assert "No relation type allows ORG → PERS" in message
    assert "PERS → ORG allows affiliated_with: press S to swap head and tail" in message
    assert view.link.types == []
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert [t.name for t in view.link.types] == ["affiliated_with"]
    qtbot.keyClick(view, Qt.Key.Key_A)
    heads = stored(
        path,
        "SELECT h.label, t.label, r.type FROM relations r "
        "JOIN entities h ON h.id = r.head_id JOIN entities t ON t.id = r.tail_id",
    )
    assert heads == [("PERS", "ORG", "affiliated_with")]


def test_the_type_list_opens_next_to_the_entities(make_window, qtbot):
    from annotator.gui.relation_overlay import type_box

    window, _, _ = make_window(TEXT, [(*span("لافروف"), "PERS"), (*span("موسكو"), "LOC")])
    view = window.view
    view.set_focus_entity(next(e.id for e in window.session.entities.values() if e.label == "PERS"))
    press(qtbot, view, Qt.Key.Key_R, Qt.Key.Key_Return)
    assert view.link.types
    layout = view.layout_
    visible = view.viewport().rect().toRectF()
    box = type_box(layout, view.link, visible, QFontMetricsF(layout.tag_font))
    target = layout.segment_rect(layout.segments_by_entity[view.link.target][0])
    assert abs(box.center().x() - target.center().x()) < box.width()  # beside it, not far
    assert 0 < box.top() - target.bottom() < 40


def test_each_of_two_candidates_on_one_span_gets_its_own_number(make_window, qtbot):
    moscow = span("موسكو")
    window, path, _ = make_window(
        TEXT, [(*span("لافروف"), "PERS"), (*moscow, "LOC"), (*moscow, "ORG")]
    )
    view = window.view
    view.set_focus_entity(next(e.id for e in window.session.entities.values() if e.label == "PERS"))
    qtbot.keyClick(view, Qt.Key.Key_R)
    view.viewport().repaint()  # numbers are given as they are drawn
    numbered = {window.session.entities[e].label: n for n, e in view.link.numbers.items()}
    assert numbered.keys() >= {"LOC", "ORG"} and numbered["LOC"] != numbered["ORG"]
    qtbot.keyClicks(view, str(numbered["ORG"]))
    assert window.session.entities[view.link.target].label == "ORG"
    qtbot.keyClicks(view, str(numbered["LOC"]))
    assert window.session.entities[view.link.target].label == "LOC"


def test_escape_gives_the_keys_back_to_the_article_and_clears_the_selection(make_window, qtbot):
    window, path, _ = make_window(TEXT, [(*span("موسكو"), "LOC")])
    view = window.view
    combo = window.entity_list.labels
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the keys act on the article again
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert stored(path, "SELECT status FROM entities") == [("accepted",)]
    assert combo.currentIndex() == 0
    assert "2px solid #2b6cb0" in view.styleSheet()  # the pane with the keys is framed
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.selection is not None
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selection is None


def test_word_steps_skip_punctuation(make_window, qtbot):
    text = "قال لافروف، وزير الخارجية. ثم غادر"
    window, _, _ = make_window(text)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.selection == span("لافروف", text)
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Left, alt_shift)
    assert text[slice(*view.selection)] == "لافروف، وزير"
    qtbot.keyClick(view, Qt.Key.Key_Left, alt_shift)
    qtbot.keyClick(view, Qt.Key.Key_Left, alt_shift)
    assert text[slice(*view.selection)] == "لافروف، وزير الخارجية. ثم"


def test_an_import_from_the_file_menu_backs_up_suggests_and_confirms(
    make_window, qtbot, tmp_path, monkeypatch
):
    window, path, _ = make_window(TEXT)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    backups_before = len(list(path.parent.glob(f"{path.name}.backups/*.sqlite")))
    article = tmp_path / "new.txt"
    article.write_text(
        "أعلنت وزارة الخارجية الروسية أن الرئيس فلاديمير بوتين سيزور الصين.", "utf-8"
    )
    window.files._import([article])
    assert "0 of 2 documents done" in window.status.text()  # counts refreshed at once
    assert len(list(path.parent.glob(f"{path.name}.backups/*.sqlite"))) == backups_before + 1
    assert said and said[0].startswith("1 document imported (0 entities, 0 relations)")
    window.wait_for_suggestions()
    assert stored(path, "SELECT count(*) FROM entities WHERE document_id = 2")[0][0] > 0


def test_an_export_from_the_file_menu_is_confirmed_and_shareable(
    make_window, tmp_path, monkeypatch
):
    window, path, _ = make_window(TEXT, [(*span("موسكو"), "LOC")])
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    out = tmp_path / "shared.jsonl"
    previous = os.umask(0o022)
    try:
        assert window.files.export_to(out, "jsonl", True, ("new", "in_progress", "done"))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert said[0].startswith("Exported 1 document (1 entities, 0 relations) to")
    # candidates were asked for: the candidate is in the file with its status
    assert '"status":"candidate"' in out.read_text(encoding="utf-8")


def test_the_export_dialog_starts_in_the_last_folder_or_the_documents_folder(make_window, tmp_path):
    from annotator.gui.export_dialog import ExportDialog

    window, _, _ = make_window(TEXT)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window.files.settings = settings
    assert window.files.export_folder() != tmp_path
    settings.setValue("export_folder", str(tmp_path))
    assert window.files.export_folder() == tmp_path
    dialog = ExportDialog(window, window.files.export_folder())
    dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
    dialog.candidates.setChecked(True)
    choice = dialog.choice()
    assert (choice.format, choice.include_candidates, choice.path.parent) == (
        "doccano", True, tmp_path
    )  # fmt: skip


def test_panel_rows_keep_label_status_and_both_ends_readable(make_window, qtbot):
    from annotator.gui.panels import ID_ROLE, REJECTED_TEXT

    window, _, _ = make_window(TEXT, [(*span("لافروف"), "PERS"), (*span("موسكو"), "LOC")])
    model = window.entity_list.model
    first = model.data(model.index(0))
    assert first.splitlines()[1] in ("PERS · candidate · test", "LOC · candidate · test")
    view = window.view
    view.set_focus_entity(model.data(model.index(0), ID_ROLE))
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # reject
    window.view.set_show_rejected(True)
    rows = [model.index(r) for r in range(model.rowCount())]
    rejected = [i for i in rows if "rejected" in model.data(i)]
    assert model.data(rejected[0], Qt.ItemDataRole.ForegroundRole) == REJECTED_TEXT
    assert model.data(rejected[0], Qt.ItemDataRole.FontRole).italic()


def test_focusing_an_entity_at_the_bottom_keeps_its_line_whole(make_window, qtbot):
    long_text = "\n".join(f"سطر رقم {n} من الخبر الطويل عن زيارة موسكو" for n in range(60))
    last = long_text.rindex("موسكو")
    window, _, _ = make_window(long_text, [(last, last + 5, "LOC")])
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    [rect] = view.content_rect_of(last, last + 5)
    assert rect.bottom() + view.layout_.line_height / 2 <= view.viewport().height()


def test_annotator_db_wins_over_the_remembered_project(tmp_path, monkeypatch):
    from annotator.gui.app import starting_project

    remembered = tmp_path / "remembered.sqlite"
    Project.create(remembered).close()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("last_project", str(remembered))
    named = tmp_path / "named.sqlite"
    monkeypatch.setenv("ANNOTATOR_DB", str(named))
    assert starting_project(settings) == named
    monkeypatch.delenv("ANNOTATOR_DB")
    assert starting_project(settings) == remembered


ARABIC_SCHEMA = """
[[labels]]
name = "شخص"
colour = "#c0392b"
hotkey = "1"

[[labels]]
name = "مكان"
colour = "#27ae60"
hotkey = "2"

[[relation_types]]
name = "يقيم_في"
hotkey = "q"
pairs = [["شخص", "مكان"]]
"""


def test_arabic_labels_through_keys_export_and_import(make_window, qtbot, tmp_path):
    from annotator.app.exporting import export_project
    from annotator.app.importing import import_paths
    from annotator.gui.app import open_window

    path = tmp_path / "arabic.sqlite"
    project = Project.create(path, Schema.from_toml(ARABIC_SCHEMA), annotator="tester")
    project.add_document("d.txt", TEXT)
    window = open_window(project)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.view
    view.setFocus()
    for phrase, key in (("لافروف", Qt.Key.Key_1), ("موسكو", Qt.Key.Key_2)):
        [rect] = view.content_rect_of(*span(phrase))
        drag(view, rect.center(), rect.center())
        qtbot.keyClick(view, key)
    assert sorted(stored(path, "SELECT label FROM entities")) == [("شخص",), ("مكان",)]
    out = tmp_path / "arabic.jsonl"
    export_project(project, out)
    assert '"label":"شخص"' in out.read_text(encoding="utf-8")
    window.close()
    project.close()
    with Project.create(tmp_path / "again.sqlite", Schema.from_toml(ARABIC_SCHEMA)) as again:
        assert import_paths(again, [out]).errors == []
        assert {e.label for e in again.entities(1)} == {"شخص", "مكان"}


def test_import_runs_the_suggesters_on_the_new_documents_only(make_window, tmp_path, monkeypatch):
    window, path, _ = make_window(TEXT)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    runs = []
    monkeypatch.setattr(window.suggestions, "start", lambda only, force=False, documents=None:
                        runs.append(documents))  # fmt: skip
    article = tmp_path / "new.txt"
    article.write_text("زار الرئيس موسكو", "utf-8")
    window.files._import([article])
    assert runs == [[2]]


def test_relation_rows_stay_right_to_left_with_a_latin_head(make_window, qtbot):
    text = "قال Tim Cook إن الشرق الأوسط سوق"
    window, _, document_id = make_window(text)
    project = window.project
    head = project.add_entity(document_id, *span("Tim Cook", text), "PERS")
    tail = project.add_entity(document_id, *span("الشرق الأوسط", text), "LOC")
    project.add_relation(head.id, tail.id, "located_in")
    window.session.reload()
    model = window.relation_list.model
    row = model.data(model.index(0))
    assert all(line.startswith("\u200f") for line in row.splitlines())
    assert "\u2068Tim Cook\u2069" in row


def test_label_colours_in_the_panels_are_readable_on_white():
    from PySide6.QtGui import QColor

    from annotator.gui.panels import _luminance, readable

    for colour in ("#2ca02c", "#ffdd00", "#1f77b4", "#d62728"):
        shown = readable(QColor(colour))
        assert 1.05 / (_luminance(shown) + 0.05) >= 4.5, colour


def test_a_bad_annotator_db_gives_a_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    from annotator.gui.app import run

    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_DB", str(bad))
    assert run(None, screenshot=tmp_path / "x.png") == 1
    assert "not an annotator project" in capsys.readouterr().err


def test_an_export_over_an_existing_file_keeps_its_mode(make_window, tmp_path, monkeypatch):
    window, _, _ = make_window(TEXT)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    out = tmp_path / "private.jsonl"
    out.write_text("", encoding="utf-8")
    out.chmod(0o600)
    assert window.files.export_to(out, "jsonl", False, ())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
