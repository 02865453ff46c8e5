"""Every edit a person can make to a document, as an operation that knows its inverse.

An operation's `do` and `undo` each run as one transaction through the store and return a
`Delta`: the entities and relations they wrote (new values) or removed. A composite edit is
an operation with child operations (orange-canvas-core's pattern): linking a candidate
accepts it and adds the relation; rejecting an entity removes its relations. The first
`do` of an edit on an entity is refused (ConcurrentEditError) if another program changed
that entity since the person saw it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from annotator.app import titles
from annotator.app.titles import Title
from annotator.model import HUMAN_SOURCE, Decision, DocumentStatus, Entity, Relation, Status
from annotator.store import Project


@dataclass
class Delta:
    """What one do or undo wrote: entities and relations by id with their new values (and
    which of them it added), and the ids it removed. Later changes to an id replace
    earlier ones; an id added and then removed in one step is neither."""

    entities: dict[int, Entity] = field(default_factory=dict)
    entities_added: set[int] = field(default_factory=set)
    entities_removed: set[int] = field(default_factory=set)
    relations: dict[int, Relation] = field(default_factory=dict)
    relations_added: set[int] = field(default_factory=set)
    relations_removed: set[int] = field(default_factory=set)
    status: DocumentStatus | None = None
    curation: bool = False  # how a disagreement was settled changed (curation_rows)

    def entity(self, entity: Entity, added: bool = False) -> Delta:
        self.entities[entity.id] = entity
        if added or entity.id in self.entities_removed:
            self.entities_added.add(entity.id)
        self.entities_removed.discard(entity.id)
        return self

    def entity_removed(self, entity_id: int) -> Delta:
        self.entities.pop(entity_id, None)
        if entity_id in self.entities_added:
            self.entities_added.discard(entity_id)
        else:
            self.entities_removed.add(entity_id)
        return self

    def relation(self, relation: Relation, added: bool = False) -> Delta:
        self.relations[relation.id] = relation
        if added or relation.id in self.relations_removed:
            self.relations_added.add(relation.id)
        self.relations_removed.discard(relation.id)
        return self

    def relation_removed(self, relation_id: int) -> Delta:
        self.relations.pop(relation_id, None)
        if relation_id in self.relations_added:
            self.relations_added.discard(relation_id)
        else:
            self.relations_removed.add(relation_id)
        return self

    def merge(self, other: Delta) -> Delta:
        for entity_id in other.entities_removed:
            self.entity_removed(entity_id)
        for entity in other.entities.values():
            self.entity(entity, added=entity.id in other.entities_added)
        for relation_id in other.relations_removed:
            self.relation_removed(relation_id)
        for relation in other.relations.values():
            self.relation(relation, added=relation.id in other.relations_added)
        self.status = other.status or self.status
        self.curation = self.curation or other.curation
        return self


class Operation(ABC):
    """One undoable edit of one document. `title` names it in the Edit menu ("Accept ORG")."""

    title: str
    document_id: int

    @abstractmethod
    def do(self, project: Project) -> Delta:
        """Perform (or redo) the edit in one transaction; AnnotationError if refused."""

    @abstractmethod
    def undo(self, project: Project) -> Delta:
        """Put the document back as it was before `do`, in one transaction."""


class Composite(Operation):
    """Several operations as one: done in order and undone in reverse, in one transaction."""

    def __init__(self, title: str, document_id: int, children: list[Operation]) -> None:
        self.title = title
        self.document_id = document_id
        self.children = children

    def do(self, project: Project) -> Delta:
        delta = Delta()
        with project.transaction():
            for child in self.children:
                delta.merge(child.do(project))
        return delta

    def undo(self, project: Project) -> Delta:
        delta = Delta()
        with project.transaction():
            for child in reversed(self.children):
                delta.merge(child.undo(project))
        return delta


# --- entities ----------------------------------------------------------------------------
class AddEntity(Operation):
    """A new accepted entity over code points [start, end): made by hand, or (with
    `source`, `decision` and `found_in`) taken into gold by curation from the layers of
    the annotators in `found_in`."""

    def __init__(
        self,
        document_id: int,
        start: int,
        end: int,
        label: str,
        *,
        source: str = HUMAN_SOURCE,
        decision: Decision | None = None,
        found_in: tuple[str, ...] = (),
    ) -> None:
        self.title = Title(titles.ADD, label=label)
        self.document_id = document_id
        self.span = (start, end, label)
        self.provenance = {"source": source, "decision": decision, "found_in": found_in}
        self.entity: Entity | None = None  # as stored by the first do

    @property
    def entity_id(self) -> int | None:
        return None if self.entity is None else self.entity.id

    def do(self, project: Project) -> Delta:
        if self.entity is None:
            self.entity = project.add_entity(self.document_id, *self.span, **self.provenance)
        else:  # redo: the same entity, with its id, so later steps still find it
            self.entity = project.restore_entity(self.entity, [])
        return Delta().entity(self.entity, added=True)

    def undo(self, project: Project) -> Delta:
        project.delete_entity(self.entity.id, expected=self.entity)
        return Delta().entity_removed(self.entity.id)


class UpdateEntity(Operation):
    """Accept, reject, relabel or resize an entity (`changes`: label, status, start, end)."""

    def __init__(self, entity: Entity, title: str, **changes: Any) -> None:
        self.title = title
        self.document_id = entity.document_id
        self.seen: Entity | None = entity  # as the person saw it: checked on the first do
        self.changes = changes
        self.before: Entity | None = None
        self.after: Entity | None = None
        self.current: Entity | None = None  # as this operation last wrote it

    @property
    def entity_id(self) -> int:
        return (self.before or self.seen).id

    def do(self, project: Project) -> Delta:
        if self.after is None:
            expected, self.seen = self.seen, None
            self.before, self.after = project.update_entity(
                expected.id, expected=expected, **self.changes
            )
            self.current = self.after
        else:  # redo, refused if another program changed it since the undo
            _, self.current = project.revert_entity(self.after, expected=self.current)
        return Delta().entity(self.current)

    def undo(self, project: Project) -> Delta:
        """Refused (ConcurrentEditError) if another program changed the entity since."""
        _, self.current = project.revert_entity(self.before, expected=self.current)
        return Delta().entity(self.current)


class Accept(Composite):
    """Accept an entity; the other candidates on exactly its span (another label) go in
    the same step, since the person has now decided that span. Undo brings them back."""

    def __init__(self, entity: Entity) -> None:
        super().__init__(Title(titles.ACCEPT, label=entity.label), entity.document_id, [])
        self.entity = entity

    def do(self, project: Project) -> Delta:
        if not self.children:  # the first do: which candidates share the span, now
            span = (self.entity.start, self.entity.end)
            siblings = [
                other
                for other in project.entities(self.document_id, Status.CANDIDATE, within=span)
                if (other.start, other.end) == span and other.id != self.entity.id
            ]
            self.children = [DeleteEntity(other) for other in siblings]
            self.children.append(UpdateEntity(self.entity, self.title, status=Status.ACCEPTED))
        return super().do(project)


def accept(entity: Entity) -> Operation:
    return Accept(entity)


def reject(entity: Entity) -> UpdateEntity:
    return UpdateEntity(entity, Title(titles.REJECT, label=entity.label), status=Status.REJECTED)


def relabel(entity: Entity, label: str) -> UpdateEntity:
    return UpdateEntity(entity, Title(titles.RELABEL, label=label), label=label)


def resize(entity: Entity, start: int, end: int, title: str | None = None) -> UpdateEntity:
    return UpdateEntity(entity, title or Title(titles.RESIZE), start=start, end=end)


class DeleteEntity(Operation):
    """Delete an entity and its relations; undo brings both back with their ids."""

    def __init__(self, entity: Entity) -> None:
        self.title = Title(titles.DELETE, label=entity.label)
        self.document_id = entity.document_id
        self.seen: Entity | None = entity
        self.deleted: tuple[Entity, list[Relation]] | None = None

    def do(self, project: Project) -> Delta:
        expected, self.seen = self.seen, None
        entity, relations = project.delete_entity(
            (expected or self.deleted[0]).id, expected=expected
        )
        self.deleted = (entity, relations)
        delta = Delta().entity_removed(entity.id)
        for relation in relations:
            delta.relation_removed(relation.id)
        return delta

    def undo(self, project: Project) -> Delta:
        entity, relations = self.deleted
        with project.transaction():
            delta = Delta().entity(project.restore_entity(entity, relations), added=True)
            for relation in relations:
                delta.relation(project.relation(relation.id), added=True)
        return delta


def reject_with_relations(entity: Entity, relations: list[Relation]) -> Composite:
    """Reject an accepted entity and remove its relations in one step."""
    children: list[Operation] = [DeleteRelation(relation) for relation in relations]
    children.append(reject(entity))
    title = Title(titles.REJECT_WITH_RELATIONS, label=entity.label)
    return Composite(title, entity.document_id, children)


def accept_all(entities: list[Entity], title: str) -> Composite:
    """Accept several candidates in one step (every one of them: two labels proposed on
    one span are both accepted, as asked)."""
    document_id = entities[0].document_id if entities else 0
    children: list[Operation] = [
        UpdateEntity(entity, Title(titles.ACCEPT, label=entity.label), status=Status.ACCEPTED)
        for entity in entities
    ]
    return Composite(title, document_id, children)


# --- relations ---------------------------------------------------------------------------
class AddRelation(Operation):
    """A relation from head to tail of a type the schema allows between their labels
    (`found_in`: for curation, the annotators whose layers had it)."""

    def __init__(
        self, head: Entity, tail: Entity, type_name: str, found_in: tuple[str, ...] = ()
    ) -> None:
        self.title = Title(titles.ADD_RELATION, type=type_name)
        self.document_id = head.document_id
        self.ends = (head.id, tail.id, type_name)
        self.found_in = found_in
        self.relation: Relation | None = None

    def do(self, project: Project) -> Delta:
        if self.relation is None:
            self.relation = project.add_relation(*self.ends, found_in=self.found_in)
        else:
            [self.relation] = project.restore_relations([self.relation])
        return Delta().relation(self.relation, added=True)

    def undo(self, project: Project) -> Delta:
        project.delete_relation(self.relation.id)
        return Delta().relation_removed(self.relation.id)


def link(head: Entity, tail: Entity, type_name: str) -> Composite:
    """Link-and-accept: a relation joins accepted entities, so a candidate end is accepted
    in the same step. `operation.children[-1].relation` is the new relation."""
    children: list[Operation] = [
        accept(entity) for entity in (head, tail) if entity.status != Status.ACCEPTED
    ]
    children.append(AddRelation(head, tail, type_name))
    return Composite(Title(titles.ADD_RELATION, type=type_name), head.document_id, children)


class UpdateRelation(Operation):
    """Change a relation's type, or swap its head and tail (`changes`: type, head_id,
    tail_id)."""

    def __init__(self, relation: Relation, title: str, **changes: Any) -> None:
        self.title = title
        self.document_id = relation.document_id
        self.relation_id = relation.id
        self.before = {key: getattr(relation, key) for key in changes}
        self.after = changes

    def do(self, project: Project) -> Delta:
        _, new = project.update_relation(self.relation_id, **self.after)
        return Delta().relation(new)

    def undo(self, project: Project) -> Delta:
        _, new = project.update_relation(self.relation_id, **self.before)
        return Delta().relation(new)


def retype(relation: Relation, type_name: str) -> UpdateRelation:
    return UpdateRelation(relation, Title(titles.RETYPE, type=type_name), type=type_name)


def swap(relation: Relation) -> UpdateRelation:
    return UpdateRelation(
        relation, Title(titles.SWAP), head_id=relation.tail_id, tail_id=relation.head_id
    )


class DeleteRelation(Operation):
    def __init__(self, relation: Relation) -> None:
        self.title = Title(titles.DELETE_RELATION, type=relation.type)
        self.document_id = relation.document_id
        self.relation = relation

    def do(self, project: Project) -> Delta:
        project.delete_relation(self.relation.id)
        return Delta().relation_removed(self.relation.id)

    def undo(self, project: Project) -> Delta:
        [restored] = project.restore_relations([self.relation])
        return Delta().relation(restored, added=True)


# --- documents ---------------------------------------------------------------------------
class SetDocumentStatus(Operation):
    """Mark a document new, in progress or done."""

    def __init__(self, document_id: int, status: DocumentStatus, before: DocumentStatus):
        status = DocumentStatus(status)
        self.title = Title(titles.MARK, f"Mark {status.replace('_', ' ')}", status=status)
        self.document_id = document_id
        self.status = DocumentStatus(status)
        self.before = DocumentStatus(before)

    def do(self, project: Project) -> Delta:
        project.set_document_status(self.document_id, self.status)
        return Delta(status=self.status)

    def undo(self, project: Project) -> Delta:
        project.set_document_status(self.document_id, self.before)
        return Delta(status=self.before)
