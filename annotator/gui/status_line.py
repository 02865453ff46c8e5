"""The status bar's line: project progress, the open document's counts, the focused entity
with its provenance. Updated from the session's signals and the article's focus."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from annotator.gui.article_view import ArticleView
from annotator.gui.i18n import Texts, isolate
from annotator.gui.numbers import number
from annotator.gui.session import DocumentSession
from annotator.gui.terms import decision_name, label_name, status_name
from annotator.model import Status
from annotator.store.queries import progress


class StatusLineText(Texts):
    """The status line's texts."""


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
        self._progress = StatusLineText.tr(
            "Project: {done} of %Ln documents done", "", total
        ).format(done=number(done))
        self._show()

    def _document_changed(self, _entity_id=None) -> None:
        if not self._progress:
            self._project_changed()
        candidates = accepted = 0
        for entity in self.session.entities.values():
            candidates += entity.status == Status.CANDIDATE
            accepted += entity.status == Status.ACCEPTED
        self._counts = StatusLineText.tr(
            "this document: %Ln candidates left, {accepted} accepted", "", candidates
        ).format(accepted=number(accepted))
        self._focus_changed()

    def _focus_changed(self) -> None:
        focused, document = self.view.focused_entity(), self.session.document
        self._focus = ""
        if focused is not None and document is not None:
            text = document.text[focused.start : focused.end]
            how = focused.source
            if focused.decision and focused.decided_by:
                how = StatusLineText.tr("{source}, {decision} by {who}").format(
                    source=focused.source,
                    decision=decision_name(focused.decision),
                    who=isolate(focused.decided_by),
                )
            elif focused.decision:
                how = StatusLineText.tr("{source}, {decision}").format(
                    source=focused.source, decision=decision_name(focused.decision)
                )
            self._focus = StatusLineText.tr("{text} — {label}, {status} ({how})").format(
                text=isolate(text),
                label=label_name(self.session.project.schema, focused.label),
                status=status_name(focused.status),
                how=how,
            )
        self._show()

    def _show(self) -> None:
        project = self.session.project
        who = StatusLineText.tr("{annotator} (layer {layer})").format(
            annotator=isolate(project.annotator), layer=isolate(project.layer)
        )
        pieces = (who, self._progress, self._counts, self._focus)
        self.label.setText("   ·   ".join(piece for piece in pieces if piece))
