"""Tokens and sentences for token formats (CoNLL): what a text becomes when it is written
as one token per line, so that the text rebuilt from those tokens gives them back.

Offsets are code points into the document's text; a token is a `Word(start, end, text)`
with `text == document_text[start:end]`. The tokens are camel-tools' words
(`annotator.text.words`), split at entity edges (`annotator.text.tokens`), then split
further where a piece would not read back whole (`standalone`). Sentences follow
`annotator.text.words.sentences` (a break after sentence punctuation and at line breaks),
except that no sentence ends inside an entity, and with no cap on their length.

A reader rebuilds a text from such tokens by joining them with single spaces and the
sentences with newlines; tokenizing that text again gives the same tokens and the same
sentences, which is what makes a CoNLL export -> import -> export identical.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from camel_tools.tokenizers.word import simple_word_tokenize

from annotator.text.spans import Extent
from annotator.text.words import SENTENCE_END, Word

__all__ = ["standalone", "token_sentences", "without_edge_whitespace"]


def without_edge_whitespace(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`[start, end)` without the whitespace (`str.isspace`) at its edges, or None if it
    holds only whitespace.

    camel-tools' tokens cover every character that is not whitespace, so this is exactly
    the extent of the whole tokens inside the span once words are split at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def standalone(tokens: Sequence[Word]) -> list[Word]:
    """Each token split until camel-tools' tokenizer gives every piece back whole when
    the piece stands alone between spaces.

    Needed because `simple_word_tokenize` looks ahead when it matches emoji sequences:
    inside a word, a pictograph followed by a modifier or ZWJ that does not make a known
    sequence (`"\\u200f🏴🏽"`) stays with the characters before it, while the same token
    alone splits (`"\\u200f"`, `"🏴"`). Arabic letters, harakat, tatweel, digits, Latin,
    RLM/LRM marks and single emoji never need it. Returns a new list (unsplit tokens are
    the same objects); raises nothing.
    """
    result: list[Word] = []
    for token in tokens:
        result.extend(_whole_pieces(token))
    return result


# letters, digits, Arabic marks and the bidi marks: such a token is always read back whole
_PLAIN = re.compile(r"[\w\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u200e\u200f\u061c]+")


def _whole_pieces(token: Word) -> list[Word]:
    if len(token.text) == 1 or _PLAIN.fullmatch(token.text):
        return [token]
    parts = simple_word_tokenize(token.text)
    if parts == [token.text]:
        return [token]
    assert "".join(parts) == token.text, f"the tokenizer lost characters of {token.text!r}"
    pieces: list[Word] = []
    start = token.start
    for part in parts:
        pieces.extend(_whole_pieces(Word(start, start + len(part), part)))
        start += len(part)
    return pieces


def token_sentences(text: str, tokens: Sequence[Word], spans: Iterable[Extent]) -> list[list[Word]]:
    """The tokens grouped into sentences: a break after a token of
    `annotator.text.words.SENTENCE_END` and where the text between two tokens holds a
    line break, but never between two tokens that one of `spans` covers (an entity's
    tags cannot cross a sentence).

    `tokens`: in text order, not overlapping; `spans`: extents whose edges are token
    edges (split the words at them first). Returns [] for no tokens."""
    if not tokens:
        return []
    held = _held_together(tokens, spans)
    sentences: list[list[Word]] = []
    current: list[Word] = []
    for index, token in enumerate(tokens[:-1]):
        current.append(token)
        after = tokens[index + 1]
        ends = token.text in SENTENCE_END or "\n" in text[token.end : after.start]
        if ends and not held[index]:
            sentences.append(current)
            current = []
    current.append(tokens[-1])
    sentences.append(current)
    return sentences


def _held_together(tokens: Sequence[Word], spans: Iterable[Extent]) -> list[bool]:
    """For each gap between token i and i + 1: True if a span covers both."""
    starts = [token.start for token in tokens]
    ends = [token.end for token in tokens]
    depth = [0] * (len(tokens) + 1)
    for span in spans:
        first = bisect_left(starts, span.start)
        last = bisect_right(ends, span.end) - 1
        if first < last:
            depth[first] += 1
            depth[last] -= 1
    held, running = [], 0
    for change in depth[:-1]:
        running += change
        held.append(running > 0)
    return held
