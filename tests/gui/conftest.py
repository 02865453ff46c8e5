from __future__ import annotations

import importlib.util
import sqlite3

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from annotator.gui.app import application, open_window
from annotator.gui.language import Digits, Interface, Language, install
from annotator.store import Project
from tests.conftest import REPO


def _translations_script():
    spec = importlib.util.spec_from_file_location(
        "translations", REPO / "build_scripts" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _translations_script()


@pytest.fixture(scope="session")
def catalogues(tmp_path_factory):
    """The committed .ts catalogues compiled now with pyside6-lrelease, so the tests see
    what is committed whether or not `make setup` built the package's .qm files."""
    folder = tmp_path_factory.mktemp("i18n")
    for ts in sorted(translations.CATALOGUES.glob("*.ts")):
        translations.release(ts, folder / ts.with_suffix(".qm").name)
    return folder


@pytest.fixture(autouse=True)
def english_interface(catalogues):
    """Every GUI test starts in the English interface (its catalogue holds the plural
    forms), left to right, whatever the machine's locale; a test may install another."""
    app = application()
    install(app, Interface(Language.ENGLISH, Digits.WESTERN), catalogues)
    yield
    install(app, Interface(Language.ENGLISH, Digits.WESTERN), catalogues)


@pytest.fixture
def arabic_interface(catalogues):
    """Install the Arabic interface (Arabic-Indic digits); returns a function to switch
    digits or language. The English interface comes back after the test."""
    app = application()

    def switch(language=Language.ARABIC, digits=Digits.ARABIC_INDIC):
        installed, missing = install(app, Interface(language, digits), catalogues)
        assert missing is None, missing
        return installed

    switch()
    return switch


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
