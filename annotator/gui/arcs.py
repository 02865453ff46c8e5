"""Relation arcs above right-to-left text: where each runs, and at which height.

brat-style: an arc leaves its head entity upwards, runs level above the line and comes down
with an arrowhead on its tail entity. An arc between two lines is drawn as two pieces: on
the head's line towards the edge where reading continues (left in RTL when the tail comes
later), and on the tail's line from the opposite edge. Arcs that overlap on a line are
stacked at different heights so no arc hides another's label.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.model import Relation


@dataclass(slots=True)
class ArcPiece:
    relation_id: int
    line: int
    left: float
    right: float
    head_x: float | None  # where the arc leaves its head, if that end is on this piece
    tail_x: float | None  # where the arrowhead lands, if that end is on this piece
    labelled: bool  # the piece that carries the relation type's name
    level: int = 0


def anchor_of(segments_by_entity, entity_id: int) -> tuple[int, float] | None:
    """(line, x) where an arc attaches: the middle of the entity's first segment."""
    segments = segments_by_entity.get(entity_id)
    if not segments:
        return None
    first = segments[0]
    return first.line, (first.left + first.right) / 2


def arc_pieces(
    relations: list[Relation],
    segments_by_entity: dict,
    left_edge: float,
    right_edge: float,
    label_width,
) -> list[ArcPiece]:
    """The pieces of every drawable relation; `label_width(relation)` sizes its label."""
    pieces: list[ArcPiece] = []
    for relation in relations:
        head = anchor_of(segments_by_entity, relation.head_id)
        tail = anchor_of(segments_by_entity, relation.tail_id)
        if head is None or tail is None:
            continue
        (head_line, head_x), (tail_line, tail_x) = head, tail
        if head_line == tail_line:
            width = max(abs(head_x - tail_x), label_width(relation) + 8)
            middle = (head_x + tail_x) / 2
            left, right = (
                min(middle - width / 2, head_x, tail_x),
                max(middle + width / 2, head_x, tail_x),
            )
            pieces.append(ArcPiece(relation.id, head_line, left, right, head_x, tail_x, True))
        elif head_line < tail_line:  # the tail comes later: leave towards the left (RTL)
            pieces.append(ArcPiece(relation.id, head_line, left_edge, head_x, head_x, None, True))
            pieces.append(ArcPiece(relation.id, tail_line, tail_x, right_edge, None, tail_x, False))
        else:  # the tail came earlier: leave towards the right, arrive from the left
            pieces.append(ArcPiece(relation.id, head_line, head_x, right_edge, head_x, None, True))
            pieces.append(ArcPiece(relation.id, tail_line, left_edge, tail_x, None, tail_x, False))
    by_line: dict[int, list[ArcPiece]] = {}
    for piece in pieces:
        by_line.setdefault(piece.line, []).append(piece)
    for line_pieces in by_line.values():
        _stack(line_pieces)
    return pieces


def _stack(pieces: list[ArcPiece]) -> None:
    """Short arcs low, longer ones above; overlapping pieces never share a level."""
    placed: list[ArcPiece] = []
    for piece in sorted(pieces, key=lambda p: (p.right - p.left, p.left)):
        taken = {
            other.level
            for other in placed
            if other.left - 4 < piece.right and piece.left < other.right + 4
        }
        level = 0
        while level in taken:
            level += 1
        piece.level = level
        placed.append(piece)
