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
from annotator.gui.i18n import Texts, isolate
from annotator.gui.numbers import decimal, number
from annotator.model import AnnotationError


class TeamText(Texts):
    """The team dialogs and the agreement view."""


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
        replace = bool(self.project.setting("team"))
        if (
            replace
            and QMessageBox.question(
                self.window,
                TeamText.tr("Assign"),
                TeamText.tr(
                    "This project already handed its documents out. Hand them out again? The "
                    "files of the earlier hand-out can then no longer be merged."
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            result = assign(self.project, names, out, overlap=overlap,
                            per_document=per_document, seed=seed, replace=replace)  # fmt: skip
        except (AnnotationError, OSError) as error:
            QMessageBox.warning(self.window, TeamText.tr("Assign"), str(error))
            return
        lines = [
            TeamText.tr("{name}: %Ln documents -> {path}", "", len(result.documents[n])).format(
                name=isolate(n), path=isolate(p)
            )
            for n, p in result.files.items()
        ]
        lines.append(
            TeamText.tr(
                "%Ln documents go to several annotators, for agreement.", "", len(result.shared)
            )
        )
        QMessageBox.information(self.window, TeamText.tr("Assign"), "\n".join(lines))

    def merge(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            TeamText.tr("Merge annotators' work"),
            "",
            TeamText.tr("annotator projects and JSONL (*.sqlite *.jsonl);;All (*)"),
        )
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
            QMessageBox.warning(
                self.window,
                TeamText.tr("Merge"),
                TeamText.tr("Nothing was merged: {error}").format(error=error),
            )
            return False
        merged = sorted({d for documents in result.documents.values() for d in documents})
        self.workspace.documents_changed(merged, Origin.MERGE)
        lines = [
            TeamText.tr("{name}: %Ln documents into the layer '{layer}'", "", len(d)).format(
                name=isolate(n), layer=isolate(n)
            )
            for n, d in result.documents.items()
        ]
        QMessageBox.information(self.window, TeamText.tr("Merge"), "\n".join(lines))
        return True

    def agreement(self) -> None:
        from annotator.app.agreement import AgreementError
        from annotator.app.project_agreement import progress_by_annotator, team_agreement

        try:
            report, with_gold = team_agreement(self.project)
        except AgreementError as error:
            QMessageBox.information(self.window, TeamText.tr("Agreement"), str(error))
            return
        progress = progress_by_annotator(self.project, report.annotators)
        AgreementDialog(self.window, report, progress, with_gold).exec()


class AssignDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(TeamText.tr("Hand documents out to annotators"))
        self.names = QLineEdit()
        self.names.setPlaceholderText(TeamText.tr("amal, omar, sara"))
        self.out = QLineEdit(str(Path.home() / "hand-out"))
        browse = QPushButton(TeamText.tr("Choose…"))
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
        form.addRow(TeamText.tr("Annotators"), self.names)
        form.addRow(TeamText.tr("Their files go to"), row)
        form.addRow(TeamText.tr("Shared for agreement (share)"), self.overlap)
        form.addRow(TeamText.tr("Annotators per shared document"), self.per_document)
        form.addRow(TeamText.tr("Seed (the same seed, the same hand-out)"), self.seed)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, TeamText.tr("Folder for the files"), self.out.text()
        )
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

    def __init__(self, parent: QWidget, report, progress: dict, with_gold=None) -> None:
        """`with_gold`: annotator -> scores against the curated gold (a table of its own
        when any document is curated)."""
        super().__init__(parent)
        self.setWindowTitle(TeamText.tr("Agreement between annotators"))
        self.report = report
        self.progress = progress
        self.with_gold = with_gold or {}
        compared = TeamText.tr(
            "%Ln documents compared · Krippendorff's alpha {alpha}", "", len(report.documents)
        ).format(alpha=_number(report.alpha_micro))
        done = [
            TeamText.tr("{name}: {done} of {total} done").format(
                name=isolate(n), done=number(d), total=number(t)
            )
            for n, (d, t) in progress.items()
        ]
        summary = QLabel(" · ".join([compared, *done]))
        summary.setWordWrap(True)
        self.pairs = _table(
            [
                TeamText.tr("Annotators"),
                TeamText.tr("Exact F1"),
                TeamText.tr("Relaxed F1"),
                TeamText.tr("Cohen's kappa"),
                TeamText.tr("Relation F1"),
            ],
            [
                [
                    TeamText.tr("overall")
                    if s is report.overall
                    else " / ".join(isolate(name) for name in s.annotators),
                    _number(s.exact_micro.f1),
                    _number(s.relaxed_micro.f1),
                    _number(s.kappa_micro),
                    _number(s.relations_micro.f1),
                ]  # fmt: skip
                for s in (*report.pairs, report.overall)
            ],
        )
        self.documents = _table(
            [TeamText.tr("Document"), TeamText.tr("Exact F1"), TeamText.tr("Disagreements")],
            [
                [isolate(d.name), _number(d.exact.f1), number(d.disagreements)]
                for d in report.documents
            ],
        )
        save = QPushButton(TeamText.tr("Save the HTML report…"))
        save.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.pairs)
        if self.with_gold:
            self.gold = _table(
                [
                    TeamText.tr("Annotator"),
                    TeamText.tr("Exact F1"),
                    TeamText.tr("Relaxed F1"),
                    TeamText.tr("Cohen's kappa"),
                    TeamText.tr("Relation F1"),
                ],
                [
                    [
                        isolate(name),
                        _number(s.exact_micro.f1),
                        _number(s.relaxed_micro.f1),
                        _number(s.kappa_micro),
                        _number(s.relations_micro.f1),
                    ]  # fmt: skip
                    for name, s in self.with_gold.items()
                ],
            )
            layout.addWidget(QLabel(TeamText.tr("Each annotator against the curated gold")))
            layout.addWidget(self.gold)
        layout.addWidget(QLabel(TeamText.tr("Documents, most disagreement first")))
        layout.addWidget(self.documents, 1)
        layout.addWidget(save)
        self.resize(720, 560)

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, TeamText.tr("Agreement report"), "agreement.html", TeamText.tr("HTML (*.html)")
        )
        if path:
            from annotator.app.agreement_report import write_html

            try:
                write_html(self.report, Path(path), self.progress, with_gold=self.with_gold)
            except OSError as error:
                QMessageBox.warning(
                    self,
                    TeamText.tr("Agreement report"),
                    TeamText.tr("{path}: cannot write it: {reason}").format(
                        path=isolate(path), reason=error.strerror
                    ),
                )


def _number(value) -> str:
    """A score with three decimals in the interface's digits; a dash when there is none."""
    return "–" if value is None else decimal(value, 3)


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()  # rows need no numbers: their first column names them
    return table
