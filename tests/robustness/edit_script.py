"""Random edits through the window's command layer, for the crash-safety test.

    python tests/robustness/edit_script.py DB SEED COUNT JOURNAL

Performs COUNT random edits (accept, reject, relabel, resize, add, delete, relations,
type change, swap, undo, redo) on the project's first document through DocumentSession and
the QUndoCommands the window uses, writing `begin K` before and `done K` after each call
returns. The choice of each edit depends only on the seed and the stored state, so a
replay of the same seed reproduces every intermediate state exactly.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))


def canonical_state(project, document_id: int) -> tuple:
    entities = project.db.execute(
        'SELECT id, start, "end", label, status FROM entities WHERE document_id = ? ORDER BY id',
        (document_id,),
    ).fetchall()
    relations = project.db.execute(
        "SELECT id, head_id, tail_id, type, status FROM relations WHERE document_id = ? "
        "ORDER BY id",
        (document_id,),
    ).fetchall()
    status = project.db.execute(
        "SELECT status FROM documents WHERE id = ?", (document_id,)
    ).fetchone()[0]
    return (status, tuple(entities), tuple(relations))


def run_edits(db: Path, seed: int, count: int, journal=None, on_state=None) -> None:
    from annotator.gui import commands
    from annotator.gui.session import DocumentSession
    from annotator.store import Project

    project = Project.open(db, annotator="crash-test")
    session = DocumentSession(project)
    document = project.documents()[0]
    session.open_document(document.id)
    schema = project.schema
    labels = schema.label_names
    rng = random.Random(seed)
    text_length = len(document.text)

    def pick_entity():
        ordered = session.reading_order()
        return rng.choice(ordered) if ordered else None

    for step in range(count):
        if journal is not None:
            journal.write(f"begin {step}\n")
            journal.flush()
        kind = rng.choice(
            [
                "accept",
                "reject",
                "relabel",
                "resize",
                "add",
                "delete",
                "relate",
                "relate",
                "retype",
                "swap",
                "unrelate",
                "undo",
                "redo",
                "status",
            ]
        )
        entity = pick_entity()
        command = None
        if kind == "undo":
            if session.undo_stack.canUndo():
                session.undo_stack.undo()
        elif kind == "redo":
            if session.undo_stack.canRedo():
                session.undo_stack.redo()
        elif kind == "status":
            command = commands.SetDocumentStatus(
                session, rng.choice(["new", "in_progress", "done"])
            )
        elif kind == "add":
            start = rng.randrange(0, text_length - 12)
            command = commands.AddEntity(
                session, start, start + rng.randint(2, 12), rng.choice(labels)
            )
        elif entity is None:
            pass
        elif kind == "accept":
            command = commands.UpdateEntity(session, entity, "Accept", status="accepted")
        elif kind == "reject":
            if session.relations_of(entity.id):
                command = commands.RejectWithRelations(session, entity)
            else:
                command = commands.UpdateEntity(session, entity, "Reject", status="rejected")
        elif kind == "relabel":
            command = commands.UpdateEntity(session, entity, "Relabel", label=rng.choice(labels))
        elif kind == "resize":
            command = commands.UpdateEntity(
                session,
                entity,
                "Resize",
                start=max(0, entity.start + rng.choice([-1, 1])),
                end=entity.end + rng.choice([-1, 1]),
            )
        elif kind == "delete":
            command = commands.DeleteEntity(session, entity)
        elif kind == "relate":
            other = pick_entity()
            types = schema.types_allowed_between(entity.label, other.label)
            if other.id != entity.id and types:
                command = commands.AddRelation(session, entity, other, rng.choice(types).name)
        else:
            relations = sorted(session.relations.values(), key=lambda r: r.id)
            if relations:
                relation = rng.choice(relations)
                if kind == "unrelate":
                    command = commands.DeleteRelation(session, relation)
                elif kind == "swap":
                    command = commands.UpdateRelation(
                        session,
                        relation,
                        "Swap",
                        head_id=relation.tail_id,
                        tail_id=relation.head_id,
                    )
                else:
                    head = session.entities[relation.head_id]
                    tail = session.entities[relation.tail_id]
                    types = schema.types_allowed_between(head.label, tail.label)
                    command = commands.UpdateRelation(
                        session, relation, "Retype", type=rng.choice(types).name
                    )
        if command is not None:
            session.push(command)  # a refused edit changes nothing, and says why
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
