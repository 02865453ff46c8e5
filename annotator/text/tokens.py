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
from typing import TYPE_CHECKING

from annotator.text.words import Word, word_edges, words_with_offsets

if TYPE_CHECKING:  # numpy is imported when first needed: the CLI starts without it
    import numpy as np

__all__ = [
    "Word",
    "split_at_boundaries",
    "token_starts",
    "tokens_for",
    "word_edges",
    "words_with_offsets",
]


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


def token_starts(
    word_starts: np.ndarray, word_ends: np.ndarray, boundaries: np.ndarray
) -> np.ndarray:
    """The starts of `split_at_boundaries(words, boundaries)`, from the words' starts and
    ends as arrays (`annotator.text.words.word_edges`, sorted, not overlapping) and the
    boundaries as an int array in any order, duplicates allowed; code points throughout.

    A boundary strictly inside a word starts a token there; any other boundary changes
    nothing, exactly as in `split_at_boundaries`. Returns a sorted int64 array.
    """
    import numpy as np

    if len(word_starts) == 0:
        return np.zeros(0, dtype=np.int64)
    cuts = np.sort(np.asarray(boundaries, dtype=np.int64))  # sorted keys search faster
    word = np.searchsorted(word_starts, cuts, side="right") - 1  # the last word from before
    safe = np.maximum(word, 0)
    inside = (word >= 0) & (word_starts[safe] < cuts) & (cuts < word_ends[safe])
    marked = np.zeros(int(word_ends[-1]), dtype=bool)  # a mask, not a sort
    marked[word_starts] = True
    marked[cuts[inside]] = True
    return np.flatnonzero(marked).astype(np.int64)


def tokens_for(text: str, boundaries: Iterable[int]) -> list[Word]:
    """`split_at_boundaries(words_with_offsets(text), boundaries)`: the tokens of a text."""
    return split_at_boundaries(words_with_offsets(text), boundaries)


def _piece(word: Word, start: int, end: int) -> Word:
    return Word(start, end, word.text[start - word.start : end - word.start])
