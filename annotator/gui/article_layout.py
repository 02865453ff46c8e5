"""Geometry of the article: right-to-left lines with room above each for entity tags.

Paragraphs are laid out with QTextLayout (exact glyph positions, bidi handled by Qt); each
line gets a gap above it tall enough for the tags of the entities on it. Entity segments,
hit-testing and selection rectangles all come from here, in code points: UTF-16 stays
inside Utf16Map. In curation, each line also gets one thin track per annotator below it,
with that annotator's spans at the same x as the text they cover.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextLine, QTextOption

from annotator.gui.arcs import ArcPiece, arc_pieces
from annotator.gui.utf16 import Utf16Map
from annotator.model import Entity, Relation

MARGIN = 24.0
LINE_PADDING = 4.0


@dataclass(slots=True)
class Line:
    paragraph: int
    index_in_paragraph: int
    start: int  # code points in the document
    end: int
    top: float = 0.0  # top of the gap above the text: arcs, then tags
    text_top: float = 0.0
    bottom: float = 0.0
    rows: int = 0  # tag rows
    arc_rows: int = 0
    text_bottom: float = 0.0  # the text's box ends here; the annotators' tracks follow
    track_tops: list[float] = field(default_factory=list)  # one per track


class Track(NamedTuple):
    """One annotator's layer drawn under the lines: name, initials, colour (a Qt colour
    name) and spans as (start, end, label) in code points."""

    name: str
    initials: str
    colour: str
    spans: tuple[tuple[int, int, str], ...]


@dataclass(slots=True)
class TrackSegment:
    """A piece of a track's span on one line; `level` stacks nested spans in the track."""

    track: int
    line: int
    left: float
    right: float
    label: str
    level: int = 0
    first: bool = True


@dataclass(slots=True)
class Segment:
    entity_id: int
    line: int
    left: float
    right: float
    level: int = 0
    first: bool = True  # the entity's first segment carries its tag


@dataclass(slots=True)
class _Paragraph:
    start: int
    text: str
    layout: QTextLayout
    utf16: Utf16Map
    lines: list[int] = field(default_factory=list)


class ArticleLayout:
    def __init__(self, text: str, font: QFont, tag_font: QFont) -> None:
        self.text = text
        self.font = font
        self.tag_font = tag_font
        self.tag_height = QFontMetricsF(tag_font).height() + 2
        self.line_height = QFontMetricsF(font).height()
        self.width = 0.0
        self.height = 0.0
        self.lines: list[Line] = []
        self._line_tops: list[float] = []
        self._line_starts: list[int] = []
        self.segments_by_line: dict[int, list[Segment]] = {}
        self.entities: dict[int, Entity] = {}
        self.relations: dict[int, Relation] = {}
        self.arc_pieces: list[ArcPiece] = []
        self.arcs_by_line: dict[int, list[ArcPiece]] = {}
        self.segments_by_entity: dict[int, list[Segment]] = {}
        self._boundary_x: dict[tuple[int, int], float] = {}
        self._paragraphs: list[_Paragraph] = []
        self.tracks: list[Track] = []
        # relation type id -> the name written on its arcs (the interface's display name)
        self.type_names: dict[str, str] = {}
        self.track_height = self.tag_height
        self.track_segments_by_line: dict[int, list[TrackSegment]] = {}
        self._track_rows: dict[tuple[int, int], int] = {}  # (line, track) -> rows
        start = 0
        for paragraph_text in text.split("\n"):
            layout = QTextLayout(paragraph_text, font)
            option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.setCacheEnabled(True)
            self._paragraphs.append(
                _Paragraph(start, paragraph_text, layout, Utf16Map(paragraph_text))
            )
            start += len(paragraph_text) + 1

    # --- layout ------------------------------------------------------------------------
    def set_width(self, width: float) -> None:
        if abs(width - self.width) < 0.5 and self.lines:
            return
        self.width = width
        self.lines = []
        self._boundary_x = {}  # glyph positions depend on the line breaks only
        line_width = max(50.0, width - 2 * MARGIN)
        for paragraph_index, paragraph in enumerate(self._paragraphs):
            layout = paragraph.layout
            paragraph.lines = []
            layout.beginLayout()
            while True:
                qt_line = layout.createLine()
                if not qt_line.isValid():
                    break
                qt_line.setLineWidth(line_width)
                start = paragraph.start + paragraph.utf16.from_qt(qt_line.textStart())
                end = paragraph.start + paragraph.utf16.from_qt(
                    qt_line.textStart() + qt_line.textLength()
                )
                paragraph.lines.append(len(self.lines))
                self.lines.append(Line(paragraph_index, qt_line.lineNumber(), start, end))
            layout.endLayout()
        self._line_starts = [line.start for line in self.lines]
        self._place_tracks()
        self.set_entities(list(self.entities.values()), list(self.relations.values()))

    def set_tracks(self, tracks: list[Track]) -> None:
        """Show these annotators' tracks under every line (none: no tracks)."""
        self.tracks = list(tracks)
        if self.lines:
            self._place_tracks()
            self._position_lines()

    def _place_tracks(self) -> None:
        self.track_segments_by_line = {}
        self._track_rows = {}
        for number, track in enumerate(self.tracks):
            by_line: dict[int, list[TrackSegment]] = {}
            for start, end, label in sorted(track.spans, key=lambda s: (s[0], -s[1])):
                first = True
                for line_index in self._lines_of(start, end):
                    for left, right in self._x_ranges(line_index, start, end):
                        piece = TrackSegment(number, line_index, left, right, label, first=first)
                        first = False
                        by_line.setdefault(line_index, []).append(piece)
            for line_index, pieces in by_line.items():
                _assign_levels(pieces)
                self._track_rows[(line_index, number)] = 1 + max(p.level for p in pieces)
                self.track_segments_by_line.setdefault(line_index, []).extend(pieces)

    def set_entities(self, entities: list[Entity], relations: list[Relation] | None = None) -> None:
        """Place the entities' segments and the relations' arcs, stack what overlaps, then
        position the lines so each has room for its arcs and tags."""
        self.entities = {entity.id: entity for entity in entities}
        if relations is not None:
            self.relations = {relation.id: relation for relation in relations}
        self.segments_by_line = {}
        self.segments_by_entity = {}
        for entity in sorted(entities, key=lambda e: (e.start, -e.end)):
            self._place_entity(entity)
        for segments in self.segments_by_line.values():
            _assign_levels(segments)
        self._place_arcs()
        self._position_lines()

    def change_entities(
        self, removed: list[int], added: list[Entity], relations: list[Relation]
    ) -> None:
        """A few entities went (`removed`, ids) or came (`added`; one that moved is in
        both): only their lines are stacked again, and the lines are positioned again
        from the first of them on, stopping where nothing moves any more."""
        lines: set[int] = set()
        for entity_id in removed:
            for segment in self.segments_by_entity.pop(entity_id, ()):
                lines.add(segment.line)
                self.segments_by_line[segment.line].remove(segment)
            self.entities.pop(entity_id, None)
        for entity in added:
            self.entities[entity.id] = entity
            lines.update(self._place_entity(entity))
        for line_index in lines:
            _assign_levels(self.segments_by_line.get(line_index, []))
        arcs_before = [(a.relation_id, a.line, a.level) for a in self.arc_pieces]
        self.relations = {relation.id: relation for relation in relations}
        self._place_arcs()
        if arcs_before != [(a.relation_id, a.line, a.level) for a in self.arc_pieces]:
            self._position_lines()  # arcs may have moved on any line
        elif lines:
            self._position_lines(min(lines), max(lines))

    def _place_entity(self, entity: Entity) -> set[int]:
        """Add an entity's segments (levels not assigned); returns the lines it is on."""
        first = True
        lines = set()
        for line_index in self._lines_of(entity.start, entity.end):
            for left, right in self._x_ranges(line_index, entity.start, entity.end):
                segment = Segment(entity.id, line_index, left, right, first=first)
                first = False
                self.segments_by_line.setdefault(line_index, []).append(segment)
                self.segments_by_entity.setdefault(entity.id, []).append(segment)
                lines.add(line_index)
        return lines

    def set_relations(self, relations: list[Relation]) -> None:
        """New arcs over the same entities: the segments stay, the lines move."""
        self.relations = {relation.id: relation for relation in relations}
        if self.lines:
            self._place_arcs()
            self._position_lines()

    def type_text(self, type_name: str) -> str:
        """A relation type as written on its arc: its display name (`type_names`)."""
        return self.type_names.get(type_name, type_name)

    def _place_arcs(self) -> None:
        metrics = QFontMetricsF(self.tag_font)
        self.arc_pieces = arc_pieces(
            list(self.relations.values()),
            self.segments_by_entity,
            MARGIN,
            max(MARGIN, self.width - MARGIN),
            lambda relation: metrics.horizontalAdvance(self.type_text(relation.type)),
        )
        self.arcs_by_line = {}
        for piece in self.arc_pieces:
            self.arcs_by_line.setdefault(piece.line, []).append(piece)

    def _position_lines(self, first: int = 0, last_changed: int | None = None) -> None:
        """Give each line from `first` on its place: room for its arcs and tags above the
        text, its tracks below. With `last_changed`, lines after it whose rows are as
        they were and whose top does not move are left, with all that follow."""
        y = MARGIN if first == 0 else self.lines[first].top
        tops = self._line_tops[:first]
        for index in range(first, len(self.lines)):
            line = self.lines[index]
            segments = self.segments_by_line.get(index, ())
            rows = 1 + max((s.level for s in segments), default=-1)
            arc_rows = 1 + max((a.level for a in self.arcs_by_line.get(index, ())), default=-1)
            if (
                last_changed is not None
                and index > last_changed
                and abs(line.top - y) < 1e-6
                and (rows, arc_rows) == (line.rows, line.arc_rows)
            ):
                self._line_tops = tops + self._line_tops[index:]
                return
            line.rows, line.arc_rows = rows, arc_rows
            y = self._place_line(index, line, y)
            tops.append(line.top)
        self._line_tops = tops
        self.height = y + MARGIN

    def _place_line(self, index: int, line: Line, y: float) -> float:
        """Put one line (rows known) at `y`; returns where the next line starts."""
        line.top = y
        line.text_top = y + (line.arc_rows + line.rows) * self.tag_height + LINE_PADDING
        paragraph = self._paragraphs[line.paragraph]
        qt_line = paragraph.layout.lineAt(line.index_in_paragraph)
        qt_line.setPosition(QPointF(MARGIN, line.text_top))
        line.text_bottom = line.text_top + qt_line.height() + LINE_PADDING
        line.bottom = line.text_bottom
        line.track_tops = []
        for number in range(len(self.tracks)):
            line.track_tops.append(line.bottom)
            line.bottom += self._track_rows.get((index, number), 1) * self.track_height + 1
        y = line.bottom
        if line.index_in_paragraph == len(paragraph.lines) - 1:
            y += self.line_height * 0.35  # paragraph spacing
        return y

    # --- queries -----------------------------------------------------------------------
    def qt_line(self, line_index: int):
        line = self.lines[line_index]
        return self._paragraphs[line.paragraph].layout.lineAt(line.index_in_paragraph)

    def visible_lines(self, top: float, bottom: float) -> range:
        first = max(0, bisect_right(self._line_tops, top) - 1)
        last = bisect_right(self._line_tops, bottom)
        return range(first, min(last, len(self.lines)))

    def line_at_y(self, y: float) -> int | None:
        if not self.lines:
            return None
        index = max(0, bisect_right(self._line_tops, y) - 1)
        return index if y <= self.lines[index].bottom + self.line_height else None

    def lines_of(self, start: int, end: int) -> range:
        """The lines a span [start, end) is drawn on."""
        return self._lines_of(start, end)

    def _lines_of(self, start: int, end: int) -> range:
        first = max(0, bisect_right(self._line_starts, start) - 1)
        last = max(first, bisect_right(self._line_starts, max(start, end - 1)) - 1)
        return range(first, last + 1)

    def _extents(self, line_index: int) -> list[tuple[float, float]]:
        """(left, right) of every character of the line, in order (code points)."""
        line = self.lines[line_index]
        return [self._extent(line_index, position) for position in range(line.start, line.end)]

    def _extent(self, line_index: int, position: int) -> tuple[float, float]:
        """Left and right x of the character at `position`, cached until the next relayout.

        From the character's leading and trailing edges (QTextLine.cursorToX). For the
        first character of a run whose direction differs from its neighbour's (T of `Tim`
        after Arabic, the first digit of a year) Qt gives both edges at the run boundary;
        there the glyphs Qt drew for that character (QTextLine.glyphRuns) say where it is.
        """
        key = (line_index, position)
        extent = self._boundary_x.get(key)
        if extent is None:
            paragraph = self._paragraphs[self.lines[line_index].paragraph]
            qt_line = self.qt_line(line_index)
            # cursorToX counts from the layout's origin, so it moves with setPosition; the
            # margin is added here so the cache holds whether or not lines were placed yet
            index = paragraph.utf16.to_qt(position - paragraph.start)
            shift = MARGIN - qt_line.x()
            leading = qt_line.cursorToX(index, QTextLine.Edge.Leading)[0]
            trailing = qt_line.cursorToX(index, QTextLine.Edge.Trailing)[0]
            if abs(leading - trailing) < 0.01:
                width = paragraph.utf16.to_qt(position - paragraph.start + 1) - index
                boxes = [run.boundingRect() for run in qt_line.glyphRuns(index, width)]
                if boxes and max(b.right() for b in boxes) - min(b.left() for b in boxes) > 0.5:
                    leading = min(b.left() for b in boxes)
                    trailing = max(b.right() for b in boxes)
            extent = (min(leading, trailing) + shift, max(leading, trailing) + shift)
            self._boundary_x[key] = extent
        return extent

    def _x_ranges(self, line_index: int, start: int, end: int) -> list[tuple[float, float]]:
        """The boxes of the characters [start, end) on one line: one per piece that is
        contiguous on screen, the first holding the span's first character. A span that
        crosses from Arabic into a Latin run (or out of one) can be in two places at once;
        a Latin word or a number inside Arabic is one box over exactly its glyphs."""
        line = self.lines[line_index]
        start, end = max(start, line.start), min(end, line.end)
        if end <= start:
            left, _ = self._extent(line_index, min(start, line.end - 1))
            return [(left, left)]
        extents = [self._extent(line_index, position) for position in range(start, end)]
        pieces: list[list[float]] = []
        for left, right in sorted(extents):
            if pieces and left <= pieces[-1][1] + 1.0:
                pieces[-1][1] = max(pieces[-1][1], right)
            else:
                pieces.append([left, right])
        first = extents[0]
        pieces.sort(key=lambda p: not (p[0] <= first[0] and first[1] <= p[1]))
        return [(left, right) for left, right in pieces]

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        if not self.lines:
            return []
        rects = []
        for line_index in self._lines_of(start, end):
            line = self.lines[line_index]
            for left, right in self._x_ranges(line_index, start, end):
                rects.append(
                    QRectF(left, line.text_top - 1, right - left, line.text_bottom - line.text_top)
                )
        return rects

    def segment_rect(self, segment: Segment) -> QRectF:
        line = self.lines[segment.line]
        inset = min(segment.level * 3.0, (line.text_bottom - line.text_top) / 3)
        return QRectF(
            segment.left - 2,
            line.text_top - 2 + inset,
            segment.right - segment.left + 4,
            line.text_bottom - line.text_top - 2 * inset,
        )

    def track_rect(self, piece: TrackSegment) -> QRectF:
        """Where a track's span piece is drawn: in its track's band under the line,
        stacked by level (nested spans one row lower)."""
        line = self.lines[piece.line]
        top = line.track_tops[piece.track] + piece.level * self.track_height
        return QRectF(piece.left - 1, top + 1, piece.right - piece.left + 2, self.track_height - 2)

    def region_rects(self, start: int, end: int) -> list[QRectF]:
        """The text [start, end) with every track under it, per line piece: what the
        current disagreement's outline goes round."""
        rects = []
        for line_index in self._lines_of(start, end):
            line = self.lines[line_index]
            for left, right in self._x_ranges(line_index, start, end):
                rects.append(QRectF(left - 3, line.text_top - 3, right - left + 6,
                                    line.bottom - line.text_top + 4))  # fmt: skip
        return rects

    def tag_rect(self, segment: Segment, label_width: float) -> QRectF:
        line = self.lines[segment.line]
        row = line.arc_rows + line.rows - 1 - segment.level
        return QRectF(
            segment.right - label_width,
            line.top + row * self.tag_height,
            label_width,
            self.tag_height - 2,
        )

    # --- arcs --------------------------------------------------------------------------
    def arc_y(self, piece: ArcPiece) -> float:
        """Height of a piece's level: the lowest level sits just above the tags."""
        line = self.lines[piece.line]
        return line.top + (line.arc_rows - 1 - piece.level + 0.5) * self.tag_height

    def arc_foot_y(self, piece: ArcPiece) -> float:
        """Where an arc's legs end: the top of the line's tag rows."""
        line = self.lines[piece.line]
        return line.top + line.arc_rows * self.tag_height

    def arc_endpoints(self, relation_id: int) -> tuple[QPointF, QPointF] | None:
        """Where the arc leaves its head and where its arrowhead lands."""
        start = end = None
        for piece in self.arc_pieces:
            if piece.relation_id != relation_id:
                continue
            if piece.head_x is not None:
                start = QPointF(piece.head_x, self.arc_foot_y(piece))
            if piece.tail_x is not None:
                end = QPointF(piece.tail_x, self.arc_foot_y(piece))
        return (start, end) if start is not None and end is not None else None

    def arc_at(self, point: QPointF) -> int | None:
        """The relation whose arc (its level line or its legs) passes near the point."""
        line_index = self.line_at_y(point.y())
        if line_index is None:
            return None
        for piece in self.arcs_by_line.get(line_index, ()):
            y = self.arc_y(piece)
            if piece.left - 3 <= point.x() <= piece.right + 3 and abs(point.y() - y) <= 6:
                return piece.relation_id
            foot = self.arc_foot_y(piece)
            for x in (piece.head_x, piece.tail_x):
                if x is not None and abs(point.x() - x) <= 4 and y - 2 <= point.y() <= foot + 2:
                    return piece.relation_id
        return None

    def character_at(self, point: QPointF) -> int | None:
        """The character whose glyph is under the point (code points), or None.

        Decided from glyph extents, not from QTextLine.xToCursor, which in RTL is biased by
        about half a glyph and would select one character off.
        """
        line_index = self.line_at_y(point.y())
        if line_index is None:
            return None
        line = self.lines[line_index]
        best, best_distance = None, float("inf")
        for offset, (left, right) in enumerate(self._extents(line_index)):
            if left <= point.x() <= right:
                return line.start + offset
            distance = min(abs(point.x() - left), abs(point.x() - right))
            if distance < best_distance:
                best, best_distance = line.start + offset, distance
        return best

    def characters_between(self, first: QPointF, second: QPointF) -> tuple[int, int] | None:
        """The logical extent of every character drawn between two points of one line.

        In a line that mixes directions (Arabic with Latin, digits or markup) the visual
        ends of a drag are not the logical ends of what it covers; this is.
        """
        line_index = self.line_at_y(first.y())
        if line_index is None or line_index != self.line_at_y(second.y()):
            return None
        line = self.lines[line_index]
        low, high = sorted((first.x(), second.x()))
        inside = [
            line.start + offset
            for offset, (left, right) in enumerate(self._extents(line_index))
            if low <= (left + right) / 2 <= high
        ]
        return (min(inside), max(inside)) if inside else None

    def entity_at(self, point: QPointF) -> int | None:
        """The innermost entity under the point (its box or its tag)."""
        line_index = self.line_at_y(point.y())
        if line_index is None:
            return None
        hits = []
        for segment in self.segments_by_line.get(line_index, ()):
            if self.segment_rect(segment).contains(point):
                hits.append(segment)
        if not hits:
            return None
        return max(hits, key=lambda s: (s.level, -(s.right - s.left))).entity_id

    def line_rect(self, line_index: int) -> QRectF:
        line = self.lines[line_index]
        return QRectF(0, line.top, self.width, line.bottom - line.top)


def _assign_levels(segments: list[Segment]) -> None:
    """Outer (wider) segments at level 0, overlapping ones stacked above."""
    placed: list[Segment] = []
    for segment in sorted(segments, key=lambda s: -(s.right - s.left)):
        level = 0
        taken = {p.level for p in placed if p.left < segment.right and segment.left < p.right}
        while level in taken:
            level += 1
        segment.level = level
        placed.append(segment)
