"""Suggesters in a background thread: the window never freezes and can cancel a run.

The worker opens its own connection to the project file (SQLite connections belong to one
thread); WAL and BEGIN IMMEDIATE keep its writes and the window's edits from clashing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from annotator.gui.i18n import Texts
from annotator.gui.reports import suggest_summary
from annotator.store import Project


class SuggestText(Texts):
    """What a suggestion run says when it stops."""


class SuggestWorker(QThread):
    progressed = Signal(int, int)  # documents done, total
    document_done = Signal(int)  # a document whose candidates changed
    finished_run = Signal(str)  # a summary, or why it stopped

    def __init__(
        self,
        project_path: Path,
        only: list[str] | None,
        force: bool = False,
        ner_model: str | None = None,
        first_document: int | None = None,
        documents: list[int] | None = None,
        annotator: str | None = None,
    ) -> None:
        super().__init__()
        self.first_document = first_document  # the one on screen: its candidates come first
        self.documents = documents  # None: every document
        self.annotator = annotator  # whose layer the candidates go to
        self.project_path = project_path
        self.only = only
        self.force = force
        self.ner_model = ner_model
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        from annotator.app.suggesting import SuggestionRun
        from annotator.app.workspace import Workspace
        from annotator.suggest.runner import SuggestReport

        report = SuggestReport()
        try:
            with Project.open(self.project_path, annotator=self.annotator) as project:
                workspace = Workspace(project)  # this thread's own connection and events
                workspace.events.subscribe(lambda event: self.document_done.emit(event.document_id))
                run = SuggestionRun(workspace, self.only, self.ner_model, report)
                ids = self.documents or project.document_ids()
                if self.first_document in ids:
                    ids.remove(self.first_document)
                    ids.insert(0, self.first_document)
                done = 0

                def progress(step: int) -> None:
                    nonlocal done
                    done += step
                    self.progressed.emit(done, len(ids))

                for document_id in ids:  # one at a time: each document's news goes out
                    if self._cancelled:
                        report.cancelled = True
                        break
                    run.run(
                        [document_id],
                        force=self.force,
                        progress=progress,
                        cancelled=lambda: self._cancelled,
                    )
        except Exception as error:  # noqa: BLE001 - reported in the status bar, never lost
            self.finished_run.emit(
                SuggestText.tr("Suggestions stopped: {error}").format(
                    error=f"{type(error).__name__}: {error}"
                )
            )
            return
        self.finished_run.emit(suggest_summary(report))
