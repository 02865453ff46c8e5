"""Writing brat standoff (read by `annotator.formats.brat`): into one folder, NAME.txt (the
exact text, UTF-8, no BOM, nothing added) and NAME.ann per document, then
`annotation.conf` and `visual.conf` from the schema. Files are written into a hidden
folder inside the output folder and moved into place only when every document was
written, so a failed export leaves nothing behind.

- `NAME` is the document's name made safe as a file name (control characters and
  `<>:"/\\|?*` become `_`, Windows device names get a leading `_`, at most 200 bytes) and
  unique without regard to case (`-2`, `-3` added); a safe name comes back unchanged.
- Offsets are code points. A span holding a line break is written as brat's editor
  writes it: fragments split at the line breaks (`T1<TAB>LOC 3 8;9 12<TAB>text text`), an
  empty fragment marking a span that starts or ends with one; the reader joins them again.
- `annotation.conf` (https://brat.nlplab.org/configuration.html): `[entities]` the labels;
  `[relations]` `<OVERLAP>` allowing any overlap (the project allows nesting, crossing and
  two labels on one span), then per type `TYPE<TAB>Arg1:H1|H2, Arg2:T1` lines whose
  products are exactly the schema's pairs; a symmetric type lists both directions and
  carries `<REL-TYPE>:symmetric` (brat then draws it without an arrow and offers no
  reversal; `symmetric-transitive` would make it an `Equiv`, which it is not);
  `[events]` empty; `[attributes]` the attributes the documents use.
- `visual.conf`: `[labels]` every type, `[drawing]` each label's `bgColor:#rrggbb`.

What a document's `meta["brat"]` holds (attributes, normalisations, notes, equivalences)
is written back when what it is attached to is exported; otherwise it is counted in
`left_out` ("brat attributes", ...) with a note.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.formats.base import WriteContext
from annotator.formats.parallel_files import ParallelFiles
from annotator.model import AnnotationError, ExportDocument, ExportEntity, RelationType, Schema

LINE_BREAKS = "\n\r"
META_KINDS = ("equivs", "attributes", "normalizations", "notes")
_LINE_RUN = re.compile(r"[^\n\r]+")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}
_ASCII_TYPE = re.compile(r"^[A-Za-z0-9_-]+$")
MAX_STEM_BYTES = 200


def write(documents: Iterable[ExportDocument], out: Path, context: WriteContext) -> None:
    out = Path(out)
    _prepare(out)
    staging = Path(tempfile.mkdtemp(prefix=".brat-export-", dir=out))
    try:
        used: set[str] = set()
        attributes: dict[str, dict[str, Any]] = {}
        renamed = 0
        with ParallelFiles() as files:  # creating files is most of the export's time
            for item in documents:
                stem = unique_stem(item.document.name, used)
                renamed += stem != item.document.name
                files.write(staging / f"{stem}.txt", item.document.text.encode("utf-8"))
                ann = ann_text(item, context, attributes)
                files.write(staging / f"{stem}.ann", ann.encode("utf-8"))
        conf = annotation_conf(context.schema, attributes)
        (staging / "annotation.conf").write_bytes(conf.encode("utf-8"))
        (staging / "visual.conf").write_bytes(visual_conf(context.schema).encode("utf-8"))
        for path in sorted(staging.iterdir()):
            os.replace(path, out / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _notes(context, renamed)


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise AnnotationError(f"{out}: not a folder; brat exports a folder of .txt and .ann files")
    if not out.exists():
        if not out.parent.is_dir():
            raise AnnotationError(f"{out}: the folder {out.parent} does not exist")
        out.mkdir()


def _notes(context: WriteContext, renamed: int) -> None:
    if renamed:
        context.notes.append(f"{renamed} document names were changed to be safe, unique file names")
    lost = {what: n for what, n in context.left_out.items() if what.startswith("brat ")}
    if lost:
        context.notes.append(
            ", ".join(f"{n} {what}" for what, n in lost.items())
            + " were left out: what they were attached to is not in this export"
        )
    names = [*context.schema.label_names, *context.schema.relation_type_names]
    if any(not _ASCII_TYPE.match(name) for name in names):
        context.notes.append(
            "brat's configuration expects type names of ASCII letters, digits, '_' and '-'; "
            "the schema's other names may not display in brat"
        )


def unique_stem(name: str, used: set[str]) -> str:
    """A file name stem for `name`: safe on common file systems, unique in `used` (case
    folded; the stem is added to it)."""
    stem = _UNSAFE.sub("_", name) or "document"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    candidate, number = stem, 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{stem}-{number}"
    used.add(candidate.casefold())
    return candidate


# --- NAME.ann ----------------------------------------------------------------------------


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) as brat fragments: runs between line breaks, with an empty fragment
    at an edge that is a line break (so the outer span stays exact)."""
    runs = [(m.start(), m.end()) for m in _LINE_RUN.finditer(text, start, end)]
    if text[start] in LINE_BREAKS:
        runs.insert(0, (start, start))
    if text[end - 1] in LINE_BREAKS:
        runs.append((end, end))
    return runs


def ann_text(item: ExportDocument, context: WriteContext, attributes: dict) -> str:
    """The .ann file of one document: T, R, then the lines kept in meta["brat"]."""
    text = item.document.text
    lines = [_entity_line(text, entity) for entity in item.entities]
    lines += [
        f"R{relation.id}\t{relation.type} Arg1:T{relation.head} Arg2:T{relation.tail}"
        for relation in item.relations
    ]
    kept = item.document.meta.get("brat")
    if isinstance(kept, dict):  # what the kept lines are attached to, only when there are some
        lines.extend(_kept_lines(kept, _targets(item, context), context, attributes))
    return "".join(line + "\n" for line in lines)


def _entity_line(text: str, entity: ExportEntity) -> str:
    """`T<id><TAB>LABEL start end<TAB>text`, in fragments if the span holds a line break."""
    start, end = entity.start, entity.end
    quoted = text[start:end]
    if "\n" in quoted or "\r" in quoted:
        parts = fragments(text, start, end)
        spec = ";".join(f"{s} {e}" for s, e in parts)
        quoted = " ".join(text[s:e] for s, e in parts)
    else:
        spec = f"{start} {end}"  # one fragment, the whole span
    return f"T{entity.id}\t{entity.label} {spec}\t{quoted}"


def _targets(item: ExportDocument, context: WriteContext) -> dict:
    """What a kept line may be attached to: each entity by its extent and label, each
    relation by its type and ends (both ways for a symmetric type), to its T or R id."""
    targets = {}
    for entity in item.entities:
        targets[_entity_ref(entity.start, entity.end, entity.label)] = f"T{entity.id}"
    symmetric = {t.name for t in context.schema.relation_types if t.symmetric}
    entities = {entity.id: entity for entity in item.entities}
    for relation in item.relations:
        head, tail = (entities[relation.head], entities[relation.tail])
        ends = [_entity_ref(e.start, e.end, e.label) for e in (head, tail)]
        targets[("R", relation.type, *ends)] = f"R{relation.id}"
        if relation.type in symmetric:
            targets[("R", relation.type, *reversed(ends))] = f"R{relation.id}"
    return targets


def _entity_ref(start: int, end: int, label: str) -> tuple:
    return ("T", start, end, label)


def _hashable(ref: Any) -> Any:
    return tuple(_hashable(x) for x in ref) if isinstance(ref, list | tuple) else ref


def _kept_lines(kept: Any, targets: dict, context: WriteContext, attributes: dict) -> list[str]:
    """The A, N, # and * lines of meta["brat"] whose targets are in this export."""
    if not isinstance(kept, dict):
        return []
    lines: list[str] = []
    numbers: Counter = Counter()
    for kind in META_KINDS:
        records = kept.get(kind)
        for record in records if isinstance(records, list) else []:
            line = _kept_line(kind, record, targets, numbers)
            if line is None:
                context.left_out[f"brat {kind}"] += 1
                continue
            lines.append(line)
            if kind == "attributes":
                _note_attribute(attributes, record, line.split("\t")[1].split(" ")[1])
    return lines


def _kept_line(kind: str, record: Any, targets: dict, numbers: Counter) -> str | None:
    if not isinstance(record, dict) or not _clean(record, kind):
        return None
    on = record.get("on")
    if kind == "equivs":
        found = [targets.get(_hashable(ref)) for ref in on] if isinstance(on, list) else []
        found = list(dict.fromkeys(t for t in found if t and t.startswith("T")))
        return f"*\t{record['type']} {' '.join(found)}" if len(found) >= 2 else None
    target = targets.get(_hashable(on))
    if target is None:
        return None
    prefix = {"attributes": "A", "normalizations": "N", "notes": "#"}[kind]
    numbers[prefix] += 1
    ident = f"{prefix}{numbers[prefix]}"
    if kind == "attributes":
        value = record["value"]
        return f"{ident}\t{record['name']} {target}" + ("" if value is True else f" {value}")
    if kind == "normalizations":
        return f"{ident}\t{record['type']} {target} {record['ref']}\t{record['text']}"
    return f"{ident}\t{record['type']} {target}\t{record['text']}"


_KEPT_FIELDS = {
    "attributes": ("name",),
    "normalizations": ("type", "ref", "text"),
    "notes": ("type", "text"),
    "equivs": ("type",),
}


def _clean(record: dict, kind: str) -> bool:
    """Every field a string that keeps the line one line: names without spaces or tabs;
    a text, last on its line, may hold tabs."""
    for key in _KEPT_FIELDS[kind]:
        value = record.get(key)
        breaks = LINE_BREAKS if key == "text" else "\t" + LINE_BREAKS  # a text ends the line
        if not isinstance(value, str) or any(c in value for c in breaks):
            return False
        if key in ("name", "type", "ref") and (not value or " " in value):
            return False
    if kind == "attributes":
        value = record.get("value")
        if value is not True and (
            not isinstance(value, str) or not value.strip() or any(c in value for c in "\t\n\r")
        ):
            return False
    return True


def _note_attribute(attributes: dict, record: dict, target: str) -> None:
    use = attributes.setdefault(record["name"], {"on": set(), "values": {}})
    use["on"].add("<RELATION>" if target.startswith("R") else "<ENTITY>")
    if record["value"] is not True:
        use["values"][record["value"]] = None


# --- annotation.conf and visual.conf -----------------------------------------------------


def annotation_conf(schema: Schema, attributes: dict[str, dict[str, Any]]) -> str:
    lines = [
        "# brat annotation configuration, written by annotator from the project's schema",
        "",
        "[entities]",
        *schema.label_names,
        "",
        "[relations]",
        "# the project allows spans inside spans, crossing spans and two labels on one span",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
    ]
    for relation_type in schema.relation_types:
        lines.extend(relation_conf(relation_type))
    lines += ["", "[events]", "", "[attributes]"]
    for name, use in attributes.items():
        on = "|".join(sorted(use["on"]))
        values = "|".join(use["values"])
        lines.append(f"{name}\tArg:{on}" + (f", Value:{values}" if values else ""))
    return "\n".join(lines) + "\n"


def relation_conf(relation_type: RelationType) -> list[str]:
    """`TYPE<TAB>Arg1:H1|H2, Arg2:T1|T2` lines: heads grouped by the same set of tails,
    so the lines allow exactly the schema's pairs (both ways for a symmetric type)."""
    pairs = list(relation_type.pairs)
    if relation_type.symmetric:
        pairs += [(tail, head) for head, tail in pairs]
    tails: dict[str, list[str]] = {}
    for head, tail in dict.fromkeys(pairs):
        tails.setdefault(head, []).append(tail)
    heads: dict[tuple[str, ...], list[str]] = {}
    for head, its_tails in tails.items():
        heads.setdefault(tuple(its_tails), []).append(head)
    extra = ", <REL-TYPE>:symmetric" if relation_type.symmetric else ""
    return [
        f"{relation_type.name}\tArg1:{'|'.join(hs)}, Arg2:{'|'.join(ts)}{extra}"
        for ts, hs in heads.items()
    ]


def visual_conf(schema: Schema) -> str:
    names = [*schema.label_names, *schema.relation_type_names]
    return (
        "# brat visual configuration, written by annotator from the project's schema\n\n"
        "[labels]\n"
        + "".join(f"{name} | {name}\n" for name in names)
        + "\n[drawing]\n"
        + "".join(f"{label.name}\tbgColor:{label.colour.lower()}\n" for label in schema.labels)
    )
