from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.text.spans import outermost


class S(NamedTuple):
    start: int
    end: int
    label: str = "X"


def test_nested_spans_give_way_to_the_outermost():
    ministry, country = S(0, 30, "ORG"), S(15, 30, "LOC")
    assert outermost([country, ministry]) == [ministry]


def test_of_crossing_spans_the_longer_then_the_earlier_is_kept():
    assert outermost([S(0, 5), S(3, 10)]) == [S(3, 10)]
    assert outermost([S(3, 8), S(0, 5)]) == [S(0, 5)]


def test_of_identical_extents_the_first_given_is_kept():
    assert outermost([S(2, 6, "PERS"), S(2, 6, "ORG")]) == [S(2, 6, "PERS")]


def test_touching_spans_do_not_overlap_and_come_back_in_reading_order():
    spans = [S(5, 9), S(0, 5), S(9, 10), S(12, 14)]
    assert outermost(spans) == [S(0, 5), S(5, 9), S(9, 10), S(12, 14)]
    assert outermost([]) == []


extents = st.lists(
    st.tuples(st.integers(0, 20), st.integers(1, 8)).map(lambda t: S(t[0], t[0] + t[1])),
    max_size=12,
)


@given(extents)
def test_the_kept_spans_never_overlap_and_each_dropped_one_lost_to_a_kept_one(spans):
    kept = outermost(spans)
    assert all(a.end <= b.start for a, b in zip(kept, kept[1:], strict=False))
    for span in spans:
        if span in kept:
            continue
        winners = [k for k in kept if k.start < span.end and span.start < k.end]
        assert any(
            (k.end - k.start, -k.start) >= (span.end - span.start, -span.start) for k in winners
        )


@pytest.fixture(scope="module")
def doc():
    spacy = pytest.importorskip("spacy")  # a dev dependency, optional for users
    return spacy.blank("en")(" ".join("x" * 30))  # 30 tokens of one letter


@settings(deadline=None)
@given(spans=extents)
def test_the_rule_is_spacy_filter_spans(doc, spans):
    from spacy.util import filter_spans

    as_tokens = [doc[s.start : s.end] for s in spans]
    expected = [(s.start, s.end) for s in filter_spans(as_tokens)]
    assert [(s.start, s.end) for s in outermost(spans)] == expected
