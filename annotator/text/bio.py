"""IOB2 (BIO) tags <-> spans over words with code-point offsets.

The scheme of CoNLL-2003 as revised by Tjong Kim Sang & Veenstra (1999, "IOB2"): `B-TYPE`
begins an entity, `I-TYPE` continues it, `O` is outside. Used by the NER suggesters and by
the CoNLL format, so both read tags the same way.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from annotator.text.words import Word


def bio_to_spans(words: Sequence[Word], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Tags, one per word, to (start, end, type) spans in code points.

    An `I-` tag with no entity of its type open (after `O` or another type) starts a new
    span, as conlleval does. Raises ValueError when the lengths differ.
    """
    if len(words) != len(tags):
        raise ValueError(f"{len(tags)} tags for {len(words)} words")
    spans: list[tuple[int, int, str]] = []
    current: list[Any] | None = None
    for word, tag in zip(words, tags, strict=True):
        if tag == "O" or len(tag) < 3 or tag[1] != "-":
            current = None
            continue
        prefix, kind = tag[0], tag[2:]
        if prefix == "I" and current is not None and current[2] == kind:
            current[1] = word.end
            spans[-1] = (current[0], current[1], kind)
            continue
        current = [word.start, word.end, kind]
        spans.append((word.start, word.end, kind))
    return spans


def spans_to_bio(words: Sequence[Word], spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """One tag per word for non-overlapping spans whose edges fall on word edges.

    `words`: in text order, not overlapping (as `annotator.text.words` gives them).
    A word inside a span gets `B-`/`I-` of its type; words between spans get `O`.
    Raises ValueError naming the span when two spans share a word or a span's edge falls
    inside a word (split the words at span edges first: `annotator.text.tokens`).
    """
    tags = ["O"] * len(words)
    if not spans:
        return tags
    # the words' starts and ends, sorted since the words are in order: a span's first
    # and last word are found by bisection (a document has hundreds of words for a few
    # dozen spans)
    starts = list(map(attrgetter("start"), words))
    ends = list(map(attrgetter("end"), words))
    for start, end, kind in sorted(spans):
        first, last = bisect_left(starts, start), bisect_left(ends, end)
        if first == len(words) or starts[first] != start or last == len(words) or ends[last] != end:
            raise ValueError(f"span {start}-{end} {kind} does not start and end on word edges")
        inside = tags[first : last + 1]
        if inside.count("O") != len(inside):
            raise ValueError(f"span {start}-{end} {kind} overlaps another span")
        tags[first] = f"B-{kind}"
        tags[first + 1 : last + 1] = [f"I-{kind}"] * (last - first)
    return tags
