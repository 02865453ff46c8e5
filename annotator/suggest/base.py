"""The one small interface every suggester implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # camel-tools' tokenizer is slow to import: not for a type
    from annotator.text.words import Word


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

    def suggest(self, text: str, words: Sequence[Word]) -> list[Candidate]:
        """Candidates for `text`, whose words (camel-tools' tokens with code-point offsets)
        the runner has already found; the runner calls exactly this."""
        ...
