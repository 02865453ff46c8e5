"""The main window's background suggestions: start, progress, cancel, refresh the view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QThread

from annotator.gui.suggest_worker import SuggestWorker


class SuggestionsMixin:
    """Part of MainWindow: needs project, session, view, documents, progress, cancel_button,
    worker, _pending_run and _memory_timer."""

    # --- suggestions in the background ---------------------------------------------------
    def start_suggestions(self, only: list[str] | None, force: bool = False) -> None:
        if self.project.path is None:
            return
        if self.worker is not None and self.worker.isRunning():
            self._pending_run = (only, force)
            self.worker.cancel()
            return
        current = self.session.document.id if self.session.document else None
        self.worker = SuggestWorker(self.project.path, only, force, first_document=current)
        self.worker.progressed.connect(self._suggest_progress)
        self.worker.document_done.connect(self._suggested)
        self.worker.finished_run.connect(self._suggest_finished)
        self.progress.setRange(0, 0)
        if only != ["memory"]:
            self.progress.show()
            self.cancel_button.show()
        self.worker.start()

    def cancel_suggestions(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self._pending_run = None
            self.worker.cancel()

    def _suggest_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _suggested(self, document_id: int) -> None:
        if self.session.document is not None and document_id == self.session.document.id:
            focus = self.view.focus_entity_id
            self.session.reload()
            if focus in self.session.entities:
                self.view.set_focus_entity(focus, scroll=False)
        self.documents.model.update_document(document_id)

    def _suggest_finished(self, summary: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().showMessage(summary, 8000)
        self.worker.wait()
        pending, self._pending_run = self._pending_run, None
        if pending is not None:
            self.start_suggestions(*pending)

    def wait_for_suggestions(self, timeout_ms: int = 60_000) -> None:
        """Block until the background run (and any queued one) is over; for tests."""
        clock = QElapsedTimer()
        clock.start()
        while clock.elapsed() < timeout_ms and (
            self._memory_timer.isActive()
            or (self.worker is not None and (self.worker.isRunning() or self._pending_run))
        ):
            QCoreApplication.processEvents()
            QThread.msleep(10)
        QCoreApplication.processEvents()

    def _update_undo_names(self, stack) -> None:
        if stack is None:
            return
        self.undo_action.setText(f"Undo {stack.undoText()}" if stack.canUndo() else "Undo")
        self.redo_action.setText(f"Redo {stack.redoText()}" if stack.canRedo() else "Redo")

    def choose_ner_model(self) -> None:
        """Remember a camel-tools NER model folder in the project (its `ner_model` setting),
        checked at once so a wrong folder is reported now, not at the next run."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from annotator.suggest.base import SuggesterUnavailable
        from annotator.suggest.ner_model import read_model_labels

        folder = QFileDialog.getExistingDirectory(self, "camel-tools NER model folder")
        if not folder:
            return
        try:
            read_model_labels(Path(folder), self.project.schema)
        except SuggesterUnavailable as error:
            QMessageBox.warning(self, "NER model", str(error))
            return
        self.project.set_setting("ner_model", folder)
        self.statusBar().showMessage(
            f"NER model set to {folder}; Suggest (Ctrl+Shift+S) runs it in the background", 8000
        )
