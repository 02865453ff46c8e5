"""Choosing what to compare and checking it: the annotators, the documents at least two of
them have, and each layer prepared for comparison (entities after the label filter,
relations as span keys, symmetric types in offset order)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter, lt

from annotator.app.agreement.scores import (
    NONE,
    AgreementError,
    Entity,
    LayerDocument,
    RelationKey,
)


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


@dataclass(slots=True)
class PreparedLayer:
    """A layer ready for comparison: entities after the label filter, relation keys."""

    all_entities: frozenset[Entity]
    entities: frozenset[Entity]
    labels: list[str]  # one per entity
    relations: frozenset[RelationKey]
    relation_types: list[str]  # one per relation


def prepare_layer(
    layer: LayerDocument, length: int, label: str | None, symmetric: frozenset[str]
) -> PreparedLayer:
    """`layer` checked against its text's `length` (code points), with its entities kept
    to `label` (None: all) and its relations to those whose head or tail has it, as
    (head span, tail span, type) with the spans of `symmetric` types in offset order.

    Raises AgreementError for an entity outside 0 <= start < end <= length or a label
    named NONE."""
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
    return PreparedLayer(
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


def labels_in(
    prepared: Mapping[str, Mapping[int, PreparedLayer]], label: str | None
) -> tuple[str, ...]:
    """The labels the statistics report, sorted: `label` alone if given, else every label
    of the prepared layers."""
    if label is not None:
        return (label,)
    found = set()
    for by_doc in prepared.values():
        for lay in by_doc.values():
            found.update(lay.labels)
    return tuple(sorted(found))
