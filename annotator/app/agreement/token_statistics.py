"""Token-level agreement: Cohen's kappa per pair and Krippendorff's alpha over all
annotators, on IOB tags of (token, label) units.

- tokens: camel-tools' word tokens split at every entity start and end of every chosen
  annotator (`annotator.text.tokens.split_at_boundaries`, here in its array form
  `token_starts` on `word_edges`), whatever the `label` filter, so every entity covers
  whole tokens and a label's numbers do not depend on the filter.
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

from collections.abc import Mapping, Sequence
from itertools import combinations
from operator import itemgetter

import numpy as np

from annotator.app.agreement.inputs import PreparedLayer
from annotator.text.tokens import token_starts, word_edges

O_TAG, B_TAG, I_TAG, MISSING = 0, 1, 2, -1
IOB = ("O", "B", "I")


def kappas_and_alphas(
    texts: Mapping[int, str],
    chosen: Sequence[str],
    selection: Sequence[int],
    prepared: Mapping[str, Mapping[int, PreparedLayer]],
    labels: Sequence[str],
) -> tuple[dict[tuple[str, str], tuple[dict, float | None]], tuple[dict, float | None], int]:
    """Kappa per pair and alpha over all chosen annotators, on (token, label) units of the
    documents of `selection`.

    Returns ({pair: (kappa per label, kappa micro)}, (alpha per label, alpha micro), number
    of tokens in the compared documents); None for a statistic that is undefined.
    """
    starts, spans, present = _tokenise(texts, chosen, selection, prepared, labels)
    tags = {name: iob_tags(starts, spans[name], present[name], len(labels)) for name in chosen}
    kappas = {
        (a, b): _pair_kappas(tags[a], tags[b], present[a] & present[b], labels)
        for a, b in combinations(chosen, 2)
    }
    return kappas, _alphas(list(tags.values()), labels), len(starts)


def _tokenise(texts, chosen, selection, prepared, labels):
    """Lay the compared documents end to end, each text followed by a line break, and
    tokenise them in one pass (`word_edges` gives each text's words, shifted).

    Returns the tokens' start offsets in those global coordinates (sorted), per annotator
    its entities (after the label filter) as (starts, ends, label indices) in the same
    coordinates, and per annotator a mask of the tokens of the documents it has.
    """
    lengths = np.array([len(texts[doc]) + 1 for doc in selection], dtype=np.int64)
    bases = np.cumsum(lengths) - lengths
    label_of = {name: i for i, name in enumerate(labels)}
    spans, boundaries = {}, []
    for name in chosen:
        by_doc = prepared[name]
        spans[name] = _global_entities(selection, bases, by_doc, "entities", label_of)
        if all(lay.all_entities is lay.entities for lay in by_doc.values()):
            boundaries += spans[name][:2]
        else:
            boundaries += _global_entities(selection, bases, by_doc, "all_entities")[:2]
    word_starts, word_ends = word_edges("".join(texts[doc] + "\n" for doc in selection))
    starts = token_starts(word_starts, word_ends, np.concatenate(boundaries))
    document_of_token = np.searchsorted(bases, starts, side="right") - 1
    present = {
        name: np.array([doc in prepared[name] for doc in selection], dtype=bool)[document_of_token]
        for name in chosen
    }
    return starts, spans, present


def _global_entities(selection, bases, by_doc, which, label_of=None):
    """One annotator's entities (`which`: the filtered `entities` or `all_entities`) of
    the documents in `selection`, shifted by their document's base: (starts, ends, label
    indices in `label_of`, or None without it), three int64 arrays."""
    rows: list = []
    row_bases: list[int] = []
    for doc, base in zip(selection, bases.tolist(), strict=True):
        lay = by_doc.get(doc)
        if lay is not None:
            entities = getattr(lay, which)
            rows += entities
            row_bases += [base] * len(entities)
    count, shift = len(rows), np.array(row_bases, dtype=np.int64)
    starts = np.fromiter(map(itemgetter(0), rows), np.int64, count) + shift
    ends = np.fromiter(map(itemgetter(1), rows), np.int64, count) + shift
    if label_of is None:
        return starts, ends, None
    labels = np.fromiter(map(label_of.__getitem__, map(itemgetter(2), rows)), np.int64, count)
    return starts, ends, labels


def iob_tags(starts: np.ndarray, spans, present: np.ndarray, label_count: int) -> np.ndarray:
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
        agreed, disagreeing = compress_units(stacked[:, i, :])
        per_label[name] = nominal_alpha(agreed, disagreeing)
        columns = [0, 1 + 2 * i, 2 + 2 * i]
        pooled_agreed[columns] += agreed
        rows = np.zeros((len(disagreeing), values), dtype=np.int64)
        rows[:, columns] = disagreeing
        pooled_rows.append(rows)
    return per_label, nominal_alpha(pooled_agreed, np.vstack(pooled_rows))


def compress_units(tags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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


def nominal_alpha(agreed: np.ndarray, disagreeing: np.ndarray) -> float | None:
    """krippendorff.alpha, nominal, on the agreeing units summed into one per value plus
    the disagreeing units; None without pairable units or with one value in use."""
    rows = np.vstack([np.diag(agreed)[agreed > 0], disagreeing])
    if len(rows) == 0 or np.count_nonzero(rows.sum(axis=0)) < 2:
        return None
    import krippendorff

    return float(krippendorff.alpha(value_counts=rows, level_of_measurement="nominal"))
