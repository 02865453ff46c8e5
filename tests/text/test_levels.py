from __future__ import annotations

from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from annotator.text.levels import levels


class S(NamedTuple):
    start: int
    end: int
    label: str = "X"


def test_an_enclosing_span_is_on_a_lower_level_than_those_inside_it():
    committee, secretary, city = S(0, 40, "OCC"), S(8, 30, "ORG"), S(35, 40, "GPE")
    assert levels([city, secretary, committee]) == [[committee], [secretary, city]]


def test_crossing_spans_and_one_extent_with_two_labels_get_levels_of_their_own():
    assert levels([S(0, 5), S(3, 8)]) == [[S(0, 5)], [S(3, 8)]]
    assert levels([S(2, 6, "PERS"), S(2, 6, "ORG")]) == [[S(2, 6, "PERS")], [S(2, 6, "ORG")]]
    assert levels([]) == []


extents = st.lists(
    st.tuples(st.integers(0, 20), st.integers(1, 8)).map(lambda t: S(t[0], t[0] + t[1])),
    max_size=12,
)


@given(extents)
def test_every_span_is_placed_once_on_a_level_without_overlaps_and_levels_are_few(spans):
    placed = levels(spans)
    assert sorted(s for level in placed for s in level) == sorted(spans)
    for level in placed:
        assert all(a.end <= b.start for a, b in zip(level, level[1:], strict=False))
    deepest = max((sum(s.start <= x < s.end for s in spans) for x in range(30)), default=0)
    assert len(placed) == deepest
