"""Entity boxes lie exactly over the glyphs Qt draws, in right-to-left text."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE


@pytest.fixture
def sample_window(make_window):
    text = SAMPLE.read_text(encoding="utf-8")
    window, path, _ = make_window(text)
    return window, text


def test_a_whole_line_span_covers_exactly_the_drawn_line(sample_window):
    window, text = sample_window
    layout = window.view.layout_
    for index in range(min(8, len(layout.lines))):
        line = layout.lines[index]
        drawn = layout.qt_line(index).naturalTextRect()
        # a wrapped line ends with the space it broke at; Qt's text rect leaves it out
        end = line.start + len(text[line.start : line.end].rstrip())
        [rect] = layout.span_rects(line.start, end)
        assert abs(rect.left() - drawn.left()) < 1.5
        assert abs(rect.right() - drawn.right()) < 1.5


def test_the_first_word_of_an_rtl_line_is_at_its_right_edge(sample_window):
    window, text = sample_window
    layout = window.view.layout_
    first_word_end = text.index(" ")
    [rect] = layout.span_rects(0, first_word_end)
    drawn = layout.qt_line(0).naturalTextRect()
    assert abs(rect.right() - drawn.right()) < 1.5
    assert rect.width() < drawn.width() / 4
    # the character under a point inside that word is one of its characters
    assert 0 <= layout.character_at(rect.center()) < first_word_end
