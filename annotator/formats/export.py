"""Writing a project out: our JSONL and doccano relation JSONL, atomically, streamed.

Entity and relation ids in a line are numbered 1..n per document (entities in reading
order), so an export does not depend on the project's internal ids and round-trips exactly.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.model import AnnotationError, Document, Entity, Relation, Schema
from annotator.store.bulk import iter_annotated_documents
from annotator.store.project import Project

FORMATS = ("jsonl", "doccano")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    documents: int
    entities: int
    relations: int


def select_annotations(
    entities: list[Entity], relations: list[Relation], include_candidates: bool
) -> tuple[list[Entity], list[Relation]]:
    """Gold only by default: accepted entities, and accepted relations between them."""
    if include_candidates:
        return entities, relations
    gold = [entity for entity in entities if entity.status == "accepted"]
    kept = {entity.id for entity in gold}
    gold_relations = [
        relation
        for relation in relations
        if relation.status == "accepted" and relation.head_id in kept and relation.tail_id in kept
    ]
    return gold, gold_relations


def _local_relation_ends(
    relation: Relation, local_ids: dict[int, int], schema: Schema, document: Document
) -> tuple[int, int]:
    try:
        head, tail = local_ids[relation.head_id], local_ids[relation.tail_id]
    except KeyError:
        raise AnnotationError(
            f"document {document.id} ({document.name}): relation {relation.id} points to an "
            "entity that is not exported"
        ) from None
    if schema.relation_type(relation.type).symmetric and head > tail:
        head, tail = tail, head
    return head, tail


def checked_entity_text(document: Document, entity: Entity) -> str:
    """The integrity check every export makes: the span lies inside this document's text."""
    if entity.document_id != document.id or not 0 <= entity.start < entity.end <= len(
        document.text
    ):
        raise AnnotationError(
            f"document {document.id} ({document.name}): entity {entity.id} at "
            f"{entity.start}-{entity.end} does not lie within the document's text"
        )
    return document.text[entity.start : entity.end]


def our_line(
    document: Document, entities: list[Entity], relations: list[Relation], schema: Schema
) -> dict[str, Any]:
    local_ids = {entity.id: number for number, entity in enumerate(entities, start=1)}
    out_entities = [
        {
            "id": local_ids[entity.id],
            "start": entity.start,
            "end": entity.end,
            "label": entity.label,
            "text": checked_entity_text(document, entity),
            "status": entity.status,
            "source": entity.source,
            "annotator": entity.annotator,
        }
        for entity in entities
    ]
    out_relations = []
    for number, relation in enumerate(relations, start=1):
        head, tail = _local_relation_ends(relation, local_ids, schema, document)
        out_relations.append(
            {
                "id": number,
                "head": head,
                "tail": tail,
                "type": relation.type,
                "status": relation.status,
                "annotator": relation.annotator,
            }
        )
    return {
        "id": document.id,
        "name": document.name,
        "text": document.text,
        "status": document.status,
        "entities": out_entities,
        "relations": out_relations,
        "meta": document.meta,
    }


def doccano_line(
    document: Document, entities: list[Entity], relations: list[Relation], schema: Schema
) -> dict[str, Any]:
    local_ids = {entity.id: number for number, entity in enumerate(entities, start=1)}
    for entity in entities:
        checked_entity_text(document, entity)
    out_relations = []
    for number, relation in enumerate(relations, start=1):
        head, tail = _local_relation_ends(relation, local_ids, schema, document)
        out_relations.append({"id": number, "from_id": head, "to_id": tail, "type": relation.type})
    return {
        "id": document.id,
        "text": document.text,
        "entities": [
            {
                "id": local_ids[entity.id],
                "label": entity.label,
                "start_offset": entity.start,
                "end_offset": entity.end,
            }
            for entity in entities
        ],
        "relations": out_relations,
    }


LINE_WRITERS: dict[str, Callable[..., dict[str, Any]]] = {
    "jsonl": our_line,
    "doccano": doccano_line,
}


def export_project(
    project: Project,
    out: Path,
    *,
    format: str = "jsonl",
    include_candidates: bool = False,
    statuses: Iterable[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportSummary:
    """Write the export to a temporary file beside `out`, then rename it into place.

    Any integrity failure stops the export before `out` is touched.
    """
    if format not in LINE_WRITERS:
        raise AnnotationError(f"unknown export format {format!r}; choose {', '.join(FORMATS)}")
    write_line = LINE_WRITERS[format]
    schema = project.schema
    out = Path(out)
    if not out.parent.is_dir():
        raise AnnotationError(f"{out}: the folder {out.parent} does not exist")
    handle = tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        newline="\n",
        dir=out.parent,
        prefix=f".{out.name}.",
        suffix=".tmp",
        delete=False,
    )
    documents = entity_count = relation_count = 0
    try:
        with handle:
            for document, entities, relations in iter_annotated_documents(project, statuses):
                project.verify_document(document)
                entities, relations = select_annotations(entities, relations, include_candidates)
                line = write_line(document, entities, relations, schema)
                handle.write(json.dumps(line, ensure_ascii=False))
                handle.write("\n")
                documents += 1
                entity_count += len(entities)
                relation_count += len(relations)
                if progress:
                    progress(1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, out)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return ExportSummary(documents, entity_count, relation_count)
