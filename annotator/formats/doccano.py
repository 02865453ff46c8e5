"""doccano's JSONL, in both of its forms.

Sequence labelling: `{"text", "label": [[start, end, "LABEL"], ...]}`. Relations (what
we write): `{"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [{"id", "from_id", "to_id", "type"}]}`. Offsets here are code points, as
doccano's own exports of Python strings give them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.formats.base import ReadContext, WriteContext, write_lines
from annotator.formats.json_lines import first_value, is_doccano, read_json_lines
from annotator.formats.registry import FileFormat
from annotator.model import ExportDocument
from annotator.model.drafts import DocumentDraft

SUFFIXES = (".jsonl", ".ndjson", ".json")


def doccano_line(item: ExportDocument) -> dict[str, Any]:
    """The JSON object of one document in doccano's relation form."""
    return {
        "id": item.document.id,
        "text": item.document.text,
        "entities": [
            {"id": e.id, "label": e.label, "start_offset": e.start, "end_offset": e.end}
            for e in item.entities
        ],
        "relations": [
            {"id": r.id, "from_id": r.head, "to_id": r.tail, "type": r.type} for r in item.relations
        ],
    }


def write(documents: Iterable[ExportDocument], out: Path, context: WriteContext) -> None:
    write_lines(documents, out, lambda item: orjson.dumps(doccano_line(item)))


def read(path: Path, context: ReadContext) -> Iterator[DocumentDraft]:
    return read_json_lines(path, only_doccano=True)


def sniff(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES and is_doccano(first_value(path))


FORMAT = FileFormat(
    name="doccano",
    title="doccano JSONL",
    suffixes=SUFFIXES,
    unit="code points",
    carries=frozenset({"text", "entities", "relations", "nesting", "overlap", "same_span"}),
    sniff=sniff,
    read=read,
    write=write,
)
