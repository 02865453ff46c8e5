"""Rule suggesters beside a model: they fill the model's gaps instead of contradicting it.

Measured on the Wojood sample (benchmarks/ner_targets.py), the CRF alone is far more
precise than the gazetteer and the cue rules, and adding their candidates everywhere
costs more precision than it brings recall. So when a model suggester runs (the built-in
NER, the project learner or camel-tools NER), a rule suggester *yields* to it: its
candidates are kept only where no model candidate overlaps them, widened to whole words
as the model tags them (a place found inside `وموسكو` is proposed as the whole word, the
way the model and the Wojood gold write it). With no model running, the rules propose
everything, as before.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from annotator.suggest.base import Candidate, Suggester
from annotator.text.words import Word, words_with_offsets


class Yielding:
    """`suggester`'s candidates where none of `models`' candidates overlaps them.

    Keeps the wrapped suggester's name (its candidates' source is unchanged); the
    fingerprint adds the models', so a new model re-runs it."""

    def __init__(self, suggester: Suggester, models: list[Suggester], *, whole_words: bool):
        self.suggester = suggester
        self.models = list(models)
        self.whole_words = whole_words
        self.name = suggester.name

    def fingerprint(self) -> str:
        parts = [self.suggester.fingerprint(), *(m.fingerprint() for m in self.models)]
        digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]
        return f"{self.suggester.fingerprint()}-yields-{digest}"

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        words = words if words is not None else words_with_offsets(text)
        taken = [c for model in self.models for c in model.suggest(text, words)]
        found = []
        for candidate in self.suggester.suggest(text, words):
            if self.whole_words:
                candidate = widen_to_words(candidate, words)
            if not any(_overlap(candidate, other) for other in taken):
                found.append(candidate)
        return found


def widen_to_words(candidate: Candidate, words: list[Word]) -> Candidate:
    """The candidate with its start moved back to the start of its first word."""
    for word in words:
        if word.start <= candidate.start < word.end:
            return replace(candidate, start=word.start)
    return candidate


def _overlap(one: Candidate, other: Candidate) -> bool:
    return one.start < other.end and other.start < one.end
