"""The side panels: the project's documents and the current document's entities.

Both are list views over small models, so a document with a thousand entities or a project
with thousands of documents costs only the rows on screen, and an edit refreshes in O(1).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QListView, QVBoxLayout, QWidget

from annotator.app.events import DocumentChanged
from annotator.gui.i18n import Texts, isolate
from annotator.gui.numbers import number
from annotator.gui.relation_overlay import relation_order
from annotator.gui.session import DocumentSession
from annotator.gui.terms import document_status_name, label_name, status_name, type_name
from annotator.model import DocumentStatus, Status
from annotator.store.queries import DocumentSummary, document_summaries, document_summary


class PanelText(Texts):
    """The side panels' texts."""


ID_ROLE = Qt.ItemDataRole.UserRole
# rejected rows: dark grey in italics, 5:1 contrast on white (a faded label colour was 1.6:1)
REJECTED_TEXT = QColor("#666666")


def readable(colour: QColor) -> QColor:
    """The label's colour, darkened until text in it has at least 4.5:1 contrast on white
    (WCAG 2.1, relative luminance): light greens and yellows stay legible."""
    colour = QColor(colour)
    for _ in range(12):
        if (1.05) / (_luminance(colour) + 0.05) >= 4.5:
            break
        colour = colour.darker(115)
    return colour


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _italic():
    from PySide6.QtGui import QFont

    font = QFont()
    font.setItalic(True)
    return font


class DocumentModel(QAbstractListModel):
    """The project's documents with their entity counts (store.queries), one row each."""

    def __init__(self, session: DocumentSession) -> None:
        super().__init__()
        self.session = session
        self.rows: list[DocumentSummary] = []
        self.status_filter: str | None = None
        self._row_of: dict[int, int] = {}

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = document_summaries(self.session.project, self.status_filter)
        self._row_of = {row.id: index for index, row in enumerate(self.rows)}
        self.endResetModel()

    def update_document(self, document_id: int) -> None:
        row = self._row_of.get(document_id)
        if row is None:
            if self.status_filter:  # it may have come into the filter
                self.reload()
            return
        summary = document_summary(self.session.project, document_id)
        if summary is None or (self.status_filter and summary.status != self.status_filter):
            self.reload()
            return
        self.rows[row] = summary
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def row_of(self, document_id: int | None) -> int | None:
        return self._row_of.get(document_id)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            counts = PanelText.tr(
                "{status} · %Ln candidates · {accepted} accepted", "", row.candidates
            )
            status = document_status_name(row.status)
            # the name isolated: a Latin file name keeps its order in the mirrored list
            name = isolate(row.name)
            return f"{name}\n" + counts.format(status=status, accepted=number(row.accepted))
        if role == ID_ROLE:
            return row.id
        return None


class DocumentList(QWidget):
    document_chosen = Signal(int)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = DocumentModel(session)
        self.filter = QComboBox()
        self.filter.addItem(PanelText.tr("All documents"), None)
        for status in DocumentStatus:
            self.filter.addItem(document_status_name(status).capitalize(), status)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(PanelText.tr("Documents"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.view.activated.connect(self._chosen)
        self.view.clicked.connect(self._chosen)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        session.project_changed.connect(self._project_changed)
        session.document_opened.connect(self._select_current)

    def _project_changed(self, event) -> None:
        """Rows follow the workspace's events: one row for a document's change, all of
        them when documents were added or another program wrote the project."""
        if isinstance(event, DocumentChanged):
            self.model.update_document(event.document_id)
        else:
            self.refresh()

    def _chosen(self, index) -> None:
        self.document_chosen.emit(index.data(ID_ROLE))

    def _filter_changed(self) -> None:
        self.model.status_filter = self.filter.currentData()
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        self._select_current()

    def _select_current(self) -> None:
        row = self.model.row_of(self.session.document.id if self.session.document else None)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))


class _IdListModel(QAbstractListModel):
    """Rows that are ids of the session's entities or relations, read when painted."""

    def __init__(self, session: DocumentSession) -> None:
        super().__init__()
        self.session = session
        self.ids: list[int] = []
        self._row_of: dict[int, int] = {}

    def _set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._row_of = {item_id: row for row, item_id in enumerate(ids)}
        self.endResetModel()

    def row_of(self, item_id: int | None) -> int | None:
        return self._row_of.get(item_id)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)


class _SyncedList(QWidget):
    """A filterable list whose current row follows the article view and leads it."""

    chosen = Signal(int)

    def _build(self, model: _IdListModel, filters: list[QWidget], name: str) -> None:
        self.model = model
        self.view = QListView()
        self.view.setModel(model)
        self.view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.view.setUniformItemSizes(True)
        self.view.setAccessibleName(name)
        row = QHBoxLayout()
        for widget in filters:
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)
        self._syncing = False
        self.view.selectionModel().currentChanged.connect(self._chosen)

    def _chosen(self, current, _previous) -> None:
        if current.isValid() and not self._syncing:
            self.chosen.emit(current.data(ID_ROLE))

    def select(self, item_id: int | None) -> None:
        """Show `item_id` as current without sending `chosen` back to the view."""
        self._syncing = True
        row = self.model.row_of(item_id)
        if row is None:
            self.view.clearSelection()
        else:
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self._syncing = False


def _filter_box(everything: str, values: dict[str, str]) -> QComboBox:
    """A filter: `everything` (no filter), then each value by the name it is shown with."""
    box = QComboBox()
    box.addItem(everything, None)
    for value, shown in values.items():
        box.addItem(shown, value)
    return box


class EntityModel(_IdListModel):
    def __init__(self, session: DocumentSession) -> None:
        super().__init__(session)
        self.label_filter: str | None = None
        self.status_filter: str | None = None
        self.show_rejected = False

    def _passes(self, entity) -> bool:
        return (
            (
                self.show_rejected
                or entity.status != Status.REJECTED
                or self.status_filter == Status.REJECTED
            )
            and (self.label_filter is None or entity.label == self.label_filter)
            and (self.status_filter is None or entity.status == self.status_filter)
        )

    def reload(self) -> None:
        self._set_ids([e.id for e in self.session.reading_order() if self._passes(e)])

    def still_listed(self, entity_id: int) -> bool:
        """True if the entity keeps its row; False when the row set must change (reload).

        Rows read the session's entities when painted, so a kept row needs only a repaint:
        no dataChanged, which would make the view lay out all its rows again.
        """
        entity = self.session.entities.get(entity_id)
        return entity_id in self._row_of and entity is not None and self._passes(entity)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        entity = self.session.entities.get(self.ids[index.row()])
        if entity is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.session.document.text[entity.start : entity.end].replace("\n", " ")
            # two lines, so the label and status are never cut off by a long name
            label = label_name(self.session.project.schema, entity.label)
            return f"{text}\n{label} · {status_name(entity.status)} · {entity.source}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if entity.status == Status.REJECTED:
                return REJECTED_TEXT
            return readable(QColor(self.session.project.schema.label(entity.label).colour))
        if role == Qt.ItemDataRole.FontRole and entity.status == Status.REJECTED:
            return _italic()
        if role == ID_ROLE:
            return entity.id
        return None


class EntityList(_SyncedList):
    """The document's entities in reading order, filterable; selection synced with the view."""

    def __init__(self, session: DocumentSession, article, parent: QWidget | None = None) -> None:
        """`article`: the ArticleView whose focus this list follows and leads."""
        super().__init__(parent)
        self.session = session
        self.article = article
        schema = session.project.schema
        self.labels = _filter_box(
            PanelText.tr("All labels"), {n: label_name(schema, n) for n in schema.label_names}
        )
        self.statuses = _filter_box(
            PanelText.tr("All statuses"), {s.value: status_name(s) for s in Status}
        )
        self._build(EntityModel(session), [self.labels, self.statuses], PanelText.tr("Entities"))
        self.labels.currentIndexChanged.connect(self._filters_changed)
        self.statuses.currentIndexChanged.connect(self._filters_changed)
        session.document_opened.connect(self.refresh)
        session.changed.connect(self.entity_changed)
        article.focus_changed.connect(lambda: self.select(article.focus_entity_id))
        article.show_rejected_changed.connect(self.refresh)
        self.chosen.connect(article.set_focus_entity)

    def _filters_changed(self) -> None:
        self.model.label_filter = self.labels.currentData()
        self.model.status_filter = self.statuses.currentData()
        self.model.reload()

    def refresh(self) -> None:
        self.model.show_rejected = self.article.show_rejected
        self.model.reload()
        self.select(self.article.focus_entity_id)

    def entity_changed(self, entity_id: int | None) -> None:
        """One entity changed in place: repaint its row; else the rows are read again."""
        if entity_id is not None and self.model.still_listed(entity_id):
            self.view.viewport().update()
        else:
            self.refresh()


class RelationModel(_IdListModel):
    def __init__(self, session: DocumentSession) -> None:
        super().__init__(session)
        self.type_filter: str | None = None

    def reload(self) -> None:
        self._set_ids(
            [
                r.id
                for r in relation_order(self.session.relations, self.session.entities)
                if self.type_filter is None or r.type == self.type_filter
            ]
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        relation = self.session.relations.get(self.ids[index.row()])
        if relation is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.session.document.text
            head = self.session.entities.get(relation.head_id)
            tail = self.session.entities.get(relation.tail_id)
            head_text = text[head.start : head.end] if head else "?"
            tail_text = text[tail.start : tail.end] if tail else "?"
            # drawn right to left: the head on the right, arrows pointing to the tail; the
            # head on one line and the type with the tail on the next, so nothing is cut
            head_text, tail_text = head_text.replace("\n", " "), tail_text.replace("\n", " ")
            # each line starts with RLM and isolates the names, so a Latin head keeps the
            # row right to left (Unicode bidi algorithm, UAX #9: FSI ... PDI)
            kind = type_name(self.session.project.schema, relation.type)
            return f"\u200f\u2068{head_text}\u2069\n\u200f← {kind} ← \u2068{tail_text}\u2069"
        if role == ID_ROLE:
            return relation.id
        return None


class RelationList(_SyncedList):
    """The document's relations (head, type, tail), filterable by type; selecting a row
    selects its arc and clicking an arc selects its row."""

    def __init__(self, session: DocumentSession, article, parent: QWidget | None = None) -> None:
        """`article`: the ArticleView whose focused arc this list follows and leads."""
        super().__init__(parent)
        self.session = session
        self.article = article
        schema = session.project.schema
        self.types = _filter_box(
            PanelText.tr("All relation types"),
            {n: type_name(schema, n) for n in schema.relation_type_names},
        )
        self._build(RelationModel(session), [self.types], PanelText.tr("Relations"))
        self.types.currentIndexChanged.connect(self._filter_changed)
        session.document_opened.connect(self.refresh)
        session.relations_changed.connect(self.refresh)
        session.changed.connect(lambda entity_id: entity_id is None and self.refresh())
        article.focus_changed.connect(lambda: self.select(article.focus_relation_id))
        self.chosen.connect(article.set_focus_relation)

    def _filter_changed(self) -> None:
        self.model.type_filter = self.types.currentData()
        self.model.reload()

    def refresh(self) -> None:
        self.model.reload()
        self.select(self.article.focus_relation_id)
