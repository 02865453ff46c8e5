from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from annotator.gui.app import application, open_window
from annotator.store import Project


@pytest.fixture(autouse=True)
def no_background_learner(monkeypatch):
    """The project learner trains in another process for seconds: only the tests that
    are about it switch it back on (window.suggestions.learner_enabled = True)."""
    from annotator.gui.suggestions import Suggestions

    monkeypatch.setattr(Suggestions, "learner_enabled", False)


@pytest.fixture
def make_window(qtbot, tmp_path):
    """A real main window on a project file holding `text` (and optional candidates)."""
    application()
    opened = []

    def make(text: str, candidates=()):
        path = tmp_path / f"gui{len(opened)}.sqlite"
        project = Project.create(path, annotator="tester")
        document = project.add_document("doc.txt", text)
        for start, end, label in candidates:
            project.add_entity(document.id, start, end, label, status="candidate", source="test")
        project.set_document_status(document.id, "new")
        window = open_window(project)
        qtbot.addWidget(window)
        window.resize(1100, 700)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
        window.view.setFocus()
        qtbot.waitUntil(window.view.hasFocus)
        opened.append(project)
        return window, path, document.id

    yield make
    for project in opened:
        project.close()


def stored(path, sql, params=()):
    """What a second connection sees: proof that the edit was committed."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def drag(view, start_point: QPointF, end_point: QPointF, modifiers=Qt.KeyboardModifier.NoModifier):
    """Press, move with the button held, release: real events on the view's viewport."""
    target = view.viewport()
    QApplication.sendEvent(
        target,
        QMouseEvent(
            QEvent.Type.MouseButtonPress,
            start_point,
            target.mapToGlobal(start_point),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            modifiers,
        ),
    )
    steps = 6
    for step in range(1, steps + 1):
        point = start_point + (end_point - start_point) * (step / steps)
        QApplication.sendEvent(
            target,
            QMouseEvent(
                QEvent.Type.MouseMove,
                point,
                target.mapToGlobal(point),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.LeftButton,
                modifiers,
            ),
        )
    QApplication.sendEvent(
        target,
        QMouseEvent(
            QEvent.Type.MouseButtonRelease,
            end_point,
            target.mapToGlobal(end_point),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.NoButton,
            modifiers,
        ),
    )
