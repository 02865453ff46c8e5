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


def learner_command(project_path: Path, annotator: str | None) -> list[str]:
    """`annotator learn DB` as a separate process: from source through this Python, in
    the packaged program through the program itself. CRFsuite holds the interpreter lock
    while it trains, so a thread of the window would freeze it."""
    import sys

    program = (
        [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "annotator"]
    )
    who = ["--annotator", annotator] if annotator else []
    return [*program, *who, "learn", str(project_path)]


class LearnWorker(QThread):
    """Retrains the project learner in another process (`annotator learn`), waiting for it
    here so the window's thread never does."""

    finished_learning = Signal(bool, str)  # trained, the learner's summary or the error

    def __init__(self, project_path: Path, annotator: str | None) -> None:
        super().__init__()
        self.command = learner_command(project_path, annotator)
        self._process = None

    def run(self) -> None:
        import subprocess

        try:
            self._process = subprocess.Popen(
                self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            out, err = self._process.communicate()
        except OSError as error:
            self.finished_learning.emit(
                False, SuggestText.tr("Project model: could not start: {error}").format(error=error)
            )
            return
        if self._process.returncode != 0:
            reason = (err or out).strip().splitlines()[-1:] or [SuggestText.tr("no message")]
            self.finished_learning.emit(
                False,
                SuggestText.tr("Project model: training failed: {reason}").format(reason=reason[0]),
            )
            return
        # the last line `annotator learn` printed (the command line's, in English)
        summary = out.strip().splitlines()[-1] if out.strip() else ""
        trained = "retrained" in summary
        if trained:  # the window says it in its own words; the details stay in the tooltip
            said = SuggestText.tr(
                "Project model retrained on the project's gold: its candidates follow"
            )
        else:
            said = SuggestText.tr("Project model: {summary}").format(
                summary=summary.removeprefix("Project model: ") or SuggestText.tr("done")
            )
        self.finished_learning.emit(trained, said)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
