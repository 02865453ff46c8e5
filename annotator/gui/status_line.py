"""The status bar's line: project progress, the open document's counts, the focused entity
with its provenance. Updated from the session's signals and the article's focus."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from annotator.gui.article_view import ArticleView
from annotator.gui.session import DocumentSession
from annotator.model import Status
from annotator.store.queries import progress


class StatusLine:
    """Three pieces, each recomputed only when what it shows can have changed: the
    project's progress (workspace events), the document's counts (its entities), the focus."""

    def __init__(self, label: QLabel, session: DocumentSession, view: ArticleView) -> None:
        self.label = label
        self.session = session
        self.view = view
        self._progress = self._counts = self._focus = ""
        session.project_changed.connect(self._project_changed)
        session.document_opened.connect(self._document_changed)
        session.changed.connect(self._document_changed)
        view.focus_changed.connect(self._focus_changed)

    def _project_changed(self, _event=None) -> None:
        done, total = progress(self.session.project)
        self._progress = f"Project: {done} of {total} documents done"
        self._show()

    def _document_changed(self, _entity_id=None) -> None:
        if not self._progress:
            self._project_changed()
        candidates = accepted = 0
        for entity in self.session.entities.values():
            candidates += entity.status == Status.CANDIDATE
            accepted += entity.status == Status.ACCEPTED
        self._counts = f"this document: {candidates} candidates left, {accepted} accepted"
        self._focus_changed()

    def _focus_changed(self) -> None:
        focused, document = self.view.focused_entity(), self.session.document
        self._focus = ""
        if focused is not None and document is not None:
            text = document.text[focused.start : focused.end]
            by = f" by {focused.decided_by}" if focused.decided_by else ""
            how = f", {focused.decision}{by}" if focused.decision else ""
            self._focus = f"{text} — {focused.label}, {focused.status} ({focused.source}{how})"
        self._show()

    def _show(self) -> None:
        project = self.session.project
        who = f"{project.annotator} (layer {project.layer})"
        pieces = (who, self._progress, self._counts, self._focus)
        self.label.setText("   ·   ".join(piece for piece in pieces if piece))
