"""Project memory: every accepted entity's text becomes a name to find everywhere else."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from annotator.suggest.base import Candidate
from annotator.suggest.matcher import NameMatcher
from annotator.text.arabic import normalise
from annotator.text.words import Word

#: a name a person accepted: proposed with this confidence (above most model proposals, so
#: when memory and a model disagree on a span's label, the person's earlier choice wins)
CONFIDENCE = 0.9


class MemorySuggester:
    """Proposes an accepted entity's label at each other occurrence of its text.

    Matching ignores diacritics, tatweel and alef/yaa/teh-marbuta spelling variants, and
    looks through proclitics: accepting `بوتين` proposes `بوتين` inside `لبوتين`.
    """

    name = "memory"

    def __init__(self, accepted: Iterable[tuple[str, str]]) -> None:
        """`accepted`: (text, label) of every accepted entity, one pair per entity. A name
        accepted with two labels is proposed once, with the label used most (ties: the
        first in alphabetical order)."""
        labels: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        written: dict[tuple[str, ...], str] = {}
        for text, label in accepted:
            key = tuple(normalise(word) for word in text.split())
            labels[key][label] += 1
            written[key] = min(written.get(key, text), text)
        self._patterns = sorted(
            (written[key], min(counts, key=lambda label: (-counts[label], label)))
            for key, counts in labels.items()
        )
        self._matcher = NameMatcher()
        for text, label in self._patterns:
            self._matcher.add(text, label, "memory", CONFIDENCE)

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for text, label in self._patterns:
            digest.update(f"{label}\t{text}\n".encode())
        return f"memory-c{CONFIDENCE}-{digest.hexdigest()[:16]}"

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        return self._matcher.find(text, words)
