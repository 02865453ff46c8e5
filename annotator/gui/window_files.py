"""The main window's File menu: projects (new, open, recent) and import / export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.store import Project

MAX_RECENT = 8


class ProjectFilesMixin:
    """Part of MainWindow: needs project, settings, session, documents, recent_menu."""

    # --- projects ----------------------------------------------------------------------
    def _recent_projects(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value("recent_projects") or []
        return [value] if isinstance(value, str) else list(value)

    def remember_project(self) -> None:
        if self.settings is None or self.project.path is None:
            return
        path = str(self.project.path.resolve())
        recent = [path] + [p for p in self._recent_projects() if p != path]
        self.settings.setValue("recent_projects", recent[:MAX_RECENT])
        self.settings.setValue("last_project", path)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self._recent_projects():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.switch_project(Path(p)))
        self.recent_menu.setEnabled(bool(self._recent_projects()))

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New project", "project.sqlite", "annotator projects (*.sqlite)"
        )
        if path:
            self.switch_project(Path(path), create=True)

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", "", "annotator projects (*.sqlite *.db);;All (*)"
        )
        if path:
            self.switch_project(Path(path))

    def switch_project(self, path: Path, create: bool = False):
        """Open another project in a new window, then close this one."""
        from annotator.gui.app import open_window
        from annotator.model import AnnotationError
        from annotator.store import ProjectFileError

        try:
            project = Project.create(path) if create else Project.open(path)
        except (ProjectFileError, AnnotationError, OSError) as error:
            QMessageBox.warning(self, "Open project", str(error))
            return None
        window = open_window(project, self.settings)
        window.show()
        self.close()
        return window

    # --- files -------------------------------------------------------------------------
    def import_files(self) -> None:
        from annotator.formats.importer import import_paths

        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import", "", "Documents (*.txt *.jsonl *.json)"
        )
        if not paths:
            return
        report = import_paths(self.project, [Path(p) for p in paths])
        self.documents.refresh()
        if self.session.document is None and self.project.document_count():
            self.open_document(self.project.document_ids()[0])
        message = report.summary()
        if report.errors:
            QMessageBox.warning(self, "Import", message + "\n\n" + "\n".join(report.errors[:20]))
        else:
            self.statusBar().showMessage(message, 8000)

    def export(self, format_name: str) -> None:
        from annotator.formats.export import export_project

        path, _ = QFileDialog.getSaveFileName(self, "Export", "export.jsonl", "JSONL (*.jsonl)")
        if not path:
            return
        try:
            summary = export_project(self.project, Path(path), format=format_name)
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing written
            QMessageBox.warning(self, "Export", f"Nothing was written: {error}")
            return
        self.statusBar().showMessage(
            f"Exported {summary.documents} documents, {summary.entities} entities to {path}", 8000
        )

    def import_folder(self) -> None:
        from annotator.formats.importer import import_paths

        folder = QFileDialog.getExistingDirectory(self, "Import a folder")
        if folder:
            report = import_paths(self.project, [Path(folder)])
            self.documents.refresh()
            self.statusBar().showMessage(report.summary(), 8000)
            if report.errors:
                QMessageBox.warning(self, "Import", "\n".join(report.errors[:20]))
