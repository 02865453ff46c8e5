"""Find known names in a text: normalisation-aware, clitic-aware, across any whitespace.

A name matches a run of words whose normalised letters are the name's; the first word may
carry proclitics (و ف ب ك ل, the article, and their combinations), which the candidate
leaves out. Names never match across punctuation, a candidate starts and ends on letters
(`annotator.text.names`), and a one-word match that is written as a function word is never
proposed, whatever it normalises to.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.suggest.base import Candidate
from annotator.text.arabic import normalise, normalise_with_positions, proclitic_readings
from annotator.text.names import is_function_word, name_span, written
from annotator.text.words import Word, words_with_offsets


@dataclass(frozen=True, slots=True)
class Name:
    words: tuple[str, ...]  # normalised
    label: str
    source: str
    written: str = ""  # a one-word name as it was written (names.written)
    confidence: float | None = None


class NameMatcher:
    def __init__(self) -> None:
        self._by_first_word: dict[str, list[Name]] = {}
        self._names: set[Name] = set()

    def __len__(self) -> int:
        return len(self._names)

    def add(self, phrase: str, label: str, source: str, confidence: float | None = None) -> None:
        words = tuple(w for w in (normalise(word.text) for word in words_with_offsets(phrase)) if w)
        if not words or (len(words) == 1 and len(words[0]) < 2):
            return
        as_written = written(phrase.strip()) if len(words) == 1 else ""
        name = Name(words, label, source, as_written, confidence)
        if name in self._names:
            return
        self._names.add(name)
        names = self._by_first_word.setdefault(words[0], [])
        names.append(name)
        names.sort(key=lambda n: -len(n.words))  # longest first

    def find(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        words = words if words is not None else words_with_offsets(text)
        analysed = [normalise_with_positions(word.text) for word in words]
        found: list[Candidate] = []
        for index, word in enumerate(words):
            letters, positions = analysed[index]
            if not letters:
                continue
            for skipped, key in proclitic_readings(letters):
                matches = [
                    name
                    for name in self._by_first_word.get(key, ())
                    if self._rest_matches(name, analysed, index)
                ]
                if not matches:
                    continue
                longest = len(matches[0].words)
                last = words[index + longest - 1]
                span = name_span(text, word.start + positions[skipped], last.end)
                if span is None or (
                    longest == 1 and _function_word(text[span[0] : span[1]], matches)
                ):
                    break  # علي is a name, على ("on") never: compared as written
                for name in matches:
                    if len(name.words) == longest:
                        found.append(Candidate(*span, name.label, name.source, name.confidence))
                break
        return found

    @staticmethod
    def _rest_matches(name: Name, analysed: list[tuple[str, list[int]]], index: int) -> bool:
        if index + len(name.words) > len(analysed):
            return False
        return all(
            analysed[index + offset][0] == expected
            for offset, expected in enumerate(name.words[1:], start=1)
        )


def _function_word(found: str, names: list[Name]) -> bool:
    """A one-word match written as a function word, unless that is how the name itself is
    written (a person may decide that a function word is a name)."""
    as_written = written(found)
    return all(as_written != name.written for name in names) and is_function_word(found)
