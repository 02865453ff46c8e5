"""The main window: composed of small parts, each given what it needs explicitly.

Parts: the session (the open document, fed by the workspace's events), the article view
with its find bar, the side panels (the project search among them), the status line,
edits, project files, background suggestions, view toggles and the key help.
`ActionBinder` builds every menu and key from the actions table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.app.events import DocumentsAdded
from annotator.app.suggesting import DEFAULT_SUGGESTERS
from annotator.app.workspace import Workspace
from annotator.gui.action_binding import ActionBinder
from annotator.gui.actions import ACTIONS, label_actions
from annotator.gui.article_view import ArticleView
from annotator.gui.curation_mode import CurationMode
from annotator.gui.curation_panel import DisagreementList
from annotator.gui.edit_commands import EditCommands
from annotator.gui.edit_titles import edit_title
from annotator.gui.find_bar import FindBar
from annotator.gui.fonts import ui_font
from annotator.gui.i18n import Texts
from annotator.gui.interface_settings import InterfaceSettings
from annotator.gui.key_help import KeyHelp
from annotator.gui.language import display_language
from annotator.gui.panels import DocumentList, EntityList, RelationList
from annotator.gui.project_files import ProjectFiles
from annotator.gui.search_panel import SearchPanel
from annotator.gui.session import DocumentSession
from annotator.gui.status_line import StatusLine
from annotator.gui.suggestions import Suggestions
from annotator.gui.team import Team
from annotator.gui.terms import label_name
from annotator.gui.view_toggles import ViewToggles

EXTERNAL_CHECK_MS = 1000
FOCUS_FRAME = (
    "ArticleView, QListView, QComboBox { border: 2px solid #d9d9d9; }"
    " ArticleView:focus, QListView:focus, QComboBox:focus { border: 2px solid #2b6cb0; }"
)


class WindowText(Texts):
    """The main window's own texts: its title, docks, status bar and Edit menu."""


@dataclass
class WindowParts:
    """What the actions table's handlers reach: one attribute per part."""

    window: QMainWindow
    session: DocumentSession
    view: ArticleView
    edits: EditCommands
    files: ProjectFiles
    suggestions: Suggestions
    toggles: ViewToggles
    help: KeyHelp
    team: Team
    curation: CurationMode
    find: FindBar
    results: SearchPanel
    interface: InterfaceSettings


class MainWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings | None,
        open_window: Callable[..., QWidget],
    ) -> None:
        """`open_window(project, workspace=None)` opens a window (gui.app's)."""
        super().__init__()
        self.workspace = workspace
        self.project = workspace.project
        self.settings = settings
        self._open_window = open_window
        self.owns_project = False  # set by open_window for projects the window opened
        self.session = DocumentSession(workspace, self)
        self.setFont(ui_font(10))
        self.view = ArticleView(self.session, self)
        self.find_bar = FindBar(self.session, self.view, self.tell)
        self.setCentralWidget(_above(self.find_bar, self.view))
        self.documents = DocumentList(self.session, self)
        self.entity_list = EntityList(self.session, self.view, self)
        self.relation_list = RelationList(self.session, self.view, self)
        self.search_panel = SearchPanel(
            self.session, self.view, self.open_document, self.tell, self.ask
        )
        # The documents where reading starts (left in English; right in Arabic, where the
        # window is mirrored), the document's own panels at the other side. Qt mirrors
        # menus, toolbars and dialogs with the layout direction, not the dock areas.
        start, end = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        if self.isRightToLeft():
            start, end = end, start
        self.documents_dock = self._dock(
            "Documents", WindowText.tr("Documents"), self.documents, start
        )
        entities_dock = self._dock("Entities", WindowText.tr("Entities"), self.entity_list, end)
        relations = self._dock("Relations", WindowText.tr("Relations"), self.relation_list, end)
        search_dock = self._dock("Search", WindowText.tr("Search"), self.search_panel, end)
        self.tabifyDockWidget(relations, search_dock)  # a tab beside Relations, with room
        search_dock.hide()  # until Ctrl+Shift+F
        self.disagreements = DisagreementList(self.project.schema, self)
        self.disagreements_dock = self._dock(
            "Disagreements", WindowText.tr("Disagreements"), self.disagreements, end
        )
        self.tabifyDockWidget(entities_dock, self.disagreements_dock)  # a tab, raised in curation
        self.status = QLabel()
        # a normal widget: a temporary message (an error, a refusal) takes its place while shown
        self.statusBar().addWidget(self.status, 1)
        self.status_line = StatusLine(self.status, self.session, self.view)
        specs = [*ACTIONS, *label_actions(self.project.schema, display_language())]
        self.parts = self._compose(open_window, KeyHelp(self, specs, self.project.schema))
        panels = [
            self.documents,
            self.entity_list,
            self.relation_list,
            self.search_panel,
            self.disagreements,
        ]
        self.binder = ActionBinder(self, self.view, panels, self.parts, specs, self.find_bar)
        for widget in (self.view, *panels):  # the pane that has the keys shows it
            widget.setStyleSheet(FOCUS_FRAME)
        self.undo_action = self.binder.actions["edit.undo"]
        self.redo_action = self.binder.actions["edit.redo"]
        self._add_recent_menu()
        self._add_label_palette()
        self._connect()
        self.resize(1200, 800)
        name = self.project.path.name if self.project.path else WindowText.tr("project")
        if self.project.read_only:
            self.setWindowTitle(
                WindowText.tr("annotator — {project} (read-only)").format(project=name)
            )
        else:
            self.setWindowTitle(WindowText.tr("annotator — {project}").format(project=name))
        self.documents.refresh()
        self.binder.refresh()
        # Another instance (or the CLI) may write the same project: the workspace notices
        # (SQLite's data_version) and announces it, and every view re-reads.
        self._watch = QTimer(self)
        self._watch.setInterval(EXTERNAL_CHECK_MS)
        self._watch.timeout.connect(self.check_external_changes)
        self._watch.start()

    def _compose(self, open_window, help: KeyHelp) -> WindowParts:
        tell = self.tell
        progress = QProgressBar()
        progress.setMaximumWidth(220)
        progress.setFormat(WindowText.tr("suggesting %v/%m"))
        cancel = QPushButton(WindowText.tr("Cancel"))
        self.curation_status = QLabel()
        learning = QLabel()
        for widget in (self.curation_status, learning, progress, cancel):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)
        edits = EditCommands(self.session, self.view, self.ask, self.open_document, tell)
        suggestions = Suggestions(
            self,
            self.workspace,
            lambda: self.session.document.id if self.session.document else None,
            progress,
            cancel,
            tell,
            learning,
        )
        files = ProjectFiles(
            self,
            self.workspace,
            self.settings,
            open_window,
            tell,
            lambda ids: suggestions.start(list(DEFAULT_SUGGESTERS), documents=ids),
        )
        toggles = ViewToggles(self.view, self.project, self, tell)
        self.edits, self.files, self.suggestions = edits, files, suggestions
        team = Team(self, self.workspace, tell)
        curation = CurationMode(
            self.session,
            self.view,
            self.disagreements,
            self.disagreements_dock,
            tell,
            self.ask,
            self.open_document,
        )
        self.curation = curation
        interface = InterfaceSettings(self, self.settings, self.rebuild, tell)
        return WindowParts(
            self,
            self.session,
            self.view,
            edits,
            files,
            suggestions,
            toggles,
            help,
            team,
            curation,
            find=self.find_bar,
            results=self.search_panel,
            interface=interface,
        )

    def _connect(self) -> None:
        self.documents.document_chosen.connect(self.open_document)
        self.view.relation_requested.connect(self.edits.add_relation)
        self.view.retype_requested.connect(self.edits.retype_relation)
        self.view.message.connect(lambda text: self.tell(text, 6000))
        self.view.focus_changed.connect(self.binder.refresh)
        self.session.error.connect(lambda message: self.tell(message, 8000))
        self.session.history_changed.connect(self._history_changed)
        self.session.project_changed.connect(self._project_changed)
        self.curation.layer_switched.connect(self._layer_switched)
        self.curation.changed.connect(self._curation_changed)

    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        """A side panel: `name` identifies it (English, whatever the language), `title`
        is shown."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    def _add_recent_menu(self) -> None:
        file_menu = self.binder.menus["File"]
        entries = file_menu.actions()
        after_open = entries[entries.index(self.binder.actions["file.open"]) + 1]
        recent = QMenu(WindowText.tr("Recent projects"), file_menu)
        file_menu.insertMenu(after_open, recent)
        self.files.fill_recent_menu(recent)

    def _add_label_palette(self) -> None:
        palette = QToolBar(WindowText.tr("Labels"), self)
        palette.setObjectName("Labels")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, palette)
        for label in self.project.schema.labels:
            action = self.binder.actions[f"label.{label.name}"]
            shown = label_name(self.project.schema, label.name)
            action.setIconText(f"{label.hotkey}  {shown}" if label.hotkey else shown)
            palette.addAction(action)
            palette.widgetForAction(action).setStyleSheet(
                f"color: {label.colour}; font-weight: bold;"
            )

    # --- the parts' needs ----------------------------------------------------------------
    def tell(self, message: str, milliseconds: int = 8000) -> None:
        self.statusBar().showMessage(message, milliseconds)

    def ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def open_document(self, document_id: int) -> None:
        self.session.open_document(document_id)
        if self.settings is not None:
            self.settings.setValue(f"last_document/{self.project.path}", document_id)
        self.view.setFocus()
        self.binder.refresh()

    def _history_changed(self) -> None:
        """The Edit menu names what Undo and Redo would do (the thin Qt adapter over the
        application layer's history)."""
        history, schema = self.session.history, self.project.schema
        if history and history.can_undo:
            self.undo_action.setText(
                WindowText.tr("Undo {edit}").format(edit=edit_title(history.undo_title, schema))
            )
        else:
            self.undo_action.setText(WindowText.tr("Undo"))
        if history and history.can_redo:
            self.redo_action.setText(
                WindowText.tr("Redo {edit}").format(edit=edit_title(history.redo_title, schema))
            )
        else:
            self.redo_action.setText(WindowText.tr("Redo"))
        self.binder.refresh()

    def _layer_switched(self) -> None:
        """Curation began or ended: the documents' statuses are another layer's now."""
        self.documents.refresh()
        self._history_changed()

    def _curation_changed(self) -> None:
        self.binder.actions["view.curate"].setChecked(self.curation.active)
        self.curation_status.setText(self.curation.progress())
        self.curation_status.setVisible(self.curation.active)

    def _project_changed(self, event) -> None:
        if isinstance(event, DocumentsAdded) and self.session.document is None:
            self.open_document(event.document_ids[0])

    def rebuild(self) -> QWidget:
        """This project in a new window built in the interface installed now (another
        language), with the same workspace (undo histories), document, zoom, size and
        curation mode; this window closes. Returns the new window."""
        document = self.session.document.id if self.session.document else None
        curating = self.curation.active
        if curating:
            self.curation.set_active(False)  # back to the person's own layer first
        window = self._open_window(self.project, self.workspace)
        window.restoreGeometry(self.saveGeometry())
        window.view.set_zoom(self.view.point_size)
        if document is not None:
            window.open_document(document)
        window.show()
        window.activateWindow()  # the keys go on in the new window
        if curating:
            window.curation.set_active(True)
        self.owns_project = False  # the new window closes the project when it closes
        self.close()
        return window

    # --- kept for callers that hold the window ---------------------------------------------
    def remember_project(self) -> None:
        self.files.remember_project()

    def switch_project(self, path, create: bool = False):
        return self.files.switch_project(path, create)

    def choose_ner_model(self) -> None:
        self.suggestions.choose_ner_model()

    def wait_for_suggestions(self, timeout_ms: int = 60_000) -> None:
        self.suggestions.wait(timeout_ms)

    def check_external_changes(self) -> bool:
        """Re-read what another connection committed since the last look."""
        if not self.project.is_open:  # the project was closed under this window
            self._watch.stop()
            return False
        changed = self.workspace.check_external_changes()
        if changed:
            self.tell(WindowText.tr("The project was changed by another program: reloaded."), 6000)
        return changed

    def closeEvent(self, event) -> None:  # noqa: N802
        self._watch.stop()
        self.suggestions.stop()
        self.session.close()
        if self.settings is not None:
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("zoom", self.view.point_size)
        if self.owns_project:
            self.project.close()
        super().closeEvent(event)


def _above(bar: QWidget, article: QWidget) -> QWidget:
    """The central widget: the find bar (hidden until Ctrl+F) over the article."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(bar)
    layout.addWidget(article, 1)
    return box
