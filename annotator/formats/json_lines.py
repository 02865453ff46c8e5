"""Reading JSON lines: our own export and both doccano forms, detected per line; and a
peek at a file's first line so the registry can tell the forms apart.

- ours:     {"text", "name", "status", "entities": [{"id", "start", "end", "label", ...}],
             "relations": [{"id", "head", "tail", "type", ...}], "meta": {}}
- doccano:  {"text", "label": [[start, end, "LABEL"], ...]}
- doccano:  {"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
             "relations": [{"id", "from_id", "to_id", "type"}]}
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.formats.errors import FormatError
from annotator.formats.text_io import decode_utf8, mismatch, normalise_newlines
from annotator.model import DocumentStatus, Status
from annotator.model.drafts import DocumentDraft, EntityDraft, RelationDraft
from annotator.model.errors import AnnotationError

OUR_DOCUMENT_KEYS = {"id", "name", "text", "status", "entities", "relations", "meta"}
DOCCANO_DOCUMENT_KEYS = {"id", "text", "label", "entities", "relations"}


def read_json_lines(path: Path, only_doccano: bool = False) -> Iterator[DocumentDraft]:
    """Yield one draft per non-blank line; raise FormatError naming the line on bad input."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(path, f"cannot read the file: {error.strerror}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    # Split on LF only: U+2028 and friends are legal inside JSON strings. Lines stay bytes:
    # orjson validates UTF-8 itself, and only a failing line is decoded again to say why.
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            decode_utf8(line, path, first_line=number)
            raise FormatError(
                path, f"malformed JSON: {error.msg} at column {error.colno}", number
            ) from None
        try:
            draft = draft_from_json(value, f"{path.name}:{number}", only_doccano)
        except AnnotationError as error:
            raise FormatError(path, str(error), number) from None
        draft.line = number
        yield draft


def first_value(path: Path, limit: int = 1 << 16) -> Any:
    """The first non-blank line of a JSON-lines file, parsed; None if there is none in
    the first `limit` bytes or it is not JSON (a sniff, never an error)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(limit)
    except OSError:
        return None
    for line in head.lstrip(b"\xef\xbb\xbf").split(b"\n"):
        if line.strip():
            try:
                return orjson.loads(line)
            except orjson.JSONDecodeError:
                return None
    return None


def is_doccano(value: Any) -> bool:
    """True for a line in one of doccano's forms (`label` triples, or `entities` with
    `start_offset`)."""
    return isinstance(value, dict) and _is_doccano(value)


def draft_from_json(value: Any, default_name: str, only_doccano: bool = False) -> DocumentDraft:
    """One line as a draft: doccano's forms are recognised by their keys, anything else is
    read as our JSONL, unless `only_doccano` (`--format doccano`), which refuses our form."""
    if not isinstance(value, dict):
        raise AnnotationError(f"each line must be a JSON object, got {_kind(value)}")
    if "text" not in value:
        raise AnnotationError("missing field 'text'")
    text = value["text"]
    if not isinstance(text, str):
        raise AnnotationError(f"field 'text' must be a string, got {_kind(text)}")
    # Imported text gets the same normalisation as .txt files, before any offset is read:
    # offsets in a JSONL line count on the text as written, so CR is refused, not rewritten.
    if normalise_newlines(text) != text:
        raise AnnotationError("field 'text' contains a BOM or CR characters; offsets would shift")
    _refuse_unread_annotations(value)
    if _is_doccano(value):
        return _doccano_draft(value, text, default_name)
    if only_doccano:
        if value.get("entities") or value.get("relations"):
            raise AnnotationError(
                "not in doccano's form: its entities need 'start_offset' and 'end_offset' "
                "(this looks like annotator's JSONL: import it with --format jsonl)"
            )
        return _doccano_draft(value, text, default_name)
    return _our_draft(value, text, default_name)


#: the keys a line's annotations are read from, in our form and in doccano's
READ_KEYS = ("entities", "relations", "label")


def _refuse_unread_annotations(value: dict[str, Any]) -> None:
    """Nothing that looks like annotations may end up unread in `meta`: annotation-shaped
    values under other keys, at any depth, and labels in a form we do not read (doccano's
    document-classification labels among them) are refused."""
    label = value.get("label")
    if isinstance(label, str) or (
        isinstance(label, list) and label and all(isinstance(item, str) for item in label)
    ):
        raise AnnotationError(
            f"field 'label' holds a document-level label ({label!r}): that is doccano's "
            "document classification, which annotator does not support; spans go in "
            "'label' as [start, end, \"LABEL\"] triples or in 'entities'"
        )
    if label is not None and not isinstance(label, list):
        raise AnnotationError(
            f"field 'label' must be a list of [start, end, \"LABEL\"] triples, got "
            f"{_kind(label)} ({label!r:.60})"
        )
    for key, item in value.items():
        if key not in READ_KEYS and key not in ("text", "meta") and _looks_like_annotations(item):
            raise AnnotationError(
                f"field {key!r} looks like annotations (spans with offsets), but annotator "
                f"reads annotations only from {', '.join(repr(k) for k in READ_KEYS)}; "
                f"rename the field or move its spans there"
            )


_START_KEYS = ("start", "begin", "from", "start_offset", "startoffset", "start_char", "offset")
_END_KEYS = ("end", "to", "end_offset", "endoffset", "end_char", "stop")


def _number(item: Any) -> bool:
    return isinstance(item, int | float) and not isinstance(item, bool)


def _span_like(item: Any) -> bool:
    """One span, in any of the usual shapes: [start, end, label] (or with more fields, or
    the label first), {"start"..., "end"...} under any usual key names, {"offsets": [s, e]}."""
    if isinstance(item, list | tuple):  # two offsets and a label; a bare pair is no span
        numbers = sum(_number(x) for x in item)
        return 3 <= len(item) <= 5 and numbers >= 2 and any(isinstance(x, str) for x in item)
    if isinstance(item, dict):
        keys = {str(k).lower(): v for k, v in item.items()}
        starts = [k for k in keys if k in _START_KEYS or k.startswith("start")]
        ends = [k for k in keys if k in _END_KEYS or k.startswith("end")]
        if any(_number(keys[k]) for k in starts) and any(_number(keys[k]) for k in ends):
            return True
        offsets = keys.get("offsets") or keys.get("span")
        return isinstance(offsets, list) and len(offsets) == 2 and all(map(_number, offsets))
    return False


def _looks_like_annotations(item: Any, depth: int = 0) -> bool:
    """True if the value holds spans with offsets anywhere within five levels (a list of
    spans, a dict of them by label, Label Studio's annotations with their results)."""
    if depth > 5:
        return False
    if _span_like(item) and depth > 0:
        return True
    if isinstance(item, list):
        return any(_looks_like_annotations(x, depth + 1) for x in item[:5] if x is not None)
    if isinstance(item, dict):
        values = list(item.values())[:20]
        return _span_like(item) or any(
            _offset_pairs(x) or _looks_like_annotations(x, depth + 1) for x in values
        )
    return False


def _offset_pairs(item: Any) -> bool:
    """Spans listed under their label: {"PERS": [[4, 17], [20, 25]]}."""
    return (
        isinstance(item, list)
        and bool(item)
        and all(isinstance(x, list) and len(x) == 2 and all(map(_number, x)) for x in item[:5])
    )


def _is_doccano(value: dict[str, Any]) -> bool:
    if isinstance(value.get("label"), list):
        return True
    entities = value.get("entities")
    return (
        isinstance(entities, list)
        and bool(entities)
        and isinstance(entities[0], dict)
        and "start_offset" in entities[0]
    )


def _kind(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _field(
    obj: dict[str, Any], key: str, kinds: type | tuple[type, ...], where: str, default: Any = ...
) -> Any:
    if key not in obj:
        if default is ...:
            raise AnnotationError(f"{where}: missing field {key!r}")
        return default
    value = obj[key]
    if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
        raise AnnotationError(f"{where}: field {key!r} must not be a boolean")
    if not isinstance(value, kinds):
        raise AnnotationError(f"{where}: field {key!r} has the wrong type ({_kind(value)})")
    return value


def _list_field(obj: dict[str, Any], key: str) -> list[Any]:
    value = _field(obj, key, list, "document", default=[])
    for index, item in enumerate(value, start=1):
        if key != "label" and not isinstance(item, dict):
            raise AnnotationError(f"{key} #{index} must be an object, got {_kind(item)}")
    return value


def _id(obj: dict[str, Any], key: str, where: str) -> Any:
    value = _field(obj, key, (int, str), where)
    return value


def _meta(value: dict[str, Any], known: set[str]) -> dict[str, Any]:
    meta = value.get("meta", {})
    if not isinstance(meta, dict):
        raise AnnotationError(f"field 'meta' must be an object, got {_kind(meta)}")
    extra = {key: item for key, item in value.items() if key not in known and key != "meta"}
    return {**extra, **meta}


def _our_draft(value: dict[str, Any], text: str, default_name: str) -> DocumentDraft:
    name = _field(value, "name", str, "document", default=default_name) or default_name
    status = _field(value, "status", str, "document", default=DocumentStatus.NEW)
    entities = [
        _fast_entity(item, index, text) or _checked_entity(item, index, text)
        for index, item in enumerate(_list_field(value, "entities"), start=1)
    ]
    relations = []
    for index, item in enumerate(_list_field(value, "relations"), start=1):
        where = f"relation #{index}"
        relations.append(
            RelationDraft(
                key=_id(item, "id", where) if "id" in item else index,
                head_key=_id(item, "head", where),
                tail_key=_id(item, "tail", where),
                type=_field(item, "type", str, where),
                status=_field(item, "status", str, where, default=Status.ACCEPTED),
                annotator=_field(item, "annotator", (str, type(None)), where, default=None),
            )
        )
    return DocumentDraft(
        name=name,
        text=text,
        status=status,
        meta=_meta(value, OUR_DOCUMENT_KEYS),
        entities=entities,
        relations=relations,
    )


def _fast_entity(item: dict[str, Any], index: int, text: str) -> EntityDraft | None:
    """The common case in a few type checks; None sends the item to the checked path,
    which names whatever is wrong. (Imports of large corpora spend most time here.)"""
    get = item.get
    key, start, end, label = get("id", index), get("start"), get("end"), get("label")
    status, annotator = get("status", Status.ACCEPTED), get("annotator")
    source, quoted = get("source", "import"), get("text")
    decided_by, decision = get("decided_by"), get("decision")
    if (
        type(start) is int
        and type(end) is int
        and type(label) is str
        and type(status) is str
        and type(source) is str
        and source
        and (annotator is None or type(annotator) is str)
        and (decided_by is None or type(decided_by) is str)
        and (decision is None or type(decision) is str)
        and (type(key) is int or type(key) is str)
        and (quoted is None or (type(quoted) is str and text[start:end] == quoted))
    ):
        return EntityDraft(
            key, start, end, label, status, annotator, source, None, decided_by, decision
        )
    return None


def _checked_entity(item: dict[str, Any], index: int, text: str) -> EntityDraft:
    where = f"entity #{index}"
    entity = EntityDraft(
        key=_id(item, "id", where) if "id" in item else index,
        start=_field(item, "start", int, where),
        end=_field(item, "end", int, where),
        label=_field(item, "label", str, where),
        status=_field(item, "status", str, where, default=Status.ACCEPTED),
        annotator=_field(item, "annotator", (str, type(None)), where, default=None),
        # Our own export names each annotation's provenance; keep it on a round trip.
        source=_field(item, "source", str, where, default="import") or "import",
        decided_by=_field(item, "decided_by", (str, type(None)), where, default=None),
        decision=_field(item, "decision", (str, type(None)), where, default=None),
    )
    quoted = _field(item, "text", str, where, default=None)
    if quoted is not None and 0 <= entity.start < entity.end <= len(text):
        actual = text[entity.start : entity.end]
        if actual != quoted:
            raise AnnotationError(
                f"{where}: its 'text' {mismatch(quoted, actual)} at {entity.start}-{entity.end}"
            )
    return entity


def _doccano_draft(value: dict[str, Any], text: str, default_name: str) -> DocumentDraft:
    entities = []
    if isinstance(value.get("label"), list):
        for index, item in enumerate(value["label"], start=1):
            where = f"label #{index}"
            if (
                not isinstance(item, list)
                or len(item) != 3
                or not isinstance(item[2], str)
                or any(isinstance(x, bool) or not isinstance(x, int) for x in item[:2])
            ):
                raise AnnotationError(f'{where}: expected [start, end, "LABEL"], got {item!r}')
            entities.append(EntityDraft(key=index, start=item[0], end=item[1], label=item[2]))
    for index, item in enumerate(_list_field(value, "entities"), start=1):
        where = f"entity #{index}"
        entities.append(
            EntityDraft(
                key=_id(item, "id", where),
                start=_field(item, "start_offset", int, where),
                end=_field(item, "end_offset", int, where),
                label=_field(item, "label", str, where),
            )
        )
    relations = []
    for index, item in enumerate(_list_field(value, "relations"), start=1):
        where = f"relation #{index}"
        relations.append(
            RelationDraft(
                key=_id(item, "id", where) if "id" in item else index,
                head_key=_id(item, "from_id", where),
                tail_key=_id(item, "to_id", where),
                type=_field(item, "type", str, where),
            )
        )
    name = value.get("name") if isinstance(value.get("name"), str) else default_name
    known = DOCCANO_DOCUMENT_KEYS | {"name"}
    return DocumentDraft(
        name=name or default_name,
        text=text,
        meta=_meta(value, known),
        entities=entities,
        relations=relations,
    )
