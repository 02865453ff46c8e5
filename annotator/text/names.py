"""What a name is made of: the one definition every suggester shares.

A *name word* is made of letters (and the marks that ride on them: harakat, tatweel); a
span may start and end only on a letter. Symbols, emoji (one code point or several: skin
tones, flags, joiners), digits of any script, punctuation and invisible marks (bidi marks
U+200E U+200F U+061C, zero-width joiners and spaces, BOM) are never at a span's edge, and a
proposed name holds no emoji. Letters are Unicode's general category L*, marks M*
(unicodedata, from the Unicode Character Database).

*Function words* are the frequent Arabic words that are never names (على، في، من …):
the Arabic list of the Stopwords ISO collection (`stopwordsiso`, MIT; Diaz 2016-2020,
https://github.com/stopwords-iso), compared on the written form without diacritics, so
`علي` (a name) is not `على` (a preposition) even though they normalise alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),  # pictographs, emoticons, transport, flags' regional indicators
    (0x2600, 0x27BF),  # miscellaneous symbols and dingbats
    (0xFE00, 0xFE0F),  # variation selectors
    (0x1F3FB, 0x1F3FF),  # skin tone modifiers
    (0xE0020, 0xE007F),  # tag characters (subdivision flags)
)
TATWEEL = "\u0640"
# bidi marks (LRM, RLM, ALM), zero-width space, non-joiner, joiner, BOM
_INVISIBLE = "\u200e\u200f\u061c\u200b\u200c\u200d\ufeff"


def is_letter(char: str) -> bool:
    """A letter of any script (general category L*), tatweel excluded."""
    return char != TATWEEL and unicodedata.category(char).startswith("L")


_EMOJI = re.compile(
    "[\u200d" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _EMOJI_RANGES) + "]"
)


def is_emoji(char: str) -> bool:
    """Part of an emoji: a pictograph, a modifier, a variation selector, a ZWJ, a tag."""
    return _EMOJI.match(char) is not None


def is_name_word(word: str) -> bool:
    """Letters and marks only (tatweel allowed inside), at least two letters: no digit,
    symbol, emoji or punctuation anywhere. Invisible marks (bidi, zero-width) at the word's
    edges are not part of it (a span never starts or ends on them)."""
    letters = 0
    for char in word.strip(_INVISIBLE):
        category = unicodedata.category(char)
        if category.startswith("L") and char != TATWEEL:
            letters += 1
        elif not (category.startswith("M") or char == TATWEEL):
            return False
    return letters >= 2


def name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) in code points with everything that is not a letter taken off its
    edges (marks stay after a letter); None when no letter is left or an emoji is inside."""
    while start < end and not is_letter(text[start]):
        start += 1
    while end > start and not (is_letter(text[end - 1]) or _is_mark_on_letter(text, end - 1)):
        end -= 1
    if start >= end or _EMOJI.search(text, start, end):
        return None
    return start, end


def _is_mark_on_letter(text: str, index: int) -> bool:
    if not unicodedata.category(text[index]).startswith("M"):
        return False
    while index > 0 and unicodedata.category(text[index]).startswith("M"):
        index -= 1
    return is_letter(text[index])


def surface(word: str) -> str:
    """The written form without diacritics or tatweel (letters as written: no alef or yeh
    normalisation), the form function words are compared on."""
    return "".join(c for c in word if not unicodedata.category(c).startswith("M") and c != TATWEEL)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Arabic function words (Stopwords ISO), by their surface form."""
    import stopwordsiso

    return frozenset(surface(word) for word in stopwordsiso.stopwords("ar"))


def is_function_word(word: str) -> bool:
    return surface(word) in function_words()
