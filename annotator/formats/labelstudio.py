"""Label Studio's JSON export: an array of tasks, and the labelling configuration beside it.

    [{"id": 1, "data": {"text": "...", "name": "...", "meta": {...}},
      "annotations": [{"result": [REGION..., RELATION...]}],
      "predictions": [{"model_version": "camel-ner", "score": 0.8, "result": [...]}]}]
    REGION   = {"id": "e1", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": 0, "end": 5, "text": "الملك", "labels": ["PERS"]}}
    RELATION = {"from_id": "e1", "to_id": "e2", "type": "relation",
                "direction": "right" | "left" | "bi", "labels": ["located_in"]}

Task format: https://labelstud.io/guide/task_format (docs/source/includes/task_format.md
and result_format.md in HumanSignal/label-studio): region ids are `[A-Za-z0-9_-]`, and a
region keeps its id when a prediction becomes an annotation.

Offsets. Label Studio's editor stores `start`/`end` of a Text region in Unicode code points,
not in JavaScript's UTF-16 units: web/libs/editor/src/utils/selection-tools.js
(`charsToCodePoints`: "in python and other modern tools complex unicode symbols handled as
code points ... js length should be converted to code points count"), RichText's
domManager.ts (`[...text].length`), and the end-to-end test
web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts ("Should calculate offsets by code
points in text": "test" in "🐱 Warning: This is a test text" is 21-25). Versions before
that change stored UTF-16 units (issues #1008 and #1347, fixed by PR #1559 / label-studio-
frontend #308, 2022). The backend stores what the editor sends; it recomputes nothing. So
export writes code points (or UTF-16 units with `options["offset_unit"] == "utf16"`, for
old versions), and import reads code points, except that a span whose `value.text` does not
match there but matches read as UTF-16 units is converted (and counted): an older export.
`options["offset_unit"]` "code_points" or "utf16" forces one reading. The editor writes a
line break inside `value.text` as the two characters `\\n`; both forms are accepted.

Import: the task's annotation becomes accepted entities and relations (the one marked
`ground_truth`, else the first not cancelled; the others are counted, with a notice);
each prediction's regions become candidates with source `labelstudio:<model_version>` and
confidence from the result's `score`, else the prediction's. A predicted region that the
annotation already holds (same span and label) is that accepted entity. Only `labels`
and `relation` results are read; the others are counted. `data.name` names the document
(else "FILE task ID"); the other `data` keys, and `data.meta`, become its meta.
Bad input raises FormatError naming the file, the task's line, "task N (id ID)" and why.

Export: gold as the task's annotation; with candidates, one prediction per source
(model_version = the source without `labelstudio:`) and one last prediction,
model_version "annotator:relations", holding the candidate relations (and any relation
with a candidate end, which comes back a candidate) with copies of the regions they join.
Rejected entities and relations have no place: counted in `left_out`.
`NAME.label_config.xml` beside the JSON holds the matching configuration.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import orjson

from annotator.formats.base import ReadContext, WriteContext, atomic_file
from annotator.formats.labelstudio_read import SOURCE_PREFIX, read_tasks
from annotator.formats.offsets import Utf16Offsets
from annotator.formats.registry import FileFormat
from annotator.model import ExportDocument, ExportEntity, Schema, Status
from annotator.model.drafts import DocumentDraft

SUFFIXES = (".json",)
FROM_NAME, TO_NAME = "label", "text"
RELATIONS_VERSION = "annotator:relations"
_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def sniff(path: Path, limit: int = 1 << 20) -> bool:
    """A .json file holding an array whose first element is a task (an object with a
    `data` object); a first task longer than `limit` is judged by its opening."""
    if not path.is_file() or path.suffix.lower() not in SUFFIXES:
        return False
    try:
        with path.open("rb") as handle:
            data = handle.read(limit)
    except OSError:
        return False
    head = data.decode("utf-8", errors="ignore").lstrip("\ufeff")
    start = _JSON_SPACE.match(head).end()
    if not head.startswith("[", start):
        return False
    start = _JSON_SPACE.match(head, start + 1).end()
    if not head.startswith("{", start):
        return False
    try:
        task, _ = json.JSONDecoder().raw_decode(head, start)
    except json.JSONDecodeError:
        return len(data) == limit and '"data"' in head  # a first task longer than `limit`
    return isinstance(task, dict) and isinstance(task.get("data"), dict)


def read(path: Path, context: ReadContext) -> Iterator[DocumentDraft]:
    return read_tasks(path, context)


# --- export ------------------------------------------------------------------------------


def write(documents: Iterable[ExportDocument], out: Path, context: WriteContext) -> None:
    """The JSON array, one task a line, then `NAME.label_config.xml` beside it."""
    utf16 = context.options.get("offset_unit") == "utf16"
    with atomic_file(out) as handle:
        handle.write(b"[")
        for number, item in enumerate(documents):
            handle.write(b",\n" if number else b"\n")
            handle.write(orjson.dumps(task_json(item, context, utf16)))
        handle.write(b"\n]\n")
    config = label_config_path(out)
    with atomic_file(config) as handle:
        handle.write(label_config(context.schema).encode("utf-8"))
    unit = "UTF-16 units (older Label Studio)" if utf16 else "code points, as Label Studio counts"
    context.notes.append(f"offsets in {unit}; labelling configuration in {config.name}")
    rejected = context.left_out["entities"] + context.left_out["relations"]
    if rejected:
        context.notes.append(
            f"{context.left_out['entities']} rejected entities and "
            f"{context.left_out['relations']} relations that are rejected or join one were "
            "left out: Label Studio has no rejected state"
        )


def label_config_path(out: Path) -> Path:
    return Path(out).with_name(Path(out).stem + ".label_config.xml")


def task_json(item: ExportDocument, context: WriteContext, utf16: bool = False) -> dict:
    """One task: gold in its annotation, candidates in its predictions."""
    document = item.document
    offsets = Utf16Offsets(document.text) if utf16 else None
    data: dict[str, Any] = {"text": document.text, "name": document.name}
    if document.meta:
        data["meta"] = document.meta
    status = {entity.id: entity.status for entity in item.entities}
    gold = [region(e, offsets) for e in item.entities if e.status == Status.ACCEPTED]
    symmetric = {t.name for t in context.schema.relation_types if t.symmetric}
    later = []
    for relation in item.relations:
        ends = (status[relation.head], status[relation.tail])
        if Status.REJECTED in ends or relation.status == Status.REJECTED:
            context.left_out["relations"] += 1
        elif relation.status == Status.ACCEPTED and ends == (Status.ACCEPTED, Status.ACCEPTED):
            gold.append(relation_json(relation, symmetric))
        else:
            later.append(relation)
    context.left_out["entities"] += sum(e.status == Status.REJECTED for e in item.entities)
    task = {"id": document.id, "data": data, "annotations": [], "predictions": []}
    if gold:
        task["annotations"].append({"result": gold})
    task["predictions"] = _predictions(item, later, symmetric, offsets)
    return task


def _predictions(item: ExportDocument, later: list, symmetric: set[str], offsets) -> list:
    by_source: dict[str, list[dict]] = {}
    for entity in item.entities:
        if entity.status == Status.CANDIDATE:
            by_source.setdefault(entity.source, []).append(region(entity, offsets))
    predictions = [
        {"model_version": source.removeprefix(SOURCE_PREFIX), "result": regions}
        for source, regions in by_source.items()
    ]
    if later:
        entities = {entity.id: entity for entity in item.entities}
        joined = sorted({end for r in later for end in (r.head, r.tail)})
        result = [region(entities[entity_id], offsets) for entity_id in joined]
        result += [relation_json(relation, symmetric) for relation in later]
        predictions.append({"model_version": RELATIONS_VERSION, "result": result})
    return predictions


def region(entity: ExportEntity, offsets: Utf16Offsets | None = None) -> dict[str, Any]:
    start, end = entity.start, entity.end
    if offsets is not None:
        start, end = offsets.to_utf16(start), offsets.to_utf16(end)
    return {
        "id": f"e{entity.id}",
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "value": {"start": start, "end": end, "text": entity.text, "labels": [entity.label]},
    }


def relation_json(relation, symmetric: set[str]) -> dict[str, Any]:
    return {
        "from_id": f"e{relation.head}",
        "to_id": f"e{relation.tail}",
        "type": "relation",
        "direction": "bi" if relation.type in symmetric else "right",
        "labels": [relation.type],
    }


def label_config(schema: Schema) -> str:
    """`<View><Relations>…</Relations><Labels name="label" toName="text">…</Labels>
    <Text name="text" value="$text"/></View>`: the schema's labels with their colours
    and hotkeys, and its relation types."""
    view = ElementTree.Element("View")
    if schema.relation_types:
        relations = ElementTree.SubElement(view, "Relations")
        for relation_type in schema.relation_types:
            ElementTree.SubElement(relations, "Relation", value=relation_type.name)
    labels = ElementTree.SubElement(view, "Labels", name=FROM_NAME, toName=TO_NAME)
    for label in schema.labels:
        attributes = {"value": label.name, "background": label.colour}
        if label.hotkey:
            attributes["hotkey"] = label.hotkey
        ElementTree.SubElement(labels, "Label", attributes)
    ElementTree.SubElement(view, "Text", name=TO_NAME, value=f"${TO_NAME}")
    ElementTree.indent(view)
    return ElementTree.tostring(view, encoding="unicode") + "\n"


FORMAT = FileFormat(
    name="labelstudio",
    title="Label Studio JSON",
    suffixes=SUFFIXES,
    unit="code points (UTF-16 units read from older exports)",
    carries=frozenset(
        {
            "entities",
            "relations",
            "nesting",
            "overlap",
            "same_span",
            "statuses",
            "names",
            "meta",
            "text",
        }
    ),
    sniff=sniff,
    read=read,
    write=write,
)
