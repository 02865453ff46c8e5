"""Suggesters in the background for one window: start, progress, cancel, project memory
refreshed shortly after a person's edit changes the gold, and the project learner retrained
in another process when it is due (its new model's candidates appear when ready)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QThread, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from annotator.app.events import DocumentChanged, Origin
from annotator.app.workspace import Workspace
from annotator.gui.i18n import Texts, isolate
from annotator.gui.suggest_worker import LearnWorker, SuggestWorker

MEMORY_DELAY_MS = 400
LEARN_DELAY_MS = 1500  # after the last edit that made retraining due
_PERSON = (Origin.EDIT, Origin.UNDO, Origin.REDO)


class SuggestionsText(Texts):
    """The Suggest menu's dialogs and messages."""


class Suggestions:
    """Runs suggesters in a worker thread with its own connection to the project file.

    window: dialogs' parent; workspace: announces which documents changed;
    current_document() -> the open document's id (its candidates come first);
    progress / cancel_button: shown while a run goes on; tell(message): the status bar."""

    #: retrain the project learner when it is due (the GUI tests switch it off)
    learner_enabled = True

    def __init__(
        self,
        window: QWidget,
        workspace: Workspace,
        current_document: Callable[[], int | None],
        progress: QProgressBar,
        cancel_button: QPushButton,
        tell: Callable[[str], None],
        learning: QLabel | None = None,
    ) -> None:
        self.window = window
        self.learning = learning  # "learning…" in the status bar while the learner trains
        self.learner: LearnWorker | None = None
        self.workspace = workspace
        self.project = workspace.project
        self.current_document = current_document
        self.progress = progress
        self.cancel_button = cancel_button
        self.tell = tell
        self.worker: SuggestWorker | None = None
        self._pending: tuple[list[str] | None, bool, list[int] | None] | None = None
        self.memory_timer = QTimer(window)
        self.memory_timer.setSingleShot(True)
        self.memory_timer.setInterval(MEMORY_DELAY_MS)
        self.memory_timer.timeout.connect(lambda: self.start(["memory"]))
        self.learn_timer = QTimer(window)
        self.learn_timer.setSingleShot(True)
        self.learn_timer.setInterval(LEARN_DELAY_MS)
        self.learn_timer.timeout.connect(self.learn_if_due)
        cancel_button.clicked.connect(self.cancel)
        self._unsubscribe = workspace.events.subscribe(self._on_event)

    def _on_event(self, event) -> None:
        """Project memory learns from accepted entities: refresh it after a person's edit."""
        if isinstance(event, DocumentChanged) and event.origin in _PERSON:
            if self.project.path is None:
                return
            if event.touches_gold:
                self.memory_timer.start()
            if event.touches_gold or event.status is not None:
                self.learn_timer.start()

    def learn_if_due(self) -> None:
        """Retrain the project learner in another process if it is due (every N accepted
        or corrected entities, a document marked done); then re-run the default
        suggesters, so the new model's candidates appear. The window never waits."""
        from annotator.app.learning import learner_due

        if not self.learner_enabled or self.project.path is None or self.project.read_only:
            return
        if self.learner is not None and self.learner.isRunning():
            self.learn_timer.start()  # again once this training is over
            return
        reason = learner_due(self.project)
        if reason is None:
            return
        self.learner = LearnWorker(self.project.path, self.project.annotator)
        self.learner.finished_learning.connect(self._learned)
        if self.learning is not None:
            # why it learns is the application layer's sentence (English): a tooltip
            self.learning.setText(SuggestionsText.tr("Project model: learning…"))
            self.learning.setToolTip(reason)
            self.learning.show()
        self.learner.start()

    def _learned(self, trained: bool, summary: str) -> None:
        from annotator.app.suggesting import DEFAULT_SUGGESTERS

        if self.learning is not None:
            self.learning.hide()
        self.learner.wait()
        self.tell(summary)
        if trained:
            self.start(list(DEFAULT_SUGGESTERS))

    def start(
        self, only: list[str] | None, force: bool = False, documents: list[int] | None = None
    ) -> None:
        """Run `only` these suggesters (None: all) in the background, on `documents` (None:
        every document)."""
        if self.project.path is None:
            return
        if self.worker is not None and self.worker.isRunning():
            self._pending = (only, force, documents)
            self.worker.cancel()
            return
        self.worker = SuggestWorker(
            self.project.path,
            only,
            force,
            first_document=self.current_document(),
            documents=documents,
            annotator=self.project.annotator,
        )
        self.worker.progressed.connect(self._progressed)
        self.worker.document_done.connect(self._document_done)
        self.worker.finished_run.connect(self._finished)
        self.progress.setRange(0, 0)
        if only != ["memory"]:
            self.progress.show()
            self.cancel_button.show()
        self.worker.start()

    def _document_done(self, document_id: int) -> None:
        self.workspace.absorb_own_commits()
        self.workspace.documents_changed([document_id], Origin.SUGGEST)

    def cancel(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self._pending = None
            self.worker.cancel()

    def stop(self) -> None:
        """The window closes: no new run, and the running one ends first; the workspace's
        events no longer reach this window (another window may go on with it)."""
        self._unsubscribe()
        self._unsubscribe = lambda: None
        self.memory_timer.stop()
        self.learn_timer.stop()
        if self.learner is not None and self.learner.isRunning():
            self.learner.stop()
            self.learner.wait(30_000)
        if self.worker is not None and self.worker.isRunning():
            self._pending = None
            self.worker.cancel()
            self.worker.wait(30_000)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self, summary: str) -> None:
        self.workspace.absorb_own_commits()
        self.progress.hide()
        self.cancel_button.hide()
        self.tell(summary)
        self.worker.wait()
        pending, self._pending = self._pending, None
        if pending is not None:
            self.start(*pending)

    def wait(self, timeout_ms: int = 60_000) -> None:
        """Block until the background run (and any queued one) is over; for tests."""
        clock = QElapsedTimer()
        clock.start()
        while clock.elapsed() < timeout_ms and (
            self.memory_timer.isActive()
            or (self.learner_enabled and self.learn_timer.isActive())
            or (self.learner is not None and self.learner.isRunning())
            or (self.worker is not None and (self.worker.isRunning() or self._pending))
        ):
            QCoreApplication.processEvents()
            QThread.msleep(10)
        QCoreApplication.processEvents()

    def choose_ner_model(self) -> None:
        """Remember a camel-tools NER model folder in the project (its `ner_model` setting),
        checked at once so a wrong folder is reported now, not at the next run."""
        from annotator.suggest.base import SuggesterUnavailable
        from annotator.suggest.ner_model import read_model_labels

        folder = QFileDialog.getExistingDirectory(
            self.window, SuggestionsText.tr("camel-tools NER model folder")
        )
        if not folder:
            return
        try:
            read_model_labels(Path(folder), self.project.schema)
        except SuggesterUnavailable as error:
            QMessageBox.warning(self.window, SuggestionsText.tr("NER model"), str(error))
            return
        self.project.set_setting("ner_model", folder)
        self.tell(
            SuggestionsText.tr(
                "NER model set to {folder}; Suggest (Ctrl+Shift+S) runs it in the background"
            ).format(folder=isolate(folder))
        )
