"""Choosing among spans that nest or overlap: the one rule every flat export shares.

A flat layer (spaCy's `doc.ents`, one CoNLL tag column) holds no two spans that share a
character, so when entities nest or cross one has to be chosen. The rule is that of
spaCy's `filter_spans` (https://spacy.io/api/top-level#util.filter_spans): longest first,
then earliest, each kept unless it overlaps one already kept.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Protocol, TypeVar

__all__ = ["Extent", "outermost"]


class Extent(Protocol):
    """Anything with a half-open `[start, end)` extent, start < end (an ExportEntity, a
    Word, a NamedTuple of one's own)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Extent)


def outermost(spans: Iterable[T]) -> list[T]:
    """The outermost spans that do not overlap, in reading order (by start).

    `spans`: half-open `[start, end)` extents in one unit (code points for entities; any
    unit works if all spans use the same one), in any order, duplicates allowed. Taken
    longest first, then earliest; a span is kept unless it shares a position with one
    already kept. So a span nested in a longer one is dropped, of two crossing spans the
    longer (or, equally long, the earlier) is kept, and of identical spans (one extent, two
    labels) the first in `spans`' order. Returns the kept objects themselves; raises
    nothing.
    """
    starts: list[int] = []  # of the kept spans, sorted: they never overlap
    kept: list[T] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):  # stable
        index = bisect_right(starts, span.start)
        if index and kept[index - 1].end > span.start:
            continue  # the kept span starting at or before it reaches into it
        if index < len(kept) and kept[index].start < span.end:
            continue  # it reaches into the kept span after it
        starts.insert(index, span.start)
        kept.insert(index, span)
    return kept
