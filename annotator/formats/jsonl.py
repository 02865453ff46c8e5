"""Our JSONL, the reference format: one document per line, everything the project holds.

`{"id", "name", "text", "status", "entities": [{"id", "start", "end", "label", "text",
"status", "source", "annotator", "decided_by", "decision"}], "relations": [{"id", "head",
"tail", "type", "status", "annotator"}], "meta"}`. Offsets are code points on `text`;
`text[start:end] == entity["text"]` always holds. The reader also takes doccano's lines.

With the write option `provenance` (a function of a document id giving curation's
provenance by span and by relation, `app.curation_provenance.gold_provenance`), every
entity and relation also gets `"provenance": {"found_in", "decided", "decided_by"}`.
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


def with_provenance(line: dict[str, Any], item: ExportDocument, provenance) -> dict[str, Any]:
    """Add each entity's and relation's provenance (`provenance(document id)` gives
    (by (start, end, label), by (head, tail, type)); what it lacks gets none)."""
    by_span, by_relation = provenance(item.document.id)
    spans = {e.id: (e.start, e.end, e.label) for e in item.entities}
    for entity in line["entities"]:
        entity["provenance"] = by_span.get(spans[entity["id"]])
    for relation in line["relations"]:
        key = (spans[relation["head"]], spans[relation["tail"]], relation["type"])
        relation["provenance"] = by_relation.get(key)
    return line


def write(documents: Iterable[ExportDocument], out: Path, context: WriteContext) -> None:
    provenance = context.options.get("provenance")
    if provenance is None:
        write_lines(documents, out, lambda item: orjson.dumps(our_line(item)))
    else:
        write_lines(
            documents,
            out,
            lambda item: orjson.dumps(with_provenance(our_line(item), item, provenance)),
        )


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
