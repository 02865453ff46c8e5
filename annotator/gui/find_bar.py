"""The find bar over the article (Ctrl+F): a query, its matches highlighted in the article.

Matching is `annotator.text.search` (memory's normalisation on whole words; through
proclitics and regular expressions as options). The current match is framed and is the
article's selection, so after Escape a label key labels it; F3 / Shift+F3 (or Enter /
Shift+Enter in the bar) step through the matches, scrolling to each; "Label all…"
(Ctrl+L) proposes every match as a candidate of a label, one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from annotator.app.label_matches import ProposeMatches, plan
from annotator.gui.article_view import ArticleView
from annotator.gui.i18n import Texts
from annotator.gui.label_menu import label_menu
from annotator.gui.numbers import number
from annotator.gui.reports import proposal_summary
from annotator.gui.session import DocumentSession
from annotator.gui.terms import label_name
from annotator.text.search import Finder, Match, Query, SearchError


class FindText(Texts):
    """The find bar's texts, and the search options both search places share."""


def clitics_tip() -> str:
    return FindText.tr("The first word may carry proclitics: بوتين finds لبوتين (without the ل)")


def regex_tip() -> str:
    return FindText.tr("A Python regular expression on the raw text (nothing normalised)")


def selected_text(view: ArticleView, session: DocumentSession) -> str:
    """The article's selection as a query ('' if none, or if it spans lines)."""
    if view.selection is None or session.document is None:
        return ""
    text = session.document.text[slice(*view.selection)]
    return "" if "\n" in text else text


class FindBar(QWidget):
    """session: the open document; view: the article it highlights and selects in;
    tell(message): a line in the status bar."""

    def __init__(
        self,
        session: DocumentSession,
        view: ArticleView,
        tell: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.tell = tell
        self.matches: list[Match] = []
        self.current: int | None = None
        self._menu = None
        self._build()
        self.field.textChanged.connect(self.refresh)
        self.clitics.toggled.connect(self.refresh)
        self.regex.toggled.connect(self.refresh)
        session.document_opened.connect(self._document_opened)
        self.hide()

    def _build(self) -> None:
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            FindText.tr("Find in this article (diacritics, letter variants ignored)")
        )
        self.field.setAccessibleName(FindText.tr("Find"))
        self.field.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.field.setClearButtonEnabled(True)
        self.clitics = QCheckBox(FindText.tr("Through proclitics"))
        self.clitics.setToolTip(clitics_tip())
        self.regex = QCheckBox(FindText.tr("Regular expression"))
        self.regex.setToolTip(regex_tip())
        self.count = QLabel()
        self.count.setMinimumWidth(110)
        self.label_button = QPushButton(FindText.tr("Label all…"))
        self.label_button.setToolTip(
            FindText.tr("Propose every match as a candidate of a label (Ctrl+L)")
        )
        self.label_button.clicked.connect(self.choose_label)
        close = QPushButton(FindText.tr("Close"))
        close.setToolTip(FindText.tr("Close the find bar (Escape)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for widget in (self.field, self.count, self.clitics, self.regex, self.label_button, close):
            layout.addWidget(widget, 1 if widget is self.field else 0)

    # --- opening and closing -------------------------------------------------------------
    def query(self) -> Query:
        return Query(self.field.text(), self.clitics.isChecked(), self.regex.isChecked())

    def open(self) -> None:
        """Ctrl+F: show the bar with the selection (if any) as the query, keys in it."""
        text = selected_text(self.view, self.session)
        self.show()
        if text:
            self.field.setText(text)
        self.field.setFocus()
        self.field.selectAll()
        self.refresh()

    def suggested_query(self) -> str:
        """What the project search starts from: this bar's query, else the selection."""
        return self.field.text() or selected_text(self.view, self.session)

    def close_bar(self) -> None:
        """Escape: hide the bar and its highlights; the keys go back to the article (the
        current match stays selected)."""
        self.hide()
        self.view.set_highlights([])
        self.view.setFocus()

    def _document_opened(self) -> None:
        self.current = None
        self.refresh()

    # --- matches ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Find the query in the open document again; the current match becomes the
        first one at or after the previous current match (or the selection)."""
        document = self.session.document
        if self.isHidden() or document is None:
            return
        if self.current is not None and self.current < len(self.matches):
            anchor = self.matches[self.current].start
        else:
            anchor = self.view.selection[0] if self.view.selection else 0
        error = None
        try:
            self.matches = Finder(self.query()).find(document.text)
        except SearchError as problem:
            self.matches, error = [], str(problem)
        later = [i for i, match in enumerate(self.matches) if match.start >= anchor]
        self.current = (later[0] if later else 0) if self.matches else None
        self._show(error)

    def step(self, delta: int) -> None:
        """F3 (+1) / Shift+F3 (-1): the next or previous match, wrapping round."""
        if self.isHidden():
            self.open()
            return
        if not self.matches:
            return
        self.current = ((self.current or 0) + delta) % len(self.matches)
        self._show()

    def _show(self, error: str | None = None) -> None:
        spans = [(match.start, match.end) for match in self.matches]
        self.view.set_highlights(spans, self.current)
        if self.current is not None:
            start, end = spans[self.current]
            self.view.select(start, end)
            self.view.show_span(start, end)
        if error:
            self.count.setText(f"<span style='color:#b00020'>{error}</span>")
        elif not self.field.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(FindText.tr("no matches"))
        else:
            self.count.setText(
                FindText.tr("{current} of {total}").format(
                    current=number(self.current + 1), total=number(len(self.matches))
                )
            )

    # --- label all matches -----------------------------------------------------------------
    def choose_label(self) -> None:
        """Ctrl+L: a small menu of labels (their keys choose them) for "label all"."""
        if self.isHidden() or not self.matches:
            self.tell(FindText.tr("No matches to label: find something first (Ctrl+F)."))
            return
        self._menu = label_menu(self.session.project.schema, self, self.label_all)
        self._menu.popup(self.label_button.mapToGlobal(self.label_button.rect().bottomLeft()))

    def label_all(self, label: str) -> None:
        """Propose every match as a candidate of `label` (one undoable step), never over
        a span a person decided; say how many, then give the keys to the article."""
        document = self.session.document
        if document is None:
            return
        spans = [(match.start, match.end) for match in self.matches]
        proposal = plan(self.session.project, document.id, spans, label)
        if proposal.spans and not self.session.perform(ProposeMatches(proposal)):
            return  # refused: the session said why
        self.tell(proposal_summary(proposal, label_name(self.session.project.schema, label)))
        self.view.setFocus()
