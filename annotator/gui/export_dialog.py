"""The Export dialog: a format from the registry, where to write, and what (gold only or
candidates too, documents by status) — the choices of `annotator export`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from annotator.formats import registry
from annotator.gui.i18n import Texts
from annotator.gui.terms import document_status_name
from annotator.model import DocumentStatus


class ExportText(Texts):
    """The Export dialog's texts."""


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    format: str
    include_candidates: bool
    statuses: tuple[DocumentStatus, ...]


class ExportDialog(QDialog):
    """Asks for an export; `choice()` after it was accepted. `folder`: where the path
    starts (the last folder used, or the user's documents folder)."""

    def __init__(self, parent: QWidget, folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(ExportText.tr("Export"))
        self.writers = [fmt for fmt in registry.formats() if fmt.write]
        self.format = QComboBox()
        for fmt in self.writers:
            self.format.addItem(f"{fmt.title} ({fmt.name})", fmt.name)
        self.path = QLineEdit(str(folder / self._default_name()))
        browse = QPushButton(ExportText.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.candidates = QCheckBox(
            ExportText.tr("Also candidates and rejected annotations, with their status")
        )
        self.statuses = {
            status: QCheckBox(document_status_name(status)) for status in DocumentStatus
        }
        status_row = QHBoxLayout()
        for box in self.statuses.values():
            box.setChecked(True)
            status_row.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(ExportText.tr("Format"), self.format)
        form.addRow(ExportText.tr("Write to"), row)
        form.addRow(ExportText.tr("Documents"), status_row)
        form.addRow("", self.candidates)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)

    def _fmt(self) -> registry.FileFormat:
        return self.writers[self.format.currentIndex()]

    def _default_name(self) -> str:
        fmt = self.writers[0] if not hasattr(self, "format") else self._fmt()
        return "export" + ("" if fmt.folder else fmt.suffixes[0] if fmt.suffixes else "")

    def _format_changed(self) -> None:
        current = Path(self.path.text())
        self.path.setText(str(current.with_name(self._default_name())))

    def _browse(self) -> None:
        fmt = self._fmt()
        if fmt.folder:
            chosen = QFileDialog.getExistingDirectory(
                self, ExportText.tr("Export to a folder"), self.path.text()
            )
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, ExportText.tr("Export"), self.path.text(), fmt.dialog_filter()
            )
        if chosen:
            self.path.setText(chosen)

    def choice(self) -> ExportChoice:
        return ExportChoice(
            Path(self.path.text()).expanduser(),
            self._fmt().name,
            self.candidates.isChecked(),
            tuple(status for status, box in self.statuses.items() if box.isChecked()),
        )
