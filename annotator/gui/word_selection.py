"""Words of the open document for selecting with the mouse and the keyboard.

Positions are code points. Stepping by words skips punctuation tokens, so extending a
selection takes the next word, not `،`; the character keys can still reach punctuation.
The words are camel-tools' tokens (`annotator.text.words`), found on first need: its
tokenizer costs ~0.7 s to import, never before the first paint.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.text.words import Word


def _is_word(token: str) -> bool:
    """A token with a letter or a digit: word steps skip punctuation (، . «»)."""
    return any(char.isalnum() for char in token)


class WordSelection:
    """Word boundaries of one text: snapping, stepping and growing selections by words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: list[Word] | None = None
        self._starts: list[int] = []

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            from annotator.text.words import words_with_offsets

            self._words = words_with_offsets(self.text)
            self._starts = [word.start for word in self._words]
        return self._words

    def index_at(self, character: int) -> int | None:
        """Index of the word containing `character`, if any."""
        words = self.words
        index = bisect_right(self._starts, character) - 1
        if index >= 0 and words[index].start <= character < words[index].end:
            return index
        return None

    def snap(self, first: int, last: int) -> tuple[int, int]:
        """Characters first..last (inclusive, any order) grown to whole words; spaces at
        either end are left out."""
        low, high = min(first, last), max(first, last)
        text = self.text
        while low <= high and text[low].isspace():
            low += 1
        while high >= low and text[high].isspace():
            high -= 1
        if low > high:
            return low, low
        start_word, end_word = self.index_at(low), self.index_at(high)
        start = self.words[start_word].start if start_word is not None else low
        end = self.words[end_word].end if end_word is not None else high + 1
        return start, end

    def after(self, position: int) -> int | None:
        """Index of the first word (not punctuation) starting at or after `position`."""
        words = self.words
        index = bisect_right(self._starts, position - 1)
        while index < len(words) and not _is_word(words[index].text):
            index += 1
        return index if index < len(words) else None

    def before(self, position: int) -> int | None:
        """Index of the last word (not punctuation) ending at or before `position`."""
        words = self.words
        index = bisect_right(self._starts, position) - 1
        while index >= 0 and (words[index].end > position or not _is_word(words[index].text)):
            index -= 1
        return index if index >= 0 else None

    def step(self, anchor: int, step: int) -> tuple[int, int] | None:
        """The next (step 1) or previous (-1) word from `anchor`, as a span."""
        index = self.after(anchor) if step > 0 else self.before(anchor)
        if index is None:
            return None
        word = self.words[index]
        return word.start, word.end

    def extended(self, start: int, end: int, step: int) -> tuple[int, int] | None:
        """The selection grown by the next word (1), or with its last word given back (-1)."""
        if step > 0:
            index = self.after(end)
            return None if index is None else (start, self.words[index].end)
        index = self.before(end - 1)
        if index is not None and self.words[index].end > start:
            return start, self.words[index].end
        return None

    def boundary_moves(
        self, start: int, end: int, start_step: int, end_step: int
    ) -> tuple[int, int]:
        """A span's ends moved by whole words (grow: start -1 / end +1; shrink: reverse)."""
        if start_step < 0:
            index = self.before(start)
            start = self.words[index].start if index is not None else start
        elif start_step > 0:
            index = self.after(start + 1)
            if index is not None and self.words[index].start < end:
                start = self.words[index].start
        if end_step > 0:
            index = self.after(end)
            end = self.words[index].end if index is not None else end
        elif end_step < 0:
            index = self.before(end - 1)
            if index is not None and self.words[index].end > start:
                end = self.words[index].end
        return start, end

    def without_proclitic(self, start: int, end: int) -> tuple[int, int] | None:
        """`بالرئيس` -> `الرئيس` -> `رئيس` -> `بالرئيس`: the selection's first word with
        one more proclitic left out, cycling back to the whole word."""
        index = self.index_at(start)
        word = self.words[index] if index is not None else None
        if word is None:
            word = next((w for w in self.words if w.start < start < w.end), None)
        if word is None:
            return None
        from annotator.text.arabic import normalise_with_positions, proclitic_readings

        letters, positions = normalise_with_positions(word.text)
        starts = sorted(
            {
                word.start + positions[skipped] if skipped < len(positions) else word.end
                for skipped, _ in proclitic_readings(letters)
            }
            | {word.start}
        )
        starts = [s for s in starts if s < min(end, word.end)]
        following = [s for s in starts if s > start]
        return (following[0] if following else word.start), end
