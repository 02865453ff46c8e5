"""Words and sentences with exact code-point offsets, from camel-tools' word tokenizer.

`words_with_offsets` gives exactly the tokens of camel-tools' `simple_word_tokenize`
(camel_tools.tokenizers.word, v1.6), with their offsets: the same algorithm, on the same
symbol pattern and character sets (imported from camel-tools), but it lets the `regex`
engine find the next symbol instead of trying the pattern at every character. camel-tools
splits the text on whitespace and, within each piece, cuts off every match of its symbol
pattern that is a punctuation mark, a symbol or an emoji (sequence) of its character sets;
where a match is not in those sets it moves on by one character. `search` from the next
character finds the same next match as trying each position in turn (the leftmost match
at the first position where one exists), so the tokens are the same; a test compares the
two on random text.
"""

from __future__ import annotations

import re
from functools import cache, partial
from itertools import accumulate, compress
from typing import TYPE_CHECKING, NamedTuple

from camel_tools.tokenizers.word import _SYMBOLS_ALL, _SYMBOLS_RE

if TYPE_CHECKING:  # numpy is imported when first needed: the CLI starts without it
    import numpy as np

SENTENCE_END = {".", "!", "?", "؟", "۔", "…"}


class Word(NamedTuple):
    """A token: code points [start, end) of the text, and its characters."""

    start: int
    end: int
    text: str


_WHITESPACE = re.compile(r"(\s+)")  # the complement of the tokens' `\S+` pieces


def _symbols(text: str) -> list[tuple[int, int]]:
    """Where camel-tools cuts off a symbol: its pattern's matches that are in its sets,
    found left to right (a match that is not moves the search on by one character).
    The pattern never matches whitespace, so searching the whole text finds what
    searching each whitespace-separated piece would."""
    found, position = [], 0
    search = _SYMBOLS_RE.search
    while (match := search(text, position)) is not None:
        if match.group() in _SYMBOLS_ALL:
            found.append(match.span())
            position = match.end()
        else:
            position = match.start() + 1
    return found


def words_with_offsets(text: str) -> list[Word]:
    """The tokens of camel-tools' simple_word_tokenize(text), with their code-point
    offsets [start, end) on `text` (whitespace is never part of a token).

    A token is a symbol (see `_symbols`) or a run of other non-whitespace characters
    between whitespace and symbols: the symbols cut the text into stretches, and each
    stretch's whitespace-separated pieces are its other tokens."""
    words: list[Word] = []
    position = 0
    for cut, after in _symbols(text):
        if position < cut:
            _add_pieces(text, position, cut, words)
        words.append(Word(cut, after, text[cut:after]))
        position = after
    if position < len(text):
        _add_pieces(text, position, len(text), words)
    return words


def word_edges(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The starts and the ends of `words_with_offsets(text)`, as two int64 arrays of code
    points, without making a `Word` per token (several times faster on long texts).

    The same tokens by construction: inside each whitespace-separated piece, camel-tools'
    tokens are the intervals between the piece's start and end and every start and end of
    a symbol in it (`_symbols`), so the tokens are the intervals between consecutive edges
    of the union of those points that start on a non-whitespace character. Whitespace is
    Python's (`str.isspace`, what `re`'s `\\s` matches). Texts laid end to end with a
    whitespace character between them give the tokens of each, shifted.
    """
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = _whitespace_table()
    solid = ~table[np.minimum(codes, len(table) - 1)]
    piece_edges = np.flatnonzero(np.diff(solid.astype(np.int8), prepend=0, append=0))
    symbols = np.array(_symbols(text), dtype=np.int64).reshape(-1)
    marked = np.zeros(len(text) + 1, dtype=bool)  # a mask, not a sort: linear in the text
    marked[piece_edges] = True
    marked[symbols] = True
    edges = np.flatnonzero(marked)
    opens = np.flatnonzero(edges < len(text))
    opens = opens[solid[edges[opens]]]
    return edges[opens], edges[opens + 1]


@cache
def _whitespace_table() -> np.ndarray:
    """`table[c]` is True when code point c is whitespace (`chr(c).isspace()`), for c up to
    U+3000, the last whitespace character Unicode has; the final entry stands for every
    code point above it and is False (tests/text/test_words.py checks the whole range)."""
    import numpy as np

    return np.array([chr(c).isspace() for c in range(_LAST_WHITESPACE + 1)] + [False])


_LAST_WHITESPACE = 0x3000


_new_word = partial(tuple.__new__, Word)  # Word(*values) without a Python-level call


def _add_pieces(text: str, start: int, end: int, words: list[Word]) -> None:
    """Append the whitespace-separated pieces of text[start:end] as Words.

    One regex split and C-level maps instead of a Python step per token (most of a
    news text's tokens are such pieces): the split alternates pieces and whitespace,
    the running sum of their lengths gives each one's offsets, and the empty pieces
    at the edges are dropped."""
    parts = _WHITESPACE.split(text[start:end])
    bounds = list(accumulate(map(len, parts), initial=start))
    pieces = parts[0::2]
    found = map(_new_word, zip(bounds[0::2], bounds[1::2], pieces, strict=True))
    words.extend(compress(found, pieces))


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
