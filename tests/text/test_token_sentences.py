from __future__ import annotations

from typing import NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.text.token_sentences import standalone, token_sentences, without_edge_whitespace
from annotator.text.tokens import split_at_boundaries
from annotator.text.words import Word, words_with_offsets
from tests.formats.strategies import ALPHABET


class S(NamedTuple):
    start: int
    end: int


def _texts(sentences):
    return [[token.text for token in sentence] for sentence in sentences]


def test_sentences_break_after_sentence_punctuation_and_at_line_breaks():
    text = "زار الوفد عمّان. ثم عاد\nإلى بغداد"
    tokens = words_with_offsets(text)
    assert _texts(token_sentences(text, tokens, [])) == [
        ["زار", "الوفد", "عمّان", "."], ["ثم", "عاد"], ["إلى", "بغداد"],
    ]  # fmt: skip


def test_no_sentence_ends_inside_an_entity():
    text = "قال د. أحمد\nالعلي كلاما"
    tokens = words_with_offsets(text)
    name = S(text.index("د"), text.index("العلي") + 5)  # across "." and a line break
    assert _texts(token_sentences(text, tokens, [name])) == [
        ["قال", "د", ".", "أحمد", "العلي", "كلاما"]
    ]
    assert token_sentences("", [], []) == []


def test_edge_whitespace_is_trimmed_and_blank_spans_are_none():
    assert without_edge_whitespace(" عمّان\n", 0, 7) == (1, 6)
    assert without_edge_whitespace("a \n b", 1, 4) is None


def test_a_token_that_splits_when_it_stands_alone_is_split():
    # a flag then a skin-tone modifier is no emoji sequence: inside the word camel-tools
    # keeps the flag with the RLM before it, alone it splits them
    text = "\u200f\U0001f3f4\U0001f3fd\u2764"
    tokens = words_with_offsets(text)
    assert [t.text for t in tokens][0] == "\u200f\U0001f3f4"
    pieces = standalone(tokens)
    assert [t.text for t in pieces][:2] == ["\u200f", "\U0001f3f4"]
    assert all(text[t.start : t.end] == t.text for t in pieces)
    word = Word(0, 5, "كتاب1")
    assert standalone([word])[0] is word


def _rebuilt_reads_back(text, cuts):
    tokens = standalone(split_at_boundaries(words_with_offsets(text), cuts))
    rebuilt = " ".join(token.text for token in tokens)
    return [w.text for w in words_with_offsets(rebuilt)] == [t.text for t in tokens]


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, min_size=1, max_size=80), st.lists(st.integers(0, 80), max_size=8))
def test_the_text_rebuilt_from_tokens_gives_the_same_tokens(text, cuts):
    """Arabic with Latin, digits, emoji, harakat, tatweel and RLM marks (the strategy's
    alphabet), words split at arbitrary entity edges."""
    assert _rebuilt_reads_back(text, cuts)


EMOJI = st.sampled_from(
    list("ب1#*،")
    + ["\u200f", "\u200d", "\ufe0f", "\u20e3", "\u064e", " "]
    + ["\U0001f44d", "\U0001f3fd", "\U0001f1f8", "\U0001f1e6", "\U0001f3f4", "\u2764"]
    + ["\U000e0067", "\U000e007f", "\U0001f9d1", "\U0001f4bb"]
)


@settings(max_examples=300, deadline=None)
@given(st.text(EMOJI, min_size=1, max_size=30), st.lists(st.integers(0, 30), max_size=6))
def test_emoji_sequences_modifiers_and_keycaps_read_back_too(text, cuts):
    assert _rebuilt_reads_back(text, cuts)
