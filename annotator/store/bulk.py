"""Fast paths for whole files: inserting checked drafts, and streaming documents out.

Both work in one transaction and use executemany / ordered cursors, so importing and
exporting tens of thousands of documents stays quick and export memory stays flat.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator.model import Document, Entity, Relation, text_sha256
from annotator.model.drafts import DocumentDraft
from annotator.store.connection import write_transaction
from annotator.store.project import Project
from annotator.store.rows import (
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    RELATION_COLUMNS,
    document_from_row,
    entity_from_row,
    now,
    relation_from_row,
)


@dataclass(frozen=True, slots=True)
class InsertOutcome:
    draft: DocumentDraft
    document_id: int | None  # None: the same text is already in the project
    duplicate_of: int | None = None


def insert_drafts(
    project: Project, drafts: Iterable[DocumentDraft], origin: str
) -> list[InsertOutcome]:
    """Insert already-checked drafts in one transaction: all of them, or none."""
    db = project.db
    outcomes: list[InsertOutcome] = []
    schema = project.schema
    with write_transaction(db):
        next_document = _next_id(project, "documents")
        next_entity = _next_id(project, "entities")
        next_relation = _next_id(project, "relations")
        stamp = now()
        documents, entities, relations, events = [], [], [], []
        seen: dict[str, int] = {}
        for draft in drafts:
            sha256 = text_sha256(draft.text)
            existing = seen.get(sha256) or project.document_id_by_sha256(sha256)
            if existing is not None:
                outcomes.append(InsertOutcome(draft, None, existing))
                continue
            document_id = next_document
            next_document += 1
            seen[sha256] = document_id
            documents.append(
                (
                    document_id,
                    draft.name,
                    draft.text,
                    sha256,
                    draft.status,
                    json.dumps(draft.meta, ensure_ascii=False),
                    stamp,
                    stamp,
                )
            )
            entity_ids = {}
            for entity in draft.entities:
                entity_ids[entity.key] = (next_entity, entity.label)
                entities.append(
                    (
                        next_entity,
                        document_id,
                        entity.start,
                        entity.end,
                        entity.label,
                        entity.status,
                        entity.source,
                        entity.confidence,
                        entity.annotator,
                        stamp,
                        stamp,
                    )
                )
                next_entity += 1
            for relation in draft.relations:
                head_id = entity_ids[relation.head_key][0]
                tail_id = entity_ids[relation.tail_key][0]
                if schema.relation_type(relation.type).symmetric and head_id > tail_id:
                    head_id, tail_id = tail_id, head_id
                relations.append(
                    (
                        next_relation,
                        document_id,
                        head_id,
                        tail_id,
                        relation.type,
                        relation.status,
                        relation.annotator,
                        stamp,
                        stamp,
                    )
                )
                next_relation += 1
            events.append(
                (
                    stamp,
                    project.annotator,
                    "import",
                    "document",
                    document_id,
                    document_id,
                    json.dumps(
                        {
                            "name": draft.name,
                            "sha256": sha256,
                            "file": origin,
                            "line": draft.line,
                            "entities": len(draft.entities),
                            "relations": len(draft.relations),
                        },
                        ensure_ascii=False,
                    ),
                )
            )
            outcomes.append(InsertOutcome(draft, document_id))
        conn = db.conn
        conn.executemany(
            "INSERT INTO documents (id, name, text, sha256, status, meta, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            documents,
        )
        conn.executemany(
            'INSERT INTO entities (id, document_id, start, "end", label, status, source, '
            "confidence, annotator, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            entities,
        )
        conn.executemany(
            "INSERT INTO relations (id, document_id, head_id, tail_id, type, status, annotator, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            relations,
        )
        conn.executemany(
            "INSERT INTO events (at, annotator, action, object, object_id, document_id, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            events,
        )
    return outcomes


def _next_id(project: Project, table: str) -> int:
    # Inside BEGIN IMMEDIATE no other writer can take these ids before we commit.
    return project.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


def iter_annotated_documents(
    project: Project, statuses: Iterable[str] | None = None
) -> Iterator[tuple[Document, list[Entity], list[Relation]]]:
    """Stream every document with its entities (reading order) and relations (id order).

    Three cursors walk documents, entities and relations in document order side by side,
    inside one read transaction so the snapshot is consistent; memory stays per-document.
    """
    db = project.db
    statuses = list(statuses) if statuses else []
    where = f"WHERE d.status IN ({', '.join('?' * len(statuses))})" if statuses else ""
    in_transaction = db.conn.in_transaction
    if not in_transaction:
        db.conn.execute("BEGIN")
    try:
        document_rows = db.conn.execute(
            f"SELECT {_prefixed(DOCUMENT_COLUMNS, 'd')} FROM documents d {where} ORDER BY d.id",
            statuses,
        )
        entity_rows = db.conn.execute(
            f"SELECT {_prefixed(ENTITY_COLUMNS, 'e')} FROM entities e "
            f"JOIN documents d ON d.id = e.document_id {where} "
            'ORDER BY e.document_id, e.start, e."end", e.label',
            statuses,
        )
        relation_rows = db.conn.execute(
            f"SELECT {_prefixed(RELATION_COLUMNS, 'r')} FROM relations r "
            f"JOIN documents d ON d.id = r.document_id {where} ORDER BY r.document_id, r.id",
            statuses,
        )
        next_entity = next(entity_rows, None)
        next_relation = next(relation_rows, None)
        for row in document_rows:
            document = document_from_row(row)
            entities: list[Entity] = []
            while next_entity is not None and next_entity[1] == document.id:
                entities.append(entity_from_row(next_entity))
                next_entity = next(entity_rows, None)
            relations: list[Relation] = []
            while next_relation is not None and next_relation[1] == document.id:
                relations.append(relation_from_row(next_relation))
                next_relation = next(relation_rows, None)
            yield document, entities, relations
    finally:
        if not in_transaction and db.conn.in_transaction:
            db.conn.execute("COMMIT")


def _prefixed(columns: str, alias: str) -> str:
    return ", ".join(f"{alias}.{column.strip()}" for column in columns.split(","))
