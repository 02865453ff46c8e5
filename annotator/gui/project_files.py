"""The File menu's work: projects (new, open, recent) and import / export through the
format registry, whose formats the dialogs' filters list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from annotator.app.workspace import Workspace
from annotator.formats import registry
from annotator.gui.i18n import Texts
from annotator.gui.reports import export_summary, import_summary
from annotator.model import AnnotationError
from annotator.store import Project, ProjectFileError

MAX_RECENT = 8


class FilesText(Texts):
    """The File menu's dialogs and messages."""


def annotator_name(settings: QSettings | None) -> str | None:
    """Who is annotating, as the window knows it: ANNOTATOR_NAME wins, then the name given
    in the window once (kept in the settings); None when never given."""
    import os

    name = os.environ.get("ANNOTATOR_NAME")
    if not name and settings is not None:
        name = settings.value("annotator_name") or None
    return name


class ProjectFiles:
    """Projects and files for one window.

    window: the dialogs' parent; workspace: the open project; settings: where recent
    projects are remembered (None in tests); open_window(project) -> a new window on
    another project (supplied by `gui.app`, so this module never imports it); tell(message):
    a line in the status bar; after_import(document ids): what follows an import (the
    default suggesters, in the background)."""

    def __init__(
        self,
        window: QWidget,
        workspace: Workspace,
        settings: QSettings | None,
        open_window: Callable[[Project], QWidget],
        tell: Callable[[str], None],
        after_import: Callable[[list[int]], None],
    ) -> None:
        self.window = window
        self.workspace = workspace
        self.project = workspace.project
        self.settings = settings
        self.open_window = open_window
        self.tell = tell
        self.after_import = after_import
        self.recent_menu: QMenu | None = None

    # --- projects ----------------------------------------------------------------------
    def recent_projects(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value("recent_projects") or []
        return [value] if isinstance(value, str) else list(value)

    def remember_project(self) -> None:
        if self.settings is None or self.project.path is None:
            return
        path = str(self.project.path.resolve())
        recent = [path] + [p for p in self.recent_projects() if p != path]
        self.settings.setValue("recent_projects", recent[:MAX_RECENT])
        self.settings.setValue("last_project", path)
        self.fill_recent_menu()

    def fill_recent_menu(self, menu: QMenu | None = None) -> None:
        self.recent_menu = menu or self.recent_menu
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        for path in self.recent_projects():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.switch_project(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_projects()))

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            FilesText.tr("New project"),
            "project.sqlite",
            FilesText.tr("annotator projects (*.sqlite)"),
        )
        if path:
            self.switch_project(Path(path), create=True)

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            FilesText.tr("Open project"),
            "",
            FilesText.tr("annotator projects (*.sqlite *.db);;All (*)"),
        )
        if path:
            self.switch_project(Path(path))

    def switch_project(self, path: Path, create: bool = False):
        """Open another project in a new window, then close this one; None (and a
        message) if it cannot be opened."""
        name = annotator_name(self.settings)
        try:
            if create:
                project = Project.create(path, annotator=name)
            else:
                project = Project.open(path, annotator=name)
        except (ProjectFileError, AnnotationError, OSError) as error:
            QMessageBox.warning(self.window, FilesText.tr("Open project"), str(error))
            return None
        window = self.open_window(project)
        window.show()
        self.window.close()
        return window

    def ask_annotator(self) -> None:
        """Who is annotating: the name is kept in the settings; in a team project it is
        the layer the person works in, so the project is opened again with it."""
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self.window,
            FilesText.tr("Who is annotating"),
            FilesText.tr("Your name (in a team project, your own layer has this name):"),
            text=self.project.annotator,
        )
        name = name.strip()
        if not ok or not name or name == self.project.annotator:
            return
        if name == "gold":
            QMessageBox.warning(
                self.window,
                FilesText.tr("Who is annotating"),
                FilesText.tr("'gold' is the curated layer"),
            )
            return
        if self.settings is not None:
            self.settings.setValue("annotator_name", name)
        if self.project.path is not None:
            self.switch_project(self.project.path)

    # --- files -------------------------------------------------------------------------
    def import_files(self) -> None:
        filters = [fmt.dialog_filter() for fmt in registry.formats() if fmt.read]
        everything = sorted(
            {f"*{s}" for fmt in registry.formats() if fmt.read for s in fmt.suffixes}
        )
        readable = FilesText.tr("All readable ({patterns})").format(patterns=" ".join(everything))
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            FilesText.tr("Import"),
            str(self._folder("import_folder")),
            ";;".join([readable, *filters]),
        )
        if paths:
            self._remember("import_folder", Path(paths[0]).parent)
            self._import([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, FilesText.tr("Import a folder"), str(self._folder("import_folder"))
        )
        if folder:
            self._remember("import_folder", Path(folder).parent)
            self._import([Path(folder)])

    def _import(self, paths: list[Path]) -> None:
        """As `annotator import`: a backup first, then the files; the counts refresh from
        the workspace's event; the default suggesters then run on the new documents in
        the background; a confirmation says what came in."""
        if self.project.path is not None and not self.project.read_only:
            from annotator.store.backups import make_backup

            make_backup(self.project, "import")
        report = self.workspace.import_paths(paths)
        if report.document_ids:
            self.after_import(report.document_ids)
        lines = [import_summary(report), *_first(report.notices, 10), *_first(report.errors, 20)]
        if report.errors:
            QMessageBox.warning(self.window, FilesText.tr("Import"), "\n\n".join(lines))
        else:
            QMessageBox.information(self.window, FilesText.tr("Import"), "\n\n".join(lines))

    def export(self) -> None:
        """The Export dialog, then the export and a confirmation with its counts."""
        from annotator.gui.export_dialog import ExportDialog

        dialog = ExportDialog(self.window, self.export_folder())
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            choice = dialog.choice()
            self.export_to(choice.path, choice.format, choice.include_candidates, choice.statuses)

    def export_folder(self) -> Path:
        """The folder the last export went to, else the user's documents folder."""
        return self._folder("export_folder")

    def _folder(self, key: str) -> Path:
        """The folder last used for `key`, else the user's documents folder."""
        last = self.settings.value(key) if self.settings is not None else None
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _remember(self, key: str, folder: Path) -> None:
        if self.settings is not None:
            self.settings.setValue(key, str(folder))

    def export_to(self, path: Path, format_name: str, include_candidates: bool, statuses) -> bool:
        """Export and say what was written (or why nothing was); True if written."""
        from annotator.app.exporting import export_project

        try:
            summary = export_project(
                self.project,
                path,
                format=format_name,
                include_candidates=include_candidates,
                statuses=statuses or None,
            )
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing written
            QMessageBox.warning(
                self.window,
                FilesText.tr("Export"),
                FilesText.tr("Nothing was written: {error}").format(error=error),
            )
            return False
        self._remember("export_folder", path if path.is_dir() else path.parent)
        said = export_summary(summary, path)
        QMessageBox.information(
            self.window, FilesText.tr("Export"), "\n\n".join([said, *summary.notes])
        )
        self.tell(said)
        return True


def _first(lines: list[str], count: int) -> list[str]:
    """The first `count` lines, and how many more there are."""
    more = len(lines) - count
    if more <= 0:
        return lines
    rest = FilesText.tr("… and %Ln more (the command line prints them all)", "", more)
    return [*lines[:count], rest]
