"""Our JSONL, the reference format: one document per line, everything the project holds.

`{"id", "name", "text", "status", "entities": [{"id", "start", "end", "label", "text",
"status", "source", "annotator", "decided_by", "decision"}], "relations": [{"id", "head",
"tail", "type", "status", "annotator"}], "meta"}`. Offsets are code points on `text`;
`text[start:end] == entity["text"]` always holds. The reader also takes doccano's lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.formats.base import ReadContext, WriteContext, write_lines
from annotator.formats.json_lines import first_value, is_doccano, read_json_lines
from annotator.formats.registry import CARRIES, FileFormat
from annotator.model import ExportDocument
from annotator.model.drafts import DocumentDraft

SUFFIXES = (".jsonl", ".ndjson", ".json")


def our_line(item: ExportDocument) -> dict[str, Any]:
    """The JSON object of one document."""
    document = item.document
    return {
        "id": document.id,
        "name": document.name,
        "text": document.text,
        "status": document.status,
        "entities": [
            {
                "id": e.id,
                "start": e.start,
                "end": e.end,
                "label": e.label,
                "text": e.text,
                "status": e.status,
                "source": e.source,
                "annotator": e.annotator,
                "decided_by": e.decided_by,
                "decision": e.decision,
            }
            for e in item.entities
        ],
        "relations": [
            {
                "id": r.id,
                "head": r.head,
                "tail": r.tail,
                "type": r.type,
                "status": r.status,
                "annotator": r.annotator,
            }
            for r in item.relations
        ],
        "meta": document.meta,
    }


def write(documents: Iterable[ExportDocument], out: Path, context: WriteContext) -> None:
    write_lines(documents, out, lambda item: orjson.dumps(our_line(item)))


def read(path: Path, context: ReadContext) -> Iterator[DocumentDraft]:
    return read_json_lines(path)


def sniff(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in SUFFIXES:
        return False
    value = first_value(path)
    return not is_doccano(value)


FORMAT = FileFormat(
    name="jsonl",
    title="annotator JSONL",
    suffixes=SUFFIXES,
    unit="code points",
    carries=CARRIES,
    sniff=sniff,
    read=read,
    write=write,
)
