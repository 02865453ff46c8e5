"""Word features for the CRF: the classic sparse NER feature set, adapted to Arabic.

Per word: its normalised form (camel-tools dediac_ar and alef / alef maksura / teh marbuta
normalisation, through `annotator.text.arabic.normalise`), its proclitic readings
(و ف ب ك ل ال and combinations, `proclitic_readings`) as stem + prefix, first and last
letters (affixes), shape (digits, Latin, punctuation, length), and lexicon membership: CLDR
place names through babel (the gazetteer suggester's list) and the cue suggester's titles,
organisation heads and stop words. Each word also sees its neighbours' features within two
words, and word bigrams. The set follows the CoNLL-style feature templates of CRFsuite's
examples (Okazaki 2007) and Benajiba & Rosso, "Arabic Named Entity Recognition using
Conditional Random Fields" (LREC 2008 workshop), who found clitic-aware lexical features
and gazetteers the most useful for Arabic.

Change FEATURE_VERSION whenever a feature changes: a saved model is only valid with the
features it was trained on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from annotator.text.arabic import normalise, proclitic_readings

FEATURE_VERSION = "2"
NEIGHBOUR_FEATURES = ("w=", "stem=", "lex=", "shape=", "ctx=")
TITLE_REACH = 3  # a title, then up to two adjectives (الرئيس الكوري الشمالي), then the name
FAR_NEIGHBOUR_FEATURES = ("w=", "lex=")


@dataclass(frozen=True)
class Lexicons:
    """Normalised word lists that give `lex=` features, and the CLDR place-name matcher."""

    place_words: frozenset[str]
    titles: frozenset[str]
    given_names: frozenset[str]
    org_heads: frozenset[str]
    stop_words: frozenset[str]
    places: object  # GazetteerSuggester: multi-word CLDR names, proclitics aware


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """Built once per process from babel's CLDR data and the cue suggester's lists."""
    from annotator.suggest.crf.names import GIVEN_NAMES, HONORIFICS
    from annotator.suggest.cues import ORG_HEADS, STOP_WORDS, TITLES
    from annotator.suggest.gazetteer import GazetteerSuggester, place_names

    place_words = {normalise(name) for name in place_names() if " " not in name}
    titles = [t for t in TITLES if " " not in t] + HONORIFICS
    return Lexicons(
        place_words=frozenset(place_words),
        titles=frozenset(normalise(t) for t in titles),
        given_names=frozenset(normalise(name) for name in GIVEN_NAMES),
        org_heads=frozenset(normalise(h) for h in ORG_HEADS),
        stop_words=frozenset(STOP_WORDS),
        places=GazetteerSuggester(),
    )


@lru_cache(maxsize=1)
def lexicon_version() -> str:
    """What the features depend on beyond this code: babel's version and a digest of every
    word list (CLDR places, the cue suggester's titles, heads and stop words, names.py), so
    an edit of those lists shows as a different version."""
    import hashlib

    import babel

    from annotator.suggest.gazetteer import place_names

    lists = lexicons()
    digest = hashlib.sha256()
    for words in (place_names(), lists.titles, lists.given_names, lists.org_heads):
        digest.update("\n".join(sorted(words)).encode() + b"\0")
    digest.update("\n".join(sorted(lists.stop_words)).encode())
    return f"babel-{babel.__version__}-{digest.hexdigest()[:12]}"


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """One list of attribute names per word (CRFsuite items, each attribute of value 1).

    `words` are the sentence's words in order; the result has the same length.
    """
    own = [word_features(word) for word in words]
    _add_place_spans(words, own)
    _add_title_context(own)
    result = []
    for index, features in enumerate(own):
        item = list(features)
        item.extend(_neighbour(own, index, -1, NEIGHBOUR_FEATURES))
        item.extend(_neighbour(own, index, 1, NEIGHBOUR_FEATURES))
        item.extend(_neighbour(own, index, -2, FAR_NEIGHBOUR_FEATURES))
        item.extend(_neighbour(own, index, 2, FAR_NEIGHBOUR_FEATURES))
        item.append("bi-=" + _form(own, index - 1) + "|" + _form(own, index))
        item.append("bi+=" + _form(own, index) + "|" + _form(own, index + 1))
        result.append(item)
    return result


@lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[str, ...]:
    """The features of one word on its own: form, proclitic readings, affixes, shape,
    lexicon membership."""
    letters = normalise(word) or word
    features = ["bias", "w=" + letters]
    lex = _lexicon_hits(letters)
    for skipped, stem in proclitic_readings(letters)[1:]:
        features.append("stem=" + stem)
        features.append("pfx=" + letters[:skipped])
        lex |= {"stem-" + hit for hit in _lexicon_hits(stem)}
    for size in (1, 2, 3):
        if len(letters) > size:
            features.append(f"suf{size}=" + letters[-size:])
            features.append(f"pre{size}=" + letters[:size])
    features.append("shape=" + word_shape(word))
    features.extend("lex=" + hit for hit in sorted(lex))
    return tuple(features)


def word_shape(word: str) -> str:
    """A coarse class of the word: digit, latin, punct, arabic-short, arabic, other."""
    if any(char.isdigit() for char in word):
        return "digit"
    if all(unicodedata.category(char).startswith(("P", "S")) for char in word):
        return "punct"
    if any("a" <= char.lower() <= "z" for char in word):
        return "latin"
    letters = normalise(word)
    if letters and all("\u0621" <= char <= "\u064a" for char in letters):
        return "arabic-short" if len(letters) <= 2 else "arabic"
    return "other"


def _lexicon_hits(letters: str) -> set[str]:
    lists = lexicons()
    hits = set()
    for name, words in (
        ("place", lists.place_words),
        ("title", lists.titles),
        ("given", lists.given_names),
        ("orghead", lists.org_heads),
        ("stop", lists.stop_words),
    ):
        if letters in words:
            hits.add(name)
    return hits


def _add_place_spans(words: Sequence[str], own: list[tuple[str, ...]]) -> None:
    """Mark words inside a multi-word CLDR place name (كوريا الشمالية): lex=place-B/-I."""
    from annotator.suggest.crf.tokens import Word

    text, placed, position = "", [], 0
    for word in words:
        placed.append(Word(position, position + len(word), word))
        text += word + " "
        position += len(word) + 1
    for candidate in lexicons().places.suggest(text, placed):
        inside = [
            i for i, w in enumerate(placed) if w.start < candidate.end and candidate.start < w.end
        ]
        for order, index in enumerate(inside):
            own[index] = (*own[index], "lex=place-B" if order == 0 else "lex=place-I")


def _add_title_context(own: list[tuple[str, ...]]) -> None:
    """ctx=after-title on the word that follows a title, with up to two nationality
    adjectives between them (the cue suggester's pattern, as a feature)."""
    for index in range(1, len(own)):
        back = index - 1
        while back > index - TITLE_REACH and back > 0 and _is_adjective(own[back]):
            back -= 1
        if "lex=title" in own[back] or "lex=stem-title" in own[back]:
            own[index] = (*own[index], "ctx=after-title")


def _is_adjective(features: tuple[str, ...]) -> bool:
    letters = features[1][2:]
    return letters.startswith("ال") and letters.endswith(("ي", "يه"))


def _neighbour(own: list[tuple[str, ...]], index: int, offset: int, kinds: tuple[str, ...]):
    position = index + offset
    if not 0 <= position < len(own):
        return ["BOS" if position < 0 else "EOS"] if abs(offset) == 1 else []
    return [f"{offset:+d}:{f}" for f in own[position] if f.startswith(kinds)]


def _form(own: list[tuple[str, ...]], index: int) -> str:
    if not 0 <= index < len(own):
        return "<s>" if index < 0 else "</s>"
    return own[index][1][2:]
