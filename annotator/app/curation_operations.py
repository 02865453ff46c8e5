"""The curator's decisions, each one undoable operation on the gold layer of a document.

Taking annotator k's version of a disagreement makes gold in that region exactly k's
items (unanimous items there are left alone) and records the disagreement as settled
(chosen from k); taking none empties the region and records that it was considered;
settling as it is records what gold now holds there (one annotator's version, none, or
the curator's own). Every step stores who curated and when (`curation_rows`), and undo
restores gold and the record together.
"""

from __future__ import annotations

from annotator.app import titles
from annotator.app.curation import (
    ENTITY,
    CurationError,
    Disagreement,
    DocumentCuration,
    RelationItem,
    chosen_source,
    gold_spans,
    normalised_relation,
    relation_region,
    require_gold,
)
from annotator.app.operations import (
    AddEntity,
    AddRelation,
    Composite,
    DeleteEntity,
    DeleteRelation,
    Delta,
    Operation,
)
from annotator.app.titles import Title
from annotator.model import GOLD, Decision, Outcome, Relation, Status
from annotator.store import Project
from annotator.store.curation_rows import Settled, put_settled, settle, settled


class Settle(Operation):
    """Record how one disagreement was settled (`outcome` None: forget the record)."""

    def __init__(
        self,
        document_id: int,
        disagreement: Disagreement,
        outcome: Outcome | None,
        annotator: str | None = None,
        title: str | None = None,
    ) -> None:
        self.title = title or Title(titles.SETTLE)
        self.document_id = document_id
        self.key = disagreement.key
        self.outcome, self.annotator = outcome, annotator
        self.before: Settled | None = None
        self.after: Settled | None = None
        self.done = False

    def do(self, project: Project) -> Delta:
        if not self.done:
            self.before = settle(project, self.document_id, *self.key, self.outcome, self.annotator)
            self.after = settled(project, self.document_id).get(self.key)
            self.done = True
        else:
            put_settled(project, self.document_id, *self.key, self.after)
        return Delta(curation=True)

    def undo(self, project: Project) -> Delta:
        put_settled(project, self.document_id, *self.key, self.before)
        return Delta(curation=True)


def take_version(
    project: Project,
    curation: DocumentCuration,
    disagreement: Disagreement,
    annotator: str | None,
) -> Composite:
    """One step that makes gold in the disagreement's region `annotator`'s version (None:
    no version) and records it settled. Raises CurationError for an annotator not
    compared here, or a relation whose head or tail is not in gold yet."""
    require_gold(project)
    if annotator is not None and annotator not in curation.annotators:
        raise CurationError(f"{annotator} is not one of this document's annotators")
    target = set(disagreement.version(annotator)) if annotator else set()
    if disagreement.kind == ENTITY:
        children = _entity_steps(project, curation, disagreement, target, annotator)
    else:
        children = _relation_steps(project, curation, disagreement, target, annotator)
    if annotator is None:
        title = Title(titles.TAKE_NONE)
        children.append(Settle(curation.document_id, disagreement, Outcome.NONE, None, title))
    else:
        title = Title(titles.TAKE_VERSION, annotator=annotator)
        children.append(Settle(curation.document_id, disagreement, Outcome.CHOSEN, annotator))
    return Composite(title, curation.document_id, children)


def _entity_steps(project, curation, disagreement, target: set, annotator) -> list[Operation]:
    """Delete gold entities of the region that are not in `target` (accepted ones and
    undecided candidates; a rejection stays unless it is on a target span), then add
    the target spans gold lacks."""
    steps: list[Operation] = []
    kept = set()
    extent = (disagreement.start, disagreement.end)
    for entity in project.entities(curation.document_id, layer=GOLD, within=extent):
        span = (entity.start, entity.end, entity.label)
        if span in curation.unanimous_entities:
            continue
        if entity.status == Status.ACCEPTED and span in target:
            kept.add(span)
        elif entity.status != Status.REJECTED or span in target:
            steps.append(DeleteEntity(entity))
    source = chosen_source(annotator) if annotator else ""
    for span in sorted(target - kept):
        found_in = curation.holders(ENTITY, span)
        steps.append(
            AddEntity(
                curation.document_id,
                *span,
                source=source,
                decision=Decision.CHOSEN,
                found_in=found_in,
            )  # fmt: skip
        )
    return steps


def _relation_steps(project, curation, disagreement, target: set, annotator) -> list[Operation]:
    gold = gold_spans(project, curation.document_id, (disagreement.start, disagreement.end))
    for head, tail, type_name in sorted(target):
        for end, name in ((head, "head"), (tail, "tail")):
            if end not in gold:
                document = project.document(curation.document_id, layer=GOLD)
                raise CurationError(
                    f"{annotator}'s {type_name} relation cannot be taken: its {name} "
                    f"«{document.text[end[0] : end[1]]}» ({end[2]}) is not in gold; settle "
                    "that entity's disagreement first"
                )
    steps: list[Operation] = []
    present = set()
    for relation, item in region_relations(project, curation, disagreement):
        if item in target:
            present.add(item)
        else:
            steps.append(DeleteRelation(relation))
    for item in sorted(target - present):
        head, tail, type_name = item
        found_in = curation.holders(disagreement.kind, item)
        steps.append(AddRelation(gold[head], gold[tail], type_name, found_in))
    return steps


def region_relations(
    project: Project, curation: DocumentCuration, disagreement: Disagreement
) -> list[tuple[Relation, RelationItem]]:
    """Gold's accepted relations between the two spans of a relation disagreement (either
    direction), but not the unanimous ones, each with its (head, tail, type) item."""
    extent = (disagreement.start, disagreement.end)
    accepted = project.entities(
        curation.document_id, status=Status.ACCEPTED, layer=GOLD, within=extent
    )
    entities = {e.id: e for e in accepted}
    found = []
    for relation in project.relations(curation.document_id, layer=GOLD):
        head, tail = entities.get(relation.head_id), entities.get(relation.tail_id)
        if head is None or tail is None or relation.status != Status.ACCEPTED:
            continue
        item = ((head.start, head.end, head.label), (tail.start, tail.end, tail.label))
        if relation_region(item[0], item[1]) != disagreement.region:
            continue
        full = normalised_relation((*item, relation.type), curation.symmetric)
        if full not in curation.unanimous_relations:
            found.append((relation, full))
    return found


def gold_version(project: Project, curation: DocumentCuration, disagreement: Disagreement):
    """What gold holds now in the disagreement's region (unanimous items aside), sorted
    like a version."""
    if disagreement.kind == ENTITY:
        extent = (disagreement.start, disagreement.end)
        spans = gold_spans(project, curation.document_id, extent)
        return tuple(sorted(span for span in spans if span not in curation.unanimous_entities))
    return tuple(sorted(item for _, item in region_relations(project, curation, disagreement)))


def settle_as_is(
    project: Project, curation: DocumentCuration, disagreement: Disagreement
) -> Settle:
    """Enter: record the disagreement settled as gold holds it now: none when gold is
    empty there, else chosen from the first annotator whose version it equals, else the
    curator's own."""
    require_gold(project)
    now = gold_version(project, curation, disagreement)
    matching = [name for name, items in disagreement.versions if items == now]
    if not now:
        outcome, annotator = Outcome.NONE, None
    elif matching:
        outcome, annotator = Outcome.CHOSEN, matching[0]
    else:
        outcome, annotator = Outcome.OWN, None
    if annotator:
        title = Title(titles.SETTLE_FROM, outcome=outcome, annotator=annotator)
    else:
        title = Title(titles.SETTLE_AS, outcome=outcome)
    return Settle(curation.document_id, disagreement, outcome, annotator, title)
