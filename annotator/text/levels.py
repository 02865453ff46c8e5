"""Nesting levels: the layered counterpart of `annotator.text.spans.outermost`.

A layered export (CoNLL with one IOB2 tag column per nesting level, as the Wojood corpus
writes it) keeps every entity, each on a level where it shares no position with another.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from annotator.text.spans import Extent

__all__ = ["levels"]

T = TypeVar("T", bound=Extent)


def levels(spans: Iterable[T]) -> list[list[T]]:
    """Nesting levels: each span on the first level where it overlaps no span, so one
    IOB2 tag column per level can hold them all (Wojood's nested layout).

    `spans`: half-open extents in one unit, in any order; identical objects are placed
    twice, so pass unique spans. Taken by start, longer first (then in `spans`' order):
    an enclosing span is on a lower level than the spans inside it, and spans that cross
    get levels of their own. First-fit by start uses as few levels as the most spans
    over one position (interval partitioning). Returns the levels, level 1 first, each in
    reading order; [] for no spans. Raises nothing.
    """
    placed: list[list[T]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.start - s.end)):  # stable
        for level in placed:
            if level[-1].end <= span.start:
                level.append(span)
                break
        else:
            placed.append([span])
    return placed
