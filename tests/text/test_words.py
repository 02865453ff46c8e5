from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.text.words import _whitespace_table, sentences, word_edges, words_with_offsets


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت وزارة الخارجية، أن بيونغ يانغ مستعدة.",
        "بَيَانًا مِنْ وِزَارَةِ الخَارِجِيَّةِ",  # diacritics
        "الرئيـــس بوتيـن",  # tatweel
        "بوتين\u200f قال\u200c إن \u200f موسكو",  # zero-width and bidi marks
        "UN Security Council قرار 2231 و ٢٠٢٣ (2023) — 75%",  # Latin, digits, punctuation
        "emoji 😀 قبل بوتين 👍🏽 بعد",  # non-BMP
        "  سطر\n\nسطر   ثان\t!  ",
    ],
)
def test_every_word_maps_back_to_its_exact_code_points(text):
    words = words_with_offsets(text)
    assert words, text
    previous_end = 0
    for word in words:
        assert text[word.start : word.end] == word.text
        assert word.start >= previous_end
        previous_end = word.end
    # nothing but whitespace is left between words
    covered = set()
    for word in words:
        covered.update(range(word.start, word.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_sentences_split_at_punctuation_and_lines_and_keep_offsets():
    text = "قال لافروف. ثم غادر\nإلى موسكو؟ نعم"
    parts = sentences(text)
    assert [[w.text for w in s] for s in parts] == [
        ["قال", "لافروف", "."],
        ["ثم", "غادر"],
        ["إلى", "موسكو", "؟"],
        ["نعم"],
    ]
    for sentence in parts:
        for word in sentence:
            assert text[word.start : word.end] == word.text


def test_long_runs_are_cut_so_no_word_is_lost():
    text = " ".join(["كلمة"] * 1000)
    parts = sentences(text, max_words=120)
    assert sum(len(s) for s in parts) == 1000
    assert max(len(s) for s in parts) == 120


ALPHABET = (
    list("ابتثجحخدسشعغفقكلمنهوي")
    + list("abcXYZ0129٠١٢")
    + list(" \n\t.،,؟!:;()«»\"'-_/")
    + [
        "\u064e",
        "\u0640",
        "\u200f",
        "\u200d",
        "\ufe0f",
        "\u20e3",
        "😀",
        "👍",
        "🏽",
        "🇸",
        "🇾",
        "\U00020000",
        "#",
        "*",
        "$",
        "%",
        "٪",
        "…",
        "—",
    ]
)


@settings(max_examples=400)
@given(st.text(st.sampled_from(ALPHABET), max_size=80))
def test_the_tokens_are_exactly_camel_tools_simple_word_tokenize(text):
    from camel_tools.tokenizers.word import simple_word_tokenize

    words = words_with_offsets(text)
    assert [w.text for w in words] == simple_word_tokenize(text)
    assert all(text[w.start : w.end] == w.text for w in words)


SPACES = ["\u00a0", "\u2009", "\u3000", "\x1c", "\x85", "\r"]  # whitespace beyond " \n\t"


@settings(max_examples=400)
@given(st.lists(st.text(st.sampled_from(ALPHABET + SPACES), max_size=40), min_size=1, max_size=4))
def test_word_edges_are_the_words_even_for_texts_laid_end_to_end(texts):
    """word_edges gives words_with_offsets' starts and ends, and on texts joined with a
    line break the words of each text, shifted (how the agreement statistics use it)."""
    for text in texts:
        starts, ends = word_edges(text)
        words = words_with_offsets(text)
        assert starts.tolist() == [w.start for w in words]
        assert ends.tolist() == [w.end for w in words]
    joined, expected, base = "", [], 0
    for text in texts:
        joined += text + "\n"
        expected += [(w.start + base, w.end + base) for w in words_with_offsets(text)]
        base += len(text) + 1
    starts, ends = word_edges(joined)
    assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == expected


def test_the_whitespace_table_knows_every_whitespace_character():
    table = _whitespace_table()
    found = [c for c in range(0x110000) if chr(c).isspace()]
    assert found == [c for c in range(len(table) - 1) if table[c]]
    assert not table[-1]
