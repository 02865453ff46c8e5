"""Curation: turning several annotators' layers of a document into one gold version.

The layers compared are those of the annotators who marked the document done (at least
two). What every one of them has, exactly (span and label; relation ends and type), is
*unanimous*; everything else belongs to a **disagreement**:

- entities: the spans not unanimous, grouped into regions of spans that overlap one
  another (connected components, so a region covers one stretch of text
  [start, end) in code points); one region holds, per annotator, the spans that
  annotator has in it (possibly none) — same span with another label, overlapping but
  different spans, and spans only some annotators have all land here;
- relations: the relations not unanimous, grouped by the pair of spans they join (either
  direction), so another type, a swapped direction or a missing relation are one
  disagreement.

Disagreements come in reading order, entities first, then relations (a relation can only
be taken once its ends are in gold). The **pre-merge** puts into gold, as accepted, every
entity and relation that the policy's quorum of annotators has exactly (`unanimous`: all
of them; `majority`: more than half), with source `curation:agreed` and the names of the
annotators who had it (`found_in`); under `majority` a region where more than half of the
annotators gave the same whole version is recorded as settled (agreed). Nothing else is
decided for the curator. How a disagreement is then settled (`curation_operations`) is
stored per region with the store's `curation_rows`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from annotator.model import GOLD, AnnotationError, Decision, DocumentStatus, Outcome, Status
from annotator.store import Project
from annotator.store.curation_rows import (
    Settled,
    mark_premerged,
    premerged,
    put_settled,
    settled,
)
from annotator.store.layers import LayerAnnotations, accepted_by_layer, documents_done_by
from annotator.store.rows import now

#: the project setting that holds the pre-merge policy chosen for the project
POLICY_SETTING = "curation_policy"
#: pre-merge policies: how many annotators must agree exactly for gold without a curator
POLICIES = ("unanimous", "majority")
DEFAULT_POLICY = "unanimous"
#: the source of an entity the pre-merge put into gold
AGREED_SOURCE = "curation:agreed"
ENTITY, RELATION = "entity", "relation"

Span = tuple[int, int, str]  # (start, end, label), code points
RelationItem = tuple[Span, Span, str]  # (head, tail, type)


class CurationError(AnnotationError):
    """Curation cannot do what was asked (too few done layers, an end not in gold, a
    project not working in gold); the message says why."""


def chosen_source(annotator: str) -> str:
    """The `source` of a gold entity taken from one annotator's version."""
    return f"curation:{annotator}"


def quorum(policy: str, annotators: int) -> int:
    """How many of `annotators` must have an item for the pre-merge to take it.
    Raises CurationError for an unknown policy."""
    if policy == "unanimous":
        return annotators
    if policy == "majority":
        return annotators // 2 + 1
    raise CurationError(f"unknown curation policy {policy!r}: use one of {', '.join(POLICIES)}")


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One place where the layers differ. `kind`: "entity" or "relation"; `region`: its
    stable key (stored with how it was settled); [start, end): the text it covers, in
    code points (for a relation: from its first end to its last); `versions`:
    (annotator, that annotator's items here, sorted) for every annotator, in order."""

    kind: str
    region: str
    start: int
    end: int
    versions: tuple[tuple[str, tuple], ...]

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.region)

    def version(self, annotator: str) -> tuple:
        """`annotator`'s items in this disagreement (KeyError for an unknown name)."""
        return dict(self.versions)[annotator]

    def same_as(self, annotator: str) -> tuple[str, ...]:
        """Every annotator whose version here equals `annotator`'s."""
        mine = self.version(annotator)
        return tuple(name for name, items in self.versions if items == mine)


def find_disagreements(
    annotators: Iterable[str], layers: dict[str, LayerAnnotations]
) -> tuple[list[Disagreement], frozenset[Span], frozenset[RelationItem]]:
    """(disagreements in reading order, unanimous entities, unanimous relations) of one
    document's layers (`layers`: annotator -> accepted annotations; a missing annotator
    has none)."""
    names = list(annotators)
    empty = LayerAnnotations(frozenset(), frozenset())
    entity_sets = {name: layers.get(name, empty).entities for name in names}
    relation_sets = {name: layers.get(name, empty).relations for name in names}
    unanimous_entities = frozenset.intersection(*entity_sets.values()) if names else frozenset()
    unanimous_relations = frozenset.intersection(*relation_sets.values()) if names else frozenset()
    found = _entity_regions(names, entity_sets, unanimous_entities)
    found += _relation_regions(names, relation_sets, unanimous_relations)
    return found, unanimous_entities, unanimous_relations


def _entity_regions(names, sets: dict, unanimous: frozenset) -> list[Disagreement]:
    """Regions of overlapping spans that not every annotator has, by position."""
    spans = sorted(set().union(*sets.values()) - unanimous)
    regions: list[list[Span]] = []
    reach = -1
    for span in spans:  # sorted by start: a span starting before the reach joins the region
        if regions and span[0] < reach:
            regions[-1].append(span)
            reach = max(reach, span[1])
        else:
            regions.append([span])
            reach = span[1]
    found = []
    for members in regions:
        start, end = members[0][0], max(span[1] for span in members)
        inside = set(members)
        versions = tuple((name, tuple(sorted(sets[name] & inside))) for name in names)
        found.append(Disagreement(ENTITY, f"{start}-{end}", start, end, versions))
    return found


def _relation_regions(names, sets: dict, unanimous: frozenset) -> list[Disagreement]:
    """Relations not every annotator has, grouped by the two spans they join."""
    groups: dict[str, set[RelationItem]] = {}
    for item in set().union(*sets.values()) - unanimous:
        groups.setdefault(relation_region(item[0], item[1]), set()).add(item)
    found = []
    for region, items in groups.items():
        head, tail, _ = next(iter(items))
        versions = tuple((name, tuple(sorted(sets[name] & items))) for name in names)
        start, end = min(head[0], tail[0]), max(head[1], tail[1])
        found.append(Disagreement(RELATION, region, start, end, versions))
    found.sort(key=lambda d: (d.start, d.end, d.region))
    return found


def region_spans(region: str) -> list[tuple[int, int]]:
    """The (start, end) code points a region key stands for: one stretch for an entity
    disagreement ("start-end"), the two joined spans for a relation one."""
    spans = []
    for part in region.split("|"):
        start, end = part.split("-")
        spans.append((int(start), int(end)))
    return spans


def relation_region(head: Span | tuple[int, int], tail: Span | tuple[int, int]) -> str:
    """The region key of the relations between two spans, either direction:
    "start-end|start-end" of the two spans, the earlier first."""
    (a_start, a_end), (b_start, b_end) = sorted((tuple(head[:2]), tuple(tail[:2])))
    return f"{a_start}-{a_end}|{b_start}-{b_end}"


@dataclass(frozen=True, slots=True)
class DocumentCuration:
    """What the curator of one document works from: the annotators compared (those who
    marked it done, by name), their accepted annotations (relations of symmetric types
    with their ends in text order), what all of them share, the disagreements in order,
    and how each was settled so far (by `Disagreement.key`)."""

    document_id: int
    annotators: tuple[str, ...]
    layers: dict[str, LayerAnnotations]
    unanimous_entities: frozenset[Span]
    unanimous_relations: frozenset[RelationItem]
    disagreements: tuple[Disagreement, ...]
    settled: dict[tuple[str, str], Settled]
    symmetric: frozenset[str] = frozenset()  # relation types whose direction does not count

    @property
    def settled_count(self) -> int:
        return sum(1 for d in self.disagreements if d.key in self.settled)

    def progress(self) -> str:
        """ "7 of 12 disagreements settled"."""
        return f"{self.settled_count} of {len(self.disagreements)} disagreements settled"

    def holders(self, kind: str, item: tuple) -> tuple[str, ...]:
        """The annotators whose layers have `item` (a Span or a RelationItem), in order."""
        attribute = "entities" if kind == ENTITY else "relations"
        return tuple(
            name
            for name in self.annotators
            if name in self.layers and item in getattr(self.layers[name], attribute)
        )

    def with_settled(self, project: Project) -> DocumentCuration:
        """The same document with its settled records read again (after an edit)."""
        return replace(self, settled=settled(project, self.document_id))


def curated_layers(project: Project, document_id: int) -> tuple[str, ...]:
    """The annotators' layers that marked the document done, by name."""
    return tuple(sorted(documents_done_by(project).get(document_id, ())))


def load(project: Project, document_id: int) -> DocumentCuration:
    """Read one document's layers and compare them. Raises CurationError when fewer than
    two annotators marked it done (there is nothing to reconcile)."""
    names = curated_layers(project, document_id)
    if len(names) < 2:
        document = project.document(document_id, layer=GOLD)
        have = f"only {names[0]} has" if names else "no annotator has"
        raise CurationError(
            f"{document.name}: {have} marked it done; curation needs at least two annotators' "
            "finished layers"
        )
    annotations = accepted_by_layer(project, [document_id], names)
    symmetric = frozenset(t.name for t in project.schema.relation_types if t.symmetric)
    layers = {
        name: _normalised(annotations[name][document_id], symmetric)
        for name in names
        if annotations[name]
    }
    found, entities, relations = find_disagreements(names, layers)
    return DocumentCuration(
        document_id,
        names,
        layers,
        entities,
        relations,
        tuple(found),
        settled(project, document_id),
        symmetric,
    )


def normalised_relation(item: RelationItem, symmetric: frozenset[str]) -> RelationItem:
    """A relation of a symmetric type with its ends in text order (A meets B is B meets
    A); others as they are."""
    head, tail, type_name = item
    if type_name in symmetric and tail < head:
        return (tail, head, type_name)
    return item


def _normalised(layer: LayerAnnotations, symmetric: frozenset[str]) -> LayerAnnotations:
    relations = frozenset(normalised_relation(item, symmetric) for item in layer.relations)
    return LayerAnnotations(layer.entities, relations)


def documents_to_curate(project: Project) -> list[int]:
    """Documents at least two annotators marked done whose gold is not marked done
    (curated), by id."""
    waiting = []
    for document_id, layers in sorted(documents_done_by(project).items()):
        if len(layers) >= 2 and project.document_status(document_id, GOLD) != DocumentStatus.DONE:
            waiting.append(document_id)
    return waiting


def project_policy(project: Project) -> str:
    """The pre-merge policy chosen for the project (default: unanimous)."""
    policy = project.setting(POLICY_SETTING) or DEFAULT_POLICY
    quorum(policy, 2)  # refuses an unknown value
    return policy


def require_gold(project: Project) -> None:
    """Curation writes the gold layer: CurationError if `project` works in another."""
    if project.layer != GOLD:
        raise CurationError(
            f"curation writes the gold layer, but this project works in {project.layer!r}"
        )


@dataclass(frozen=True, slots=True)
class PremergeResult:
    """What one document's pre-merge did: entities and relations put into gold, and
    disagreements recorded as settled by the majority (0 under `unanimous`)."""

    document_id: int
    entities: int = 0
    relations: int = 0
    settled: int = 0
    skipped: bool = False  # pre-merged before: nothing done


def premerge(
    project: Project, document_id: int, policy: str | None = None, *, again: bool = False
) -> PremergeResult:
    """Pre-merge one document into gold by `policy` (default: the project's), once: a
    document pre-merged before is skipped unless `again`. One transaction; every entity,
    relation and settled record is logged. Raises CurationError (fewer than two done
    layers, unknown policy, project not in gold)."""
    require_gold(project)
    policy = policy or project_policy(project)
    if premerged(project, document_id) and not again:
        return PremergeResult(document_id, skipped=True)
    curation = load(project, document_id)
    needed = quorum(policy, len(curation.annotators))
    with project.transaction():
        entities = _premerge_entities(project, curation, needed)
        relations = _premerge_relations(project, curation, needed)
        settled_now = _settle_majorities(project, curation, needed) if policy != "unanimous" else 0
        mark_premerged(project, document_id, policy, list(curation.annotators))
    return PremergeResult(document_id, entities, relations, settled_now)


def _agreed(curation: DocumentCuration, kind: str, needed: int) -> list[tuple[tuple, tuple]]:
    """(item, its holders) for every item `needed` annotators or more have."""
    attribute = "entities" if kind == ENTITY else "relations"
    counts: Counter = Counter()
    for layer in curation.layers.values():
        counts.update(getattr(layer, attribute))
    return [
        (item, curation.holders(kind, item))
        for item, count in sorted(counts.items())
        if count >= needed
    ]


def _premerge_entities(project: Project, curation: DocumentCuration, needed: int) -> int:
    document_id = curation.document_id
    gold = {(e.start, e.end, e.label): e for e in project.entities(document_id, layer=GOLD)}
    added = 0
    for span, holders in _agreed(curation, ENTITY, needed):
        present = gold.get(span)
        if present is not None and present.status == Status.ACCEPTED:
            continue
        if present is not None:  # a suggester's candidate or a rejection: the team decided
            project.delete_entity(present.id)
        project.add_entity(
            document_id,
            *span,
            source=AGREED_SOURCE,
            decision=Decision.AGREED,
            found_in=holders,
        )
        added += 1
    return added


def _premerge_relations(project: Project, curation: DocumentCuration, needed: int) -> int:
    document_id = curation.document_id
    gold = gold_spans(project, document_id)
    existing = {(r.head_id, r.tail_id, r.type) for r in project.relations(document_id, layer=GOLD)}
    added = 0
    for (head, tail, type_name), holders in _agreed(curation, RELATION, needed):
        head_entity, tail_entity = gold.get(head), gold.get(tail)
        if head_entity is None or tail_entity is None:
            continue  # an end the quorum did not agree on: the curator decides it first
        if (head_entity.id, tail_entity.id, type_name) in existing:
            continue
        project.add_relation(head_entity.id, tail_entity.id, type_name, found_in=holders)
        added += 1
    return added


def _settle_majorities(project: Project, curation: DocumentCuration, needed: int) -> int:
    count = 0
    for disagreement in curation.disagreements:
        if disagreement.key in curation.settled:
            continue
        tally = Counter(items for _, items in disagreement.versions)
        _, votes = tally.most_common(1)[0]
        if votes >= needed:
            record = Settled(Outcome.AGREED, None, project.annotator, now())
            put_settled(project, curation.document_id, *disagreement.key, record)
            count += 1
    return count


def gold_spans(
    project: Project, document_id: int, within: tuple[int, int] | None = None
) -> dict[Span, object]:
    """(start, end, label) -> the accepted gold entity there (`within`: only inside
    that stretch of text, code points)."""
    return {
        (e.start, e.end, e.label): e
        for e in project.entities(document_id, status=Status.ACCEPTED, layer=GOLD, within=within)
    }
