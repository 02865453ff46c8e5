"""Painting the annotators' tracks under the article's lines in curation, and the outline
of the disagreement being decided."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from annotator.gui.article_layout import MARGIN, ArticleLayout, Track
from annotator.gui.panels import readable

#: annotators' colours, in the order of their names: distinct from the default label
#: colours and readable on white (matplotlib's tab10 tail, darkened where needed)
ANNOTATOR_COLOURS = ("#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#ff7f0e")
OUTLINE_PEN = QPen(QColor("#e6550d"), 2, Qt.PenStyle.DashLine)
TRACK_RULE = QColor("#e4e4e4")


def initials(name: str) -> str:
    """Up to two letters for a name: the first letters of its first two words, or its
    first two letters ("amal" -> "AM", "Huda Saleh" -> "HS", "أمل" -> "أم")."""
    words = [word for word in name.replace("_", " ").replace(".", " ").split() if word]
    if len(words) >= 2:
        letters = words[0][0] + words[1][0]
    else:
        letters = (words[0] if words else name)[:2]
    return letters.upper()


def tracks_for(names: Iterable[str], spans_of) -> list[Track]:
    """One Track per annotator, coloured in order; `spans_of(name)`: their spans."""
    return [
        Track(
            name,
            initials(name),
            ANNOTATOR_COLOURS[number % len(ANNOTATOR_COLOURS)],
            tuple(sorted(spans_of(name))),
        )  # fmt: skip
        for number, name in enumerate(names)
    ]


def paint_tracks(painter: QPainter, layout: ArticleLayout, lines: Iterable[int]) -> None:
    """Each visible line's tracks: a faint rule per track, the annotator's initials in the
    right margin (where the line starts), and their spans as bars with the label inside."""
    if not layout.tracks:
        return
    metrics = QFontMetricsF(layout.tag_font)
    painter.setFont(layout.tag_font)
    colours = [QColor(track.colour) for track in layout.tracks]
    fills = [QColor(colour.red(), colour.green(), colour.blue(), 55) for colour in colours]
    texts = [readable(colour) for colour in colours]
    for line_index in lines:
        line = layout.lines[line_index]
        for number, top in enumerate(line.track_tops):
            painter.setPen(TRACK_RULE)
            painter.drawLine(int(MARGIN), int(top), int(layout.width - MARGIN), int(top))
            painter.setPen(texts[number])
            badge = QRectF(layout.width - MARGIN + 1, top, MARGIN - 2, layout.track_height)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, layout.tracks[number].initials)
        for piece in layout.track_segments_by_line.get(line_index, ()):
            rect = layout.track_rect(piece)
            painter.fillRect(rect, fills[piece.track])
            painter.setPen(colours[piece.track])
            painter.drawRect(rect)
            if piece.first:  # the whole label, wider than a short span if need be (MIT)
                painter.setPen(texts[piece.track])
                width = max(rect.width(), metrics.horizontalAdvance(piece.label) + 4)
                label = QRectF(rect.center().x() - width / 2, rect.top(), width, rect.height())
                painter.drawText(label, Qt.AlignmentFlag.AlignCenter, piece.label)


def paint_outline(
    painter: QPainter, layout: ArticleLayout, spans: Iterable[tuple[int, int]]
) -> None:
    """A dashed outline round each span's text and the tracks under it."""
    painter.setPen(OUTLINE_PEN)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for start, end in spans:
        for rect in layout.region_rects(start, end):
            painter.drawRect(rect)
