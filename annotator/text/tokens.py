"""Tokens for token-level statistics and exports: camel-tools' words, split at entity boundaries.

Offsets are code points into the document's text (Python string indices). A token is a
`Word(start, end, text)` with `text == document_text[start:end]`.

Shared by the CoNLL format and the agreement statistics, so both count the same tokens.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import attrgetter

from annotator.text.words import Word, words_with_offsets

__all__ = ["Word", "split_at_boundaries", "tokens_for", "words_with_offsets"]


def split_at_boundaries(words: Sequence[Word], boundaries: Iterable[int]) -> list[Word]:
    """Split each word at every boundary that falls strictly inside it.

    `words`: tokens in text order that do not overlap (as `words_with_offsets` returns
    them). `boundaries`: code-point offsets, typically the start and end of every entity of
    every annotator of the document, in any order, duplicates allowed. A boundary at a
    word's start or end, or between words (in whitespace), changes nothing; a word is never
    merged. So an entity on `كردستان` inside the word `بكردستان` splits it into `ب` +
    `كردستان`, and afterwards every entity covers whole tokens only.

    Returns a new list; words that are not split are the same objects as in `words`, split
    pieces are new `Word`s whose text is the matching slice of the word's text.
    Raises nothing for offsets outside the words: they split nothing.
    """
    starts = list(map(attrgetter("start"), words))
    inside: dict[int, list[int]] = defaultdict(list)
    for cut in sorted(set(boundaries)):  # a cut at a word's edge or between words: nothing
        index = bisect_right(starts, cut) - 1
        if index >= 0 and words[index].start < cut < words[index].end:
            inside[index].append(cut)
    if not inside:
        return list(words)
    tokens: list[Word] = []
    done = 0
    for index, cuts in inside.items():  # in word order: cuts were sorted
        tokens.extend(words[done:index])
        word = words[index]
        edges = [word.start, *cuts, word.end]
        tokens.extend(_piece(word, a, b) for a, b in zip(edges, edges[1:], strict=False))
        done = index + 1
    tokens.extend(words[done:])
    return tokens


def tokens_for(text: str, boundaries: Iterable[int]) -> list[Word]:
    """`split_at_boundaries(words_with_offsets(text), boundaries)`: the tokens of a text."""
    return split_at_boundaries(words_with_offsets(text), boundaries)


def _piece(word: Word, start: int, end: int) -> Word:
    return Word(start, end, word.text[start - word.start : end - word.start])
