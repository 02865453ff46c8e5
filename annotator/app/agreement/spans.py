"""Span and relation comparison of two annotators, document by document: exact and
relaxed F1, the label confusion counts and the per-document disagreements.

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

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import combinations, zip_longest
from operator import itemgetter

import numpy as np

from annotator.app.agreement.inputs import PreparedLayer
from annotator.app.agreement.scores import NONE, DocumentAgreement, Entity, F1Counts, SpanKey


@dataclass(slots=True)
class PairTally:
    """Running record of one pair over the documents both annotators have: labels (or
    relation types) as lists, one item per entity (relation), counted once at the end."""

    documents: int = 0
    exact: list[str] = field(default_factory=list)  # labels of entities both have
    relaxed_extra: Counter[str] = field(default_factory=Counter)  # overlap-only matches
    first: list[str] = field(default_factory=list)
    second: list[str] = field(default_factory=list)
    leftovers: Counter[tuple[str, str]] = field(default_factory=Counter)  # off-diagonal
    rel_matched: list[str] = field(default_factory=list)
    rel_first: list[str] = field(default_factory=list)
    rel_second: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PairCounts:
    """A tally counted: per label (or relation type)."""

    documents: int
    exact: Counter[str]
    relaxed: Counter[str]
    first: Counter[str]
    second: Counter[str]
    confusion: Counter[tuple[str, str]]
    rel_matched: Counter[str]
    rel_first: Counter[str]
    rel_second: Counter[str]

    @classmethod
    def of(cls, tally: PairTally) -> PairCounts:
        """Count a finished tally; the confusion's diagonal is the exact matches."""
        exact = Counter(tally.exact)
        confusion = Counter({(name, name): count for name, count in exact.items()})
        confusion.update(tally.leftovers)
        return cls(
            tally.documents,
            exact,
            exact + tally.relaxed_extra,
            Counter(tally.first),
            Counter(tally.second),
            confusion,
            Counter(tally.rel_matched),
            Counter(tally.rel_first),
            Counter(tally.rel_second),
        )

    def __add__(self, other: PairCounts) -> PairCounts:
        return PairCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def compare_documents(
    chosen: Sequence[str],
    selection: Sequence[int],
    prepared: Mapping[str, Mapping[int, PreparedLayer]],
    names: Mapping[int, str],
) -> tuple[dict[tuple[str, str], PairTally], list[DocumentAgreement]]:
    """Tally every pair of `chosen` (in their order) on every document of `selection` both
    have; one DocumentAgreement per document, named from `names` (else "document N")."""
    tallies = {pair: PairTally() for pair in combinations(chosen, 2)}
    rows = []
    for doc in selection:
        present = tuple(name for name in chosen if doc in prepared[name])
        exact, entity_off, relation_off = F1Counts(), 0, 0
        for first, second in combinations(present, 2):
            tally = tallies[first, second]
            counts, off, rel_off = _compare_pair(prepared[first][doc], prepared[second][doc], tally)
            exact += counts
            entity_off += off
            relation_off += rel_off
        name = names.get(doc, f"document {doc}")
        rows.append(DocumentAgreement(doc, name, present, exact, entity_off, relation_off))
    return tallies, rows


def _compare_pair(
    a: PreparedLayer, b: PreparedLayer, tally: PairTally
) -> tuple[F1Counts, int, int]:
    """Add one document's comparison of two layers to `tally`.

    Returns the document's exact-span counts, its number of off-diagonal confusion entries
    and of relations only one of the two has.
    """
    both = a.entities & b.entities
    tally.documents += 1
    tally.exact.extend(map(itemgetter(2), both))
    tally.first.extend(a.labels)
    tally.second.extend(b.labels)
    entity_off = 0
    if len(both) < len(a.entities) or len(both) < len(b.entities):
        only_a, only_b = a.entities - both, b.entities - both
        if only_a and only_b:
            tally.relaxed_extra.update(_relaxed_matches(only_a, only_b))
        entity_off = _confuse_leftovers(only_a, only_b, tally.leftovers)
    relations_both = a.relations & b.relations
    tally.rel_matched.extend(map(itemgetter(2), relations_both))
    tally.rel_first.extend(a.relation_types)
    tally.rel_second.extend(b.relation_types)
    relation_off = len(a.relations) + len(b.relations) - 2 * len(relations_both)
    return F1Counts(len(both), len(a.entities), len(b.entities)), entity_off, relation_off


def _relaxed_matches(only_a: Iterable[Entity], only_b: Iterable[Entity]) -> Counter[str]:
    """Per label, how many of the spans not matched exactly pair up one-to-one by overlap
    (at least one code point in common)."""
    by_label_b: dict[str, list[SpanKey]] = defaultdict(list)
    for start, end, name in only_b:
        by_label_b[name].append((start, end))
    edges: dict[str, list[tuple[SpanKey, SpanKey, int]]] = defaultdict(list)
    for start, end, name in only_a:
        for other_start, other_end in by_label_b.get(name, ()):
            overlap = min(end, other_end) - max(start, other_start)
            if overlap > 0:
                edges[name].append(((start, end), (other_start, other_end), overlap))
    return Counter({name: _maximum_matching(found) for name, found in edges.items()})


def _maximum_matching(edges: list[tuple[SpanKey, SpanKey, int]]) -> int:
    """Size of a matching of the first annotator's spans to the second's along `edges`
    (span, span, overlap) with the most pairs and, among those, the most overlap:
    scipy.optimize.linear_sum_assignment with weight `1 + total overlap + overlap`, so one
    more pair always outweighs any gain in overlap."""
    firsts = list(dict.fromkeys(e[0] for e in edges))
    seconds = list(dict.fromkeys(e[1] for e in edges))
    if len(firsts) == len(seconds) == len(edges):
        return len(edges)  # no span has two candidates
    from scipy.optimize import linear_sum_assignment

    row = {span: i for i, span in enumerate(firsts)}
    column = {span: j for j, span in enumerate(seconds)}
    weight = np.zeros((len(firsts), len(seconds)), dtype=np.int64)
    bonus = 1 + sum(e[2] for e in edges)
    for first, second, overlap in edges:
        weight[row[first], column[second]] = bonus + overlap
    rows, columns = linear_sum_assignment(weight, maximize=True)
    return int(np.count_nonzero(weight[rows, columns]))


def _confuse_leftovers(
    only_a: Iterable[Entity], only_b: Iterable[Entity], confusion: Counter[tuple[str, str]]
) -> int:
    """Count spans not matched exactly: a label against a label at the same position,
    otherwise against NONE. Returns the number of entries added."""
    at_a: dict[SpanKey, list[str]] = defaultdict(list)
    for start, end, name in only_a:
        at_a[start, end].append(name)
    at_b: dict[SpanKey, list[str]] = defaultdict(list)
    for start, end, name in only_b:
        at_b[start, end].append(name)
    added = 0
    for position in at_a.keys() | at_b.keys():
        pairs = zip_longest(sorted(at_a.get(position, ())), sorted(at_b.get(position, ())))
        for first, second in pairs:
            confusion[first or NONE, second or NONE] += 1
            added += 1
    return added


def disagreement_order(row: DocumentAgreement) -> tuple[int, float, int]:
    """Sort key of the per-document table: most disagreements first, then lowest exact F1
    (a document without entities counts as 1), then document id."""
    f1 = row.exact.f1
    return (-row.disagreements, 1.0 if f1 is None else f1, row.document_id)
