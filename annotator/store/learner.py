"""What the project learner reads and keeps in the project file: its training documents,
the gold it has seen, and its model (a blob, one per layer).

The model lives in the project file, not beside it: a project is one file that moves,
is backed up (`store.backups`) and is shared by the window and the command line as one,
so the model travels and is restored with the gold it was trained on, and two programs
on the same file see the same model. It costs the file about 1 MB.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from annotator.model import DocumentStatus, Status
from annotator.store.connection import write_transaction
from annotator.store.project import Project
from annotator.store.rows import now


@dataclass(frozen=True, slots=True)
class TrainingDocument:
    """A document with a person's decisions in the project's layer: its text, whether it
    is marked done, and its entities as (start, end, label, status), every status."""

    id: int
    text: str
    done: bool
    entities: tuple[tuple[int, int, str, str], ...]


@dataclass(frozen=True, slots=True)
class GoldMark:
    """The gold the learner has seen: accepted (document, start, end, label), documents done."""

    accepted: frozenset[tuple[int, int, int, str]] = frozenset()
    done: frozenset[int] = frozenset()

    def to_json(self) -> str:
        return json.dumps(
            {"accepted": sorted(self.accepted), "done": sorted(self.done)}, ensure_ascii=False
        )

    @classmethod
    def from_json(cls, text: str) -> GoldMark:
        data = json.loads(text)
        return cls(
            frozenset(tuple(item) for item in data.get("accepted", [])),
            frozenset(data.get("done", [])),
        )


@dataclass(frozen=True, slots=True)
class LearnedModel:
    fingerprint: str
    trained_at: str
    seconds: float
    metadata: dict
    gold: GoldMark
    model: bytes


def training_documents(project: Project) -> list[TrainingDocument]:
    """Every document of the project's layer that is marked done or holds a decided
    (accepted or rejected) entity, in id order, with all its entities in that layer."""
    layer = project.layer
    rows = project._db.execute(
        "SELECT d.id, d.text, coalesce(l.status, 'new') = ?, "
        '(SELECT json_group_array(json_array(e.start, e."end", e.label, e.status)) '
        "FROM entities e WHERE e.document_id = d.id AND e.layer = ?) "
        "FROM documents d LEFT JOIN document_layers l ON l.document_id = d.id AND l.layer = ? "
        "WHERE coalesce(l.status, 'new') = ? OR EXISTS (SELECT 1 FROM entities e "
        "WHERE e.document_id = d.id AND e.layer = ? AND e.status != ?) ORDER BY d.id",
        (DocumentStatus.DONE, layer, layer, DocumentStatus.DONE, layer, Status.CANDIDATE),
    )
    return [
        TrainingDocument(
            document_id,
            text,
            bool(done),
            tuple(sorted(tuple(entity) for entity in json.loads(entities))),
        )
        for document_id, text, done, entities in rows
    ]


def gold_mark(project: Project) -> GoldMark:
    """The project layer's gold now: its accepted entities and the documents marked done."""
    db, layer = project._db, project.layer
    accepted = db.execute(
        'SELECT document_id, start, "end", label FROM entities WHERE layer = ? AND status = ?',
        (layer, Status.ACCEPTED),
    )
    done = db.execute(
        "SELECT document_id FROM document_layers WHERE layer = ? AND status = ?",
        (layer, DocumentStatus.DONE),
    )
    return GoldMark(frozenset(tuple(row) for row in accepted), frozenset(r[0] for r in done))


def learned_mark(project: Project) -> tuple[str, dict, GoldMark] | None:
    """(fingerprint, metadata, gold seen) of the layer's model, without its bytes; None if
    the layer has no model yet."""
    row = project._db.execute(
        "SELECT fingerprint, metadata, gold FROM learned_models WHERE layer = ?",
        (project.layer,),
    ).fetchone()
    if row is None:
        return None
    return row[0], json.loads(row[1]), GoldMark.from_json(row[2])


def learned_model(project: Project) -> LearnedModel | None:
    """The layer's model, or None if it has none yet."""
    row = project._db.execute(
        "SELECT fingerprint, trained_at, seconds, metadata, gold, model FROM learned_models "
        "WHERE layer = ?",
        (project.layer,),
    ).fetchone()
    if row is None:
        return None
    fingerprint, trained_at, seconds, metadata, gold, model = row
    return LearnedModel(
        fingerprint, trained_at, seconds, json.loads(metadata), GoldMark.from_json(gold), model
    )


def save_learned_model(
    project: Project,
    fingerprint: str,
    model: bytes,
    metadata: dict,
    gold: GoldMark,
    seconds: float,
) -> None:
    """Replace the layer's model (one transaction)."""
    with write_transaction(project._db):
        project._db.execute(
            "INSERT INTO learned_models (layer, fingerprint, trained_at, seconds, metadata, "
            "gold, model) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (layer) DO UPDATE SET "
            "fingerprint = excluded.fingerprint, trained_at = excluded.trained_at, "
            "seconds = excluded.seconds, metadata = excluded.metadata, gold = excluded.gold, "
            "model = excluded.model",
            (
                project.layer,
                fingerprint,
                now(),
                seconds,
                json.dumps(metadata, ensure_ascii=False, sort_keys=True),
                gold.to_json(),
                model,
            ),
        )


def mark_gold_seen(project: Project, gold: GoldMark) -> None:
    """The learner looked at this gold and found its training data unchanged: the next
    retraining is counted from here."""
    with write_transaction(project._db):
        project._db.execute(
            "UPDATE learned_models SET gold = ? WHERE layer = ?", (gold.to_json(), project.layer)
        )
