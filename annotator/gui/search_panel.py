"""The project search panel (Ctrl+Shift+F): every match in every document, with context.

A dock like the other side panels, right to left. The search runs as you type (after a
short pause) through the application layer's `ProjectSearch` (the FTS5 index, then the
exact spans); the list pulls matches a page at a time as it is scrolled, so a query that
matches in thousands of documents shows its first page at once. Enter or a click on a
row opens its document with the match selected; "Label all…" (Ctrl+Shift+L) proposes
every match as a candidate of a label, one undoable step per document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app.events import DocumentsAdded, ProjectReloaded
from annotator.app.label_matches import label_project_matches
from annotator.app.searching import ProjectMatch, ProjectSearch
from annotator.gui.article_view import ArticleView
from annotator.gui.find_bar import clitics_tip, regex_tip
from annotator.gui.i18n import Texts, isolate
from annotator.gui.label_menu import label_menu
from annotator.gui.numbers import number
from annotator.gui.reports import label_report_summary
from annotator.gui.session import DocumentSession
from annotator.gui.terms import label_name
from annotator.text.search import Query, SearchError

PAGE = 200  # matches pulled at a time
TYPING_PAUSE_MS = 300


class SearchText(Texts):
    """The project search panel's texts."""


class MatchModel(QAbstractListModel):
    """Matches pulled from an iterator a page at a time (Qt's canFetchMore/fetchMore)."""

    def __init__(self) -> None:
        super().__init__()
        self.matches: list[ProjectMatch] = []
        self.documents: set[int] = set()
        self._pending: Iterator[ProjectMatch] | None = None

    def start(self, matches: Iterator[ProjectMatch] | None) -> None:
        """Show these matches (None: none), the first page at once."""
        self.beginResetModel()
        self.matches, self.documents, self._pending = [], set(), matches
        self.endResetModel()
        if matches is not None:
            self.fetchMore(QModelIndex())

    @property
    def complete(self) -> bool:
        return self._pending is None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._pending is not None

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802, B008
        if self._pending is None:
            return
        batch = list(islice(self._pending, PAGE))
        if len(batch) < PAGE:
            self._pending = None
        if batch:
            first = len(self.matches)
            self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
            self.matches.extend(batch)
            self.documents.update(match.document_id for match in batch)
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.matches)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        match = self.matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            shown = " ".join(match.text.split())
            # the list is right to left in either interface: the document's name is
            # isolated (UAX #9 FSI ... PDI), so a Latin file name keeps its order
            return f"{match.before}«{shown}»{match.after}\n\u2068{match.document}\u2069"
        if role == Qt.ItemDataRole.ToolTipRole:
            return SearchText.tr("{document}: code points {start}–{end}").format(
                document=isolate(match.document), start=number(match.start), end=number(match.end)
            )
        return None


class SearchPanel(QWidget):
    """session: the project and the open document; view: the article a match is
    selected in; open_document(id): opens a document; tell(message): the status bar;
    ask(title, question) -> bool: a yes/no question."""

    def __init__(
        self,
        session: DocumentSession,
        view: ArticleView,
        open_document: Callable[[int], None],
        tell: Callable[[str], None],
        ask: Callable[[str, str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.view = session, view
        self.open_document, self.tell, self.ask = open_document, tell, ask
        self.search: ProjectSearch | None = None
        self._menu = None
        self.model = MatchModel()
        self._build()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.run)
        self.field.textChanged.connect(self._typing.start)
        self.clitics.toggled.connect(self.run)
        self.regex.toggled.connect(self.run)
        self.list.activated.connect(self.open_match)
        self.list.clicked.connect(self.open_match)
        self.model.rowsInserted.connect(self._show_count)
        session.project_changed.connect(self._project_changed)

    def _build(self) -> None:
        self.field = QLineEdit()
        self.field.setPlaceholderText(SearchText.tr("Search every document"))
        self.field.setAccessibleName(SearchText.tr("Search the project"))
        self.field.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.clitics = QCheckBox(SearchText.tr("Through proclitics"))
        self.clitics.setToolTip(clitics_tip())
        self.regex = QCheckBox(SearchText.tr("Regular expression"))
        self.regex.setToolTip(regex_tip())
        label_button = QPushButton(SearchText.tr("Label all…"))
        label_button.setToolTip(
            SearchText.tr("Propose every match as a candidate of a label (Ctrl+Shift+L)")
        )
        label_button.clicked.connect(self.choose_label)
        self.label_button = label_button
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(SearchText.tr("Search results"))
        options = QHBoxLayout()
        for widget in (self.clitics, self.regex, label_button):
            options.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(options)
        layout.addWidget(self.count)
        layout.addWidget(self.list)

    def query(self) -> Query:
        return Query(self.field.text(), self.clitics.isChecked(), self.regex.isChecked())

    def open(self, text: str = "") -> None:
        """Ctrl+Shift+F: show the panel's dock with the keys in its query (`text`, if
        given, becomes the query)."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()
        if text and text != self.field.text():
            self.field.setText(text)
            self.run()
        self.field.setFocus()
        self.field.selectAll()

    # --- searching ---------------------------------------------------------------------
    def run(self) -> None:
        """Search the project for the query now (typing waits for a pause)."""
        self._typing.stop()
        query = self.query()
        self.search = None
        if query.text.strip():
            try:
                self.search = ProjectSearch(self.session.project, query)
            except SearchError as error:
                self.model.start(None)
                self.count.setText(f"<span style='color:#b00020'>{error}</span>")
                return
        self.model.start(self.search.matches() if self.search else None)
        self._show_count()

    def _show_count(self, *_args) -> None:
        model = self.model
        if self.search is None:
            self.count.setText("")
        elif model.complete:
            documents = SearchText.tr("%Ln documents", "", len(model.documents))
            self.count.setText(
                SearchText.tr("%Ln matches in {documents}", "", len(model.matches)).format(
                    documents=documents
                )
            )
        else:
            documents = SearchText.tr("%Ln documents", "", len(self.search.document_ids))
            self.count.setText(
                SearchText.tr(
                    "the first %Ln matches (more as you scroll), from {documents} to look in",
                    "",
                    len(model.matches),
                ).format(documents=documents)
            )

    def _project_changed(self, event) -> None:
        """Documents were imported, or another program changed the project: search
        again, so the list holds what the project holds now."""
        if isinstance(event, DocumentsAdded | ProjectReloaded) and self.search is not None:
            self.run()

    def open_match(self, index: QModelIndex) -> None:
        """Open the match's document with the match selected; the keys stay here."""
        match = self.model.matches[index.row()]
        document = self.session.document
        if document is None or document.id != match.document_id:
            self.open_document(match.document_id)
        self.view.select(match.start, match.end)
        self.view.show_span(match.start, match.end)
        self.list.setFocus()

    # --- label all matches -------------------------------------------------------------
    def choose_label(self) -> None:
        """Ctrl+Shift+L: a small menu of labels (their keys choose them)."""
        if self.search is None or not self.model.matches:
            self.tell(
                SearchText.tr("No matches to label: search the project first (Ctrl+Shift+F).")
            )
            return
        self._menu = label_menu(self.session.project.schema, self, self.label_all)
        self._menu.popup(self.label_button.mapToGlobal(self.label_button.rect().bottomLeft()))

    def label_all(self, label: str) -> None:
        """Propose every match in the project as a candidate of `label` (asking first),
        one undoable step per document; never over a span a person decided."""
        query = self.query()
        documents = len(self.search.document_ids)
        question = SearchText.tr(
            "Propose every match of «{query}» as a {label} candidate, in up to {documents}? "
            "Spans a person decided are left as they are; each document's proposals are one "
            "step of its undo (Ctrl+Z)."
        ).format(
            query=query.text,
            label=label_name(self.session.project.schema, label),
            documents=SearchText.tr("%Ln documents", "", documents),
        )
        if not self.ask(SearchText.tr("Label all matches"), question):
            return
        project = self.session.project
        search = ProjectSearch(project, query)
        report = label_project_matches(project, search.matches(), label, self.session.perform)
        self.tell(label_report_summary(report))
