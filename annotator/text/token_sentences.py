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
from operator import attrgetter

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
    longer = "".join([token.text for token in tokens if len(token.text) > 1])
    if _NOT_PLAIN.search(longer) is None:
        return list(tokens)  # the usual case: every token is plain, found by one search
    result: list[Word] = []
    for token in tokens:
        result.extend(_whole_pieces(token))
    return result


# letters, digits, Arabic marks and the bidi marks: such a token is always read back whole
_PLAIN_CHARACTERS = r"\w\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u200e\u200f\u061c"
_PLAIN = re.compile(f"[{_PLAIN_CHARACTERS}]+")
_NOT_PLAIN = re.compile(f"[^{_PLAIN_CHARACTERS}]")


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
    starts = list(map(attrgetter("start"), tokens))
    ends = list(map(attrgetter("end"), tokens))
    breaks = _breaks(text, tokens, starts, ends) - _held_together(starts, ends, spans)
    sentences: list[list[Word]] = []
    first = 0
    for gap in sorted(breaks):
        sentences.append(list(tokens[first : gap + 1]))
        first = gap + 1
    sentences.append(list(tokens[first:]))
    return sentences


assert all(len(mark) == 1 for mark in SENTENCE_END)  # so one character class finds them
_BREAK = re.compile("[\n" + "".join(map(re.escape, sorted(SENTENCE_END))) + "]")


def _breaks(text: str, tokens: Sequence[Word], starts: list[int], ends: list[int]) -> set[int]:
    """The gaps (gap i is between token i and i + 1) after a token of SENTENCE_END or
    holding a line break: found from where those characters are in the text, not by
    looking at every token."""
    last = len(tokens) - 1
    gaps = set()
    for match in _BREAK.finditer(text):
        position = match.start()
        if match.group() == "\n":
            index = bisect_right(starts, position) - 1  # the token before it
            if 0 <= index < last and ends[index] <= position:
                gaps.add(index)
        else:
            index = bisect_left(starts, position)  # a token that is this mark alone
            if index < last and starts[index] == position and tokens[index].text in SENTENCE_END:
                gaps.add(index)
    return gaps


def _held_together(starts: list[int], ends: list[int], spans: Iterable[Extent]) -> set[int]:
    """The gaps between token i and i + 1 that a span covers (both tokens inside it)."""
    held: set[int] = set()
    for span in spans:
        first = bisect_left(starts, span.start)
        last = bisect_right(ends, span.end) - 1
        if first < last:
            held.update(range(first, last))
    return held
