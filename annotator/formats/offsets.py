"""Offsets between code points (the project's unit) and UTF-16 code units (what a
JavaScript string's `length` and indices count), for any format that needs them.

Python indexes a `str` by code point; JavaScript by UTF-16 unit. They agree until a
character outside the Basic Multilingual Plane (an emoji, U+20000 and up) comes before the
offset: each such character is one code point but two UTF-16 units (a surrogate pair).
Label Studio's current editor stores code points, its versions before 2022 stored UTF-16
units (see `annotator.formats.labelstudio`); doccano and UIMA tools count UTF-16 units.
"""

from __future__ import annotations

import re
from bisect import bisect_left


class Utf16Offsets:
    """Conversions for one text; constant time when it has no non-BMP character.

    `to_utf16(i)` turns a code-point offset into UTF-16 units; `to_code_points(u)` the
    reverse, or None when `u` falls between the two halves of a surrogate pair or outside
    the text (so a reader can refuse it, naming where)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # code-point offsets of the characters that take two UTF-16 units ...
        self._wide = [match.start() for match in _WIDE.finditer(text)]
        # ... and the UTF-16 offsets where each of them starts
        self._wide_utf16 = [index + before for before, index in enumerate(self._wide)]
        self.utf16_length = len(text) + len(self._wide)

    def to_utf16(self, offset: int) -> int:
        """Code-point offset (0..len(text)) -> UTF-16 units."""
        if not self._wide:
            return offset
        return offset + bisect_left(self._wide, offset)

    def to_code_points(self, units: int) -> int | None:
        """UTF-16 offset -> code-point offset; None inside a surrogate pair or out of range."""
        if not 0 <= units <= self.utf16_length:
            return None
        if not self._wide:
            return units
        before = bisect_left(self._wide_utf16, units)
        if before and self._wide_utf16[before - 1] == units - 1:
            return None  # between the high and the low half of one character
        return units - before


def utf16_length(text: str) -> int:
    """How many UTF-16 units `text` takes (JavaScript's `text.length`)."""
    return len(text) + len(_WIDE.findall(text))


# a character outside the Basic Multilingual Plane, found by the regex engine rather than
# a Python step per character (a 4,000-character article took 0.3 ms that way)
_WIDE = re.compile("[\U00010000-\U0010ffff]")
