"""Relations in the article view: drawing arcs, and creating a relation from the keyboard.

Keyboard flow: R on a focused entity starts a link; Tab / Shift+Tab / arrows or the number
shown on an entity choose the target; Enter shows the types the schema allows for that
pair (each with its hotkey); the hotkey or its number picks one; Escape steps back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from annotator.gui.actions import LINK_KEYS
from annotator.gui.article_layout import ArticleLayout
from annotator.gui.i18n import Texts
from annotator.gui.language import display_language
from annotator.model import Relation, RelationType

ARC_COLOUR = QColor("#444444")
FOCUS_ARC_COLOUR = QColor("#e6550d")
LINK_COLOUR = QColor("#e6550d")


class LinkingText(Texts):
    """What the article shows while a relation is being made."""


@dataclass
class LinkState:
    """A relation being made: its head, the chosen tail, and then the type choice."""

    source: int
    target: int | None = None
    types: list[RelationType] = field(default_factory=list)  # non-empty: choosing a type
    typed: str = ""  # digits typed to pick a numbered target
    numbers: dict[int, int] = field(default_factory=dict)  # shown number -> entity id
    retype_relation: int | None = None  # choosing a new type for an existing relation


def paint_arcs(
    painter: QPainter, layout: ArticleLayout, lines, focus_relation: int | None, symmetric: set[str]
) -> None:
    metrics = QFontMetricsF(layout.tag_font)
    painter.setFont(layout.tag_font)
    for line_index in lines:
        for piece in layout.arcs_by_line.get(line_index, ()):
            relation = layout.relations[piece.relation_id]
            focused = relation.id == focus_relation
            colour = FOCUS_ARC_COLOUR if focused else ARC_COLOUR
            painter.setPen(QPen(colour, 2.2 if focused else 1.1))
            y, foot = layout.arc_y(piece), layout.arc_foot_y(piece)
            painter.drawLine(QPointF(piece.left, y), QPointF(piece.right, y))
            if piece.head_x is not None:
                painter.drawLine(QPointF(piece.head_x, y), QPointF(piece.head_x, foot))
            if piece.tail_x is not None:
                painter.drawLine(QPointF(piece.tail_x, y), QPointF(piece.tail_x, foot - 1))
                if relation.type not in symmetric:
                    _arrowhead(painter, colour, QPointF(piece.tail_x, foot))
            if piece.labelled:
                name = layout.type_text(relation.type)
                width = metrics.horizontalAdvance(name) + 6
                box = QRectF(
                    (piece.left + piece.right - width) / 2,
                    y - metrics.height() / 2,
                    width,
                    metrics.height(),
                )
                painter.fillRect(box, QColor("white"))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)


def _arrowhead(painter: QPainter, colour: QColor, tip: QPointF) -> None:
    painter.save()
    painter.setBrush(colour)
    painter.drawPolygon(
        QPolygonF([tip, QPointF(tip.x() - 4, tip.y() - 7), QPointF(tip.x() + 4, tip.y() - 7)])
    )
    painter.restore()


def paint_link(
    painter: QPainter,
    layout: ArticleLayout,
    state: LinkState,
    visible_lines,
    viewport_rect: QRectF,
    offset: float,
) -> None:
    """Numbers on the entities in view (one each, side by side where entities share a
    span), the source and target outlined, the type list next to the target, and a line
    of the keys that work now (from actions.LINK_KEYS)."""
    metrics = QFontMetricsF(layout.tag_font)
    painter.setFont(layout.tag_font)
    for entity_id in (state.source, state.target):
        for segment in layout.segments_by_entity.get(entity_id, ()):
            painter.setPen(QPen(LINK_COLOUR, 3))
            painter.drawRect(layout.segment_rect(segment))
    _paint_numbers(painter, layout, state, visible_lines, metrics)  # over the outlines
    visible = QRectF(viewport_rect.left(), offset, viewport_rect.width(), viewport_rect.height())
    if state.types:
        _paint_types(painter, layout, state, visible, metrics)
    _paint_hint(painter, state, visible, metrics)


def _paint_numbers(painter, layout, state, visible_lines, metrics) -> None:
    state.numbers = {}
    count = 0
    seen: set[int] = set()
    badges: dict[tuple[int, int, int], float] = {}  # where a badge already is: its left
    for line_index in visible_lines:
        for segment in sorted(layout.segments_by_line.get(line_index, ()), key=lambda s: -s.right):
            if segment.entity_id in seen:
                continue
            seen.add(segment.entity_id)
            count += 1
            state.numbers[count] = segment.entity_id
            rect = layout.segment_rect(segment)
            shown = str(count)  # a key to type: written as on the keyboard
            width = metrics.horizontalAdvance(shown) + 6
            place = (line_index, round(segment.left), round(segment.right))  # one span
            left = min(rect.right() - 2, badges.get(place, rect.right() + width) - width - 1)
            badges[place] = left
            badge = QRectF(left, rect.bottom() - 4, width, metrics.height())
            painter.fillRect(badge, QColor("#333333"))
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, shown)


def type_box(layout: ArticleLayout, state: LinkState, visible: QRectF, metrics) -> QRectF:
    """Where the list of allowed types goes: just below the target entity, centred on it
    (above it when too near the bottom), inside the visible part of the article."""
    texts = [LinkingText.tr("Relation type:"), *_type_lines(state)]
    width = max(metrics.horizontalAdvance(text) for text in texts) + 16
    height = metrics.height() * (len(state.types) + 1) + 8
    segments = layout.segments_by_entity.get(state.target) or layout.segments_by_entity.get(
        state.source, ()
    )
    if segments:
        anchor = layout.segment_rect(segments[0])
    else:
        anchor = QRectF(visible.topRight(), visible.topRight())
    x = min(max(anchor.center().x() - width / 2, visible.left() + 4), visible.right() - width - 4)
    y = anchor.bottom() + metrics.height() + 2  # below the entities' number badges
    if y + height > visible.bottom() - metrics.height() - 8:
        y = anchor.top() - height - 6
    return QRectF(x, max(y, visible.top() + 4), width, height)


def _type_lines(state: LinkState) -> list[str]:
    """Each allowed type with its key (its hotkey, else its number) and shown name."""
    language = display_language()
    return [
        f"{t.hotkey or index}   {t.shown(language)}"  # keys as on the keyboard
        for index, t in enumerate(state.types, 1)
    ]


def _paint_types(painter, layout, state, visible: QRectF, metrics) -> None:
    box = type_box(layout, state, visible, metrics)
    painter.fillRect(box, QColor("#fffbe6"))
    painter.setPen(QPen(LINK_COLOUR, 1.5))
    painter.drawRect(box)
    painter.setPen(QColor("black"))
    painter.drawText(
        box.adjusted(8, 4, -8, 0),
        Qt.AlignmentFlag.AlignTop,
        LinkingText.tr("Relation type:") + "\n" + "\n".join(_type_lines(state)),
    )


def _paint_hint(painter, state, visible: QRectF, metrics) -> None:
    if state.types:
        hint = LinkingText.tr("Linking: a type's key or number: that type   ·   Escape: back")
    else:
        hints = "   ·   ".join(key.hint_text() for key in LINK_KEYS)
        hint = LinkingText.tr("Linking:  {keys}").format(keys=hints)
    height = metrics.height() + 6
    bar = QRectF(visible.left(), visible.bottom() - height, visible.width(), height)
    painter.fillRect(bar, QColor(40, 40, 40, 220))
    painter.setPen(QColor("white"))
    painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, hint)


def type_for_key(state: LinkState, text: str) -> RelationType | None:
    """A relation type chosen by its hotkey, or by its number in the list."""
    for index, relation_type in enumerate(state.types, 1):
        if text and (text == relation_type.hotkey or text == str(index)):
            return relation_type
    return None


def relation_order(relations: dict[int, Relation], entities) -> list[Relation]:
    """Relations in the reading order of their heads (then tails)."""

    def key(relation: Relation):
        head, tail = entities.get(relation.head_id), entities.get(relation.tail_id)
        return (head.start if head else 0, tail.start if tail else 0, relation.id)

    return sorted(relations.values(), key=key)
