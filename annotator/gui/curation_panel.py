"""The disagreements panel of curation: progress, the keys, and one row per disagreement
with what each annotator said and how it was settled."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.app.curation import ENTITY, Disagreement, DocumentCuration
from annotator.gui.actions import CURATION_BACK, CURATION_KEYS
from annotator.gui.i18n import FSI, PDI, RLM, Texts
from annotator.gui.numbers import number
from annotator.gui.reports import curation_progress
from annotator.gui.terms import kind_name, label_name, outcome_name, type_name
from annotator.model import Schema

SETTLED_TEXT = QColor("#2f6b2f")
OPEN_TEXT = QColor("#000000")


class CurationPanelText(Texts):
    """The disagreements panel's texts."""


def describe(disagreement: Disagreement, text: str, schema: Schema) -> list[str]:
    """One line per annotator, numbered as their key: "1 amal: ORG «وكالة Reuters»";
    relations as "PERS «…» ← located_in ← LOC «…»" (drawn right to left); labels and
    types by the names the interface shows."""

    def quoted(span) -> str:
        return f"{label_name(schema, span[2])} «{FSI}{text[span[0] : span[1]]}{PDI}»"

    lines = []
    for key, (name, items) in enumerate(disagreement.versions, start=1):
        if disagreement.kind == ENTITY:
            said = " + ".join(quoted(span) for span in items)
        else:
            said = " + ".join(
                f"{quoted(h)} ← {type_name(schema, kind)} ← {quoted(t)}" for h, t, kind in items
            )
        # the number is the annotator's key (1-9): written as on the keyboard
        lines.append(f"{RLM}{key} {FSI}{name}{PDI}: {said or '—'}")
    return lines


def settled_text(curation: DocumentCuration, disagreement: Disagreement) -> str:
    """How it was settled, in words, or "open"."""
    record = curation.settled.get(disagreement.key)
    if record is None:
        return CurationPanelText.tr("open")
    how = outcome_name(record.outcome, f"{FSI}{record.annotator}{PDI}")
    return CurationPanelText.tr("settled: {how}").format(how=how)


def settled_by(record) -> str:
    """Who settled it and when (the row's tooltip); empty while it is open."""
    if record is None:
        return ""
    return CurationPanelText.tr("settled by {curator} on {at}").format(
        curator=f"{FSI}{record.curator}{PDI}", at=record.at[:16].replace("T", " ")
    )


class DisagreementList(QWidget):
    """Progress and keys on top, the disagreements below in reading order; choosing a row
    (click or Enter) asks to go to it (`chosen`, its index)."""

    chosen = Signal(int)

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.progress = QLabel("")
        self.progress.setWordWrap(True)
        hints = [key.hint_text() for key in (*CURATION_KEYS, CURATION_BACK)]
        hints.append(CurationPanelText.tr("Ctrl+D: curated, next document"))
        self.hints = QLabel(" · ".join(hints))
        self.hints.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(CurationPanelText.tr("Disagreements"))
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.list.setUniformItemSizes(True)  # one line per annotator: rows of one height
        self._built: tuple | None = None  # the disagreements the rows were built for
        self._settled: dict = {}  # the records the rows show
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.hints)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(lambda item: self.chosen.emit(self.list.row(item)))
        self.list.itemClicked.connect(lambda item: self.chosen.emit(self.list.row(item)))

    def show_curation(self, curation: DocumentCuration | None, text: str, current: int | None):
        """Show `curation` (None: a message that there is nothing to curate). The rows are
        built once per document; later calls only restate the rows whose settling
        changed and move the current row, so a decision costs a few rows, not all."""
        self.list.blockSignals(True)
        if curation is None:
            self.list.clear()
            self._built = None
            self.progress.setText(CurationPanelText.tr("This document is not ready for curation."))
        else:
            names = CurationPanelText.tr(", ").join(
                f"{key} {FSI}{name}{PDI}" for key, name in enumerate(curation.annotators, 1)
            )
            self.progress.setText(
                CurationPanelText.tr("{progress} · annotators: {names}").format(
                    progress=curation_progress(curation), names=names
                )
            )
            if self._built is not curation.disagreements:
                self._build(curation, text)
            else:
                self._restate(curation, text)
            if current is not None and 0 <= current < self.list.count():
                self.list.setCurrentRow(current)
                self.list.scrollToItem(self.list.item(current))
        self.list.blockSignals(False)

    def _build(self, curation: DocumentCuration, text: str) -> None:
        self.list.clear()
        for index, disagreement in enumerate(curation.disagreements, start=1):
            item = QListWidgetItem(self._row_text(curation, disagreement, index, text))
            record = curation.settled.get(disagreement.key)
            item.setForeground(SETTLED_TEXT if record is not None else OPEN_TEXT)
            item.setToolTip(settled_by(record))
            self.list.addItem(item)
        self._built = curation.disagreements
        self._settled = dict(curation.settled)

    def _restate(self, curation: DocumentCuration, text: str) -> None:
        """Rewrite the rows whose settled record changed since they were written."""
        for index, disagreement in enumerate(curation.disagreements):
            record = curation.settled.get(disagreement.key)
            if record == self._settled.get(disagreement.key):
                continue
            item = self.list.item(index)
            item.setText(self._row_text(curation, disagreement, index + 1, text))
            item.setForeground(SETTLED_TEXT if record is not None else OPEN_TEXT)
            item.setToolTip(settled_by(record))
        self._settled = dict(curation.settled)

    def _row_text(self, curation, disagreement: Disagreement, index: int, text: str) -> str:
        where = text[disagreement.start : disagreement.end].replace("\n", " ")
        if len(where) > 60:
            where = where[:57] + "…"
        state = settled_text(curation, disagreement)
        kind = kind_name(disagreement.kind)
        rows = [f"{RLM}{number(index)}. {kind} · «{FSI}{where}{PDI}» · {state}"]
        rows += describe(disagreement, text, self.schema)
        return "\n".join(rows)
