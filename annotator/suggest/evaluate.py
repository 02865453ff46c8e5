"""How good are the suggesters on this project's own gold? Exact span and label matching."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.model import Status
from annotator.store.project import Project
from annotator.store.queries import accepted_names, gold_document_ids
from annotator.suggest.base import Suggester
from annotator.text.words import words_with_offsets


@dataclass
class Scores:
    true_positives: Counter = field(default_factory=Counter)
    false_positives: Counter = field(default_factory=Counter)
    false_negatives: Counter = field(default_factory=Counter)

    def row(self, label: str | None = None) -> tuple[int, int, int, float, float, float]:
        if label is None:
            tp, fp, fn = (
                sum(c.values())
                for c in (self.true_positives, self.false_positives, self.false_negatives)
            )
        else:
            tp, fp, fn = (
                self.true_positives[label],
                self.false_positives[label],
                self.false_negatives[label],
            )
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return tp, fp, fn, precision, recall, f1


def gold_documents(project: Project, only_done: bool) -> list[int]:
    """Documents whose accepted entities are the gold (marked done, unless not `only_done`)."""
    return gold_document_ids(project, only_done)


def evaluate(
    project: Project, suggesters: list[Suggester], document_ids: list[int]
) -> dict[str, Scores]:
    """Run each suggester afresh (nothing is stored) and compare with the accepted gold.

    Project memory is scored leaving each document out: its patterns come from the gold of
    the other documents, otherwise it would only find the gold it was built from.
    """
    from annotator.suggest.memory import MemorySuggester

    results = {suggester.name: Scores() for suggester in suggesters}
    texts = {doc_id: project.document(doc_id).text for doc_id in document_ids}
    gold_by_document = {
        doc_id: {
            (e.start, e.end, e.label) for e in project.entities(doc_id, status=Status.ACCEPTED)
        }
        for doc_id in document_ids
    }
    all_gold = accepted_names(project)
    for doc_id in document_ids:
        text = texts[doc_id]
        words = words_with_offsets(text)
        gold = gold_by_document[doc_id]
        for suggester in suggesters:
            if isinstance(suggester, MemorySuggester):
                suggester = MemorySuggester(
                    (name, label) for other, name, label in all_gold if other != doc_id
                )
            predicted = {(c.start, c.end, c.label) for c in suggester.suggest(text, words)}
            scores = results[suggester.name]
            for _, _, label in predicted & gold:
                scores.true_positives[label] += 1
            for _, _, label in predicted - gold:
                scores.false_positives[label] += 1
            for _, _, label in gold - predicted:
                scores.false_negatives[label] += 1
    return results
