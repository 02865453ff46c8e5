"""File > Team and View > Agreement: hand-out, merge and agreement in the window, through
the same application layer as `annotator assign`, `merge` and `agreement`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.events import Origin
from annotator.app.workspace import Workspace
from annotator.model import AnnotationError


class Team:
    """The team actions of one window (window: the dialogs' parent; workspace: the open
    project; tell(message): the status bar)."""

    def __init__(self, window: QWidget, workspace: Workspace, tell: Callable[[str], None]):
        self.window = window
        self.workspace = workspace
        self.project = workspace.project
        self.tell = tell

    def assign(self) -> None:
        dialog = AssignDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        from annotator.app.team import assign

        names, out, overlap, per_document, seed = dialog.choice()
        try:
            result = assign(self.project, names, out, overlap=overlap,
                            per_document=per_document, seed=seed)  # fmt: skip
        except AnnotationError as error:
            QMessageBox.warning(self.window, "Assign", str(error))
            return
        lines = [
            f"{n}: {len(result.documents[n])} documents -> {p}" for n, p in result.files.items()
        ]
        lines.append(f"{len(result.shared)} documents go to several annotators, for agreement.")
        QMessageBox.information(self.window, "Assign", "\n".join(lines))

    def merge(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Merge annotators' work", "",
            "annotator projects and JSONL (*.sqlite *.jsonl);;All (*)",
        )  # fmt: skip
        if paths:
            self.merge_files([Path(p) for p in paths])

    def merge_files(self, paths: list[Path]) -> bool:
        """Merge, announce, confirm; False (and why) if a file was refused."""
        from annotator.app.team import merge
        from annotator.store.backups import make_backup

        if self.project.path is not None:
            make_backup(self.project, "merge")
        try:
            result = merge(self.project, paths)
        except AnnotationError as error:
            QMessageBox.warning(self.window, "Merge", f"Nothing was merged: {error}")
            return False
        merged = sorted({d for documents in result.documents.values() for d in documents})
        self.workspace.documents_changed(merged, Origin.MERGE)
        lines = [
            f"{n}: {len(d)} documents into the layer {n!r}" for n, d in result.documents.items()
        ]
        QMessageBox.information(self.window, "Merge", "\n".join(lines))
        return True

    def agreement(self) -> None:
        from annotator.app.agreement import AgreementError
        from annotator.app.project_agreement import progress_by_annotator, project_agreement

        try:
            report = project_agreement(self.project)
        except AgreementError as error:
            QMessageBox.information(self.window, "Agreement", str(error))
            return
        progress = progress_by_annotator(self.project, report.annotators)
        AgreementDialog(self.window, report, progress).exec()


class AssignDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hand documents out to annotators")
        self.names = QLineEdit()
        self.names.setPlaceholderText("amal, omar, sara")
        self.out = QLineEdit(str(Path.home() / "hand-out"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0, 1)
        self.overlap.setSingleStep(0.1)
        self.overlap.setValue(0.2)
        self.per_document = QSpinBox()
        self.per_document.setRange(2, 20)
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Annotators", self.names)
        form.addRow("Their files go to", row)
        form.addRow("Shared for agreement (share)", self.overlap)
        form.addRow("Annotators per shared document", self.per_document)
        form.addRow("Seed (the same seed, the same hand-out)", self.seed)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder for the files", self.out.text())
        if chosen:
            self.out.setText(chosen)

    def choice(self) -> tuple[list[str], Path, float, int, int]:
        names = [n.strip() for n in self.names.text().replace("،", ",").split(",") if n.strip()]
        return (
            names,
            Path(self.out.text()),
            self.overlap.value(),
            self.per_document.value(),
            (self.seed.value()),
        )


class AgreementDialog(QDialog):
    """The numbers of `annotator agreement`: per pair and overall, and the documents with
    the most disagreement first."""

    def __init__(self, parent: QWidget, report, progress: dict) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement between annotators")
        self.report = report
        self.progress = progress
        summary = QLabel(
            f"{len(report.documents)} documents compared · Krippendorff's alpha "
            f"{_number(report.alpha_micro)} · "
            + " · ".join(f"{n}: {d} of {t} done" for n, (d, t) in progress.items())
        )
        summary.setWordWrap(True)
        self.pairs = _table(
            ["Annotators", "Exact F1", "Relaxed F1", "Cohen's kappa", "Relation F1"],
            [
                [
                    "overall" if s is report.overall else " / ".join(s.annotators),
                    _number(s.exact_micro.f1),
                    _number(s.relaxed_micro.f1),
                    _number(s.kappa_micro),
                    _number(s.relations_micro.f1),
                ]  # fmt: skip
                for s in (*report.pairs, report.overall)
            ],
        )
        self.documents = _table(
            ["Document", "Exact F1", "Disagreements"],
            [[d.name, _number(d.exact.f1), str(d.disagreements)] for d in report.documents],
        )
        save = QPushButton("Save the HTML report…")
        save.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.pairs)
        layout.addWidget(QLabel("Documents, most disagreement first"))
        layout.addWidget(self.documents, 1)
        layout.addWidget(save)
        self.resize(720, 560)

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Agreement report", "agreement.html", "HTML (*.html)"
        )
        if path:
            from annotator.app.agreement_report import write_html

            write_html(self.report, Path(path), self.progress)


def _number(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table
