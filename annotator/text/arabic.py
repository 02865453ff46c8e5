"""Arabic matching helpers: normalisation that keeps offsets, and proclitic analysis.

Normalisation uses camel-tools (dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar,
normalize_teh_marbuta_ar), applied one character at a time so that every normalised letter
still knows where it stands in the original text.
"""

from __future__ import annotations

from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"
# Invisible marks that ride along with words in news text: ZWNJ, ZWJ, LRM, RLM, ALM, BOM.
INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u061c\ufeff")

CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ك", "ل")
ARTICLE = "ال"


@lru_cache(maxsize=4096)
def normalise_char(char: str) -> str:
    """'' for characters matching ignores (diacritics, tatweel, invisible marks)."""
    if char == TATWEEL or char in INVISIBLE or not dediac_ar(char):
        return ""
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(char)))


@lru_cache(maxsize=1 << 16)
def normalise_with_positions(token: str) -> tuple[str, tuple[int, ...]]:
    """The normalised token, and for each of its letters the index in `token` (cached:
    the same words come back in every document and every suggester)."""
    letters, positions = [], []
    for index, char in enumerate(token):
        mapped = normalise_char(char)
        if mapped:
            letters.append(mapped)
            positions.append(index)
    return "".join(letters), tuple(positions)


def normalise(text: str) -> str:
    return normalise_with_positions(text)[0]


def _proclitic_prefixes() -> list[tuple[str, bool]]:
    """(prefix, restores_article) pairs, shortest first; ل + ال is written لل."""
    prefixes = set()
    for conjunction in CONJUNCTIONS:
        for preposition in PREPOSITIONS:
            for article in ("", ARTICLE):
                if preposition == "ل" and article:
                    prefixes.add((conjunction + "لل", True))
                else:
                    prefixes.add((conjunction + preposition + article, False))
    return sorted(prefixes, key=lambda item: (len(item[0]), item[0]))


PROCLITIC_PREFIXES = _proclitic_prefixes()
MIN_STEM_LETTERS = 2


@lru_cache(maxsize=1 << 16)
def proclitic_readings(normalised: str) -> tuple[tuple[int, str], ...]:
    """Ways to read a normalised word as proclitics + stem: (letters skipped, lookup key).

    The bare word comes first. `لل` also offers the stem with its article restored, so
    `للولايات` can match the name `الولايات`.
    """
    readings = []
    for prefix, restores_article in PROCLITIC_PREFIXES:
        if not normalised.startswith(prefix):
            continue
        stem = normalised[len(prefix) :]
        if len(stem) < MIN_STEM_LETTERS:
            continue
        readings.append((len(prefix), stem))
        if restores_article:
            readings.append((len(prefix), ARTICLE + stem))
    return tuple(readings)
