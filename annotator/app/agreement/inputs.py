"""Choosing what to compare and checking it: the annotators, the documents at least two of
them have, and the layers prepared for comparison (`Comparison`: entities after the label
filter, relations as keys of their spans and type, symmetric types in offset order)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.app.agreement.columns import Corpus, Layers, row_codes
from annotator.app.agreement.scores import NONE, AgreementError, LayerDocument


def choose_annotators(
    layers: Mapping[str, Mapping[int, LayerDocument]], annotators: Sequence[str] | None
) -> tuple[str, ...]:
    """The annotators to compare, in the given order without repeats (default: all of
    `layers`, sorted).

    Raises AgreementError for fewer than two, a name without layers, or a LayerDocument
    filed under another annotator or document id than its own."""
    chosen = tuple(sorted(layers)) if annotators is None else tuple(dict.fromkeys(annotators))
    unknown = [name for name in chosen if name not in layers]
    if unknown:
        raise AgreementError(f"no layers for annotator(s) {', '.join(map(repr, unknown))}")
    require_two(chosen)
    for name in chosen:
        for doc, layer in layers[name].items():
            if layer.annotator != name or layer.document_id != doc:
                raise AgreementError(
                    f"the layer of {layer.annotator!r} on document {layer.document_id} is "
                    f"filed under annotator {name!r}, document {doc}"
                )
    return chosen


def require_two(chosen: Sequence[str]) -> None:
    """Raise AgreementError for fewer than two annotators."""
    if len(chosen) < 2:
        raise AgreementError(f"agreement needs at least two annotators, got {len(chosen)}")


def select_documents(
    texts: Mapping[int, str],
    layers: Mapping[str, Mapping[int, LayerDocument]],
    chosen: Sequence[str],
) -> list[int]:
    """Document ids at least two chosen annotators have, in increasing order.

    Raises AgreementError naming the first ten of them that have no text in `texts`."""
    have = Counter(doc for name in chosen for doc in layers[name])
    selection = sorted(doc for doc, count in have.items() if count >= 2)
    missing = [doc for doc in selection if doc not in texts]
    if missing:
        raise AgreementError(f"no text for document(s) {', '.join(map(str, missing[:10]))}")
    return selection


@dataclass(frozen=True, eq=False)
class Comparison:
    """Layers ready for comparison, on the documents at least two annotators have.

    `has[a, d]` as in Layers, False for documents fewer than two annotators have.
    `labels`: the labels reported, sorted; entities (`annotator`, `document`, `start`,
    `end`, `label` as an index into `labels`) are those of the label filter, and
    `all_entities` (document, start, end) every entity, whose boundaries split tokens.
    Relations: `relation_annotator`, `relation_document`, `relation_type` (index into
    `types`) and `relation_key`, equal exactly for the same document, head span, tail
    span and type (the spans of symmetric types in offset order); one row per key and
    annotator."""

    annotators: tuple[str, ...]
    has: np.ndarray
    labels: tuple[str, ...]
    annotator: np.ndarray
    document: np.ndarray
    start: np.ndarray
    end: np.ndarray
    label: np.ndarray
    all_entities: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
    types: tuple[str, ...]
    relation_annotator: np.ndarray
    relation_document: np.ndarray
    relation_type: np.ndarray
    relation_key: np.ndarray

    @property
    def selected(self) -> np.ndarray:
        """The positions of the compared documents in the corpus, in increasing order."""
        return np.flatnonzero(self.has.any(axis=0))


def prepare(
    corpus: Corpus, layers: Layers, label: str | None, symmetric: Iterable[str]
) -> Comparison:
    """`layers` on the documents at least two of their annotators have, checked against
    the texts' lengths, with entities kept to `label` (None: all) and relations to those
    whose head or tail has it.

    Raises AgreementError for an entity outside 0 <= start < end <= length or a label
    named NONE."""
    compared = layers.has & (layers.has.sum(axis=0) >= 2)
    if not np.array_equal(compared, layers.has):
        layers = layers.comparing(layers.annotators, compared)
    _check_entities(corpus, layers)
    if label is None:
        code, keep = None, slice(None)
        present, label_index = np.unique(layers.label, return_inverse=True)
        labels = tuple(layers.labels[i] for i in present.tolist())
    else:  # -1: no entity has the label
        code = layers.labels.index(label) if label in layers.labels else -1
        keep = layers.label == code
        labels, label_index = (label,), np.zeros(int(keep.sum()), dtype=np.int64)
    return Comparison(
        layers.annotators, layers.has, labels,
        layers.annotator[keep], layers.document[keep], layers.start[keep], layers.end[keep],
        label_index.reshape(-1),
        (layers.annotator, layers.document, layers.start, layers.end),
        layers.types, *_relation_keys(layers, code, frozenset(symmetric)),
    )  # fmt: skip


def _relation_keys(layers: Layers, label: int | None, symmetric: frozenset[str]):
    """(annotator, document, type, key) of the relations to compare, one per key and
    annotator: `label` (an index, or None for all) at the head or the tail; a symmetric
    type's head and tail spans in offset order."""
    head_start, head_end, head_label = layers.head
    tail_start, tail_end, tail_label = layers.tail
    keep = slice(None) if label is None else (head_label == label) | (tail_label == label)
    columns = [
        c[keep] for c in (layers.relation_annotator, layers.relation_document,
                          layers.relation_type, head_start, head_end, tail_start, tail_end)
    ]  # fmt: skip
    annotator, document, types, head_start, head_end, tail_start, tail_end = columns
    symmetric_type = np.array([name in symmetric for name in layers.types], dtype=bool)
    swap = symmetric_type[types] & (
        (tail_start < head_start) | ((tail_start == head_start) & (tail_end < head_end))
    )
    spans = [
        np.where(swap, other, own)
        for own, other in ((head_start, tail_start), (head_end, tail_end),
                           (tail_start, head_start), (tail_end, head_end))
    ]  # fmt: skip
    key = row_codes(document, *spans, types)
    _, first = np.unique(row_codes(annotator, key), return_index=True)
    first.sort()
    return annotator[first], document[first], types[first], key[first]


def _check_entities(corpus: Corpus, layers: Layers) -> None:
    """Raise AgreementError unless 0 <= start < end <= length and no label is NONE, for
    the first layer (in annotator, then document order) where that fails."""
    outside = (layers.start < 0) | (layers.start >= layers.end)
    outside |= layers.end > corpus.lengths[layers.document]
    bad = outside.copy()
    if NONE in layers.labels:
        bad |= layers.label == layers.labels.index(NONE)
    if not bad.any():
        return
    layer_of = layers.annotator * len(corpus.ids) + layers.document
    first = layer_of == layer_of[bad].min()
    if not (first & outside).any():
        raise AgreementError(f"the label {NONE!r} is reserved for the confusion matrix")
    row = int(np.flatnonzero(first & outside)[0])
    position = int(layers.document[row])
    raise AgreementError(
        f"{layers.annotators[layers.annotator[row]]}, document {corpus.ids[position]}: entity "
        f"{layers.labels[layers.label[row]]} at {layers.start[row]}-{layers.end[row]} is not "
        f"inside the text (length {corpus.lengths[position]})"
    )
