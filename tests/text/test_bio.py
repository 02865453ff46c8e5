from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.text.bio import bio_to_spans, spans_to_bio
from annotator.text.words import Word


def test_bio_to_spans():
    words = [Word(i * 2, i * 2 + 1, "w") for i in range(7)]
    labels = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "I-PERS"]
    assert bio_to_spans(words, labels) == [
        (0, 3, "PERS"),
        (6, 9, "LOC"),
        (10, 11, "ORG"),
        (12, 13, "PERS"),
    ]


def test_spans_to_bio_refuses_overlaps_and_edges_inside_words():
    words = [Word(0, 3, "abc"), Word(4, 7, "def")]
    with pytest.raises(ValueError, match="overlaps"):
        spans_to_bio(words, [(0, 7, "ORG"), (4, 7, "LOC")])
    with pytest.raises(ValueError, match="word edges"):
        spans_to_bio(words, [(1, 3, "ORG")])


@given(st.lists(st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]), max_size=12))
def test_tags_to_spans_and_back_is_the_identity_on_well_formed_tags(tags):
    words = [Word(i * 2, i * 2 + 1, "w") for i in range(len(tags))]
    spans = bio_to_spans(words, tags)
    # well-formed IOB2: an I- continuing another type starts a span, so write it as B-
    normal = spans_to_bio(words, spans)
    assert bio_to_spans(words, normal) == spans
