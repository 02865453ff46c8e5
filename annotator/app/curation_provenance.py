"""Where each gold entity and relation came from, for `annotator export --with-provenance`:
which annotators' layers had it, and how it got into gold (agreed by the annotators,
chosen from one annotator's version, the curator's own, edited after it was taken, or
imported)."""

from __future__ import annotations

from typing import Any

from annotator.app.curation import RELATION, normalised_relation, relation_region
from annotator.model import GOLD, Decision, Entity, Outcome
from annotator.store import Project
from annotator.store.curation_rows import Settled, settled

SpanKey = tuple[int, int, str]
RelationKey = tuple[SpanKey, SpanKey, str]


def entity_decided(entity: Entity) -> str:
    """ "agreed", "chosen from amal", "edited", "imported" or "own" (made, or a candidate
    accepted, by the curator)."""
    decision = entity.decision
    if decision == Decision.AGREED:
        return "agreed"
    if decision == Decision.CHOSEN:
        return f"chosen from {entity.source.removeprefix('curation:')}"
    if decision in (Decision.RELABELLED, Decision.RESIZED) and entity.source.startswith(
        "curation:"
    ):
        return "edited"
    if decision == Decision.IMPORTED:
        return "imported"
    return "own"


def relation_decided(found_in: tuple[str, ...], record: Settled | None) -> str:
    """How a gold relation got there, from its disagreement's record (none: the
    pre-merge took it if annotators had it, else the curator made it)."""
    if record is None:
        return "agreed" if found_in else "own"
    if record.outcome == Outcome.AGREED:
        return "agreed"
    if record.outcome == Outcome.CHOSEN and record.annotator in found_in:
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
    entities = {e.id: e for e in project.entities(document_id, layer=GOLD)}
    entity_map = {}
    for entity in entities.values():
        key = (entity.start, entity.end, entity.label)
        entity_map[key] = {
            "found_in": list(entity.found_in),
            "decided": entity_decided(entity),
            "decided_by": entity.decided_by,
        }
    relation_map = {}
    for relation in project.relations(document_id, layer=GOLD):
        head, tail = entities.get(relation.head_id), entities.get(relation.tail_id)
        if head is None or tail is None:
            continue
        item = (
            (head.start, head.end, head.label),
            (tail.start, tail.end, tail.label),
            relation.type,
        )
        record = records.get((RELATION, relation_region(item[0], item[1])))
        value = {
            "found_in": list(relation.found_in),
            "decided": relation_decided(relation.found_in, record),
            "decided_by": record.curator if record is not None else relation.annotator,
        }
        relation_map[item] = value
        relation_map[normalised_relation(item, symmetric)] = value
        if relation.type in symmetric:
            relation_map[(item[1], item[0], relation.type)] = value
    return entity_map, relation_map
