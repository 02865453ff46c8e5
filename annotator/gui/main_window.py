"""The main window: documents, the article, entities, the label palette, menus."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolBar,
)

from annotator.gui.article_view import ArticleView
from annotator.gui.fonts import ui_font
from annotator.gui.panels import DocumentList, EntityList, RelationList
from annotator.gui.session import DocumentSession
from annotator.gui.suggest_worker import SuggestWorker
from annotator.gui.window_edits import EditsMixin
from annotator.gui.window_files import ProjectFilesMixin
from annotator.gui.window_suggestions import SuggestionsMixin
from annotator.store import Project


class MainWindow(EditsMixin, SuggestionsMixin, ProjectFilesMixin, QMainWindow):
    def __init__(self, project: Project, settings: QSettings | None = None) -> None:
        super().__init__()
        self.project = project
        self.settings = settings
        self.owns_project = False  # set by open_window for projects the window opened
        self.session = DocumentSession(project, self)
        self.setWindowTitle(f"annotator — {project.path.name if project.path else 'project'}")
        self.setFont(ui_font(10))
        self.view = ArticleView(self.session, self)
        self.setCentralWidget(self.view)
        self.documents = DocumentList(self.session, self)
        self.entity_list = EntityList(self.session, self)
        self._dock("Documents", self.documents, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("Entities", self.entity_list, Qt.DockWidgetArea.RightDockWidgetArea)
        self.relation_list = RelationList(self.session, self)
        self._dock("Relations", self.relation_list, Qt.DockWidgetArea.RightDockWidgetArea)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status, 1)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("suggesting %v/%m")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_suggestions)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)
        self.worker: SuggestWorker | None = None
        self._pending_run: tuple[list[str] | None, bool] | None = None
        self._memory_timer = QTimer(self)
        self._memory_timer.setSingleShot(True)
        self._memory_timer.setInterval(400)
        self._memory_timer.timeout.connect(lambda: self.start_suggestions(["memory"]))
        self._build_actions()
        self.documents.document_chosen.connect(self.open_document)
        self.entity_list.chosen.connect(self._entity_chosen_in_list)
        self.relation_list.chosen.connect(self.view.set_focus_relation)
        self.view.relation_requested.connect(self.add_relation)
        self.view.retype_requested.connect(self.retype_relation)
        self.view.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.view.focus_changed.connect(self._focus_changed)
        self.session.changed.connect(self._content_changed)
        self.session.relations_changed.connect(
            lambda: self.relation_list.refresh(self.view.focus_relation_id)
        )
        self.session.error.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.documents.refresh()
        self.resize(1200, 800)
        if project.read_only:
            self.setWindowTitle(self.windowTitle() + " (read-only)")
        # Another instance (or the CLI) may write the same project: SQLite's data_version
        # changes when it commits, and the window then re-reads what it shows.
        self._data_version = self._read_data_version()
        self._watch = QTimer(self)
        self._watch.setInterval(1000)
        self._watch.timeout.connect(self.check_external_changes)
        self._watch.start()

    def _read_data_version(self) -> int:
        return self.project.db.execute("PRAGMA data_version").fetchone()[0]

    def check_external_changes(self) -> bool:
        """Re-read the document if another connection committed since the last look."""
        try:
            version = self._read_data_version()
        except sqlite3.ProgrammingError:  # the project was closed under this window
            self._watch.stop()
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        if self.session.document is not None:
            focus = self.view.focus_entity_id
            self.session.reload()
            self.session.relations_changed.emit()
            if focus in self.session.entities:
                self.view.set_focus_entity(focus, scroll=False)
        self.documents.refresh()
        self.statusBar().showMessage("The project was changed by another program: reloaded.", 6000)
        return True

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
        self._action(file_menu, "New project…", self.new_project, "Ctrl+Shift+N")
        self._action(file_menu, "Open project…", self.open_project, "Ctrl+O")
        self.recent_menu = file_menu.addMenu("Recent projects")
        self._fill_recent_menu()
        file_menu.addSeparator()
        self._action(file_menu, "Import files…", self.import_files, "Ctrl+I")
        self._action(file_menu, "Import a folder…", self.import_folder)
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

        self._action(
            edit,
            "Grow start by a word",
            lambda: self.resize_focused_by_word(-1, 0),
            "Ctrl+Alt+Right",
            on_view=True,
        )
        self._action(
            edit,
            "Grow end by a word",
            lambda: self.resize_focused_by_word(0, 1),
            "Ctrl+Alt+Left",
            on_view=True,
        )
        self._action(
            edit,
            "Shrink start by a word",
            lambda: self.resize_focused_by_word(1, 0),
            "Ctrl+Alt+Shift+Right",
            on_view=True,
        )
        self._action(
            edit,
            "Shrink end by a word",
            lambda: self.resize_focused_by_word(0, -1),
            "Ctrl+Alt+Shift+Left",
            on_view=True,
        )
        edit.addSeparator()
        self._action(
            edit, "Select the next word", lambda: self.view.select_word(1), "Alt+Left", on_view=True
        )
        self._action(
            edit,
            "Select the previous word",
            lambda: self.view.select_word(-1),
            "Alt+Right",
            on_view=True,
        )
        self._action(
            edit,
            "Extend the selection by a word",
            lambda: self.view.extend_selection(1),
            "Alt+Shift+Left",
            on_view=True,
        )
        self._action(
            edit,
            "Shrink the selection by a word",
            lambda: self.view.extend_selection(-1),
            "Alt+Shift+Right",
            on_view=True,
        )

        relations = bar.addMenu("&Relations")
        self._action(
            relations,
            "Link the focused entity to… (then Tab/number, Enter, type)",
            self.view.start_link,
            "R",
            on_view=True,
        )
        self._action(
            relations, "Next relation", lambda: self.view.next_relation(1), "]", on_view=True
        )
        self._action(
            relations, "Previous relation", lambda: self.view.next_relation(-1), "[", on_view=True
        )
        self._action(
            relations,
            "Change the focused relation's type",
            self.view.start_retype,
            "T",
            on_view=True,
        )
        self._action(relations, "Swap head and tail", self.swap_relation, "S", on_view=True)
        self._action(
            relations,
            "Delete the focused relation",
            self.delete_relation,
            "Ctrl+Delete",
            on_view=True,
        )

        suggest = bar.addMenu("&Suggest")
        self._action(
            suggest,
            "Suggest candidates in every document",
            lambda: self.start_suggestions(None),
            "Ctrl+Shift+S",
        )
        self._action(
            suggest,
            "Suggest again, replacing earlier runs",
            lambda: self.start_suggestions(None, force=True),
        )
        self._action(suggest, "Cancel suggestions", self.cancel_suggestions, "Ctrl+.")
        suggest.addSeparator()
        self._action(suggest, "Choose a camel-tools NER model folder…", self.choose_ner_model)

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
        hide_arcs = self._action(view, "Hide relation arcs", self._toggle_arcs, "Ctrl+H")
        hide_arcs.setCheckable(True)
        only_focus = self._action(
            view, "Only the focused entity's relations", self._toggle_focus_relations, "Ctrl+J"
        )
        only_focus.setCheckable(True)

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
        self.relation_list.refresh(None)
        if self.settings is not None:
            self.settings.setValue(f"last_document/{self.project.path}", document_id)
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

    # --- views -------------------------------------------------------------------------
    def _toggle_arcs(self, checked: bool) -> None:
        self.view.show_arcs = not checked
        self.view.refresh_relations()

    def _toggle_focus_relations(self, checked: bool) -> None:
        self.view.only_focus_relations = checked
        self.view.refresh_relations()

    def _toggle_rejected(self, checked: bool) -> None:
        self.view.set_show_rejected(checked)
        self.entity_list.refresh(checked, self.view.focus_entity_id)

    def _entity_chosen_in_list(self, entity_id: int) -> None:
        self.view.set_focus_entity(entity_id)

    def _focus_changed(self) -> None:
        self.entity_list.select(self.view.focus_entity_id)
        self.relation_list.select(self.view.focus_relation_id)
        self._update_status()

    def _content_changed(self, entity_id: int | None = None) -> None:
        if entity_id is None:
            self.relation_list.refresh(self.view.focus_relation_id)
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

    def closeEvent(self, event) -> None:  # noqa: N802
        self._memory_timer.stop()
        self._watch.stop()
        if self.worker is not None and self.worker.isRunning():
            self._pending_run = None
            self.worker.cancel()
            self.worker.wait(30_000)
        if self.settings is not None:
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("zoom", self.view.point_size)
        if self.owns_project:
            self.project.close()
        super().closeEvent(event)
