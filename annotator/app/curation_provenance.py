"""Where each gold entity and relation came from, for `annotator export --with-provenance`:
which annotators' layers had it, and how it got into gold (agreed by the annotators,
chosen from one annotator's version, the curator's own, edited after it was taken, or
imported).

`found_in` is read from the annotators' finished layers at export time, so it is true
however the gold entity was made (taken with a key, or redone by hand); `decided` comes
from how the curator settled the disagreement the entity or relation lies in, and else
from the entity's own decision."""

from __future__ import annotations

from typing import Any

from annotator.app.curation import (
    ENTITY,
    RELATION,
    curated_layers,
    normalised_relation,
    region_spans,
    relation_region,
)
from annotator.model import GOLD, Decision, Entity, Outcome
from annotator.store import Project
from annotator.store.curation_rows import Settled, settled
from annotator.store.layers import accepted_by_layer

SpanKey = tuple[int, int, str]
RelationKey = tuple[SpanKey, SpanKey, str]
_EDITS = (Decision.RELABELLED, Decision.RESIZED)


def entity_decided(entity: Entity, record: Settled | None) -> str:
    """ "agreed", "chosen from amal", "edited", "imported" or "own". An entity taken by
    curation and then relabelled or resized by hand is "edited"; else the record of the
    disagreement it lies in says how it was settled; else its own decision."""
    if entity.decision in _EDITS and entity.source.startswith("curation:"):
        return "edited"
    if record is not None:
        return _from_record(record)
    if entity.decision == Decision.AGREED:
        return "agreed"
    if entity.decision == Decision.CHOSEN:
        return f"chosen from {entity.source.removeprefix('curation:')}"
    if entity.decision == Decision.IMPORTED:
        return "imported"
    return "own"


def relation_decided(found_in: tuple[str, ...], record: Settled | None) -> str:
    """How a gold relation got there, from its disagreement's record (none: the
    pre-merge took it if annotators had it, else the curator made it)."""
    if record is None:
        return "agreed" if found_in else "own"
    return _from_record(record)


def _from_record(record: Settled) -> str:
    if record.outcome == Outcome.AGREED:
        return "agreed"
    if record.outcome == Outcome.CHOSEN:
        return f"chosen from {record.annotator}"
    return "own"


def gold_provenance(
    project: Project, document_id: int
) -> tuple[dict[SpanKey, dict[str, Any]], dict[RelationKey, dict[str, Any]]]:
    """(entity (start, end, label) -> provenance, relation (head, tail, type) ->
    provenance) for one document's gold layer; a provenance is {"found_in": [names],
    "decided": how, "decided_by": who}. Symmetric relations are keyed both ways."""
    symmetric = frozenset(t.name for t in project.schema.relation_types if t.symmetric)
    records = settled(project, document_id)
    names = curated_layers(project, document_id)
    layers = accepted_by_layer(project, [document_id], names)
    had = {name: layers[name].get(document_id) for name in names}
    regions = _entity_regions(records)
    entities = {e.id: e for e in project.entities(document_id, layer=GOLD)}
    entity_map = {}
    for entity in entities.values():
        key = (entity.start, entity.end, entity.label)
        record = next((r for (s, e), r in regions if s <= entity.start and entity.end <= e), None)
        entity_map[key] = {
            "found_in": [n for n in names if had[n] is not None and key in had[n].entities],
            "decided": entity_decided(entity, record),
            "decided_by": record.curator if record is not None else entity.decided_by,
        }
    relation_map = {}
    for relation in project.relations(document_id, layer=GOLD):
        head, tail = entities.get(relation.head_id), entities.get(relation.tail_id)
        if head is None or tail is None:
            continue
        item = normalised_relation(
            ((head.start, head.end, head.label), (tail.start, tail.end, tail.label), relation.type),
            symmetric,
        )
        found_in = tuple(
            n
            for n in names
            if had[n] is not None
            and item in {normalised_relation(r, symmetric) for r in had[n].relations}
        )
        record = records.get((RELATION, relation_region(item[0], item[1])))
        value = {
            "found_in": list(found_in),
            "decided": relation_decided(found_in, record),
            "decided_by": record.curator if record is not None else relation.annotator,
        }
        relation_map[item] = value
        relation_map[(item[1], item[0], relation.type)] = value
    return entity_map, relation_map


def _entity_regions(
    records: dict[tuple[str, str], Settled],
) -> list[tuple[tuple[int, int], Settled]]:
    """((start, end), record) of every settled entity disagreement ("start-end" keys)."""
    found = []
    for (kind, region), record in records.items():
        if kind == ENTITY:
            found.append((region_spans(region)[0], record))
    return found
