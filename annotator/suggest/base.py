"""The one small interface every suggester implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed entity: code-point offsets on the document's exact text."""

    start: int
    end: int
    label: str
    source: str
    confidence: float | None = None


class SuggesterUnavailable(Exception):
    """A suggester cannot run here; the message says why and what to do about it."""


class Suggester(Protocol):
    #: the name users pass to --only and the prefix of its candidates' source
    name: str

    def fingerprint(self) -> str:
        """Changes whenever the same text could get different candidates."""
        ...

    def suggest(self, text: str) -> list[Candidate]: ...
