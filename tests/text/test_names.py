"""One definition of a name word and of where a span may start and end (defects B3, B4)."""

from __future__ import annotations

import pytest

from annotator.text.names import is_function_word, is_name_word, name_span


@pytest.mark.parametrize(
    "word", ["👍🏽", "🇸🇾", "٢٠٢٤", "2024", "،", "@", "\u200f", "سامي😀", "x", "ـ"]
)
def test_symbols_emoji_digits_marks_are_not_name_words(word):
    assert not is_name_word(word)


@pytest.mark.parametrize("word", ["سامي", "بوتين", "مُحَمَّد", "Cook", "\u200fوزارة"])
def test_letters_with_their_marks_are_name_words(word):
    assert is_name_word(word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("👍🏽 سامي", "سامي"),
        ("\u200fمجلس النواب\u200f", "مجلس النواب"),
        ("\u200eبوتين\u061c", "بوتين"),
        ("«موسكو»،", "موسكو"),
        ("٢٠٢٤ عمّان", "عمّان"),
        ("مُحَمَّدٌ", "مُحَمَّدٌ"),  # marks on the last letter stay
    ],
)
def test_a_span_starts_and_ends_on_letters(text, expected):
    start, end = name_span(text, 0, len(text))
    assert text[start:end] == expected


def test_an_emoji_inside_leaves_no_span():
    text = "وزارة 🇸🇾 الخارجية"
    assert name_span(text, 0, len(text)) is None
    assert name_span("٢٠٢٤", 0, 4) is None


def test_function_words_are_compared_as_written():
    assert is_function_word("على") and is_function_word("عَلى") and is_function_word("في")
    assert not is_function_word("علي") and not is_function_word("بوتين")
