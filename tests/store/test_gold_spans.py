"""The containment index that keeps candidates out of accepted names (defect C8): it must
answer exactly as comparing with every accepted span did."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.store.suggestions import _GoldSpans

spans = st.lists(
    st.tuples(st.sampled_from(["PERS", "LOC"]), st.integers(0, 40), st.integers(1, 15)).map(
        lambda t: (t[0], t[1], t[1] + t[2])
    ),
    max_size=25,
)


@given(spans, st.sampled_from(["PERS", "LOC", "ORG"]), st.integers(0, 50), st.integers(1, 12))
def test_contains_agrees_with_comparing_every_span(gold, label, start, length):
    end = start + length
    expected = any(lab == label and s <= start and end <= e for lab, s, e in gold)
    assert _GoldSpans(gold).contains(label, start, end) is expected
