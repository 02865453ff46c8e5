from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.text.tokens import tokens_for


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
