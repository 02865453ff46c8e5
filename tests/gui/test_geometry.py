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


def test_arcs_start_over_their_head_and_end_over_their_tail_in_rtl(make_window):
    """Same line and across lines: the arc leaves the head span and its arrowhead lands
    on the tail span, whatever the direction of reading."""
    from annotator.store import Project  # noqa: F401 - the window's project is used

    text = SAMPLE.read_text(encoding="utf-8")
    window, path, document_id = make_window(text)
    project = window.project

    def entity(phrase, label, occurrence=0):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        return project.add_entity(document_id, start, start + len(phrase), label)

    ministry = entity("وزارة الخارجية الكورية الشمالية", "ORG")
    pyongyang = entity("بيونغ يانغ", "LOC")
    putin = entity("فلاديمير بوتين", "PERS")
    korea_later = entity("كوريا الشمالية", "LOC", 3)
    same_line = project.add_relation(ministry.id, pyongyang.id, "located_in")
    forward = project.add_relation(putin.id, korea_later.id, "affiliated_with")
    backward = project.add_relation(korea_later.id, pyongyang.id, "part_of")
    window.session.reload()
    layout = window.view.layout_
    for relation, head, tail in (
        (same_line, ministry, pyongyang),
        (forward, putin, korea_later),
        (backward, korea_later, pyongyang),
    ):
        start, end = layout.arc_endpoints(relation.id)
        head_rects = layout.span_rects(head.start, head.end)
        tail_rects = layout.span_rects(tail.start, tail.end)
        assert head_rects[0].left() <= start.x() <= head_rects[0].right()
        assert tail_rects[0].left() <= end.x() <= tail_rects[0].right()
        # above the text of the lines they belong to
        assert start.y() < head_rects[0].top() and end.y() < tail_rects[0].top()
    # in RTL the ministry (read first) is to the right of Pyongyang
    start, end = layout.arc_endpoints(same_line.id)
    assert start.x() > end.x()
