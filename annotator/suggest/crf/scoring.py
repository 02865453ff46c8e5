"""Scoring candidates against gold spans (exact and clitic-tolerant), and cross-validation.

Gold counts at every nesting level: an ORG containing a LOC is two gold spans. A candidate is
a true positive when its (start, end, label) equals a gold span's; clitic-tolerant scoring
also accepts a candidate that differs from an unmatched gold span of its label only by
leading proclitics (و ف ب ك ل ال and their combinations) on either side, one to one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from annotator.suggest.crf.corpus import Sentence
from annotator.suggest.crf.model import PredictedSpan
from annotator.suggest.crf.tokens import Word, words_with_offsets
from annotator.text.arabic import PROCLITIC_PREFIXES, normalise

CharSpan = tuple[int, int, str]
CLITIC_PREFIXES = frozenset(prefix for prefix, _ in PROCLITIC_PREFIXES if prefix)


@dataclass
class Tally:
    """True positive, false positive and false negative counts per label."""

    true_positives: Counter = field(default_factory=Counter)
    false_positives: Counter = field(default_factory=Counter)
    false_negatives: Counter = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.true_positives.update(other.true_positives)
        self.false_positives.update(other.false_positives)
        self.false_negatives.update(other.false_negatives)

    def row(self, label: str | None = None) -> tuple[int, int, int, float, float, float]:
        """(tp, fp, fn, precision, recall, F1) of one label, or of all labels (None)."""
        counts = (self.true_positives, self.false_positives, self.false_negatives)
        if label is None:
            tp, fp, fn = (sum(c.values()) for c in counts)
        else:
            tp, fp, fn = (c[label] for c in counts)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return tp, fp, fn, precision, recall, f1


def sentence_text(sentence: Sentence) -> tuple[str, list[Word]]:
    """The sentence's words joined by single spaces, and the words with their offsets."""
    text = " ".join(sentence.words)
    return text, words_with_offsets(text)


def to_char_spans(words: Sequence[Word], spans: Iterable) -> set[CharSpan]:
    """Word-index spans (anything with start, end, label) -> code-point spans."""
    return {(words[s.start].start, words[s.end - 1].end, s.label) for s in spans}


def differs_by_proclitics(text: str, one: CharSpan, other: CharSpan) -> bool:
    """True if the two spans end together and the longer is the shorter plus leading
    proclitics (normalised letters in CLITIC_PREFIXES)."""
    if one[1] != other[1] or one[0] == other[0]:
        return False
    longer, shorter = (one, other) if one[0] < other[0] else (other, one)
    return normalise(text[longer[0] : shorter[0]]) in CLITIC_PREFIXES


def score(
    tally: Tally,
    gold: set[CharSpan],
    predicted: set[CharSpan],
    text: str | None = None,
) -> None:
    """Add one text's counts to `tally`; with `text`, clitic-tolerant matching."""
    matched_gold = gold & predicted
    unmatched = sorted(predicted - gold)
    if text is not None:
        open_gold = sorted(gold - matched_gold)
        for candidate in list(unmatched):
            for span in open_gold:
                if span[2] == candidate[2] and differs_by_proclitics(text, span, candidate):
                    open_gold.remove(span)
                    unmatched.remove(candidate)
                    matched_gold = matched_gold | {span}
                    break
    for _, _, label in matched_gold:
        tally.true_positives[label] += 1
    for _, _, label in unmatched:
        tally.false_positives[label] += 1
    for _, _, label in gold - matched_gold:
        tally.false_negatives[label] += 1


def fold_indices(count: int, folds: int) -> list[list[int]]:
    """Contiguous blocks of sentence indices (neighbouring sentences share a document and
    its names, so interleaved folds would leak them)."""
    size, extra = divmod(count, folds)
    blocks, start = [], 0
    for fold in range(folds):
        end = start + size + (1 if fold < extra else 0)
        blocks.append(list(range(start, end)))
        start = end
    return blocks


def held_out_predictions(
    sentences: Sequence[Sentence],
    folds: int,
    train: Callable[[list[Sentence]], object],
) -> list[list[PredictedSpan]]:
    """k-fold cross-validation: each sentence predicted by a model trained without its
    fold. `train` maps training sentences to an object with `predict(words)`."""
    predictions: list[list[PredictedSpan]] = [[] for _ in sentences]
    for block in fold_indices(len(sentences), folds):
        held_out = set(block)
        model = train([s for i, s in enumerate(sentences) if i not in held_out])
        for index in block:
            predictions[index] = model.predict(sentences[index].words)
    return predictions


def score_predictions(
    sentences: Sequence[Sentence],
    predictions: Sequence[Sequence[PredictedSpan]],
    min_confidence: float = 0.0,
) -> Tally:
    """Exact-span scores of word-level predictions kept at `min_confidence` or above."""
    tally = Tally()
    for sentence, predicted in zip(sentences, predictions, strict=True):
        kept = {(p.start, p.end, p.label) for p in predicted if p.confidence >= min_confidence}
        score(tally, {(s.start, s.end, s.label) for s in sentence.spans}, kept)
    return tally
