"""The article: right-to-left text, entities drawn on their spans with tags above them."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from annotator.gui.article_layout import ArticleLayout, Track
from annotator.gui.curation_tracks import paint_outline, paint_tracks
from annotator.gui.fonts import article_font
from annotator.gui.i18n import Texts
from annotator.gui.language import display_language
from annotator.gui.linking import LinkController
from annotator.gui.relation_overlay import LinkState, paint_arcs, paint_link, relation_order
from annotator.gui.session import DocumentSession
from annotator.gui.word_selection import WordSelection
from annotator.model import Entity, Relation, Status

SELECTION_COLOUR = QColor(255, 200, 0, 110)
HIGHLIGHT_COLOUR = QColor(0, 150, 255, 60)  # the find bar's matches
CURRENT_HIGHLIGHT_PEN = QPen(QColor("#0b62c4"), 2)  # the match F3 stepped to
_FILL_ALPHA = {Status.ACCEPTED: 95, Status.CANDIDATE: 22, Status.REJECTED: 0}
_PEN_STYLE = {
    Status.ACCEPTED: Qt.PenStyle.SolidLine,
    Status.CANDIDATE: Qt.PenStyle.DashLine,
    Status.REJECTED: Qt.PenStyle.DotLine,
}


class ArticleText(Texts):
    """The article's messages."""


class ArticleView(QAbstractScrollArea):
    """The open document, right to left, with its entities, tags and relation arcs.

    Keeps the focus (an entity, or a relation) and the selection, in code points; edits
    are asked of the window through signals and actions, never made here."""

    focus_changed = Signal()
    show_rejected_changed = Signal(bool)
    selection_changed = Signal()
    first_painted = Signal()  # once, when the article has been drawn on screen
    relation_requested = Signal(int, int, str)  # head, tail, type
    retype_requested = Signal(int, str)  # relation, new type
    message = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.point_size = 16.0
        self.show_rejected = False
        self.show_candidates = True  # curation shows gold's decisions only
        # candidates below this confidence are hidden, and Tab skips them (a project
        # setting, View > Hide candidates below a confidence…); None: no confidence, shown
        self.min_confidence = 0.0
        self.layout_: ArticleLayout | None = None
        self.focus_entity_id: int | None = None
        self.focus_relation_id: int | None = None
        self.show_arcs = True
        self.only_focus_relations = False
        self.linking = LinkController(
            self, self.message.emit, self.relation_requested.emit, self.retype_requested.emit
        )
        self._link_drag: int | None = None
        self.selection: tuple[int, int] | None = None
        # spans (code points, in reading order, not overlapping) highlighted by the find
        # bar, and the index of the current one
        self.highlights: list[tuple[int, int]] = []
        self._highlight_starts: list[int] = []
        self.current_highlight: int | None = None
        self.word_selection = WordSelection("")
        self._press: tuple[int, bool] | None = None  # (character, exact)
        self.tracks: list[Track] = []  # annotators' layers under the lines (curation)
        self.outline: list[tuple[int, int]] = []  # spans outlined (a disagreement)
        # modes that take keys before the shortcuts (curation): objects with `wants(event)`
        # (claim the key) and `key(event)` (use it; True if used)
        self.key_modes: list = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The article lays out its own right-to-left lines (article_layout) in viewport
        # coordinates, so the viewport stays left to right in either interface; the scroll
        # area itself follows the window (its scroll bar on the left when mirrored).
        self.viewport().setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.setAccessibleName(ArticleText.tr("Article"))
        session.document_opened.connect(self.rebuild)
        session.changed.connect(self.refresh_entities)
        session.relations_changed.connect(self.refresh_relations)

    # --- content -----------------------------------------------------------------------
    def visible_entities(self) -> list[Entity]:
        return [e for e in self.session.entities.values() if self.is_visible(e)]

    def is_visible(self, entity: Entity) -> bool:
        """Rejected entities only with View > Show rejected; a candidate only if its
        confidence reaches the threshold (or it has none)."""
        if entity.status == Status.REJECTED:
            return self.show_rejected
        if entity.status == Status.CANDIDATE and not self.show_candidates:
            return False  # curation shows gold's decisions only
        if entity.status == Status.CANDIDATE and entity.confidence is not None:
            return entity.confidence >= self.min_confidence
        return True

    def set_min_confidence(self, value: float) -> None:
        self.min_confidence = max(0.0, min(1.0, value))
        focused = self.focused_entity()
        if focused is not None and not self.is_visible(focused):
            self.set_focus_entity(None)
        self.refresh_entities()

    def rebuild(self) -> None:
        document = self.session.document
        if document is None:
            return
        font = article_font(self.point_size)
        tag_font = article_font(max(7.0, self.point_size * 0.55))
        self.layout_ = ArticleLayout(document.text, font, tag_font)
        self.layout_.tracks = list(self.tracks)
        language = display_language()
        self.layout_.type_names = {
            t.name: t.shown(language) for t in self.session.project.schema.relation_types
        }
        if self.word_selection.text != document.text:
            self.word_selection = WordSelection(document.text)
        self.selection = None
        self.focus_entity_id = None
        self.refresh_entities()
        self.verticalScrollBar().setValue(0)

    MIN_LAYOUT_WIDTH = 200  # below this the widget is not really shown yet

    def _lay_out(self) -> bool:
        """Lay the text out for the current width, once the view has a real size."""
        width = self.viewport().width()
        if self.layout_ is None or width < self.MIN_LAYOUT_WIDTH:
            return False
        self.layout_.set_width(width)
        return True

    def refresh_entities(self, _changed_id: int | None = None) -> None:
        """Repaint after an edit; the geometry is rebuilt only when spans come or go."""
        if self.layout_ is None:
            return
        if self.focus_entity_id not in self.session.entities:
            self.focus_entity_id = None
        if self.focus_relation_id not in self.session.relations:
            self.focus_relation_id = None
        visible = self.visible_entities()
        relations = self.visible_relations(visible)
        layout = self.layout_
        same_spans = len(visible) == len(layout.entities) and all(
            (old := layout.entities.get(e.id)) is not None
            and (old.start, old.end) == (e.start, e.end)
            for e in visible
        )  # relations changing alone go through refresh_relations
        if same_spans and layout.lines:
            layout.entities.update((e.id, e) for e in visible)
            if _changed_id is not None:  # same geometry: repaint that entity's lines only
                self._update_entity(_changed_id)
                return
        elif not layout.lines:
            layout.entities = {e.id: e for e in visible}
            layout.relations = {r.id: r for r in relations}
            self._lay_out()
        else:
            self._relayout(layout, visible, relations)
        self._update_scrollbars()
        self.viewport().update()

    FEW_CHANGES = 40  # up to this many entities changed, only their lines are placed again

    def _relayout(self, layout: ArticleLayout, visible: list[Entity], relations) -> None:
        """Place what changed: the entities that came, went or moved (a curation step,
        an undo), or everything when many did."""
        now = {e.id: e for e in visible}
        removed = [
            i
            for i, old in layout.entities.items()
            if i not in now or (old.start, old.end) != (now[i].start, now[i].end)
        ]
        moved = set(removed)
        added = [e for e in visible if e.id not in layout.entities or e.id in moved]
        if len(removed) + len(added) > self.FEW_CHANGES:
            layout.set_entities(visible, relations)
            return
        for entity in visible:  # labels and statuses of the others, as they are now
            if entity.id in layout.entities:
                layout.entities[entity.id] = entity
        layout.change_entities(removed, added, relations)

    def refresh_relations(self) -> None:
        if self.layout_ is None:
            return
        if self.focus_relation_id not in self.session.relations:
            self.focus_relation_id = None
        self.layout_.set_relations(self.visible_relations(list(self.layout_.entities.values())))
        self._update_scrollbars()
        self.viewport().update()

    @property
    def link(self) -> LinkState | None:
        """The relation being made, if any (painted over the article)."""
        return self.linking.state

    def set_zoom(self, point_size: float) -> None:
        self.point_size = max(8.0, min(48.0, point_size))
        focus, selection = self.focus_entity_id, self.selection
        self.rebuild()
        self.focus_entity_id, self.selection = focus, selection
        self.viewport().update()

    def set_tracks(self, tracks: list[Track]) -> None:
        """Show these annotators' tracks under the lines (an empty list: none)."""
        self.tracks = list(tracks)
        if self.layout_ is not None:
            self.layout_.set_tracks(self.tracks)
            self._update_scrollbars()
        self.viewport().update()

    def set_outline(self, spans: list[tuple[int, int]]) -> None:
        """Outline these spans (code points) with the tracks under them, and scroll the
        first into view."""
        self.outline = list(spans)
        if spans and self.layout_ is not None and self.layout_.lines:
            rects = self.layout_.region_rects(*spans[0])
            bar = self.verticalScrollBar()
            top = rects[0].top() - 3 * self.layout_.tag_height
            bottom = rects[-1].bottom() + self.layout_.line_height
            if top < bar.value() or bottom > bar.value() + self.viewport().height():
                bar.setValue(int(top - self.viewport().height() / 4))
        self.viewport().update()

    def set_show_rejected(self, show: bool) -> None:
        self.show_rejected = show
        self.refresh_entities()
        self.show_rejected_changed.emit(show)

    # --- scrolling and painting --------------------------------------------------------
    def _update_scrollbars(self) -> None:
        height = self.layout_.height if self.layout_ else 0
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, int(height - self.viewport().height())))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(int(self.layout_.line_height) if self.layout_ else 20)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._lay_out():
            self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()

    def _styles(self) -> dict:
        """Pens, brushes, tags and tag widths per (label, status), built once per schema,
        zoom and interface language: a tag names its label as the interface shows it
        (`display.ar` in Arabic), a candidate's with a question mark."""
        language = display_language()
        key = (id(self.session.project.schema), self.point_size, language)
        if getattr(self, "_styles_key", None) != key:
            styles = {}
            metrics = QFontMetricsF(self.layout_.tag_font) if self.layout_ else None
            for label in self.session.project.schema.labels:
                colour = QColor(label.colour)
                for status in Status:
                    fill = QColor(colour)
                    fill.setAlpha(_FILL_ALPHA[status])
                    style = _PEN_STYLE[status]
                    pen_colour = colour if status != Status.REJECTED else QColor("#888888")
                    shown = label.shown(language)
                    tag = (
                        shown
                        if status != Status.CANDIDATE
                        else ArticleText.tr("{label}?").format(label=shown)
                    )
                    styles[(label.name, status)] = {
                        "fill": fill,
                        "pen": QPen(pen_colour, 1.3, style),
                        "focus_pen": QPen(pen_colour, 3, style),
                        "tag": tag,
                        "tag_width": (metrics.horizontalAdvance(tag) + 8) if metrics else 40,
                        "tag_fill": colour if status == Status.ACCEPTED else QColor("white"),
                        "tag_pen": QColor("white") if status == Status.ACCEPTED else pen_colour,
                    }
            self._style_cache = styles
            self._styles_key = key
        return self._style_cache

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor("white"))
        layout = self.layout_
        if layout is None or not layout.lines:
            return
        if not getattr(self, "_painted_once", False):
            self._painted_once = True
            QTimer.singleShot(0, self.first_painted.emit)
        offset = self.verticalScrollBar().value()
        painter.translate(0, -offset)
        top, bottom = event.rect().top() + offset, event.rect().bottom() + offset
        lines = layout.visible_lines(top, bottom)
        self._paint_boxes(painter, lines)
        if self.selection is not None:
            for rect in layout.span_rects(*self.selection):
                painter.fillRect(rect, SELECTION_COLOUR)
        if self.highlights and lines:
            self._paint_highlights(painter, lines)
        painter.setPen(QColor("black"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for line_index in lines:
            layout.qt_line(line_index).draw(painter, QPointF(0, 0))
        paint_tracks(painter, layout, lines)
        if self.outline:
            paint_outline(painter, layout, self.outline)
        symmetric = {t.name for t in self.session.project.schema.relation_types if t.symmetric}
        paint_arcs(painter, layout, lines, self.focus_relation_id, symmetric)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._paint_tags(painter, lines)
        drag_point = getattr(self, "_link_drag_point", None)
        if self._link_drag is not None and drag_point is not None:
            segments = layout.segments_by_entity.get(self._link_drag)
            if segments:
                rect = layout.segment_rect(segments[0])
                painter.setPen(QPen(QColor("#e6550d"), 2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(rect.center().x(), rect.top()), drag_point)
        if self.link is not None:
            viewport = QRectF(self.viewport().rect())
            paint_link(painter, layout, self.link, lines, viewport, offset)

    def _paint_boxes(self, painter: QPainter, lines: range) -> None:
        """The entities' boxes on the visible lines; the focused ones (and both ends of a
        focused arc) with a thicker pen."""
        layout, styles = self.layout_, self._styles()
        focus = {self.focus_entity_id}
        relation = self.session.relations.get(self.focus_relation_id)
        if relation is not None:  # a focused arc shows both of its entities
            focus |= {relation.head_id, relation.tail_id}
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for line_index in lines:
            for segment in layout.segments_by_line.get(line_index, ()):
                entity = layout.entities[segment.entity_id]
                style = styles[(entity.label, entity.status)]
                rect = layout.segment_rect(segment)
                if entity.status != Status.REJECTED:
                    painter.fillRect(rect, style["fill"])
                painter.setPen(style["focus_pen"] if entity.id in focus else style["pen"])
                painter.drawRect(rect)

    def _paint_tags(self, painter: QPainter, lines: range) -> None:
        """Each entity's label tag above its first segment."""
        layout, styles = self.layout_, self._styles()
        painter.setFont(layout.tag_font)
        for line_index in lines:
            for segment in layout.segments_by_line.get(line_index, ()):
                if not segment.first:
                    continue
                entity = layout.entities[segment.entity_id]
                style = styles[(entity.label, entity.status)]
                tag = layout.tag_rect(segment, style["tag_width"])
                painter.fillRect(tag, style["tag_fill"])
                painter.setPen(style["tag_pen"])
                if entity.status != Status.ACCEPTED:
                    painter.drawRect(tag)
                painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, style["tag"])

    def _paint_highlights(self, painter: QPainter, lines: range) -> None:
        """The find bar's matches on the visible lines, the current one framed."""
        layout = self.layout_
        first, last = layout.lines[lines.start].start, layout.lines[lines.stop - 1].end
        index = max(0, bisect_right(self._highlight_starts, first) - 1)
        painter.setPen(CURRENT_HIGHLIGHT_PEN)
        while index < len(self.highlights) and self.highlights[index][0] < last:
            for rect in layout.span_rects(*self.highlights[index]):
                painter.fillRect(rect, HIGHLIGHT_COLOUR)
                if index == self.current_highlight:
                    painter.drawRect(rect)
            index += 1

    def set_highlights(self, spans: list[tuple[int, int]], current: int | None = None) -> None:
        """Highlight these spans (code points, in reading order, not overlapping), the
        one at index `current` framed; [] removes every highlight."""
        self.highlights = list(spans)
        self._highlight_starts = [start for start, _ in self.highlights]
        self.current_highlight = current
        self.viewport().update()

    def show_span(self, start: int, end: int) -> None:
        """Scroll so that [start, end) is on screen (nothing moves if it already is)."""
        self._scroll_to_span(start, end)

    # --- focus and navigation ----------------------------------------------------------
    def focused_entity(self) -> Entity | None:
        return self.session.entities.get(self.focus_entity_id)

    def set_focus_entity(self, entity_id: int | None, scroll: bool = True) -> None:
        previous, had_selection = self.focus_entity_id, self.selection is not None
        if self.focus_relation_id is not None or self.only_focus_relations:
            had_selection = True  # the arcs drawn change too: repaint everything
            self.focus_relation_id = None
        self.focus_entity_id = entity_id
        if entity_id is not None:
            self.selection = None
        scrolled = False
        if entity_id is not None and scroll:
            before = self.verticalScrollBar().value()
            self.ensure_visible(entity_id)
            scrolled = self.verticalScrollBar().value() != before
        if scrolled or had_selection:
            self.viewport().update()
        else:  # only the two entities' lines change
            self._update_entity(previous)
            self._update_entity(entity_id)
        self.focus_changed.emit()
        if self.only_focus_relations:
            self.refresh_relations()

    def _update_entity(self, entity_id: int | None) -> None:
        """Schedule a repaint of the lines an entity sits on, tags included."""
        entity = self.session.entities.get(entity_id) if entity_id is not None else None
        if entity is None or self.layout_ is None or not self.layout_.lines:
            return
        offset = self.verticalScrollBar().value()
        for line_index in self.layout_.lines_of(entity.start, entity.end):
            rect = self.layout_.line_rect(line_index).translated(0, -offset)
            self.viewport().update(rect.toAlignedRect())

    def ensure_visible(self, entity_id: int) -> None:
        entity = self.session.entities.get(entity_id)
        if entity is None or self.layout_ is None:
            return
        rects = self.layout_.span_rects(entity.start, entity.end)
        if not rects:
            return
        bar = self.verticalScrollBar()
        # a margin below as well as above: the focused line is never cut at either edge
        top = rects[0].top() - 3 * self.layout_.tag_height
        bottom = rects[-1].bottom() + self.layout_.line_height
        if top < bar.value():
            bar.setValue(int(top))
        elif bottom > bar.value() + self.viewport().height():
            bar.setValue(int(bottom - self.viewport().height()))

    def next_entity(self, step: int, status: str | None = Status.CANDIDATE) -> None:
        """Tab / Shift+Tab: the next or previous candidate in reading order (wrapping)."""
        ordered = [
            e
            for e in self.session.reading_order()
            if (status is None or e.status == status) and self.is_visible(e)
        ]
        if not ordered:
            self.set_focus_entity(None)
            return
        current = self.focused_entity()
        key = (current.start, current.end, current.label, current.id) if current else None
        keys = [(e.start, e.end, e.label, e.id) for e in ordered]
        if key is None:
            index = 0 if step > 0 else len(ordered) - 1
        else:
            index = bisect_right(keys, key) if step > 0 else bisect_right(keys, key) - 2
            if key not in keys and step < 0:
                index = bisect_right(keys, key) - 1
            index %= len(ordered)
        self.set_focus_entity(ordered[index].id)

    def event(self, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return super().event(event)
        if self.linking.active:
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # while linking, keys belong to the link, not to shortcuts
                return True
            if self.linking.key(event):
                return True
            return super().event(event)
        for mode in self.key_modes:
            if not mode.wants(event):
                continue
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # the mode's key, not a shortcut's
                return True
            if mode.key(event):
                return True
        return super().event(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        return False  # Tab and Shift+Tab step through candidates (the actions table)

    # --- relations -----------------------------------------------------------------------
    def visible_relations(self, entities: list[Entity]) -> list[Relation]:
        """Relations whose arcs show: both ends visible, and (with "only the focused
        entity's relations") touching the focused entity."""
        if not self.show_arcs:
            return []
        shown = {e.id for e in entities}
        focus = self.focus_entity_id
        return [
            r
            for r in self.session.relations.values()
            if r.head_id in shown
            and r.tail_id in shown
            and (not self.only_focus_relations or focus in (r.head_id, r.tail_id))
        ]

    def set_focus_relation(self, relation_id: int | None) -> None:
        self.focus_relation_id = relation_id
        if relation_id is not None:
            self.focus_entity_id = None
            self.selection = None
            relation = self.session.relations.get(relation_id)
            if relation is not None:
                self.ensure_visible(relation.head_id)
        self.viewport().update()
        self.focus_changed.emit()

    def focused_relation(self) -> Relation | None:
        return self.session.relations.get(self.focus_relation_id)

    def next_relation(self, step: int) -> None:
        """] / [: the next or previous relation, in the reading order of their heads."""
        ordered = relation_order(
            {r.id: r for r in self.visible_relations(self.visible_entities())},
            self.session.entities,
        )
        if not ordered:
            self.message.emit(ArticleText.tr("No relations in this document."))
            return
        ids = [r.id for r in ordered]
        if self.focus_relation_id in ids:
            index = (ids.index(self.focus_relation_id) + step) % len(ids)
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.set_focus_relation(ids[index])

    # --- selection ---------------------------------------------------------------------
    def clear_selection(self) -> None:
        """Escape: no selection (and no focused relation)."""
        if self.selection is not None:
            self.select(0, 0)
        elif self.focus_relation_id is not None:
            self.set_focus_relation(None)

    def select(self, start: int, end: int) -> None:
        self.selection = (start, end) if start < end else None
        self.focus_entity_id = None
        self.viewport().update()
        self.selection_changed.emit()
        self.focus_changed.emit()

    def select_word(self, step: int) -> None:
        """Keyboard selection: the next (step 1) or previous (-1) word in reading order."""
        words = self.word_selection
        if self.session.document is None or not words.words:
            return
        entity = self.focused_entity()
        if self.selection is not None:
            anchor = self.selection[1] if step > 0 else self.selection[0]
        elif entity is not None:
            anchor = entity.end if step > 0 else entity.start
        else:
            anchor = 0 if step > 0 else len(self.session.document.text)
        span = words.step(anchor, step)
        if span is not None:
            self.select(*span)
            self._scroll_to_span(*span)

    def extend_selection(self, step: int) -> None:
        """Grow the selection by the next word, or give its last word back."""
        if self.selection is None:
            self.select_word(1)
            return
        span = self.word_selection.extended(*self.selection, step)
        if span is not None:
            self.select(*span)

    def word_boundary_moves(
        self, start: int, end: int, start_step: int, end_step: int
    ) -> tuple[int, int]:
        """A span's ends moved by whole words (grow: start -1 / end +1; shrink: reverse)."""
        return self.word_selection.boundary_moves(start, end, start_step, end_step)

    def _scroll_to_span(self, start: int, end: int) -> None:
        rects = self.layout_.span_rects(start, end) if self.layout_ else []
        if rects:
            bar = self.verticalScrollBar()
            if (
                rects[0].top() < bar.value()
                or rects[-1].bottom() > bar.value() + self.viewport().height()
            ):
                bar.setValue(int(rects[0].top() - self.viewport().height() / 3))

    def cycle_clitic(self) -> None:
        """The selection's first word without its proclitics, one keystroke per step."""
        if self.selection is None:
            return
        span = self.word_selection.without_proclitic(*self.selection)
        if span is not None:
            self.select(*span)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.layout_ is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        point = self._content_point(event.position())
        exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        relation_id = None if exact else self.layout_.arc_at(point)
        if relation_id is not None:
            self._press = None
            self.set_focus_relation(relation_id)
            return
        entity_id = None if exact else self.layout_.entity_at(point)
        self._link_drag = entity_id
        character = self.layout_.character_at(point)
        self._press = None if character is None else (character, exact)
        self._press_point = point
        self._press_entity = entity_id
        self._dragged = False

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._press is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        point = self._content_point(event.position())
        character = self.layout_.character_at(point)
        if character is None:
            return
        anchor, exact = self._press
        if character != anchor:
            self._dragged = True
        if self._dragged and self._link_drag is not None:
            self._link_drag_point = point  # a drag from an entity draws a relation
            self.viewport().update()
            return
        if self._dragged:
            first, last = min(anchor, character), max(anchor, character)
            covered = self.layout_.characters_between(self._press_point, point)
            if covered is not None:  # on one line: what the drag covers on screen
                first, last = covered
            if exact:
                self.select(first, last + 1)
            else:
                self.select(*self.word_selection.snap(first, last))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._press is None:
            return
        if self._dragged and self._link_drag is not None:
            source, self._link_drag = self._link_drag, None
            self._link_drag_point = None
            target = self.layout_.entity_at(self._content_point(event.position()))
            self._press = None
            if target is not None and target != source:
                self.linking.start_drag_link(source, target)
            self.viewport().update()
            return
        if not self._dragged:
            if self._press_entity is not None:
                self.set_focus_entity(self._press_entity, scroll=False)
            else:
                anchor, exact = self._press
                if exact:
                    self.select(anchor, anchor + 1)
                else:
                    self.select(*self.word_selection.snap(anchor, anchor))
        self._press = None

    def _content_point(self, position) -> QPointF:
        return QPointF(position.x(), position.y() + self.verticalScrollBar().value())

    def content_rect_of(self, start: int, end: int) -> list[QRectF]:
        """Where a span is drawn, in viewport coordinates (tests drag across these)."""
        offset = self.verticalScrollBar().value()
        return [r.translated(0, -offset) for r in self.layout_.span_rects(start, end)]
