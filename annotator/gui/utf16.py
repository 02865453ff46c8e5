"""The one place where code points (the model) meet UTF-16 units (Qt).

Qt positions count UTF-16 code units; Python indices count code points. They agree until a
non-BMP character (an emoji, a rare CJK ideograph) comes before the position.
"""

from __future__ import annotations

from bisect import bisect_right


class Utf16Map:
    """Conversions for one string; O(1) when it has no non-BMP character."""

    def __init__(self, text: str) -> None:
        self.text = text
        # code-point indices of the characters that take two UTF-16 units
        self._wide = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]
        self._wide_qt = [index + count for count, index in enumerate(self._wide)]

    def to_qt(self, index: int) -> int:
        """Code-point index -> UTF-16 index."""
        if not self._wide:
            return index
        return index + bisect_right(self._wide, index - 1)

    def from_qt(self, position: int) -> int:
        """UTF-16 index -> code-point index (a position inside a pair maps to its start)."""
        if not self._wide:
            return position
        before = bisect_right(self._wide_qt, position - 1)
        if before and self._wide_qt[before - 1] == position - 1:
            return position - before  # the low half of a pair: the character's start
        return position - before
