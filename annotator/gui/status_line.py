"""The status bar's line: project progress, the open document's counts, the focused entity
with its provenance. Updated from the session's signals and the article's focus."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from annotator.gui.article_view import ArticleView
from annotator.gui.session import DocumentSession
from annotator.model import Status
from annotator.store.queries import progress


class StatusLine:
    def __init__(self, label: QLabel, session: DocumentSession, view: ArticleView) -> None:
        self.label = label
        self.session = session
        self.view = view
        for signal in (
            session.changed,
            session.document_opened,
            session.project_changed,
            view.focus_changed,
        ):
            signal.connect(self.update)

    def update(self, *_args) -> None:
        session = self.session
        done, total = progress(session.project)
        candidates = accepted = 0
        for entity in session.entities.values():
            candidates += entity.status == Status.CANDIDATE
            accepted += entity.status == Status.ACCEPTED
        focused = self.view.focused_entity()
        focus = ""
        if focused is not None and session.document is not None:
            text = session.document.text[focused.start : focused.end]
            how = f", {focused.decision} by {focused.decided_by}" if focused.decision else ""
            focus = f"   ·   {text} — {focused.label}, {focused.status} ({focused.source}{how})"
        self.label.setText(
            f"Project: {done} of {total} documents done   ·   this document: "
            f"{candidates} candidates left, {accepted} accepted{focus}"
        )
