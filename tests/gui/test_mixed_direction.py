"""Latin words and digits inside Arabic lines: every box covers exactly its characters
(defect D9), measured against the glyphs Qt itself draws (QTextLine.glyphRuns)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from annotator.gui.article_layout import MARGIN
from tests.gui.conftest import drag, stored

TEXT = "أعلنت شركة Apple في دبي أن Tim Cook سيزور المدينة عام 2024."


def glyph_extents(layout, start, end):
    """Left and right of each visually contiguous piece of [start, end), from Qt's glyphs."""
    line = layout.qt_line(0)
    shift = MARGIN - line.x()
    boxes = []
    for position in range(start, end):
        for run in line.glyphRuns(position, 1):
            rect = run.boundingRect()
            if rect.width() > 0.5:
                boxes.append((rect.left() + shift, rect.right() + shift))
    pieces = []
    for left, right in sorted(boxes):
        if pieces and left <= pieces[-1][1] + 1.0:
            pieces[-1][1] = max(pieces[-1][1], right)
        else:
            pieces.append([left, right])
    return sorted(pieces)


@pytest.mark.parametrize(
    "phrase", ["Tim", "Cook", "Tim Cook", "Apple", "2024", "عام 2024", "Cook سيزور", "Apple في"]
)
def test_each_span_is_boxed_over_exactly_its_glyphs(make_window, phrase):
    start = TEXT.index(phrase)
    window, _, _ = make_window(TEXT, [(start, start + len(phrase), "ORG")])
    layout = window.view.layout_
    rects = sorted((r.left(), r.right()) for r in layout.span_rects(start, start + len(phrase)))
    expected = glyph_extents(layout, start, start + len(phrase))
    assert len(rects) == len(expected), (rects, expected)
    for (left, right), (e_left, e_right) in zip(rects, expected, strict=True):
        assert abs(left - e_left) < 1.0 and abs(right - e_right) < 1.0


def test_selecting_tim_and_labelling_it_stores_and_draws_exactly_tim(make_window, qtbot):
    window, path, _ = make_window(TEXT)
    view = window.view
    start = TEXT.index("Tim")
    [tim] = view.content_rect_of(start, start + 3)
    middle = tim.center().y()
    drag(view, QPointF(tim.right() - 1, middle), QPointF(tim.left() + 1, middle))
    assert view.selection == (start, start + 3)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored(path, 'SELECT start, "end", label FROM entities') == [(start, start + 3, "PERS")]
    [segment] = view.layout_.segments_by_entity[next(iter(window.session.entities))]
    [(left, right)] = glyph_extents(view.layout_, start, start + 3)
    assert abs(segment.left - left) < 1.0 and abs(segment.right - right) < 1.0
    # a click on "Cook" selects Cook, not a piece of Tim
    cook = TEXT.index("Cook")
    [rect] = view.content_rect_of(cook, cook + 4)
    drag(view, rect.center(), rect.center())
    assert view.selection == (cook, cook + 4)
