from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from annotator.text.tokens import split_at_boundaries, token_starts, tokens_for, words_with_offsets
from annotator.text.words import word_edges


def test_a_word_is_split_where_an_entity_starts_or_ends_inside_it():
    text = "زار وفد بكردستان العراق"
    start = text.index("كردستان")
    assert [w.text for w in tokens_for(text, [start, start + 7])] == [
        "زار", "وفد", "ب", "كردستان", "العراق",
    ]  # fmt: skip


@given(st.lists(st.integers(0, 30), max_size=8))
def test_splitting_keeps_the_text_and_cuts_only_inside_words(cuts):
    text = "قال بوتين لبوتين بالعربية أمس"
    tokens = tokens_for(text, cuts)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == text.replace(" ", "")


@given(st.lists(st.integers(-2, 34), max_size=12))
def test_token_starts_are_the_starts_of_the_split_tokens(cuts):
    text = "قال بوتين، لبوتين (بالعربية) أمس"
    expected = [t.start for t in split_at_boundaries(words_with_offsets(text), cuts)]
    starts = token_starts(*word_edges(text), np.array(cuts, dtype=np.int64))
    assert starts.tolist() == expected


def test_no_words_no_tokens():
    assert token_starts(*word_edges("  \n "), np.array([0, 2])).tolist() == []
