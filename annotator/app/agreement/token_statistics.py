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

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from annotator.app.agreement.columns import Corpus
from annotator.app.agreement.inputs import Comparison
from annotator.text.tokens import token_starts

O_TAG, B_TAG, I_TAG, MISSING = 0, 1, 2, -1
IOB = ("O", "B", "I")


@dataclass(frozen=True, eq=False)
class TokenTags:
    """Each annotator's IOB tags (labels x tokens, int8) on the compared documents' tokens,
    and per annotator the mask of the tokens of the documents it has."""

    tags: list[np.ndarray]
    present: list[np.ndarray]
    tokens: int


def tag_tokens(corpus: Corpus, comparison: Comparison) -> TokenTags:
    """Tokenise the compared documents and tag them for each of the comparison's
    annotators, on (token, label) units."""
    starts, document_of_token = _tokens(corpus, comparison)
    shift = corpus.bases[comparison.document]
    tags, present = [], []
    for index in range(len(comparison.annotators)):
        rows = comparison.annotator == index
        spans = (
            comparison.start[rows] + shift[rows],
            comparison.end[rows] + shift[rows],
            comparison.label[rows],
        )
        present.append(comparison.has[index][document_of_token])
        tags.append(iob_tags(starts, spans, present[-1], len(comparison.labels)))
    return TokenTags(tags, present, len(starts))


def pair_kappas(
    tagged: TokenTags, names: Sequence[str], labels: Sequence[str]
) -> dict[tuple[str, str], tuple[dict[str, float | None], float | None]]:
    """Cohen's kappa of every pair of `names` (the tagged annotators, in order): per
    label and micro, on the units of the documents both have; None where undefined."""
    tags, present = tagged.tags, tagged.present
    return {
        (names[i], names[j]): _pair_kappas(tags[i], tags[j], present[i] & present[j], labels)
        for i, j in combinations(range(len(names)), 2)
    }


def alphas(
    tagged: TokenTags, labels: Sequence[str]
) -> tuple[dict[str, float | None], float | None]:
    """Krippendorff's alpha over all tagged annotators: per label and micro."""
    return _alphas(tagged.tags, labels)


def _tokens(corpus: Corpus, comparison: Comparison) -> tuple[np.ndarray, np.ndarray]:
    """The tokens of the compared documents: the corpus's words of those documents split
    at every start and end of every entity of the comparison's annotators (whatever the
    label filter), as start offsets in the joined texts (sorted), and their documents."""
    word_starts, word_ends, word_document = corpus.words
    compared = comparison.has.any(axis=0)
    words = compared[word_document]
    document, start, end = comparison.all_entities[1:]
    shift = corpus.bases[document]
    starts = token_starts(
        word_starts[words], word_ends[words], np.concatenate([start + shift, end + shift])
    )
    return starts, np.searchsorted(corpus.bases, starts, side="right") - 1


def iob_tags(starts: np.ndarray, spans, present: np.ndarray, label_count: int) -> np.ndarray:
    """One annotator's tags, shape (labels, tokens), int8: O_TAG, B_TAG, I_TAG or MISSING.

    A token is inside an entity when its start lies in [start, end) (tokens are split at
    every boundary). Per label, `cover` counts the entities over each token: I where it
    is positive, then B on a token where entities start and none started earlier covers.
    """
    count = len(starts)
    tags = np.zeros((label_count, count), dtype=np.int8)  # O_TAG
    span_starts, span_ends, span_labels = spans
    if len(span_starts):
        order = np.argsort(span_starts, kind="stable")  # sorted keys search faster
        span_starts, span_ends, span_labels = (
            span_starts[order],
            span_ends[order],
            span_labels[order],
        )
        first = np.searchsorted(starts, span_starts)
        last = np.searchsorted(starts, span_ends)
        keep = last > first
        first, last, span_labels = first[keep], last[keep], span_labels[keep]
        width = count + 1  # a row per label, and a column past the last token
        opens = span_labels * width + first
        size = label_count * width
        cover = np.bincount(opens, minlength=size)
        opened = cover[opens]  # how many start where each entity starts
        cover -= np.bincount(span_labels * width + last, minlength=size)
        rows = cover.reshape(label_count, width)
        np.cumsum(rows, axis=1, out=rows)
        np.multiply(rows[:, :count] > 0, I_TAG, out=tags)
        begins = cover[opens] == opened
        tags.reshape(-1)[(span_labels * count + first)[begins]] = B_TAG
    if not present.all():
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
    cells = first * np.int8(3) + second  # 0..8: both tags are O_TAG, B_TAG or I_TAG
    tables = [np.bincount(row.view(np.uint8), minlength=9) for row in cells]
    return np.stack(tables).reshape(-1, 3, 3) if tables else np.zeros((0, 3, 3), np.int64)


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
    stacked = np.stack(tags, axis=1)  # (labels, annotators, tokens)
    per_label, values = {}, 1 + 2 * len(labels)
    pooled_agreed = np.zeros(values, dtype=np.int64)
    pooled_rows = []
    for i, name in enumerate(labels):
        agreed, disagreeing = compress_units(stacked[i])
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
    coders = (tags != MISSING).sum(axis=0, dtype=np.int64)
    highest = tags.max(axis=0)
    lowest = tags.view(np.uint8).min(axis=0)  # MISSING reads as 255, above every tag
    pairable = coders >= 2
    differing = highest != lowest
    agree = pairable & ~differing
    agreed = np.bincount(highest[agree], weights=coders[agree], minlength=len(IOB))
    differ = tags[:, pairable & differing]
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
