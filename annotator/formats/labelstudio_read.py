"""Reading Label Studio's JSON export into drafts; the shapes, the offset unit and the
choices made are described in `annotator.formats.labelstudio`.

The array is parsed one task at a time (`json.JSONDecoder.raw_decode`), so every error
names the line where its task starts, as well as "task N (id ID)" and the result.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.formats.base import ReadContext
from annotator.formats.errors import FormatError
from annotator.formats.offsets import Utf16Offsets
from annotator.formats.text_io import BOM, decode_utf8, mismatch, normalise_newlines
from annotator.model import AnnotationError, Status
from annotator.model.drafts import DocumentDraft, EntityDraft, RelationDraft, check_draft

SOURCE_PREFIX = "labelstudio:"
_SPACE = re.compile(r"[ \t\n\r]*")
DIRECTIONS = ("right", "left", "bi")


@dataclass
class _Task:
    path: Path
    number: int
    line: int
    value: Any
    context: ReadContext

    @property
    def where(self) -> str:
        ident = self.value.get("id") if isinstance(self.value, dict) else None
        return f"task {self.number}" + (f" (id {ident})" if ident is not None else "")

    def error(self, reason: str) -> FormatError:
        return FormatError(self.path, f"{self.where}: {reason}", self.line)


def read_tasks(path: Path, context: ReadContext) -> Iterator[DocumentDraft]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(path, f"cannot read the file: {error.strerror}") from None
    source = decode_utf8(data, path).removeprefix(BOM)
    for number, line, value in _array(path, source):
        yield _draft(_Task(path, number, line, value, context))


def _array(path: Path, source: str) -> Iterator[tuple[int, int, Any]]:
    """(task number, line where it starts, the task) for each element of the array."""
    decoder, lines = json.JSONDecoder(), _LineCounter(source)
    index = _SPACE.match(source).end()
    if not source.startswith("[", index):
        hint = "; a single task must be wrapped in [ ]" if source.startswith("{", index) else ""
        raise FormatError(
            path, "not a JSON array of tasks (Label Studio's export starts with '[')" + hint
        )
    index = _SPACE.match(source, index + 1).end()
    number = 0
    while not source.startswith("]", index) or number:
        number += 1
        try:
            value, end = decoder.raw_decode(source, index)
        except json.JSONDecodeError as error:
            reason = f"task {number}: malformed JSON: {error.msg} at column {error.colno}"
            raise FormatError(path, reason, error.lineno) from None
        yield number, lines.at(index), value
        index = _SPACE.match(source, end).end()
        if source.startswith(",", index):
            index = _SPACE.match(source, index + 1).end()
        elif source.startswith("]", index):
            break
        else:
            reason = f"after task {number}: expected ',' or the closing ']'"
            raise FormatError(path, reason, lines.at(index))
    if _SPACE.match(source, index + 1).end() != len(source):
        raise FormatError(path, "text after the array's closing ']'", lines.at(index))


class _LineCounter:
    """Line numbers of increasing offsets, counted once."""

    def __init__(self, source: str) -> None:
        self.source, self.index, self.line = source, 0, 1

    def at(self, index: int) -> int:
        self.line += self.source.count("\n", self.index, index)
        self.index = index
        return self.line


# --- one task ----------------------------------------------------------------------------


def _draft(task: _Task) -> DocumentDraft:
    value = task.value
    if not isinstance(value, dict):
        raise task.error(f"a task must be an object, got {_kind(value)}")
    data = value.get("data")
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str):
        hint = " (this looks like the JSON-MIN export: export as JSON)" if "text" in value else ""
        raise task.error("no data.text: a task holds its text in data.text" + hint)
    if normalise_newlines(text) != text:
        raise task.error(
            "data.text contains CR characters or a BOM: Label Studio counts them, annotator "
            "makes them LF and drops the BOM, so the offsets would shift"
        )
    name = data.get("name")
    if not isinstance(name, str) or not name:
        name = f"{task.path.name} task {value.get('id', task.number)}"
    spans = _Spans(task, text)
    annotation = _chosen_annotation(task)
    if annotation is not None:
        spans.add(_results(task, annotation, "annotation"), "annotation", Status.ACCEPTED, "import")
    for index, prediction in enumerate(_objects(task, "predictions"), start=1):
        where = f"prediction {index}"
        version = prediction.get("model_version")
        source = f"{SOURCE_PREFIX}{version}" if version not in (None, "") else "labelstudio"
        results = _results(task, prediction, where)
        spans.add(results, where, Status.CANDIDATE, source, _score(prediction))
    if value.get("drafts"):
        task.context.counts["Label Studio drafts not imported"] += len(value["drafts"])
    draft = DocumentDraft(name=name, text=text, meta=_meta(value, data), line=task.line)
    draft.entities, draft.relations = spans.entities, spans.relations
    try:
        check_draft(draft, task.context.schema)
    except AnnotationError as error:
        raise task.error(str(error)) from None
    return draft


def _objects(task: _Task, key: str) -> list[dict[str, Any]]:
    items = task.value.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise task.error(f"{key!r} must be a list of objects")
    return items


def _chosen_annotation(task: _Task) -> dict[str, Any] | None:
    """The annotation marked ground truth, else the first not cancelled; the others are
    counted, with a notice."""
    key = "annotations" if "annotations" in task.value else "completions"  # before 1.0
    annotations = _objects(task, key)
    live = [a for a in annotations if not a.get("was_cancelled")]
    chosen = next((a for a in live if a.get("ground_truth")), live[0] if live else None)
    left = len(annotations) - (chosen is not None)
    if left:
        task.context.counts["Label Studio annotations not imported"] += left
        task.context.notices.append(
            f"{task.path}, line {task.line}: {task.where}: {left} of its {len(annotations)} "
            "annotations not imported (annotator takes the one marked ground truth, else the "
            "first not cancelled)"
        )
    return chosen


def _results(task: _Task, holder: dict[str, Any], where: str) -> list[dict[str, Any]]:
    results = holder.get("result", [])
    if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
        raise task.error(f"{where}: 'result' must be a list of objects")
    return results


def _score(holder: dict[str, Any]) -> float | None:
    score = holder.get("score")
    return float(score) if isinstance(score, int | float) and not isinstance(score, bool) else None


def _meta(value: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    meta = {key: item for key, item in data.items() if key not in ("text", "name", "meta")}
    for extra in (data.get("meta"), value.get("meta")):
        if isinstance(extra, dict):
            meta.update(extra)
    if "meta" in data and not isinstance(data["meta"], dict):
        meta["meta"] = data["meta"]
    return meta


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), repr(value))


# --- regions and relations ---------------------------------------------------------------


class _Spans:
    """The entities and relations of one task, from its annotation then its predictions:
    a region already read (same span, same label) is the same entity."""

    def __init__(self, task: _Task, text: str) -> None:
        self.task, self.text = task, text
        self.schema, self.counts = task.context.schema, task.context.counts
        self.unit = task.context.options.get("offset_unit", "auto")
        self.utf16 = Utf16Offsets(text)
        self.entities: list[EntityDraft] = []
        self.relations: list[RelationDraft] = []
        # (start, end, label) -> the entity and the id of the region it was first read from
        self.by_span: dict[tuple[int, int, str], tuple[EntityDraft, Any]] = {}
        self.relation_keys: set[tuple[Any, Any, str]] = set()

    def add(self, results, where: str, status: str, source: str, confidence=None) -> None:
        regions: dict[Any, list[EntityDraft]] = {}
        relations = []
        for index, result in enumerate(results, start=1):
            kind, at = result.get("type"), f"{where}, result {index}"
            if kind == "labels":
                found = self._region(result, at, status, source, confidence)
                regions.setdefault(result.get("id"), []).extend(found)
            elif kind == "relation":
                relations.append((at, result))
            else:
                self.counts[f"Label Studio {kind!s} results not imported"] += 1
        for at, result in relations:
            self._relation(result, at, where, regions, status)

    def _region(self, result, where, status, source, confidence) -> list[EntityDraft]:
        value = result.get("value")
        value = value if isinstance(value, dict) else {}
        start, end, labels = value.get("start"), value.get("end"), value.get("labels")
        if type(start) is not int or type(end) is not int:
            raise self.task.error(
                f"{where}: value.start and value.end must be integers (HyperText regions, "
                "with XPath offsets, are not read)"
            )
        if (
            not isinstance(labels, list)
            or not labels
            or not all(isinstance(x, str) for x in labels)
        ):
            raise self.task.error(f"{where}: value.labels must be a non-empty list of labels")
        start, end = self._offsets(start, end, value.get("text"), where)
        score = _score(result)
        confidence = score if score is not None else confidence
        region = (result.get("id"), where, status, source, confidence)
        return [self._entity(start, end, label, *region) for label in labels]

    def _entity(self, start, end, label, rid, where, status, source, confidence) -> EntityDraft:
        """A new entity, or the one read before with this span and label: a region of a
        prediction the annotation kept (same region id) is silently the same; another
        region on the same span and label is counted, as its source is not kept."""
        try:
            self.schema.label(label)
        except AnnotationError as error:
            raise self.task.error(f"{where}: {error}") from None
        found = self.by_span.get((start, end, label))
        if found is not None:
            if rid is None or rid != found[1]:
                self.counts["Label Studio spans given twice with one label (merged)"] += 1
            return found[0]
        key = f"{where}: {label}"
        entity = EntityDraft(key, start, end, label, status, None, source, confidence)
        self.by_span[(start, end, label)] = (entity, rid)
        self.entities.append(entity)
        return entity

    def _offsets(self, start: int, end: int, quoted: Any, where: str) -> tuple[int, int]:
        """Code points; UTF-16 units when forced, or when only they make value.text fit."""
        if self.unit == "utf16" or (
            self.unit == "auto"
            and isinstance(quoted, str)
            and not self._fits(start, end, quoted)
            and self._fits(*self._from_utf16(start, end), quoted)
        ):
            converted = self._from_utf16(start, end)
            if -1 in converted:
                raise self.task.error(
                    f"{where}: offsets {start}-{end} in UTF-16 units fall inside a character "
                    "or outside the text"
                )
            if converted != (start, end):
                self.counts["Label Studio spans in UTF-16 units (older export), converted"] += 1
            start, end = converted
        if not 0 <= start < end <= len(self.text):
            raise self.task.error(
                f"{where}: offsets {start}-{end} out of range (the text has {len(self.text)} "
                "code points)"
            )
        actual = self.text[start:end]
        if isinstance(quoted, str) and not _same_text(quoted, actual):
            raise self.task.error(
                f"{where}: value.text {mismatch(quoted, actual)} at {start}-{end}"
            )
        return start, end

    def _from_utf16(self, start: int, end: int) -> tuple[int, int]:
        converted = (self.utf16.to_code_points(start), self.utf16.to_code_points(end))
        return tuple(-1 if x is None else x for x in converted)  # type: ignore[return-value]

    def _fits(self, start: int, end: int, quoted: str) -> bool:
        return 0 <= start < end <= len(self.text) and _same_text(quoted, self.text[start:end])

    def _relation(self, result, where: str, origin: str, regions: dict, status: str) -> None:
        ends = [regions.get(result.get(key)) for key in ("from_id", "to_id")]
        for key, found in zip(("from_id", "to_id"), ends, strict=True):
            if found is None:
                raise self.task.error(
                    f"{where}: {key} {result.get(key)!r} is not a region of this {origin}"
                )
        labels, direction = result.get("labels") or [], result.get("direction", "right")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise self.task.error(f"{where}: labels must be a list of relation types")
        if direction not in DIRECTIONS:
            raise self.task.error(f"{where}: direction {direction!r} is not one of {DIRECTIONS}")
        heads, tails = ends if direction != "left" else ends[::-1]
        if not labels:
            self.counts["Label Studio relations without a type, not imported"] += 1
        for type_name in labels:
            self._typed_relation(heads, tails, type_name, where, status, direction)

    def _typed_relation(self, heads, tails, type_name, where, status, direction) -> None:
        try:
            relation_type = self.schema.relation_type(type_name)
            pairs = [(h, t) for h in heads for t in tails if h is not t]
            allowed = [(h, t) for h, t in pairs if relation_type.allows(h.label, t.label)]
            if not pairs:
                raise AnnotationError("head and tail are the same entity")
            head, tail = (allowed or pairs)[0]
            self.schema.check_relation(type_name, head.label, tail.label)
        except AnnotationError as error:
            raise self.task.error(f"{where}: {error}") from None
        if direction == "bi" and not relation_type.symmetric:
            self.counts[
                "Label Studio two-way relations of a one-way type, read from_id -> to_id"
            ] += 1
        key, reverse = (head.key, tail.key, type_name), (tail.key, head.key, type_name)
        if key in self.relation_keys or (relation_type.symmetric and reverse in self.relation_keys):
            return
        self.relation_keys.add(key)
        self.relations.append(
            RelationDraft(f"{where}: {type_name}", head.key, tail.key, type_name, status)
        )


def _same_text(quoted: str, actual: str) -> bool:
    """value.text as written, or with line breaks as the two characters `\\n` (the
    editor's captureSelection and domManager write them so)."""
    return quoted == actual or quoted == actual.replace("\r", "\\n").replace("\n", "\\n")
