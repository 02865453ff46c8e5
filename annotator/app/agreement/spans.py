"""Span and relation comparison of every pair of annotators: exact and relaxed F1, the
label confusion counts and the per-document disagreements, each pair on all its documents
at once (entities and relations as integer keys, matched with numpy set operations).

Per document, per pair; A and B are the two annotators' entity sets:

- exact F1 = 2|A ∩ B| / (|A| + |B|): span and label both equal. None when |A| + |B| = 0.
- relaxed F1: the same with a one-to-one matching in which spans of the same label that
  overlap by at least one code point count as matched. Exact matches are matched first;
  the remaining spans of each label are then matched to maximise the number of matched
  pairs and, among such matchings, the total overlap in code points
  (scipy.optimize.linear_sum_assignment, each candidate pair weighing more than all
  overlaps together plus its own overlap), so a span never matches twice and relaxed F1 >=
  exact F1. Preferring exact matches can leave a pair unmatched that another matching
  would pair (a span exactly matched, whose overlapping neighbours then find no partner).
- label agreement: over span positions (same start and end) that both annotators marked,
  the fraction marked with the same label; per label, over such positions where at least
  one of the two chose that label. Read from the confusion matrix.
- confusion matrix: rows are the first annotator of a pair (the earlier in `annotators`),
  columns the second; "none" (NONE) is the row or column of a span only one of them marked
  (a boundary difference thus gives two entries: X→none and none→X). At a position where
  the two chose several different labels, the leftover labels are paired in sorted order.
  Summed over documents and pairs (not symmetrised).
- nested entities at span level: every entity counts, nested or not; relaxed matching
  pairs spans of the same label only, so a LOC nested in an ORG never matches the ORG.
- per-document table: disagreements = off-diagonal confusion entries plus relations only
  one of a pair has, summed over the document's pairs; most first, then lowest exact F1.
- relation F1: F1 on (head span, tail span, type); spans are (start, end), entity labels
  are not compared again. Head and tail are put in offset order for the types named in
  `symmetric_relation_types`. With a `label` filter, a relation counts if its head or its
  tail has that label.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from itertools import combinations

import numpy as np

from annotator.app.agreement.columns import Corpus, row_codes
from annotator.app.agreement.inputs import Comparison
from annotator.app.agreement.relaxed import relaxed_extra
from annotator.app.agreement.scores import DocumentAgreement, F1Counts


@dataclass(slots=True)
class PairCounts:
    """One pair's counts over the documents both annotators have (or all pairs' summed):
    per label (index into the comparison's labels) or per relation type."""

    documents: int
    exact: np.ndarray
    relaxed: np.ndarray
    first: np.ndarray
    second: np.ndarray
    confusion: np.ndarray  # (labels + 1) x (labels + 1); the last row and column: NONE
    rel_matched: np.ndarray
    rel_first: np.ndarray
    rel_second: np.ndarray

    def __add__(self, other: PairCounts) -> PairCounts:
        return PairCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(slots=True)
class DocumentCounts:
    """Per document (corpus position), summed over its pairs: exact matches and each
    side's entities, off-diagonal confusion entries, relations only one of a pair has."""

    matched: np.ndarray
    first: np.ndarray
    second: np.ndarray
    entity_off: np.ndarray
    relation_off: np.ndarray


def compare_pairs(
    comparison: Comparison, document_count: int
) -> tuple[dict[tuple[str, str], PairCounts], DocumentCounts]:
    """Every pair of the comparison's annotators (in their order) on the documents both
    have, and the counts of each of the `document_count` documents."""
    entity_key = row_codes(comparison.document, comparison.start, comparison.end, comparison.label)
    position = row_codes(comparison.document, comparison.start, comparison.end)
    documents = DocumentCounts(*(np.zeros(document_count, dtype=np.int64) for _ in range(5)))
    found = {}
    names = comparison.annotators
    for i, j in combinations(range(len(names)), 2):
        shared = comparison.has[i] & comparison.has[j]
        entities = _compare_entities(comparison, i, j, shared, (entity_key, position), documents)
        relations = _compare_relations(comparison, i, j, shared, documents)
        found[names[i], names[j]] = PairCounts(int(shared.sum()), *entities, *relations)
    return found, documents


def _common(first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the keys of `first` that `second` has and of `second`'s that `first` has
    (each without repeats): one sort of both (np.intersect1d)."""
    _, in_first, in_second = np.intersect1d(first, second, assume_unique=True, return_indices=True)
    found = np.zeros(len(first), dtype=bool), np.zeros(len(second), dtype=bool)
    found[0][in_first] = True
    found[1][in_second] = True
    return found


def _rows(annotator: np.ndarray, document: np.ndarray, which: int, shared: np.ndarray):
    """Rows of annotator `which` on the documents of the `shared` mask."""
    mask = annotator == which
    mask[mask] = shared[document[mask]]
    return np.flatnonzero(mask)


def _compare_entities(c: Comparison, i, j, shared, codes, documents: DocumentCounts):
    """Exact matches, the leftovers' confusion and relaxed matches of annotators i and j:
    (exact, relaxed, first, second per label; confusion), adding to `documents`."""
    entity_key, position = codes
    a, b = _rows(c.annotator, c.document, i, shared), _rows(c.annotator, c.document, j, shared)
    in_b, in_a = _common(entity_key[a], entity_key[b])
    count, size = len(c.labels), len(shared)
    exact = np.bincount(c.label[a[in_b]], minlength=count)
    documents.matched += np.bincount(c.document[a[in_b]], minlength=size)
    documents.first += np.bincount(c.document[a], minlength=size)
    documents.second += np.bincount(c.document[b], minlength=size)
    only_a, only_b = a[~in_b], b[~in_a]
    confusion = np.diag(np.append(exact, 0))
    confusion += _confuse_leftovers(c, position, only_a, only_b, documents)
    spans = [
        (c.document[rows], c.start[rows], c.end[rows], c.label[rows]) for rows in (only_a, only_b)
    ]
    relaxed = exact + relaxed_extra(*spans, count)
    first = np.bincount(c.label[a], minlength=count)
    return exact, relaxed, first, np.bincount(c.label[b], minlength=count), confusion


def _confuse_leftovers(c: Comparison, position, only_a, only_b, documents: DocumentCounts):
    """The confusion entries of spans not matched exactly: at each position, the two
    sides' labels paired in sorted order, the rest against NONE. Adds each document's
    number of entries to `documents.entity_off`."""
    count = len(c.labels)
    label_a, label_b = c.label[only_a], c.label[only_b]
    ranks = [_rank_by_label(position[rows], c.label[rows]) for rows in (only_a, only_b)]
    key = row_codes(position[np.concatenate([only_a, only_b])], np.concatenate(ranks))
    _, pair_a, pair_b = np.intersect1d(
        key[: len(only_a)], key[len(only_a) :], assume_unique=True, return_indices=True
    )
    alone_a = np.ones(len(only_a), dtype=bool)
    alone_a[pair_a] = False
    alone_b = np.ones(len(only_b), dtype=bool)
    alone_b[pair_b] = False
    cells = np.concatenate([
        label_a[pair_a] * (count + 1) + label_b[pair_b],
        label_a[alone_a] * (count + 1) + count,
        count * (count + 1) + label_b[alone_b],
    ])  # fmt: skip
    size = len(documents.entity_off)
    documents.entity_off += np.bincount(c.document[only_a], minlength=size)
    documents.entity_off += np.bincount(c.document[only_b], minlength=size)
    documents.entity_off -= np.bincount(c.document[only_a[pair_a]], minlength=size)
    return np.bincount(cells, minlength=(count + 1) ** 2).reshape(count + 1, count + 1)


def _rank_by_label(group: np.ndarray, label: np.ndarray) -> np.ndarray:
    """Each row's rank among the rows of its group, by label (0: the first in order)."""
    order = np.lexsort((label, group))
    ordered = group[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = ordered[1:] != ordered[:-1]
    index = np.arange(len(order))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = index - np.maximum.accumulate(np.where(new, index, 0))
    return rank


def _compare_relations(c: Comparison, i, j, shared, documents: DocumentCounts):
    """Relations of annotators i and j with equal keys: (matched, first, second) per
    relation type, adding to `documents.relation_off` those only one of them has."""
    a = _rows(c.relation_annotator, c.relation_document, i, shared)
    b = _rows(c.relation_annotator, c.relation_document, j, shared)
    in_b = _common(c.relation_key[a], c.relation_key[b])[0]
    count, size = len(c.types), len(shared)
    documents.relation_off += np.bincount(c.relation_document[a], minlength=size)
    documents.relation_off += np.bincount(c.relation_document[b], minlength=size)
    documents.relation_off -= 2 * np.bincount(c.relation_document[a[in_b]], minlength=size)
    return (
        np.bincount(c.relation_type[a[in_b]], minlength=count),
        np.bincount(c.relation_type[a], minlength=count),
        np.bincount(c.relation_type[b], minlength=count),
    )


def document_rows(
    comparison: Comparison, corpus: Corpus, counts: DocumentCounts
) -> list[DocumentAgreement]:
    """One DocumentAgreement per compared document, in increasing id order."""
    selected = comparison.selected
    names = comparison.annotators
    columns = (counts.matched, counts.first, counts.second, counts.entity_off, counts.relation_off)
    rows = []
    for position, has, matched, first, second, entity_off, relation_off in zip(
        selected.tolist(), comparison.has.T[selected].tolist(),
        *(column[selected].tolist() for column in columns), strict=True,
    ):  # fmt: skip
        present = tuple(name for name, there in zip(names, has, strict=True) if there)
        rows.append(
            DocumentAgreement(
                int(corpus.ids[position]), corpus.names[position], present,
                F1Counts(matched, first, second), entity_off, relation_off,
            )
        )  # fmt: skip
    return rows


def disagreement_order(row: DocumentAgreement) -> tuple[int, float, int]:
    """Sort key of the per-document table: most disagreements first, then lowest exact F1
    (a document without entities counts as 1), then document id."""
    f1 = row.exact.f1
    return (-row.disagreements, 1.0 if f1 is None else f1, row.document_id)
