"""Whole layers at once: the hand-out manifest, replacing one annotator's layer of a
document with merged work, and reading several layers for agreement and curation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import orjson

from annotator.model import DocumentStatus, Status
from annotator.model.drafts import DocumentDraft
from annotator.store.connection import write_transaction
from annotator.store.edit_log import EditLog
from annotator.store.project import Project
from annotator.store.rows import now


def set_assignments(project: Project, pairs: Iterable[tuple[int, str]]) -> None:
    """Replace the manifest of `annotator assign` with (document id, annotator) pairs."""
    with write_transaction(project._db):
        project._db.execute("DELETE FROM assignments")
        project._db.conn.executemany(
            "INSERT INTO assignments (document_id, annotator) VALUES (?, ?)", list(pairs)
        )


def assignments(project: Project) -> dict[int, list[str]]:
    """Document id -> the annotators it was handed out to (names sorted)."""
    found: dict[int, list[str]] = {}
    for document_id, annotator in project._db.execute(
        "SELECT document_id, annotator FROM assignments ORDER BY document_id, annotator"
    ):
        found.setdefault(document_id, []).append(annotator)
    return found


def document_lengths(project: Project) -> list[tuple[int, int]]:
    """(document id, text length in code points) in id order, without reading texts."""
    return project._db.execute("SELECT id, length(text) FROM documents ORDER BY id").fetchall()


def document_texts(project: Project, document_ids: Iterable[int]) -> list[tuple[int, str, str]]:
    """(id, name, text) of the given documents, in id order (unknown ids are left out)."""
    return project._db.execute(
        "SELECT id, name, text FROM documents WHERE id IN (SELECT value FROM json_each(?)) "
        "ORDER BY id",
        (_json_ids(document_ids),),
    ).fetchall()


def replace_layer(project: Project, document_id: int, layer: str, draft: DocumentDraft) -> None:
    """Make `layer`'s annotations of one document exactly the draft's (checked first by
    the caller), and its status the draft's: merged work replaces what was there, and the
    other layers stay as they were. One transaction; the merge is logged."""
    db = project._db
    with write_transaction(db):
        db.execute("DELETE FROM entities WHERE document_id = ? AND layer = ?", (document_id, layer))
        stamp = now()
        ids: dict[object, int] = {}
        for entity in draft.entities:
            cursor = db.execute(
                'INSERT INTO entities (document_id, start, "end", label, status, source, '
                "confidence, annotator, created_at, updated_at, decided_by, decision, layer) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id, entity.start, entity.end, entity.label, entity.status,
                    entity.source, entity.confidence, entity.annotator, stamp, stamp,
                    entity.decided_by, entity.decision, layer,
                ),
            )  # fmt: skip
            ids[entity.key] = cursor.lastrowid
        for relation in draft.relations:
            db.execute(
                "INSERT INTO relations (document_id, head_id, tail_id, type, status, annotator, "
                "created_at, updated_at, layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id, ids[relation.head_key], ids[relation.tail_key], relation.type,
                    relation.status, relation.annotator, stamp, stamp, layer,
                ),
            )  # fmt: skip
        project._documents.write_status(document_id, layer, draft.status)
        EditLog(db).record(
            action="merge",
            object_kind="document",
            object_id=document_id,
            document_id=document_id,
            annotator=project.annotator,
            new={
                "layer": layer,
                "entities": len(draft.entities),
                "relations": len(draft.relations),
                "status": draft.status,
            },
            at=stamp,
        )


def documents_done_by(project: Project, layers: Iterable[str] | None = None) -> dict[int, set[str]]:
    """Document id -> the annotators' layers (not gold) that marked it done."""
    chosen = set(layers) if layers is not None else None
    done: dict[int, set[str]] = {}
    for document_id, layer in project._db.execute(
        "SELECT document_id, layer FROM document_layers WHERE status = ? AND layer != 'gold'",
        (DocumentStatus.DONE,),
    ):
        if chosen is None or layer in chosen:
            done.setdefault(document_id, set()).add(layer)
    return done


@dataclass(frozen=True, slots=True)
class LayerAnnotations:
    """One layer's accepted entities of a document, (start, end, label) in code points,
    and its accepted relations as (head span, tail span, type)."""

    entities: frozenset[tuple[int, int, str]]
    relations: frozenset[tuple[tuple[int, int, str], tuple[int, int, str], str]]


def accepted_by_layer(
    project: Project, document_ids: Iterable[int], layers: Iterable[str]
) -> dict[str, dict[int, LayerAnnotations]]:
    """layer -> document id -> its accepted annotations, for the given documents: those
    with an accepted entity or relation in that layer. A relation counts when both its
    ends are accepted entities of the given layers and documents.

    SQLite gathers each document's annotations of a layer into JSON arrays, one per
    column (an aggregate sees a group's rows in one order, so they line up), read with
    orjson and zipped into tuples: a few times faster than a row per entity, and no list
    per entity for the garbage collector to walk.
    The ids and layers travel as one JSON parameter each, so their number has no limit."""
    names = list(layers)
    result: dict[str, dict[int, LayerAnnotations]] = {name: {} for name in names}
    # as text: SQLite 3.45+ would read a BLOB as its binary JSONB
    params = (Status.ACCEPTED, orjson.dumps(names).decode(), _json_ids(document_ids))
    found: dict[tuple[str, int], list] = {}
    loads = orjson.loads
    for layer, document_id, *columns in project._db.execute(_ACCEPTED_ENTITIES, params):
        entities = frozenset(zip(*map(loads, columns), strict=True))
        found[layer, document_id] = [entities, frozenset()]
    for layer, document_id, *columns in project._db.execute(_ACCEPTED_RELATIONS, params):
        head_start, head_end, head_label, tail_start, tail_end, tail_label, types = map(
            loads, columns
        )
        heads = zip(head_start, head_end, head_label, strict=True)
        tails = zip(tail_start, tail_end, tail_label, strict=True)
        pair = found.setdefault((layer, document_id), [frozenset(), frozenset()])
        pair[1] = frozenset(zip(heads, tails, types, strict=True))
    for (layer, document_id), (entities, relations) in found.items():
        result[layer][document_id] = LayerAnnotations(entities, relations)
    return result


@dataclass(frozen=True, slots=True)
class AcceptedColumns:
    """Accepted entities and relations of several layers and documents, one list per
    column (row i of every entity list is one entity; likewise for relations), in no
    particular order. Layers are indices into the names asked for; offsets are code
    points. A relation names its ends by entity id: it counts when both are among the
    entity rows (an end may be a candidate, hence not read)."""

    entity_id: list[int]
    entity_layer: list[int]
    entity_document: list[int]
    entity_start: list[int]
    entity_end: list[int]
    entity_label: list[str]
    relation_layer: list[int]
    relation_document: list[int]
    relation_head: list[int]
    relation_tail: list[int]
    relation_type: list[str]


def accepted_columns(
    project: Project, document_ids: Iterable[int], layers: Iterable[str]
) -> AcceptedColumns:
    """The accepted entities and relations of `layers` in the given documents, as columns:
    what `accepted_by_layer` reads, for agreement over many documents at once.

    Each table is read in one query whose columns SQLite gathers into JSON arrays (an
    aggregate sees its rows in one order, so they line up), read with orjson: no tuple
    per row. The ids and layers travel as one JSON parameter each."""
    params = (Status.ACCEPTED, orjson.dumps(list(layers)).decode(), _json_ids(document_ids))
    entities = project._db.execute(_ENTITY_COLUMNS, params).fetchone()
    relations = project._db.execute(_RELATION_COLUMNS, params).fetchone()
    return AcceptedColumns(*map(orjson.loads, entities), *map(orjson.loads, relations))


def _json_ids(ids: Iterable[int]) -> str:
    return orjson.dumps([int(i) for i in ids]).decode()


_ACCEPTED_ENTITIES = """
SELECT layer, document_id,
       json_group_array(start), json_group_array("end"), json_group_array(label)
FROM entities
WHERE status = ?1 AND layer IN (SELECT value FROM json_each(?2))
  AND document_id IN (SELECT value FROM json_each(?3))
GROUP BY layer, document_id
"""

_ACCEPTED_RELATIONS = """
SELECT r.layer, r.document_id,
       json_group_array(h.start), json_group_array(h."end"), json_group_array(h.label),
       json_group_array(t.start), json_group_array(t."end"), json_group_array(t.label),
       json_group_array(r.type)
FROM relations r
JOIN entities h ON h.id = r.head_id
JOIN entities t ON t.id = r.tail_id
WHERE r.status = ?1 AND r.layer IN (SELECT value FROM json_each(?2))
  AND r.document_id IN (SELECT value FROM json_each(?3))
  AND h.status = ?1 AND h.layer IN (SELECT value FROM json_each(?2))
  AND h.document_id IN (SELECT value FROM json_each(?3))
  AND t.status = ?1 AND t.layer IN (SELECT value FROM json_each(?2))
  AND t.document_id IN (SELECT value FROM json_each(?3))
GROUP BY r.layer, r.document_id
"""

# layers are numbered by their place in the JSON array of names (json_each's key); the
# CROSS JOIN keeps that array the outer loop, so each layer is an index search
_ENTITY_COLUMNS = """
SELECT json_group_array(e.id), json_group_array(l.key), json_group_array(e.document_id),
       json_group_array(e.start), json_group_array(e."end"), json_group_array(e.label)
FROM json_each(?2) AS l CROSS JOIN entities e ON e.layer = l.value
WHERE e.status = ?1 AND e.document_id IN (SELECT value FROM json_each(?3))
"""

_RELATION_COLUMNS = """
SELECT json_group_array(l.key), json_group_array(r.document_id), json_group_array(r.head_id),
       json_group_array(r.tail_id), json_group_array(r.type)
FROM json_each(?2) AS l CROSS JOIN relations r ON r.layer = l.value
WHERE r.status = ?1 AND r.document_id IN (SELECT value FROM json_each(?3))
"""
