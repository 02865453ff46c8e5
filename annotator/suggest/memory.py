"""Project memory: every accepted entity's text becomes a name to find everywhere else."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from annotator.suggest.base import Candidate
from annotator.suggest.matcher import NameMatcher
from annotator.text.words import Word


class MemorySuggester:
    """Proposes an accepted entity's label at each other occurrence of its text.

    Matching ignores diacritics, tatweel and alef/yaa/teh-marbuta spelling variants, and
    looks through proclitics: accepting `بوتين` proposes `بوتين` inside `لبوتين`.
    """

    name = "memory"

    def __init__(self, accepted: Iterable[tuple[str, str]]) -> None:
        self._patterns = sorted(set(accepted))
        self._matcher = NameMatcher()
        for text, label in self._patterns:
            self._matcher.add(text, label, "memory")

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for text, label in self._patterns:
            digest.update(f"{label}\t{text}\n".encode())
        return f"memory-{digest.hexdigest()[:16]}"

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        return self._matcher.find(text, words)
