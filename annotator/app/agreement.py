"""Inter-annotator agreement on entities and relations: pure values in, an AgreementReport out.

No Qt, no SQL, no store: the caller reads each annotator's layer of each document it marked
done and passes plain values. Offsets are code points (Python string indices) into the
document's text; an entity is `(start, end, label)` with `0 <= start < end <= len(text)`; a
relation is `(head entity, tail entity, type)`.

Which documents: those of `texts` that at least two of the chosen annotators have a layer
for. Every statistic "per pair" compares two annotators on the documents both have;
"overall" sums the pairs' counts (micro average over pairs), except kappa, whose overall
value is the mean of the pairs' kappas (Light's kappa), and alpha, which is computed once
over all chosen annotators. "Per label" restricts a statistic to one entity label (for
relations: one relation type); "micro" pools the counts of all labels.

Span statistics (per document, per pair; A and B are the two annotators' entity sets):

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

Token statistics (Cohen's kappa, Krippendorff's alpha) on IOB tags:

- tokens: camel-tools' word tokens split at every entity start and end of every chosen
  annotator (`annotator.text.tokens.split_at_boundaries`), whatever the `label` filter, so
  every entity covers whole tokens and a label's numbers do not depend on the filter.
- nested entities: a unit is a (token, label) pair and has one tag per annotator: O, B or
  I. Entities of different labels are thus independent (a LOC inside an ORG tags both
  units). Entities of the same label that nest or cross are merged into their union
  (nested: the outermost span); the tag is B on the first token of each union, I on the
  rest; two same-label entities that touch stay two (B ... B). An entity that covers no
  token (only whitespace) is not seen at token level.
- kappa: sklearn.metrics.cohen_kappa_score (Cohen 1960) per pair, per label on the values
  O/B/I, and micro on all units with label-specific values (O, B-PER, I-PER, B-LOC, ...).
  It is computed on the distinct (tag, tag) pairs weighted by their counts
  (`sample_weight`), which is the same number as on the raw units.
- alpha: krippendorff.alpha(value_counts=..., level_of_measurement="nominal")
  (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), over all chosen
  annotators; an annotator without a document is a missing value for its units. Units on
  which all their coders agree are summed into one unit per value before the call: such a
  unit with c coders adds exactly c to the coincidence o_vv, so alpha is unchanged and
  the call stays small.
- None where a statistic is undefined: no unit, or chance agreement already 1 (only one
  value in use).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import combinations, zip_longest
from operator import attrgetter, itemgetter, lt
from typing import Any

import numpy as np

from annotator.text.tokens import Word, split_at_boundaries, words_with_offsets

Entity = tuple[int, int, str]
Relation = tuple[Entity, Entity, str]
SpanKey = tuple[int, int]
RelationKey = tuple[SpanKey, SpanKey, str]

NONE = "none"
"""Row or column of the confusion matrix for a span the other annotator did not mark."""

O_TAG, B_TAG, I_TAG, MISSING = 0, 1, 2, -1
IOB = ("O", "B", "I")


class AgreementError(ValueError):
    """The input cannot be compared: too few or unknown annotators, a layer that does not
    belong where it is filed, a document without text, or an entity outside its text."""


@dataclass(frozen=True, slots=True)
class LayerDocument:
    """One annotator's entities and relations on one document (code-point offsets)."""

    annotator: str
    document_id: int
    entities: frozenset[Entity]
    relations: frozenset[Relation] = frozenset()


@dataclass(frozen=True, slots=True)
class F1Counts:
    """Items both annotators have (`matched`) and each one's total; F1 = 2m / (first + second)."""

    matched: int = 0
    first: int = 0
    second: int = 0

    @property
    def f1(self) -> float | None:
        total = self.first + self.second
        return 2 * self.matched / total if total else None

    def __add__(self, other: F1Counts) -> F1Counts:
        return F1Counts(
            self.matched + other.matched, self.first + other.first, self.second + other.second
        )

    def to_json(self) -> dict[str, Any]:
        return {"f1": self.f1, "matched": self.matched, "first": self.first, "second": self.second}


@dataclass(frozen=True, slots=True)
class Ratio:
    """`agreed` out of `total`; value None when total is 0."""

    agreed: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.agreed / self.total if self.total else None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "agreed": self.agreed, "total": self.total}


@dataclass(frozen=True, slots=True)
class Confusion:
    """Label confusion counts: `counts[i][j]` spans the first annotator labelled
    `labels[i]` where the second labelled `labels[j]`; the last label is NONE."""

    labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def array(self) -> np.ndarray:
        return np.array(self.counts, dtype=np.int64).reshape(len(self.labels), len(self.labels))

    def label_agreement(self) -> tuple[dict[str, Ratio], Ratio]:
        """Per label and micro: same-label share of positions both annotators marked."""
        matrix = self.array()[:-1, :-1]
        diagonal = np.diag(matrix)
        per_label = {
            label: Ratio(
                int(diagonal[i]), int(matrix[i, :].sum() + matrix[:, i].sum() - diagonal[i])
            )
            for i, label in enumerate(self.labels[:-1])
        }
        return per_label, Ratio(int(diagonal.sum()), int(matrix.sum()))

    def to_json(self) -> dict[str, Any]:
        return {"labels": list(self.labels), "counts": [list(row) for row in self.counts]}


@dataclass(frozen=True)
class Scores:
    """The statistics of one pair of annotators, or overall (all pairs summed)."""

    annotators: tuple[str, ...]
    documents: int
    exact: dict[str, F1Counts]
    relaxed: dict[str, F1Counts]
    label_agreement: dict[str, Ratio]
    label_agreement_micro: Ratio
    kappa: dict[str, float | None]
    kappa_micro: float | None
    relations: dict[str, F1Counts]
    confusion: Confusion

    @property
    def exact_micro(self) -> F1Counts:
        return sum(self.exact.values(), F1Counts())

    @property
    def relaxed_micro(self) -> F1Counts:
        return sum(self.relaxed.values(), F1Counts())

    @property
    def relations_micro(self) -> F1Counts:
        return sum(self.relations.values(), F1Counts())

    def to_json(self) -> dict[str, Any]:
        def counts(per: dict[str, F1Counts], micro: F1Counts) -> dict[str, Any]:
            return {"micro": micro.to_json(), "per_label": {k: v.to_json() for k, v in per.items()}}

        return {
            "annotators": list(self.annotators),
            "documents": self.documents,
            "exact": counts(self.exact, self.exact_micro),
            "relaxed": counts(self.relaxed, self.relaxed_micro),
            "label_agreement": {
                "micro": self.label_agreement_micro.to_json(),
                "per_label": {k: v.to_json() for k, v in self.label_agreement.items()},
            },
            "kappa": {"micro": self.kappa_micro, "per_label": dict(self.kappa)},
            "relations": counts(self.relations, self.relations_micro),
            "confusion": self.confusion.to_json(),
        }


@dataclass(frozen=True)
class DocumentAgreement:
    """One document's row: exact-span counts over its pairs and how many disagreements."""

    document_id: int
    name: str
    annotators: tuple[str, ...]
    exact: F1Counts
    entity_disagreements: int
    relation_disagreements: int

    @property
    def disagreements(self) -> int:
        """Off-diagonal confusion entries plus relations only one of a pair has, all pairs."""
        return self.entity_disagreements + self.relation_disagreements

    def to_json(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "name": self.name,
            "annotators": list(self.annotators),
            "exact_f1": self.exact.f1,
            "disagreements": self.disagreements,
            "entity_disagreements": self.entity_disagreements,
            "relation_disagreements": self.relation_disagreements,
        }


@dataclass(frozen=True)
class AgreementReport:
    """Everything `compute_agreement` found; `documents` is sorted most disagreement first."""

    annotators: tuple[str, ...]
    label: str | None
    labels: tuple[str, ...]
    relation_types: tuple[str, ...]
    documents: tuple[DocumentAgreement, ...]
    pairs: tuple[Scores, ...]
    overall: Scores
    alpha: dict[str, float | None]
    alpha_micro: float | None
    tokens: int = 0

    def to_json(self) -> dict[str, Any]:
        """A plain dict of lists, strings, numbers and None (for `json.dump`)."""
        return {
            "annotators": list(self.annotators),
            "label": self.label,
            "labels": list(self.labels),
            "relation_types": list(self.relation_types),
            "tokens": self.tokens,
            "overall": self.overall.to_json(),
            "alpha": {"micro": self.alpha_micro, "per_label": dict(self.alpha)},
            "pairs": [pair.to_json() for pair in self.pairs],
            "documents": [document.to_json() for document in self.documents],
        }


def compute_agreement(
    texts: Mapping[int, str],
    layers: Mapping[str, Mapping[int, LayerDocument]],
    annotators: Sequence[str] | None = None,
    label: str | None = None,
    *,
    names: Mapping[int, str] | None = None,
    symmetric_relation_types: Iterable[str] = (),
    words: Mapping[int, Sequence[Word]] | None = None,
) -> AgreementReport:
    """Agreement of `annotators` (default: all of `layers`, sorted) on the documents of
    `texts` that at least two of them have.

    `texts`: document id -> text. `layers`: annotator -> document id -> LayerDocument.
    `label`: restrict entity statistics to this label (relations: head or tail has it).
    `names`: document id -> name for the per-document table (default "document N").
    `symmetric_relation_types`: relation types whose head and tail are unordered.
    `words`: document id -> `words_with_offsets(text)` if the caller already has them
    (the tokenizer is the costliest step); otherwise each text is tokenised once here.

    Raises AgreementError (a ValueError) for fewer than two annotators, an annotator not in
    `layers`, a LayerDocument filed under another annotator or document id, a compared
    document missing from `texts`, an entity outside its text, or a label named NONE.
    """
    chosen = _choose_annotators(layers, annotators)
    selection = _select_documents(texts, layers, chosen)
    symmetric = frozenset(symmetric_relation_types)
    prepared = {
        name: {
            doc: _prepare_layer(layers[name][doc], len(texts[doc]), label, symmetric)
            for doc in selection
            if doc in layers[name]
        }
        for name in chosen
    }
    labels = _labels_in(prepared, label)
    tallies, documents = _compare_documents(chosen, selection, prepared, names or {})
    kappas, alphas, token_count = _token_statistics(
        texts, words or {}, chosen, selection, prepared, labels
    )
    counts = {pair: _Counts.of(tally) for pair, tally in tallies.items()}
    pairs = tuple(_scores(pair, counts[pair], labels, kappas[pair]) for pair in counts)
    return AgreementReport(
        annotators=chosen,
        label=label,
        labels=labels,
        relation_types=tuple(
            sorted({t for c in counts.values() for t in c.rel_first.keys() | c.rel_second.keys()})
        ),
        documents=tuple(sorted(documents, key=_disagreement_order)),
        pairs=pairs,
        overall=_overall(chosen, len(selection), list(counts.values()), labels, pairs),
        alpha=alphas[0],
        alpha_micro=alphas[1],
        tokens=token_count,
    )


# -- choosing and preparing the input ------------------------------------------------------


def _choose_annotators(
    layers: Mapping[str, Mapping[int, LayerDocument]], annotators: Sequence[str] | None
) -> tuple[str, ...]:
    chosen = tuple(sorted(layers)) if annotators is None else tuple(dict.fromkeys(annotators))
    unknown = [name for name in chosen if name not in layers]
    if unknown:
        raise AgreementError(f"no layers for annotator(s) {', '.join(map(repr, unknown))}")
    if len(chosen) < 2:
        raise AgreementError(f"agreement needs at least two annotators, got {len(chosen)}")
    for name in chosen:
        for doc, layer in layers[name].items():
            if layer.annotator != name or layer.document_id != doc:
                raise AgreementError(
                    f"the layer of {layer.annotator!r} on document {layer.document_id} is "
                    f"filed under annotator {name!r}, document {doc}"
                )
    return chosen


def _select_documents(
    texts: Mapping[int, str], layers: Mapping[str, Mapping[int, LayerDocument]], chosen
) -> list[int]:
    """Document ids at least two chosen annotators have, in increasing order."""
    have = Counter(doc for name in chosen for doc in layers[name])
    selection = sorted(doc for doc, count in have.items() if count >= 2)
    missing = [doc for doc in selection if doc not in texts]
    if missing:
        raise AgreementError(f"no text for document(s) {', '.join(map(str, missing[:10]))}")
    return selection


@dataclass(slots=True)
class _Layer:
    """A layer ready for comparison: entities after the label filter, relation keys."""

    all_entities: frozenset[Entity]
    entities: frozenset[Entity]
    labels: list[str]  # one per entity
    relations: frozenset[RelationKey]
    relation_types: list[str]  # one per relation


def _prepare_layer(
    layer: LayerDocument, length: int, label: str | None, symmetric: frozenset[str]
) -> _Layer:
    _check_entities(layer, length)
    entities = layer.entities
    if label is not None:
        entities = frozenset(e for e in entities if e[2] == label)
    relations = set()
    for head, tail, type_name in layer.relations:
        if label is not None and head[2] != label and tail[2] != label:
            continue
        head_span, tail_span = head[:2], tail[:2]
        if type_name in symmetric and tail_span < head_span:
            head_span, tail_span = tail_span, head_span
        relations.add((head_span, tail_span, type_name))
    return _Layer(
        layer.entities,
        entities,
        list(map(itemgetter(2), entities)),
        frozenset(relations),
        list(map(itemgetter(2), relations)),
    )


def _check_entities(layer: LayerDocument, length: int) -> None:
    """Raise AgreementError unless 0 <= start < end <= length and no label is NONE."""
    if not layer.entities:
        return
    starts = list(map(itemgetter(0), layer.entities))
    ends = list(map(itemgetter(1), layer.entities))
    if min(starts) >= 0 and max(ends) <= length and all(map(lt, starts, ends)):
        if NONE not in map(itemgetter(2), layer.entities):
            return
        raise AgreementError(f"the label {NONE!r} is reserved for the confusion matrix")
    for start, end, name in layer.entities:
        if not 0 <= start < end <= length:
            raise AgreementError(
                f"{layer.annotator}, document {layer.document_id}: entity {name} at "
                f"{start}-{end} is not inside the text (length {length})"
            )


def _labels_in(prepared: dict[str, dict[int, _Layer]], label: str | None) -> tuple[str, ...]:
    if label is not None:
        return (label,)
    found = set()
    for by_doc in prepared.values():
        for lay in by_doc.values():
            found.update(lay.labels)
    return tuple(sorted(found))


# -- span and relation comparison ------------------------------------------------------------


@dataclass(slots=True)
class _Tally:
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
class _Counts:
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
    def of(cls, tally: _Tally) -> _Counts:
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

    def __add__(self, other: _Counts) -> _Counts:
        return _Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def _compare_documents(chosen, selection, prepared, names):
    """Tally every pair on every document; one DocumentAgreement per document."""
    tallies = {pair: _Tally() for pair in combinations(chosen, 2)}
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


def _compare_pair(a: _Layer, b: _Layer, tally: _Tally) -> tuple[F1Counts, int, int]:
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


def _disagreement_order(row: DocumentAgreement) -> tuple[int, float, int]:
    f1 = row.exact.f1
    return (-row.disagreements, 1.0 if f1 is None else f1, row.document_id)


# -- assembling scores -----------------------------------------------------------------------


def _scores(annotators, tally: _Counts, labels, kappas) -> Scores:
    """A pair's (or all pairs') Scores from its counts and its kappas (per label, micro)."""
    relation_types = sorted(tally.rel_first.keys() | tally.rel_second.keys())
    confusion = _confusion(tally.confusion, labels)
    per_label, micro = confusion.label_agreement()
    return Scores(
        annotators=tuple(annotators),
        documents=tally.documents,
        exact={n: F1Counts(tally.exact[n], tally.first[n], tally.second[n]) for n in labels},
        relaxed={n: F1Counts(tally.relaxed[n], tally.first[n], tally.second[n]) for n in labels},
        label_agreement=per_label,
        label_agreement_micro=micro,
        kappa=kappas[0],
        kappa_micro=kappas[1],
        relations={
            t: F1Counts(tally.rel_matched[t], tally.rel_first[t], tally.rel_second[t])
            for t in relation_types
        },
        confusion=confusion,
    )


def _confusion(cells: Counter[tuple[str, str]], labels: Sequence[str]) -> Confusion:
    order = (*labels, NONE)
    return Confusion(order, tuple(tuple(cells[row, col] for col in order) for row in order))


def _overall(chosen, documents: int, counts: Sequence[_Counts], labels, pairs) -> Scores:
    """All pairs summed; kappa is the mean over pairs where defined (Light's kappa)."""
    total = sum(counts[1:], counts[0])
    per_label = {n: _mean([pair.kappa[n] for pair in pairs]) for n in labels}
    scores = _scores(chosen, total, labels, (per_label, _mean([p.kappa_micro for p in pairs])))
    return replace(scores, documents=documents)


def _mean(values: Iterable[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


# -- token statistics: Cohen's kappa and Krippendorff's alpha on IOB tags ----------------------


def _token_statistics(texts, words, chosen, selection, prepared, labels):
    """Kappa per pair and alpha over all chosen annotators, on (token, label) units.

    Returns ({pair: (kappa per label, kappa micro)}, (alpha per label, alpha micro), number
    of tokens in the compared documents).
    """
    starts, spans, present = _tokenise(texts, words, chosen, selection, prepared, labels)
    tags = {name: _iob_tags(starts, spans[name], present[name], len(labels)) for name in chosen}
    kappas = {
        (a, b): _pair_kappas(tags[a], tags[b], present[a] & present[b], labels)
        for a, b in combinations(chosen, 2)
    }
    return kappas, _alphas(list(tags.values()), labels), len(starts)


def _tokenise(texts, words, chosen, selection, prepared, labels):
    """Lay the compared documents end to end (each text plus one code point).

    Returns the tokens' start offsets in those global coordinates (sorted), per annotator
    its entities (after the label filter) as (starts, ends, label indices) in the same
    coordinates, and per annotator a mask of the tokens of the documents it has.
    """
    label_of = {name: i for i, name in enumerate(labels)}.__getitem__
    starts: list[int] = []  # offsets in their document, with their document's base beside
    bases: list[int] = []
    spans = {name: ([], [], [], []) for name in chosen}  # starts, ends, labels, bases
    ranges: dict[str, list[tuple[int, int]]] = {name: [] for name in chosen}
    base = 0
    for doc in selection:
        text = texts[doc]
        have = [(name, prepared[name][doc]) for name in chosen if doc in prepared[name]]
        boundaries: set[int] = set()
        for _, lay in have:
            boundaries.update(map(itemgetter(0), lay.all_entities))
            boundaries.update(map(itemgetter(1), lay.all_entities))
        doc_words = words[doc] if doc in words else words_with_offsets(text)
        first = len(starts)
        starts.extend(map(attrgetter("start"), split_at_boundaries(doc_words, boundaries)))
        bases.extend([base] * (len(starts) - first))
        for name, lay in have:
            ranges[name].append((first, len(starts)))
            if lay.entities:
                span_starts, span_ends, span_labels, span_bases = spans[name]
                entity_starts, entity_ends, entity_labels = zip(*lay.entities, strict=True)
                span_starts.extend(entity_starts)
                span_ends.extend(entity_ends)
                span_labels.extend(map(label_of, entity_labels))
                span_bases.extend([base] * len(entity_starts))
        base += len(text) + 1
    present = {name: _mask(ranges[name], len(starts)) for name in chosen}
    global_spans = {
        name: (_plus(s, b), _plus(e, b), np.array(labels, dtype=np.int64))
        for name, (s, e, labels, b) in spans.items()
    }
    return _plus(starts, bases), global_spans, present


def _mask(ranges: list[tuple[int, int]], count: int) -> np.ndarray:
    mask = np.zeros(count, dtype=bool)
    for first, last in ranges:
        mask[first:last] = True
    return mask


def _plus(offsets: list[int], bases: list[int]) -> np.ndarray:
    return np.array(offsets, dtype=np.int64) + np.array(bases, dtype=np.int64)


def _iob_tags(starts: np.ndarray, spans, present: np.ndarray, label_count: int) -> np.ndarray:
    """One annotator's tags, shape (labels, tokens), int8: O_TAG, B_TAG, I_TAG or MISSING.

    A token is inside an entity when its start lies in [start, end) (tokens are split at
    every boundary). Per label, `cover` counts the entities over each token and `opened`
    those starting on it: B where an entity starts and no earlier one covers the token.
    """
    count = len(starts)
    tags = np.full((label_count, count), O_TAG, dtype=np.int8)
    span_starts, span_ends, span_labels = spans
    if len(span_starts):
        first = np.searchsorted(starts, span_starts)
        last = np.searchsorted(starts, span_ends)
        keep = last > first
        width = count + 1
        size = label_count * width
        row = span_labels[keep] * width
        opened = np.bincount(row + first[keep], minlength=size).reshape(label_count, width)
        closed = np.bincount(row + last[keep], minlength=size).reshape(label_count, width)
        cover = np.cumsum(opened - closed, axis=1)[:, :count]
        opened = opened[:, :count]
        tags[cover > 0] = I_TAG
        tags[(opened > 0) & (cover == opened)] = B_TAG
    tags[:, ~present] = MISSING
    return tags


def _pair_kappas(tags_a, tags_b, both: np.ndarray, labels) -> tuple[dict, float | None]:
    """Cohen's kappa per label (values O/B/I) and micro (label-specific values)."""
    if not both.all():
        tags_a, tags_b = tags_a[:, both], tags_b[:, both]
    tables = _contingencies(tags_a, tags_b)
    per_label = {name: _kappa(tables[i]) for i, name in enumerate(labels)}
    micro = _kappa(_pooled_table(tables)) if labels else None
    return per_label, micro


def _contingencies(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Per label a 3x3 table of (first's tag, second's tag) counts; shape (labels, 3, 3)."""
    label_count = first.shape[0]
    cells = (first.astype(np.int64) * 3 + second) + 9 * np.arange(label_count)[:, None]
    return np.bincount(cells.ravel(), minlength=9 * label_count).reshape(label_count, 3, 3)


def _pooled_table(tables: np.ndarray) -> np.ndarray:
    """The labels' tables as one table on label-specific values: O -> 0, B of label i ->
    1 + 2i, I of label i -> 2 + 2i (a unit is one label's, so labels never cross)."""
    values = 1 + 2 * len(tables)
    pooled = np.zeros((values, values), dtype=np.int64)
    for i, table in enumerate(tables):
        codes = [0, 1 + 2 * i, 2 + 2 * i]
        pooled[np.ix_(codes, codes)] += table
    return pooled


def _kappa(table: np.ndarray) -> float | None:
    """sklearn.metrics.cohen_kappa_score on a contingency table (rows: first annotator).

    None with no unit or when chance agreement is 1 (both used one and the same value).
    """
    total = int(table.sum())
    if total == 0 or int(table.sum(axis=1) @ table.sum(axis=0)) == total * total:
        return None
    from sklearn.metrics import cohen_kappa_score

    rows, columns = np.nonzero(table)
    return float(
        cohen_kappa_score(
            rows, columns, labels=np.arange(len(table)), sample_weight=table[rows, columns]
        )
    )


def _alphas(tags: list[np.ndarray], labels) -> tuple[dict[str, float | None], float | None]:
    """Krippendorff's alpha (nominal) per label and micro over all annotators' tags."""
    if not labels:
        return {}, None
    stacked = np.stack(tags)  # (annotators, labels, tokens)
    per_label, values = {}, 1 + 2 * len(labels)
    pooled_agreed = np.zeros(values, dtype=np.int64)
    pooled_rows = []
    for i, name in enumerate(labels):
        agreed, disagreeing = _compress(stacked[:, i, :])
        per_label[name] = _alpha(agreed, disagreeing)
        columns = [0, 1 + 2 * i, 2 + 2 * i]
        pooled_agreed[columns] += agreed
        rows = np.zeros((len(disagreeing), values), dtype=np.int64)
        rows[:, columns] = disagreeing
        pooled_rows.append(rows)
    return per_label, _alpha(pooled_agreed, np.vstack(pooled_rows))


def _compress(tags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Tags of one label, shape (annotators, tokens), MISSING where not coded ->
    (per value, the coders of the units where at least two gave that value and no other;
    value counts (O, B, I) of the units where coders differ)."""
    coders = (tags != MISSING).sum(axis=0)
    highest = tags.max(axis=0)
    lowest = np.where(tags == MISSING, I_TAG + 1, tags).min(axis=0)
    agree = (highest == lowest) & (coders >= 2)
    agreed = np.bincount(highest[agree], weights=coders[agree], minlength=len(IOB))
    differ = tags[:, (highest != lowest) & (coders >= 2)]
    counts = np.stack([(differ == value).sum(axis=0) for value in range(len(IOB))], axis=1)
    return agreed.astype(np.int64), counts.astype(np.int64)


def _alpha(agreed: np.ndarray, disagreeing: np.ndarray) -> float | None:
    """krippendorff.alpha, nominal, on the agreeing units summed into one per value plus
    the disagreeing units; None without pairable units or with one value in use."""
    rows = np.vstack([np.diag(agreed)[agreed > 0], disagreeing])
    if len(rows) == 0 or np.count_nonzero(rows.sum(axis=0)) < 2:
        return None
    import krippendorff

    return float(krippendorff.alpha(value_counts=rows, level_of_measurement="nominal"))
