"""Find every occurrence of a query in a text: code-point spans, shared by the window's
find bar, the project search and `annotator search`.

A `Query` matches in one of three ways:

- **plain** (the default): both the text and the query are normalised exactly as project
  memory normalises them (`annotator.text.arabic.normalise`: diacritics, tatweel and
  invisible marks ignored; أ إ آ ٱ read as ا, ى as ي, ة as ه). The query matches **whole
  words**: a match starts and ends at a word edge, a word being a run of letters and
  digits (Python's `\\w`) of the normalised text, so `بوتين` does not find `لبوتين`. The
  query's words match across any whitespace (spaces, line breaks), never across
  punctuation unless the query has that punctuation there (`بيونغ، يانغ`).
- **through proclitics**: as plain, but the text's word matched by the query's first word
  may carry proclitics (و ف ب ك ل, the article and their combinations, `لل` for ل + ال:
  `annotator.text.arabic.PROCLITIC_PREFIXES`), as project memory reads names. The span
  reported leaves the proclitics out, as memory's candidates do (`بوتين` in `لبوتين`, so
  "label all matches" labels the name); `Match.word_start` says where the word with its
  proclitics starts.
- **regex**: a Python regular expression (`re`, with MULTILINE: `^` and `$` match at
  line breaks) on the raw text, nothing normalised; empty matches are skipped.

Offsets are always code points of the original text (an emoji before a match counts one).
Matching runs on the normalised text and maps each match back through the positions of
the characters normalisation dropped.

For SQLite's FTS5 (`annotator.store.search_index`) this module also gives the words to
index for a text (`index_words`) and the word sequences whose presence a document must
have to hold a match (`phrases`): the index narrows the documents, `Finder` finds the exact
spans in each.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from camel_tools.utils.charsets import AR_DIAC_CHARSET
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

from annotator.text.arabic import (
    ARTICLE,
    INVISIBLE,
    MIN_STEM_LETTERS,
    PROCLITIC_PREFIXES,
    TATWEEL,
)


class SearchError(ValueError):
    """A query that cannot be searched for (an invalid regular expression)."""


@dataclass(frozen=True, slots=True)
class Query:
    """What to look for. `text`: as typed; `through_clitics`: the first word may carry
    proclitics; `regex`: `text` is a Python regular expression on the raw text."""

    text: str
    through_clitics: bool = False
    regex: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: code points [start, end) of the text. `word_start` is where the
    matched word begins with its proclitics (equal to `start` when none were skipped)."""

    start: int
    end: int
    word_start: int


# Every character normalisation drops: camel-tools' Arabic diacritics (dediac_ar),
# tatweel and invisible marks (annotator.text.arabic.normalise_char).
DROPPED = frozenset(AR_DIAC_CHARSET) | {TATWEEL} | INVISIBLE
_DROPPED_RE = re.compile("[" + re.escape("".join(sorted(DROPPED))) + "]")


def normalise_text(text: str) -> str:
    """`annotator.text.arabic.normalise(text)`, for whole documents: the same result
    (normalise works one character at a time; so does this), without caching the text
    and about ten times faster: the dropped characters are removed in one pass, then
    camel-tools' letter normalisers run once on the whole text."""
    kept = _DROPPED_RE.sub("", text)
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(kept)))


class NormalisedText:
    """A text normalised, with the way back: `original(i)` is the code point of `text`
    that normalised character `i` came from."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normalised = normalise_text(text)
        dropped = [m.start() for m in _DROPPED_RE.finditer(text)]
        if len(text) - len(dropped) != len(self.normalised):
            raise AssertionError("normalisation dropped other characters than DROPPED")
        # kept characters before each dropped one: non-decreasing, so bisect finds how
        # many dropped characters precede the i-th kept one
        self._kept_before = [position - index for index, position in enumerate(dropped)]

    def original(self, index: int) -> int:
        return index + bisect_right(self._kept_before, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised [start, end) (end > start), with the
        diacritics that sit on its last letter."""
        first = self.original(start)
        after = self.original(end - 1) + 1
        text = self.text
        while (
            after < len(text)
            and text[after] in DROPPED
            and unicodedata.category(text[after]).startswith("M")
        ):
            after += 1
        return first, after


# Query tokens: words (runs of \w) and runs of punctuation or symbols.
_TOKEN = re.compile(r"\w+|[^\w\s]+")
_WORD = re.compile(r"\w+")


def _is_word(token: str) -> bool:
    return _WORD.fullmatch(token) is not None


def query_tokens(query: Query) -> list[str]:
    """The normalised query cut into words and runs of punctuation ([] for a regex)."""
    return [] if query.regex else _TOKEN.findall(normalise_text(query.text))


def clitic_forms(word: str) -> list[tuple[str, str]]:
    """How a normalised query word may be written with proclitics: (proclitics, rest),
    the bare word first; `لل` also + the word without its article for a word with `ال`
    (the readings `annotator.text.arabic.proclitic_readings` makes, turned round)."""
    forms = [("", word)]
    for prefix, restores_article in PROCLITIC_PREFIXES:
        if not prefix:
            continue
        if len(word) >= MIN_STEM_LETTERS:
            forms.append((prefix, word))
        if (
            restores_article
            and word.startswith(ARTICLE)
            and len(word) - len(ARTICLE) >= MIN_STEM_LETTERS
        ):
            forms.append((prefix, word[len(ARTICLE) :]))
    return forms


def _first_word_pattern(word: str, through_clitics: bool) -> str:
    """The first word: `(?P<c>proclitics)` then the word, so the match's stem starts at
    the group's end."""
    if not through_clitics:
        return f"(?P<c>){re.escape(word)}"
    by_rest: dict[str, list[str]] = {}
    for prefix, rest in clitic_forms(word):
        by_rest.setdefault(rest, []).append(re.escape(prefix))
    alternatives = []
    for index, (rest, prefixes) in enumerate(by_rest.items()):
        group = "c" if index == 0 else f"c{index}"
        choices = "|".join(sorted(prefixes, key=len, reverse=True))
        alternatives.append(f"(?P<{group}>{choices}){re.escape(rest)}")
    return "(?:" + "|".join(alternatives) + ")"


@lru_cache(maxsize=256)
def _compile(query: Query) -> re.Pattern | None:
    """The pattern for a query (on the normalised text for plain queries); None when
    the query has nothing to find. SearchError for an invalid regular expression."""
    if query.regex:
        if not query.text:
            return None
        try:
            return re.compile(query.text, re.MULTILINE)
        except re.error as error:
            where = "" if error.pos is None else f" at position {error.pos}"
            raise SearchError(f"not a valid regular expression: {error.msg}{where}") from None
    tokens = query_tokens(query)
    if not tokens:
        return None
    parts = []
    for index, token in enumerate(tokens):
        if index == 0 and _is_word(token):
            parts.append(_first_word_pattern(token, query.through_clitics))
            continue
        if index:
            both_words = _is_word(tokens[index - 1]) and _is_word(token)
            parts.append(r"\s+" if both_words else r"\s*")
        parts.append(re.escape(token) if index else f"(?P<c>){re.escape(token)}")
    lead = r"(?<!\w)" if _is_word(tokens[0]) else ""
    tail = r"(?!\w)" if _is_word(tokens[-1]) else ""
    return re.compile(lead + "".join(parts) + tail)


class Finder:
    """A compiled query: `find(text)` gives every match in order, without overlaps.

    Raises SearchError (from the constructor) for an invalid regular expression."""

    def __init__(self, query: Query) -> None:
        self.query = query
        self.pattern = _compile(query)

    def find(self, text: str) -> list[Match]:
        if self.pattern is None:
            return []
        if self.query.regex:
            return [
                Match(m.start(), m.end(), m.start())
                for m in self.pattern.finditer(text)
                if m.end() > m.start()
            ]
        normalised = NormalisedText(text)
        found = []
        for m in self.pattern.finditer(normalised.normalised):
            stem = _stem_start(m)
            start, end = normalised.span(stem, m.end())
            found.append(Match(start, end, normalised.original(m.start())))
        return found


def _stem_start(match: re.Match) -> int:
    """Where the match's stem starts: after the proclitic group that took part."""
    for name, value in match.groupdict().items():
        if name.startswith("c") and value is not None:
            return match.end(name)
    return match.start()


def find_all(text: str, query: Query | str) -> list[Match]:
    """Every match of `query` (a Query, or plain text) in `text`, in order."""
    return Finder(query if isinstance(query, Query) else Query(query)).find(text)


# --- for the full-text index ---------------------------------------------------------------
def index_words(text: str) -> str:
    """What the full-text index holds for a text: the words of its normalised text
    (runs of `\\w`), separated by single spaces. Punctuation and line breaks are left
    out: the index only narrows the documents, `Finder` decides."""
    return " ".join(_WORD.findall(normalise_text(text)))


def phrases(query: Query) -> list[list[str]] | None:
    """Word sequences one of which every document holding a match has, consecutive
    among its `index_words` (the query's words, the first word in each of its proclitic
    forms when matching through them). None when the index cannot narrow the search: a
    regular expression, or a query without words."""
    if query.regex:
        return None
    words = _WORD.findall(normalise_text(query.text))
    if not words:
        return None
    tokens = query_tokens(query)
    firsts = (
        [prefix + rest for prefix, rest in clitic_forms(words[0])]
        if query.through_clitics and _is_word(tokens[0])
        else [words[0]]
    )
    return [[first, *words[1:]] for first in firsts]


def context(text: str, start: int, end: int, words: int = 5) -> tuple[str, str, str]:
    """(before, match, after): up to `words` words of the text either side of [start,
    end), whitespace (line breaks included) shown as single spaces."""
    reach = 40 * words
    head = text[max(0, start - reach) : start]
    before = " ".join(head.split()[-words:])
    if before and head[-1].isspace():
        before += " "
    tail = text[end : end + reach]
    after = " ".join(tail.split()[:words])
    if after and tail[0].isspace():
        after = " " + after
    return before, " ".join(text[start:end].split()), after
