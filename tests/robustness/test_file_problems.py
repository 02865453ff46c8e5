"""Disk full, read-only and locked project files, and two writers at once."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt

from annotator.store import Project
from annotator.store.connection import ProjectWriteError
from tests.gui.conftest import stored


def _counts(path):
    return stored(
        path,
        "SELECT (SELECT count(*) FROM documents), "
        "(SELECT count(*) FROM entities), (SELECT count(*) FROM events)",
    )


def test_a_full_disk_gives_a_clear_error_and_changes_nothing(project_file):
    with Project.open(project_file) as project:
        document = project.add_document("a.txt", "نص قصير")
        pages = project._db.execute("PRAGMA page_count").fetchone()[0]
        project._db.execute(f"PRAGMA max_page_count = {pages}")
        before = _counts(project_file)
        with pytest.raises(ProjectWriteError, match="the disk is full; nothing was changed"):
            project.add_document("big.txt", "كلمة " * 200_000)
        assert _counts(project_file) == before
        project.add_entity(document.id, 0, 2, "LOC")  # small writes still fit
    assert stored(project_file, "PRAGMA integrity_check") == [("ok",)]


def test_a_read_only_project_can_be_read_and_exported_but_not_written(project_file, tmp_path):
    from annotator.app.exporting import export_project

    with Project.open(project_file) as project:
        project.add_document("a.txt", "نص")
    with Project.open(project_file, read_only=True) as project:
        assert project.read_only and project.document_count() == 1
        export_project(project, tmp_path / "out.jsonl")
        with pytest.raises(ProjectWriteError, match="the project file is read-only"):
            project.add_document("b.txt", "نص آخر")
    assert _counts(project_file)[0][0] == 1


def test_a_locked_project_says_so(project_file):
    other = sqlite3.connect(project_file, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with Project.open(project_file) as project:
            project._db.execute("PRAGMA busy_timeout = 200")
            with pytest.raises(ProjectWriteError, match="another program holds the project"):
                project.add_document("a.txt", "نص")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_two_writers_at_once_lose_nothing(project_file):
    with Project.open(project_file) as project:
        document_id = project.add_document("a.txt", "كلمة " * 2000).id
    errors = []

    def write(offset: int) -> None:
        try:
            with Project.open(project_file, annotator=f"writer{offset}") as project:
                for index in range(150):
                    start = (index * 2 + offset) * 5
                    project.add_entity(document_id, start, start + 4, "LOC")
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(offset,)) for offset in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert stored(project_file, "SELECT count(*) FROM entities") == [(300,)]
    assert stored(
        project_file, "SELECT annotator, count(*) FROM entities GROUP BY 1 ORDER BY 1"
    ) == [("writer0", 150), ("writer1", 150)]


def test_the_window_survives_a_full_disk_and_sees_another_writer(make_window, qtbot):
    text = "زار بوتين موسكو " * 50
    window, path, document_id = make_window(text)
    project = window.project
    pages = project._db.execute("PRAGMA page_count").fetchone()[0]
    project._db.execute(f"PRAGMA max_page_count = {pages}")
    filled = 0
    with pytest.raises(ProjectWriteError):  # fill every page the file may have
        for start in range(0, len(text) - 5):
            project.add_entity(document_id, start, start + 3, "MISC", status="rejected")
            filled += 1
    window.session.reload()
    before = _counts(path)
    window.view.select(4, 9)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert "could not save the change: the disk is full" in window.statusBar().currentMessage()
    assert _counts(path) == before and window.undo_action.text() == "Undo"
    project._db.execute("PRAGMA max_page_count = 1073741823")  # space again: keep working
    window.view.select(4, 9)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert ("PERS",) in stored(path, "SELECT label FROM entities")
    # another program adds an entity: the window notices and shows it
    with Project.open(path, annotator="other") as other:
        other.add_entity(document_id, 0, 3, "LOC")
    assert window.check_external_changes()
    assert any(e.label == "LOC" and e.start == 0 for e in window.session.entities.values())


def test_an_edit_on_something_another_program_changed_is_refused_not_overwritten(
    make_window, qtbot
):
    text = "زار بوتين موسكو"
    window, path, document_id = make_window(text, [(4, 9, "PERS")])
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    entity = window.view.focused_entity()
    with Project.open(path, annotator="colleague") as other:
        other.update_entity(entity.id, label="ORG", status="accepted")
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # relabel as LOC
    assert "changed by another program" in window.statusBar().currentMessage()
    assert stored(path, "SELECT label, status, decided_by FROM entities") == [
        ("ORG", "accepted", "colleague")
    ]
    assert window.session.entities[entity.id].label == "ORG"  # the window shows theirs
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # now it sees the current state: allowed
    assert stored(path, "SELECT label FROM entities") == [("LOC",)]


def test_a_truncated_project_file_is_refused_with_a_message_and_left_alone(project_file, tmp_path):
    from annotator.store import ProjectFileError

    with Project.open(project_file) as project:
        project.add_document("a.txt", "نص " * 5000)
    data = project_file.read_bytes()
    path = tmp_path / "truncated.sqlite"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ProjectFileError, match="the project file is damaged or unreadable"):
        Project.open(path)
    assert path.read_bytes() == data[: len(data) // 2]


def test_a_read_only_project_opens_in_the_window_and_says_so_on_edit(qtbot, tmp_path):
    from annotator.gui.app import application, open_window

    path = tmp_path / "shared.sqlite"
    with Project.create(path) as project:
        document = project.add_document("a.txt", "زار بوتين موسكو")
        project.add_entity(document.id, 4, 9, "PERS", status="candidate")
    application()
    window = open_window(Project.open(path, read_only=True))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    assert window.windowTitle().endswith("(read-only)")
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert "the project file is read-only" in window.statusBar().currentMessage()
    assert stored(path, "SELECT status FROM entities") == [("candidate",)]
    window.close()
