"""Writing a project out: our JSONL and doccano relation JSONL, atomically, streamed.

Entity and relation ids in a line are numbered 1..n per document (entities in reading
order), so an export does not depend on the project's internal ids and round-trips exactly.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from annotator.model import AnnotationError, Document, text_sha256
from annotator.store.bulk import AnnotatedDocument, iter_annotated_documents
from annotator.store.project import Project

FORMATS = ("jsonl", "doccano")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    documents: int
    entities: int
    relations: int


@dataclass(slots=True)
class _CheckedAnnotations:
    """One document's annotations after the integrity checks, numbered for the line."""

    entities: list[tuple[int, int, int, str, str, str, str | None, str]]  # + local id, text
    relations: list[tuple[int, int, int, str, str, str | None]]  # local id, head, tail


def check_annotations(
    item: AnnotatedDocument, symmetric_types: set[str], include_candidates: bool
) -> _CheckedAnnotations:
    """The integrity check every export makes before writing a line.

    The text must still match its SHA-256 from import, every span must lie inside it, and
    every relation must join two exported entities of this document; gold only unless
    `include_candidates`.
    """
    document = item.document
    text = document.text
    if text_sha256(text) != document.sha256:
        raise AnnotationError(
            f"document {document.id} ({document.name}): its text changed after import "
            "(SHA-256 mismatch); refusing to export it"
        )
    length = len(text)
    local_ids: dict[int, int] = {}
    entities = []
    for entity_id, start, end, label, status, source, annotator in item.entities:
        if not include_candidates and status != "accepted":
            continue
        if not 0 <= start < end <= length:
            raise AnnotationError(
                f"document {document.id} ({document.name}): entity {entity_id} at "
                f"{start}-{end} does not lie within the document's text (length {length})"
            )
        local = len(entities) + 1
        local_ids[entity_id] = local
        entities.append((local, start, end, label, status, source, annotator, text[start:end]))
    relations = []
    for _, head_id, tail_id, type_name, status, annotator in item.relations:
        if not include_candidates and status != "accepted":
            continue
        head, tail = local_ids.get(head_id), local_ids.get(tail_id)
        if head is None or tail is None:
            if include_candidates:
                raise AnnotationError(
                    f"document {document.id} ({document.name}): a {type_name} relation "
                    "points to an entity that is not in this document"
                )
            continue  # a gold relation needs both ends in the gold set
        if type_name in symmetric_types and head > tail:
            head, tail = tail, head
        relations.append((len(relations) + 1, head, tail, type_name, status, annotator))
    return _CheckedAnnotations(entities, relations)


def our_line(document: Document, checked: _CheckedAnnotations) -> dict[str, Any]:
    return {
        "id": document.id,
        "name": document.name,
        "text": document.text,
        "status": document.status,
        "entities": [
            {
                "id": local,
                "start": start,
                "end": end,
                "label": label,
                "text": span_text,
                "status": status,
                "source": source,
                "annotator": annotator,
            }
            for local, start, end, label, status, source, annotator, span_text in checked.entities
        ],
        "relations": [
            {
                "id": local,
                "head": head,
                "tail": tail,
                "type": type_name,
                "status": status,
                "annotator": annotator,
            }
            for local, head, tail, type_name, status, annotator in checked.relations
        ],
        "meta": document.meta,
    }


def doccano_line(document: Document, checked: _CheckedAnnotations) -> dict[str, Any]:
    return {
        "id": document.id,
        "text": document.text,
        "entities": [
            {
                "id": entity[0],
                "label": entity[3],
                "start_offset": entity[1],
                "end_offset": entity[2],
            }
            for entity in checked.entities
        ],
        "relations": [
            {"id": local, "from_id": head, "to_id": tail, "type": type_name}
            for local, head, tail, type_name, _, _ in checked.relations
        ],
    }


LINE_WRITERS: dict[str, Callable[[Document, _CheckedAnnotations], dict[str, Any]]] = {
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
    make_line = LINE_WRITERS[format]
    symmetric = {t.name for t in project.schema.relation_types if t.symmetric}
    out = Path(out)
    if not out.parent.is_dir():
        raise AnnotationError(f"{out}: the folder {out.parent} does not exist")
    handle = tempfile.NamedTemporaryFile(
        "wb", dir=out.parent, prefix=f".{out.name}.", suffix=".tmp", delete=False
    )
    documents = entity_count = relation_count = 0
    try:
        with handle:
            for item in iter_annotated_documents(
                project, statuses, annotation_status=None if include_candidates else "accepted"
            ):
                checked = check_annotations(item, symmetric, include_candidates)
                handle.write(orjson.dumps(make_line(item.document, checked)))
                handle.write(b"\n")
                documents += 1
                entity_count += len(checked.entities)
                relation_count += len(checked.relations)
                if progress:
                    progress(1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, out)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return ExportSummary(documents, entity_count, relation_count)
