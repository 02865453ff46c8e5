"""Relaxed span matching: of the spans two annotators did not match exactly, how many pair
up one-to-one with a span of the same label in the same document that overlaps it by at
least one code point, in a matching with the most pairs (and, among those, the most
overlap). All documents and labels at once; scipy only where a span has two candidates."""

from __future__ import annotations

import numpy as np

SpanEdge = tuple[tuple[int, int], tuple[int, int], int]


def relaxed_extra(first: tuple, second: tuple, label_count: int) -> np.ndarray:
    """Per label, the overlap-only matches between two annotators' leftover spans.

    `first` and `second`: (document, start, end, label) int arrays of the spans each did
    not match exactly. The candidate pairs (same document and label, overlapping) fall
    into groups, one per document and label; a group in which no span has two candidates
    matches all its pairs, any other is solved by `maximum_matching`."""
    a, b = _overlapping_pairs(first, second, label_count)
    groups, group = np.unique(first[0][a] * label_count + first[3][a], return_inverse=True)
    group = group.reshape(-1)
    count = len(groups)
    edges = np.bincount(group, minlength=count)
    new_first = np.ones(len(a), dtype=bool)
    new_first[1:] = a[1:] != a[:-1]  # the pairs come sorted by their first span
    firsts = np.bincount(group[new_first], minlength=count)
    width = len(second[0]) + 1
    seconds = np.bincount(np.unique(group * width + b) // width, minlength=count)
    matched = edges.copy()
    hard = np.flatnonzero((firsts != edges) | (seconds != edges))
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.stack([hard, hard + 1]))
    for g, low, high in zip(hard.tolist(), *bounds.tolist(), strict=True):
        rows = order[low:high]
        matched[g] = maximum_matching(_edges(first, second, a[rows], b[rows]))
    return np.bincount(groups % label_count, weights=matched, minlength=label_count).astype(
        np.int64
    )


def _overlapping_pairs(first: tuple, second: tuple, label_count: int):
    """Row pairs (i of `first`, j of `second`) of the same document and label that
    overlap, sorted by i: each first span against the second's spans of its group."""
    document, start, end, label = first
    other_document, other_start, other_end, other_label = second
    other_group = other_document * label_count + other_label
    order = np.argsort(other_group, kind="stable")
    sorted_groups = other_group[order]
    group = document * label_count + label
    low = np.searchsorted(sorted_groups, group, side="left")
    candidates = np.searchsorted(sorted_groups, group, side="right") - low
    a = np.repeat(np.arange(len(group)), candidates)
    offsets = np.cumsum(candidates) - candidates
    b = order[low[a] + np.arange(len(a)) - offsets[a]]
    overlap = np.minimum(end[a], other_end[b]) - np.maximum(start[a], other_start[b])
    keep = overlap > 0
    return a[keep], b[keep]


def _edges(first: tuple, second: tuple, a: np.ndarray, b: np.ndarray) -> list[SpanEdge]:
    """The pairs (a[k], b[k]) as (span, span, overlap) for `maximum_matching`."""
    starts, ends = first[1][a].tolist(), first[2][a].tolist()
    other_starts, other_ends = second[1][b].tolist(), second[2][b].tolist()
    return [
        ((s, e), (t, f), min(e, f) - max(s, t))
        for s, e, t, f in zip(starts, ends, other_starts, other_ends, strict=True)
    ]


def maximum_matching(edges: list[SpanEdge]) -> int:
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
