"""Random edits through the window's command layer, for the crash-safety test.

    python tests/robustness/edit_script.py DB SEED COUNT JOURNAL

Performs COUNT random edits (accept, reject, relabel, resize, add, delete, relations,
type change, swap, undo, redo) on the project's first document through the application
layer's operations and undo history (what the window uses, without Qt), writing `begin K`
before and `done K` after each call returns. The choice of each edit depends only on the
seed and the stored state, so a replay of the same seed reproduces every intermediate state
exactly.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))


def canonical_state(project, document_id: int) -> tuple:
    """Everything an edit can change in the document, through the store's public API."""
    entities = sorted(
        (e.id, e.start, e.end, e.label, str(e.status)) for e in project.entities(document_id)
    )
    relations = sorted(
        (r.id, r.head_id, r.tail_id, r.type, str(r.status)) for r in project.relations(document_id)
    )
    status = str(project.document_status(document_id))
    return (status, tuple(entities), tuple(relations))


KINDS = [
    "accept", "reject", "relabel", "resize", "add", "delete", "relate", "relate",
    "retype", "swap", "unrelate", "undo", "redo", "status",
]  # fmt: skip


def _entity_edit(kind, entity, rng, schema, labels, project):
    from annotator.app import operations

    if kind == "accept":
        return operations.accept(entity)
    if kind == "reject":
        relations = project.relations_of(entity.id)
        if relations:
            return operations.reject_with_relations(entity, relations)
        return operations.reject(entity)
    if kind == "relabel":
        return operations.relabel(entity, rng.choice(labels))
    if kind == "resize":
        start = max(0, entity.start + rng.choice([-1, 1]))
        return operations.resize(entity, start, entity.end + rng.choice([-1, 1]))
    if kind == "delete":
        return operations.DeleteEntity(entity)
    return None


def _relation_edit(kind, entity, rng, schema, project, document_id, pick_entity):
    from annotator.app import operations

    if kind == "relate":
        other = pick_entity()
        types = schema.types_allowed_between(entity.label, other.label)
        if other.id != entity.id and types:
            return operations.link(entity, other, rng.choice(types).name)
        return None
    relations = sorted(project.relations(document_id), key=lambda r: r.id)
    if not relations:
        return None
    relation = rng.choice(relations)
    if kind == "unrelate":
        return operations.DeleteRelation(relation)
    if kind == "swap":
        return operations.swap(relation)
    head, tail = project.entity(relation.head_id), project.entity(relation.tail_id)
    types = schema.types_allowed_between(head.label, tail.label)
    return operations.retype(relation, rng.choice(types).name)


def run_edits(db: Path, seed: int, count: int, journal=None, on_state=None) -> None:
    from annotator.app import operations
    from annotator.app.workspace import Workspace
    from annotator.model import AnnotationError
    from annotator.store import Project

    project = Project.open(db, annotator="crash-test")
    workspace = Workspace(project)
    document = project.documents()[0]
    schema = project.schema
    labels = schema.label_names
    rng = random.Random(seed)
    text_length = len(document.text)

    def pick_entity():
        ordered = project.entities(document.id)
        return rng.choice(ordered) if ordered else None

    for step in range(count):
        if journal is not None:
            journal.write(f"begin {step}\n")
            journal.flush()
        kind = rng.choice(KINDS)
        entity = pick_entity()
        operation = None
        try:
            if kind == "undo":
                workspace.undo(document.id)
            elif kind == "redo":
                workspace.redo(document.id)
            elif kind == "status":
                status = rng.choice(["new", "in_progress", "done"])
                before = project.document_status(document.id)
                operation = operations.SetDocumentStatus(document.id, status, before)
            elif kind == "add":
                start = rng.randrange(0, text_length - 12)
                end = start + rng.randint(2, 12)
                operation = operations.AddEntity(document.id, start, end, rng.choice(labels))
            elif entity is None:
                pass
            elif kind in ("relate", "unrelate", "swap", "retype"):
                operation = _relation_edit(
                    kind, entity, rng, schema, project, document.id, pick_entity
                )
            else:
                operation = _entity_edit(kind, entity, rng, schema, labels, project)
            if operation is not None:
                workspace.perform(operation)
        except AnnotationError:
            pass  # a refused edit changes nothing, and says why
        if journal is not None:
            journal.write(f"done {step}\n")
            journal.flush()
        if on_state is not None:
            on_state(canonical_state(project, document.id))
    project.close()


if __name__ == "__main__":
    database, seed, count, journal_path = sys.argv[1:5]
    with open(journal_path, "a", encoding="utf-8") as journal_file:
        run_edits(Path(database), int(seed), int(count), journal_file)
