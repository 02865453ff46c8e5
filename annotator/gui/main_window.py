"""The main window: documents, the article, entities, the label palette, menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
)

from annotator.gui import commands
from annotator.gui.article_view import ArticleView
from annotator.gui.fonts import ui_font
from annotator.gui.panels import DocumentList, EntityList
from annotator.gui.session import DocumentSession
from annotator.store import Project


class MainWindow(QMainWindow):
    def __init__(self, project: Project, settings: QSettings | None = None) -> None:
        super().__init__()
        self.project = project
        self.settings = settings
        self.session = DocumentSession(project, self)
        self.setWindowTitle(f"annotator — {project.path.name if project.path else 'project'}")
        self.setFont(ui_font(10))
        self.view = ArticleView(self.session, self)
        self.setCentralWidget(self.view)
        self.documents = DocumentList(self.session, self)
        self.entity_list = EntityList(self.session, self)
        self._dock("Documents", self.documents, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("Entities", self.entity_list, Qt.DockWidgetArea.RightDockWidgetArea)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status, 1)
        self._build_actions()
        self.documents.document_chosen.connect(self.open_document)
        self.entity_list.entity_chosen.connect(self._entity_chosen_in_list)
        self.view.focus_changed.connect(self._focus_changed)
        self.session.changed.connect(self._content_changed)
        self.session.error.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.documents.refresh()
        self.resize(1200, 800)

    def _dock(self, title, widget, area) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)

    # --- actions -----------------------------------------------------------------------
    def _action(self, menu, text, slot, shortcut=None, on_view=False) -> QAction:
        """A menu entry with its shortcut. Editing keys (Enter, Delete, digits, arrows) act
        only while the article has focus, so lists and dialogs keep their own keys."""
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
            if on_view
            else Qt.ShortcutContext.WindowShortcut
        )
        action.triggered.connect(slot)
        menu.addAction(action)
        (self.view if on_view else self).addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "Import files…", self.import_files, "Ctrl+I")
        self._action(file_menu, "Export JSONL…", lambda: self.export("jsonl"), "Ctrl+E")
        self._action(file_menu, "Export doccano JSONL…", lambda: self.export("doccano"))
        file_menu.addSeparator()
        self._action(file_menu, "Quit", self.close, "Ctrl+Q")

        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(edit, "Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit, "Redo", self.redo, "Ctrl+Shift+Z")
        edit.addSeparator()
        self._action(edit, "Next candidate", lambda: self.view.next_entity(1), "Tab", on_view=True)
        self._action(
            edit, "Previous candidate", lambda: self.view.next_entity(-1), "Shift+Tab", on_view=True
        )
        self._action(
            edit, "Next entity", lambda: self.view.next_entity(1, None), "Down", on_view=True
        )
        self._action(
            edit, "Previous entity", lambda: self.view.next_entity(-1, None), "Up", on_view=True
        )
        self._action(edit, "Accept", self.accept_focused, "Return", on_view=True)
        self.view.addAction(self._shortcut_only("Enter", self.accept_focused))
        self._action(edit, "Reject", self.reject_focused, "Delete", on_view=True)
        self._action(edit, "Delete entity", self.delete_focused, "Shift+Delete", on_view=True)
        self._action(
            edit, "Accept all candidates", lambda: self.accept_all(), "Ctrl+Shift+A", on_view=True
        )
        self._action(
            edit,
            "Accept all candidates of this label",
            self.accept_all_of_label,
            "Ctrl+Alt+A",
            on_view=True,
        )
        self._action(edit, "Selection without proclitic", self.view.cycle_clitic, "C", on_view=True)
        self._action(
            edit,
            "Grow start (right)",
            lambda: self.resize_focused(-1, 0),
            "Shift+Right",
            on_view=True,
        )
        self._action(
            edit, "Grow end (left)", lambda: self.resize_focused(0, 1), "Shift+Left", on_view=True
        )
        self._action(
            edit,
            "Shrink start",
            lambda: self.resize_focused(1, 0),
            "Ctrl+Shift+Right",
            on_view=True,
        )
        self._action(
            edit, "Shrink end", lambda: self.resize_focused(0, -1), "Ctrl+Shift+Left", on_view=True
        )

        labels = bar.addMenu("&Labels")
        palette = QToolBar("Labels", self)
        palette.setObjectName("Labels")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, palette)
        for label in self.project.schema.labels:
            action = self._action(
                labels,
                f"{label.name}  (new entity from selection, or relabel)",
                lambda _=False, name=label.name: self.apply_label(name),
                label.hotkey or None,
                on_view=True,
            )
            action.setIconText(f"{label.hotkey}  {label.name}" if label.hotkey else label.name)
            palette.addAction(action)
            button = palette.widgetForAction(action)
            button.setStyleSheet(f"color: {label.colour}; font-weight: bold;")

        document_menu = bar.addMenu("&Document")
        self._action(
            document_menu, "Mark done and go to the next unfinished", self.mark_done, "Ctrl+D"
        )
        self._action(document_menu, "Next unfinished document", self.next_unfinished, "Ctrl+N")

        view = bar.addMenu("&View")
        self._action(
            view,
            "Zoom in",
            lambda: self.view.set_zoom(self.view.point_size + 2),
            QKeySequence.StandardKey.ZoomIn,
        )
        self._action(
            view,
            "Zoom out",
            lambda: self.view.set_zoom(self.view.point_size - 2),
            QKeySequence.StandardKey.ZoomOut,
        )
        show_rejected = self._action(view, "Show rejected", self._toggle_rejected, "Ctrl+R")
        show_rejected.setCheckable(True)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "Keyboard shortcuts", self.show_shortcuts, "F1")

    def _shortcut_only(self, key, slot) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    # --- documents ---------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        self.session.open_document(document_id)
        stack = self.session.undo_stack
        self.undo_action.setEnabled(True)
        self._update_undo_names(stack)
        self.documents.refresh()
        self.entity_list.refresh(self.view.show_rejected, self.view.focus_entity_id)
        if self.settings is not None:
            self.settings.setValue("last_document", document_id)
        self.view.setFocus()

    def next_unfinished(self) -> None:
        current = self.session.document.id if self.session.document else 0
        rows = self.project.db.execute(
            "SELECT id FROM documents WHERE status != 'done' ORDER BY id > ? DESC, id", (current,)
        ).fetchall()
        candidates = [r[0] for r in rows if r[0] != current]
        if candidates:
            self.open_document(candidates[0])
        else:
            self.statusBar().showMessage("Every other document is done.", 5000)

    # --- edits -------------------------------------------------------------------------
    def _push(self, command) -> bool:
        done = self.session.push(command)
        self._update_undo_names(self.session.undo_stack)
        return done

    def accept_focused(self) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        if entity.status != "accepted":
            self._push(
                commands.UpdateEntity(
                    self.session, entity, f"Accept {entity.label}", status="accepted"
                )
            )
        self.view.next_entity(1)

    def reject_focused(self) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        if entity.status != "rejected":
            self._push(
                commands.UpdateEntity(
                    self.session, entity, f"Reject {entity.label}", status="rejected"
                )
            )
        self.view.next_entity(1)

    def delete_focused(self) -> None:
        entity = self.view.focused_entity()
        if entity is not None:
            self._push(commands.DeleteEntity(self.session, entity))

    def apply_label(self, label: str) -> None:
        if self.session.document is None:
            return
        if self.view.selection is not None:
            start, end = self.view.selection
            command = commands.AddEntity(self.session, start, end, label)
            if self._push(command):
                self.view.selection = None
                self.view.set_focus_entity(command.entity_id, scroll=False)
            return
        entity = self.view.focused_entity()
        if entity is not None and entity.label != label:
            self._push(
                commands.UpdateEntity(self.session, entity, f"Relabel as {label}", label=label)
            )

    def resize_focused(self, start_delta: int, end_delta: int) -> None:
        entity = self.view.focused_entity()
        if entity is None:
            return
        self._push(
            commands.UpdateEntity(
                self.session,
                entity,
                "Resize",
                start=entity.start + start_delta,
                end=entity.end + end_delta,
            )
        )

    def accept_all(self, label: str | None = None) -> None:
        candidates = [
            e
            for e in self.session.entities.values()
            if e.status == "candidate" and (label is None or e.label == label)
        ]
        if not candidates:
            return
        what = f"{len(candidates)} {label + ' ' if label else ''}candidates"
        answer = QMessageBox.question(self, "Accept all", f"Accept {what} in this document?")
        if answer == QMessageBox.StandardButton.Yes:
            self._push(commands.AcceptAll(self.session, candidates, f"Accept {what}"))

    def accept_all_of_label(self) -> None:
        entity = self.view.focused_entity()
        if entity is not None:
            self.accept_all(entity.label)

    def mark_done(self) -> None:
        if self.session.document is None:
            return
        self._push(commands.SetDocumentStatus(self.session, "done"))
        self.documents.refresh()
        self.next_unfinished()

    def undo(self) -> None:
        stack = self.session.undo_stack
        if stack is not None and stack.canUndo():
            stack.undo()
            self._update_undo_names(stack)

    def redo(self) -> None:
        stack = self.session.undo_stack
        if stack is not None and stack.canRedo():
            stack.redo()
            self._update_undo_names(stack)

    def _update_undo_names(self, stack) -> None:
        if stack is None:
            return
        self.undo_action.setText(f"Undo {stack.undoText()}" if stack.canUndo() else "Undo")
        self.redo_action.setText(f"Redo {stack.redoText()}" if stack.canRedo() else "Redo")

    # --- views -------------------------------------------------------------------------
    def _toggle_rejected(self, checked: bool) -> None:
        self.view.set_show_rejected(checked)
        self.entity_list.refresh(checked, self.view.focus_entity_id)

    def _entity_chosen_in_list(self, entity_id: int) -> None:
        self.view.set_focus_entity(entity_id)

    def _focus_changed(self) -> None:
        self.entity_list.select_entity(self.view.focus_entity_id)
        self._update_status()

    def _content_changed(self, entity_id: int | None = None) -> None:
        self.entity_list.entity_changed(
            entity_id, self.view.show_rejected, self.view.focus_entity_id
        )
        self.documents.update_current()
        self._update_status()

    def _update_status(self) -> None:
        done, total = self.project.db.execute(
            "SELECT sum(status = 'done'), count(*) FROM documents"
        ).fetchone()
        candidates = sum(1 for e in self.session.entities.values() if e.status == "candidate")
        accepted = sum(1 for e in self.session.entities.values() if e.status == "accepted")
        focused = self.view.focused_entity()
        focus = ""
        if focused is not None:
            text = self.session.document.text[focused.start : focused.end]
            focus = f"   ·   {text} — {focused.label}, {focused.status} ({focused.source})"
        self.status.setText(
            f"Project: {done or 0} of {total} documents done   ·   this document: "
            f"{candidates} candidates left, {accepted} accepted{focus}"
        )

    def show_shortcuts(self) -> None:
        lines = [
            f"{a.shortcut().toString():<18} {a.text()}"
            for a in self.actions()
            if not a.shortcut().isEmpty() and a.text()
        ]
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setText(
            "<pre>" + "\n".join(lines).replace("&", "&amp;").replace("<", "&lt;") + "</pre>"
        )
        box.exec()

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
            self.open_document(self.project.documents()[0].id)
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

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.settings is not None:
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("zoom", self.view.point_size)
        super().closeEvent(event)
