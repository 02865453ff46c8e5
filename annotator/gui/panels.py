"""The side panels: the project's documents and the current document's entities."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotator.gui.session import DocumentSession

STATUS_NAMES = {"new": "new", "in_progress": "in progress", "done": "done"}


class DocumentList(QListWidget):
    document_chosen = Signal(int)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Documents")
        self.itemActivated.connect(lambda item: self.document_chosen.emit(item.data(Qt.UserRole)))
        self.itemClicked.connect(lambda item: self.document_chosen.emit(item.data(Qt.UserRole)))

    def refresh(self) -> None:
        rows = self.session.project.db.execute(
            "SELECT d.id, d.name, d.status, "
            "sum(e.status = 'candidate'), sum(e.status = 'accepted') "
            "FROM documents d LEFT JOIN entities e ON e.document_id = d.id "
            "GROUP BY d.id ORDER BY d.id"
        ).fetchall()
        current = self.session.document.id if self.session.document else None
        self.blockSignals(True)
        self.clear()
        for document_id, name, status, candidates, accepted in rows:
            item = QListWidgetItem(
                f"{name}\n{STATUS_NAMES[status]} · {candidates or 0} candidates · "
                f"{accepted or 0} accepted"
            )
            item.setData(Qt.UserRole, document_id)
            self.addItem(item)
            if document_id == current:
                self.setCurrentItem(item)
        self.blockSignals(False)


class EntityList(QListWidget):
    """The document's entities in reading order; selection synced with the article view."""

    entity_chosen = Signal(int)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Entities")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.currentItemChanged.connect(self._chosen)

    def _chosen(self, item, _previous) -> None:
        if item is not None:
            self.entity_chosen.emit(item.data(Qt.UserRole))

    def refresh(self, show_rejected: bool, focus_id: int | None) -> None:
        document = self.session.document
        self.blockSignals(True)
        self.clear()
        if document is not None:
            schema = self.session.project.schema
            for entity in self.session.reading_order():
                if entity.status == "rejected" and not show_rejected:
                    continue
                text = document.text[entity.start : entity.end].replace("\n", " ")
                item = QListWidgetItem(f"{text}  ·  {entity.label}  ·  {entity.status}")
                item.setData(Qt.UserRole, entity.id)
                item.setForeground(QColor(schema.label(entity.label).colour))
                self.addItem(item)
                if entity.id == focus_id:
                    self.setCurrentItem(item)
        self.blockSignals(False)

    def select_entity(self, entity_id: int | None) -> None:
        self.blockSignals(True)
        for row in range(self.count()):
            if self.item(row).data(Qt.UserRole) == entity_id:
                self.setCurrentRow(row)
                self.scrollToItem(self.item(row))
                break
        else:
            self.clearSelection()
        self.blockSignals(False)
