"""Keyboard selection, word resizing, panels, background suggestions, switching projects."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.store import Project
from tests.gui.conftest import stored
from tests.gui.test_editing import CANDIDATES, TEXT, entities, span

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_select_words_with_keys_then_label(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    view = window.view
    for _ in range(4):  # قال، الرئيس، الروسي، فلاديمير
        qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    assert TEXT[slice(*view.selection)] == "فلاديمير"
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT | SHIFT)
    assert TEXT[slice(*view.selection)] == "فلاديمير بوتين"
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert entities(path) == [(*span("فلاديمير بوتين"), "PERS", "accepted")]
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)  # the word before the entity
    assert TEXT[slice(*view.selection)] == "الروسي"


def test_grow_and_shrink_by_a_word(make_window, qtbot):
    window, path, _ = make_window(TEXT, [(*span("بوتين"), "PERS")])
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | ALT)
    assert entities(path)[0][:2] == span("فلاديمير بوتين")
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | ALT | SHIFT)
    assert entities(path)[0][:2] == span("بوتين")
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | ALT)
    assert TEXT[slice(*entities(path)[0][:2])] == "بوتين إن"


def test_entity_panel_follows_the_view_and_filters(make_window, qtbot):
    window, path, _ = make_window(TEXT, CANDIDATES)
    panel = window.entity_list
    assert panel.model.rowCount() == 3
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    current = panel.view.currentIndex()
    assert current.row() == 1 and "روسيا" in current.data()
    panel.labels.setCurrentIndex(panel.labels.findData("ORG"))
    assert panel.model.rowCount() == 1
    # choosing a row in the panel focuses that entity in the article
    panel.labels.setCurrentIndex(0)
    panel.view.setCurrentIndex(panel.model.index(2))
    assert window.view.focused_entity().start == span("موسكو")[0]


def test_document_list_filters_by_status(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    # Ctrl+D asks first when candidates are left: yes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window, path, document_id = make_window(TEXT, CANDIDATES)
    documents = window.documents
    assert documents.model.rowCount() == 1
    documents.filter.setCurrentIndex(documents.filter.findData("done"))
    assert documents.model.rowCount() == 0
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert documents.model.rowCount() == 1


def test_accepting_a_name_proposes_its_other_mentions_in_the_background(make_window, qtbot):
    text = "التقى بوتين لافروف. وقال لبوتين إن روسيا. وصل بوتين"
    window, path, _ = make_window(text)
    start = text.index("بوتين")
    window.view.select(start, start + 5)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    window.wait_for_suggestions()
    rows = stored(path, 'SELECT start, "end", status, source FROM entities ORDER BY start')
    memory = [(s, e) for s, e, status, source in rows if source == "memory"]
    assert [text[s:e] for s, e in memory] == ["بوتين", "بوتين"]
    assert memory[0][0] == text.index("لبوتين") + 1
    # and they are in the window without reopening the document
    assert sum(1 for e in window.session.entities.values() if e.source == "memory") == 2


def test_suggest_menu_runs_the_default_suggesters(make_window, qtbot):
    window, path, _ = make_window("زار سيرغي لافروف موسكو وبيونغ يانغ")
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL | SHIFT)
    window.wait_for_suggestions()
    sources = {row[0] for row in stored(path, "SELECT source FROM entities")}
    assert "gazetteer:cldr" in sources
    assert "Suggestions:" in window.statusBar().currentMessage()
    assert any(e.source == "gazetteer:cldr" for e in window.session.entities.values())


def test_switching_project_opens_it_and_closes_the_old_window(make_window, qtbot, tmp_path):
    window, path, _ = make_window(TEXT)
    other = tmp_path / "other.sqlite"
    with Project.create(other) as project:
        project.add_document("second.txt", "نص آخر في مشروع آخر")
    new_window = window.switch_project(other)
    qtbot.addWidget(new_window)
    assert new_window.session.document.name == "second.txt"
    assert not window.isVisible()


def test_opening_a_file_that_is_not_a_project_says_why(make_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window, path, _ = make_window(TEXT)
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: messages.append(args[2]))
    assert window.switch_project(bad) is None
    assert "not an annotator project" in messages[0]
    assert window.isVisible()


def test_choosing_an_ner_model_folder_is_checked_and_remembered(
    make_window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window, path, _ = make_window(TEXT)
    not_a_model = tmp_path / "empty"
    not_a_model.mkdir()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(not_a_model))
    window.choose_ner_model()
    assert "has no config.json" in warnings[0]
    assert window.project.setting("ner_model") is None


def test_opening_a_project_in_the_window_backs_it_up(make_window):
    from annotator.store.backups import list_backups

    window, path, _ = make_window(TEXT)
    [backup] = list_backups(path)
    assert backup.path.name.endswith("-open.sqlite")
