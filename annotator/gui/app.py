"""Starting the window: the application, the bundled font, the project, the first document."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator.app.workspace import Workspace
from annotator.gui.fonts import article_font_family
from annotator.gui.i18n import Texts
from annotator.gui.language import chosen_interface, install
from annotator.gui.main_window import MainWindow
from annotator.gui.project_files import annotator_name
from annotator.store import Project
from annotator.store.connection import ProjectFileError, check_project_file


class StartText(Texts):
    """What the window asks before it opens."""


def has_display() -> bool:
    """Qt aborts the process when it has no display; say so instead."""
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    )


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    article_font_family()
    return app


def open_window(
    project: Project, settings: QSettings | None = None, workspace: Workspace | None = None
) -> MainWindow:
    """A window on `project`, back where the user left it (document, zoom, geometry).
    `workspace`: the one a window already had on this project (its undo histories
    carry over when the window is built again in another language)."""
    if workspace is None and project.path is not None and not project.read_only:
        from annotator.store.backups import make_backup

        make_backup(project)  # a rotating copy each time a project is opened in the window
    window = MainWindow(
        workspace or Workspace(project),
        settings,
        lambda other, again=None: open_window(other, settings, again),
    )
    if settings is not None:
        geometry = settings.value("geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        zoom = settings.value("zoom")
        if zoom is not None:
            window.view.point_size = float(zoom)
    last = settings.value(f"last_document/{project.path}") if settings is not None else None
    ids = project.document_ids()
    if ids:
        document_id = int(last) if last is not None and int(last) in ids else ids[0]
        window.open_document(document_id)
    window.owns_project = True
    window.remember_project()
    return window


def starting_project(settings: QSettings) -> Path:
    """Which project `annotator` with no argument opens: the file ANNOTATOR_DB names (an
    explicit choice wins over memory), else the last project used if it is still there,
    else the default project (made with the sample article on first start)."""
    last = None if os.environ.get("ANNOTATOR_DB") else settings.value("last_project")
    if last:
        try:
            if check_project_file(Path(last)):
                return Path(last)
        except ProjectFileError:
            pass
    from annotator.app.first_start import prepare_default_project

    return prepare_default_project()


def ask_who_is_annotating(settings: QSettings) -> str | None:
    """First start: the person's name, asked once (File > Who is annotating… changes it).
    The system user name is offered; cancelling keeps it without storing it."""
    from PySide6.QtWidgets import QInputDialog

    from annotator.store.project import default_annotator

    name, ok = QInputDialog.getText(
        None,
        StartText.tr("Who is annotating"),
        StartText.tr(
            "Your name, recorded with every decision you make\n"
            "(in a team project, your own layer has this name):"
        ),
        text=default_annotator(),
    )
    name = name.strip()
    if ok and name and name != "gold":
        settings.setValue("annotator_name", name)
        return name
    return None


def warm_up_text_tools() -> threading.Thread:
    """Import camel-tools' tokenizer and normalisers off the UI thread after the first
    paint, so the first selection does not wait for them."""

    def load() -> None:
        import annotator.text.arabic  # noqa: F401
        import annotator.text.words  # noqa: F401

    thread = threading.Thread(target=load, name="warm-up", daemon=True)
    thread.start()
    return thread


def resident_memory_mb() -> float:
    """VmRSS of this process (Linux), for the start-up report."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(
    project_path: Path | None,
    screenshot: Path | None = None,
    startup_report: bool = False,
    curate: bool = False,
    language: str | None = None,
) -> int:
    """Open the window. `screenshot` saves it once drawn and quits; `startup_report` prints
    the time from launch to the first painted article (ANNOTATOR_LAUNCH_TIME, set by the
    benchmark) and the resident memory, then quits; `curate` starts in curation mode;
    `language` ("ar", "en") overrides the settings and the system locale."""
    app = application()
    settings = QSettings()
    _, missing = install(app, chosen_interface(settings, language))
    try:
        path = project_path or starting_project(settings)
    except ProjectFileError as error:  # ANNOTATOR_DB names a file that is not a project
        print(f"error: {error}", file=sys.stderr)
        return 1
    name = annotator_name(settings)
    if name is None and screenshot is None and not startup_report:
        name = ask_who_is_annotating(settings)
    try:
        project = Project.open(path, annotator=name)
    except ProjectFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    window = open_window(project, settings)
    if screenshot is not None or startup_report:
        window.resize(1280, 800)
    window.show()
    if missing:
        window.tell(missing, 20_000)
    if curate:
        window.curation.set_active(True)
    if screenshot is not None or startup_report:

        def painted() -> None:
            if startup_report:
                launched = float(os.environ.get("ANNOTATOR_LAUNCH_TIME", "0") or 0)
                elapsed = (time.time() - launched) * 1000 if launched else -1
                print(
                    f"first paint {elapsed:.0f} ms, resident memory {resident_memory_mb():.0f} MB",
                    flush=True,
                )
                app.quit()
            else:
                QTimer.singleShot(700, lambda: (_grab(window, screenshot), app.quit()))

        window.view.first_painted.connect(painted)
    else:
        QTimer.singleShot(0, warm_up_text_tools)
        window.view.first_painted.connect(lambda: _suggest_after_paint(window))
    return app.exec()


def _suggest_after_paint(window: MainWindow) -> None:
    """First start: the built-in NER (and the rules beside it) in the background, once the
    article is on screen."""
    from annotator.app.first_start import take_suggest_after_paint
    from annotator.app.suggesting import DEFAULT_SUGGESTERS

    if take_suggest_after_paint(window.project):
        window.suggestions.start(list(DEFAULT_SUGGESTERS))


def _grab(window: MainWindow, out: Path) -> None:
    screen = window.screen()
    image = screen.grabWindow(window.winId()) if screen is not None else window.grab()
    if image.isNull():
        image = window.grab()
    image.save(str(out))
    print(f"saved {out}", flush=True)
