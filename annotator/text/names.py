"""What a name is made of: the one definition every suggester shares.

A *name word* is made of letters (and the marks that ride on them: harakat, tatweel); a
span may start and end only on a letter. Symbols, emoji (one code point or several: skin
tones, flags, joiners), digits of any script, punctuation and invisible marks (bidi marks
U+200E U+200F U+061C, zero-width joiners and spaces, BOM) are never at a span's edge, and a
proposed name holds no emoji. Letters are Unicode's general category L*, marks M*
(unicodedata, from the Unicode Character Database).

*Function words* are the frequent Arabic words that are never names (على، في، أمام …):
the union of two maintained lists, Stopwords ISO (`stopwordsiso`, MIT; Diaz 2016-2020,
https://github.com/stopwords-iso) and spaCy's `spacy.lang.ar.stop_words` (MIT), copied
into `resources/lexicon/function_words.txt` by `make lexicon`. They are compared on the
written form without diacritics (alef with hamza or madda counted as bare alef), so
`علي` (a name) is not `على` (a preposition), although the two normalise alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),  # pictographs, emoticons, transport, flags' regional indicators,
    # skin tone modifiers
    (0x2600, 0x27BF),  # miscellaneous symbols and dingbats
    (0xE0020, 0xE007F),  # tag characters (subdivision flags)
)
TATWEEL = "\u0640"
# Invisible marks: bidi marks (LRM, RLM, ALM), embeddings and overrides (U+202A-202E),
# isolates (U+2066-2069), zero-width space, non-joiner, joiner, word joiner, soft hyphen,
# BOM, variation selectors and the combining keycap. Never at a span's edge; inside a
# word (a joiner between Arabic letters) they do not stop it from being a name word.
INVISIBLE = frozenset(
    "\u200e\u200f\u061c\u200b\u200c\u200d\u2060\u00ad\ufeff\u20e3"
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
    + "".join(map(chr, range(0xFE00, 0xFE10)))
)


def is_letter(char: str) -> bool:
    """A letter of any script (general category L*), tatweel excluded."""
    return char != TATWEEL and unicodedata.category(char).startswith("L")


_EMOJI = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _EMOJI_RANGES) + "]")


def is_emoji(char: str) -> bool:
    """An emoji's pictograph, skin tone, flag letter or tag (the joiners and variation
    selectors that bind them are invisible marks)."""
    return _EMOJI.match(char) is not None


def is_name_word(word: str) -> bool:
    """Letters and marks only (tatweel allowed inside), at least two letters: no digit,
    symbol, emoji or punctuation anywhere. Invisible marks (bidi, zero-width, variation
    selectors) do not count either way."""
    letters = 0
    for char in word:
        if char in INVISIBLE:
            continue
        category = unicodedata.category(char)
        if category.startswith("L") and char != TATWEEL:
            letters += 1
        elif not (category.startswith("M") or char == TATWEEL):
            return False
    return letters >= 2


#: fathatan, dammatan, kasratan: the marks of an indefinite noun or adjective
TANWEEN = frozenset("\u064b\u064c\u064d")


def has_tanween(word: str) -> bool:
    """True if the word carries tanween (صديقًا، مقربٌ): an indefinite noun or adjective,
    which in news text is not a proper name (names are written without it)."""
    return any(char in TANWEEN for char in word)


def name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) in code points with everything that is not a letter taken off its
    edges (marks stay after a letter); None when no letter is left or an emoji is inside."""
    while start < end and not is_letter(text[start]):
        start += 1
    while end > start and (
        text[end - 1] in INVISIBLE
        or not (is_letter(text[end - 1]) or _is_mark_on_letter(text, end - 1))
    ):
        end -= 1
    if start >= end or _EMOJI.search(text, start, end):
        return None
    return start, end


def _is_mark_on_letter(text: str, index: int) -> bool:
    if text[index] in INVISIBLE or not unicodedata.category(text[index]).startswith("M"):
        return False
    while index > 0 and unicodedata.category(text[index]).startswith("M"):
        index -= 1
    return is_letter(text[index])


_ALEFS = str.maketrans("أإآٱ", "اااا")


def written(word: str) -> str:
    """The word as written, without diacritics, tatweel or invisible marks (its letters
    untouched: إمام and أمام stay apart)."""
    return "".join(
        c
        for c in word
        if c != TATWEEL and c not in INVISIBLE and not unicodedata.category(c).startswith("M")
    )


def surface(word: str) -> str:
    """`written(word)` with alef with hamza or madda as bare alef (no yeh or teh marbuta
    normalisation): the form function words are compared on."""
    return written(word).translate(_ALEFS)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Arabic function words (see the module), by their surface form."""
    from annotator.paths import RESOURCES_DIR

    path = RESOURCES_DIR / "lexicon" / "function_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(surface(line) for line in lines if line and not line.startswith("#"))


def is_function_word(word: str) -> bool:
    return surface(word) in function_words()
