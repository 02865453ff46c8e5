"""Words and sentences with exact code-point offsets, from camel-tools' word tokenizer."""

from __future__ import annotations

from dataclasses import dataclass

from camel_tools.tokenizers.word import simple_word_tokenize

SENTENCE_END = {".", "!", "?", "؟", "۔", "…"}


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


def words_with_offsets(text: str) -> list[Word]:
    """simple_word_tokenize's tokens, each mapped back onto `text`.

    Its tokens are substrings of the text in order (whitespace dropped, punctuation split
    off), so each is found at or after the previous one; the assertion guards that.
    """
    words = []
    position = 0
    for token in simple_word_tokenize(text):
        start = text.find(token, position)
        assert start >= 0, f"token {token!r} not found in the text after {position}"
        end = start + len(token)
        words.append(Word(start, end, token))
        position = end
    return words


def sentences(text: str, max_words: int = 120) -> list[list[Word]]:
    """Split into sentences: at sentence punctuation and line breaks, and every
    `max_words` words at most so a long run-on paragraph still fits a model's window."""
    result: list[list[Word]] = []
    line_start = 0
    for line in text.split("\n"):
        current: list[Word] = []
        for word in words_with_offsets(line):
            current.append(Word(word.start + line_start, word.end + line_start, word.text))
            if word.text in SENTENCE_END or len(current) >= max_words:
                result.append(current)
                current = []
        if current:
            result.append(current)
        line_start += len(line) + 1
    return result
