"""brat standoff: a folder of `NAME.txt` + `NAME.ann` pairs, one document per pair.

Sources: the standoff format, https://brat.nlplab.org/standoff.html; the configuration
files, https://brat.nlplab.org/configuration.html; brat's own reader and writer
(github.com/nlplab/brat, server/src/annotation.py: `_parse_textbound_annotation`,
`DISCONT_SEP = ' '`; server/src/annotator.py splits a selection at line breaks).

`NAME.txt` is the text, UTF-8; `NAME.ann` holds one annotation a line, fields separated by
a tab. Offsets count code points of the text as brat reads it (newlines made LF; a BOM,
which brat keeps, counts as one), start included, end excluded:

    T1<TAB>PERS 0 5<TAB>الملك          an entity; the text is checked against NAME.txt
    T2<TAB>ORG 0 5;9 14<TAB>a b        discontinuous: fragments joined by one space
    R1<TAB>located_in Arg1:T1 Arg2:T3  a relation, Arg1 the head
    A1<TAB>Negated T1 / A2<TAB>Certainty T1 High / M1<TAB>Negated T1   attributes
    N1<TAB>Reference T1 Wikidata:Q1<TAB>text                          normalisations
    #1<TAB>AnnotatorNotes T1<TAB>a note                               notes
    *<TAB>Equiv T1 T2                                                 equivalences

Attributes, normalisations, notes and equivalences have no place in the model: they are
kept in the document's `meta["brat"]`, attached to their entity by span and label (or to
their relation by type and ends), so they survive renumbering, and are written back on
export. brat's own line-crossing spans (fragments separated only by whitespace holding a
line break, as brat's editor makes them) are read as one span; other discontinuous spans
are refused (FormatError naming the .ann file and line) unless
`context.options["discontinuous"] == "outer"`, which takes the outer span and counts it.
Events (`E` lines) are refused. Writing is in `annotator.formats.brat_write`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.formats.base import ReadContext
from annotator.formats.brat_write import LINE_BREAKS, META_KINDS, write
from annotator.formats.errors import FormatError
from annotator.formats.registry import FileFormat
from annotator.formats.text_io import BOM, decode_utf8, mismatch, normalise_newlines
from annotator.model import AnnotationError
from annotator.model.drafts import DocumentDraft, EntityDraft, RelationDraft, check_draft

#: brat joins the texts of a discontinuous span's fragments with this
DISCONTINUOUS_SEPARATOR = " "
_FRAGMENT = re.compile(r"(\d+) (\d+)")


@dataclass
class _AnnFile:
    """One .ann file being read: the text it annotates and what its lines defined."""

    path: Path
    text: str
    shift: int  # 1 when NAME.txt starts with a BOM: brat counts it, the project does not
    context: ReadContext
    entities: dict[str, EntityDraft] = field(default_factory=dict)  # T id -> entity
    by_span: dict[tuple[int, int, str], str] = field(default_factory=dict)  # -> first T id
    ids: set[str] = field(default_factory=set)
    relation_lines: list[tuple[int, str, str, str, str]] = field(default_factory=list)
    attached_lines: list[tuple[int, str, dict[str, Any], list[str]]] = field(default_factory=list)

    def error(self, number: int | None, reason: str) -> FormatError:
        return FormatError(self.path, reason, number)


# --- finding the pairs -------------------------------------------------------------------


def sniff(path: Path) -> bool:
    """A folder holding a .ann file (at any depth), or a .txt or .ann file with its sibling."""
    if path.is_dir():
        return next(path.rglob("*.ann"), None) is not None
    suffix = path.suffix  # as brat: NAME.txt and NAME.ann, lower case
    if suffix == ".ann":
        return path.is_file() and path.with_suffix(".txt").is_file()
    if suffix == ".txt":
        return path.is_file() and path.with_suffix(".ann").is_file()
    return False


def _pairs(path: Path, context: ReadContext) -> list[tuple[Path, Path | None]]:
    """(NAME.txt, NAME.ann or None) for a file or, recursively, a folder; a .ann file
    without its .txt is a FormatError, other files are named in a notice."""
    if not path.is_dir():
        stem = path.with_suffix("")
        ann = stem.with_suffix(".ann")
        return [(stem.with_suffix(".txt"), ann if ann.is_file() else None)]
    files = sorted(p for p in path.rglob("*") if p.is_file())
    texts = {p.with_suffix(""): p for p in files if p.suffix == ".txt"}
    anns = {p.with_suffix(""): p for p in files if p.suffix == ".ann"}
    for stem, ann in anns.items():
        if stem not in texts:
            raise FormatError(ann, f"no {stem.name}.txt beside it: brat needs the text")
    other = [p for p in files if p.suffix not in (".txt", ".ann", ".conf")]
    if other:
        names = ", ".join(p.name for p in other[:5]) + (", ..." if len(other) > 5 else "")
        context.notices.append(
            f"{path}: read as one brat collection; {len(other)} other files were not read ({names})"
        )
    return [(text, anns.get(stem)) for stem, text in sorted(texts.items())]


def read(path: Path, context: ReadContext) -> Iterator[DocumentDraft]:
    """One draft per NAME.txt (with NAME.ann when there is one), named NAME."""
    for text_path, ann_path in _pairs(path, context):
        draft = _read_pair(text_path, ann_path, context)
        if draft is not None:
            yield draft


# --- one pair ----------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise FormatError(path, f"cannot read the file: {error.strerror}") from None


def _read_pair(
    text_path: Path, ann_path: Path | None, context: ReadContext
) -> DocumentDraft | None:
    """The draft of one pair; None (with a notice) for an empty text without annotations."""
    raw = decode_utf8(_read_bytes(text_path), text_path)
    text = normalise_newlines(raw)
    shift = 1 if raw.startswith(BOM) else 0
    source = ann_path or text_path
    ann = _AnnFile(source, text, shift, context)
    if ann_path is not None:
        data = decode_utf8(_read_bytes(ann_path), ann_path).removeprefix(BOM)
        for number, line in enumerate(data.split("\n"), start=1):
            _read_line(ann, number, line.removesuffix("\r"))
    if not text.strip():
        if ann.entities:
            raise FormatError(text_path, "the document is empty (no text)")
        context.notices.append(f"{text_path}: skipped, the document is empty")
        return None
    if "\x00" in text:
        raise FormatError(text_path, "the text contains a NUL character")
    draft = DocumentDraft(name=text_path.stem, text=text)
    draft.entities = list({id(e): e for e in ann.entities.values()}.values())
    draft.relations = _relations(ann)
    meta = _attached(ann)
    if meta:
        draft.meta["brat"] = meta
    try:
        check_draft(draft, context.schema)  # all but a backstop: each line was checked
    except AnnotationError as error:
        raise ann.error(None, str(error)) from None
    return draft


def _read_line(ann: _AnnFile, number: int, line: str) -> None:
    if not line.strip():
        return
    ident, tab, rest = line.partition("\t")
    if not tab:
        raise ann.error(number, f"no tab after the id {ident!r}: not a brat annotation line")
    kind = ident[:1]
    if not kind:
        raise ann.error(number, "the line starts with a tab: no annotation id")
    if kind != "*":
        if ident in ann.ids:
            raise ann.error(number, f"the id {ident} is used twice")
        ann.ids.add(ident)
    if kind == "T":
        _text_bound(ann, number, ident, rest)
    elif kind == "R":
        _relation_line(ann, number, ident, rest)
    elif kind in "AMN#*":
        _attached_line(ann, number, ident, rest)
    elif kind == "E":
        raise ann.error(
            number, f"{ident} is an event: annotator holds entities and relations, not events"
        )
    else:
        raise ann.error(number, f"unknown annotation id {ident!r} (brat ids start T R A M N E # *)")


# --- text-bound annotations --------------------------------------------------------------


def _text_bound(ann: _AnnFile, number: int, ident: str, rest: str) -> None:
    data, tab, quoted = rest.partition("\t")
    label, _, spec = data.partition(" ")
    fragments = _fragments(ann, number, ident, spec)
    expected = DISCONTINUOUS_SEPARATOR.join(ann.text[s:e] for s, e in fragments)
    if tab:
        if not quoted.startswith(expected):
            start, end = fragments[0][0], fragments[-1][1]
            raise ann.error(
                number,
                f"{ident}: its text {mismatch(quoted, expected)} at "
                f"{start + ann.shift}-{end + ann.shift} of {ann.path.with_suffix('.txt').name}",
            )
        if quoted[len(expected) :].strip():
            raise ann.error(number, f"{ident}: text after the span's text {expected!r}")
    else:
        ann.context.counts["brat entities without their text (read from the .txt)"] += 1
    start, end = _one_span(ann, number, ident, fragments)
    try:
        ann.context.schema.label(label)
    except AnnotationError as error:
        raise ann.error(number, f"{ident}: {error}") from None
    first = ann.by_span.get((start, end, label))
    if first is not None:
        ann.entities[ident] = ann.entities[first]
        ann.context.counts["brat duplicate entities merged"] += 1
        ann.context.notices.append(f"{ann.path}, line {number}: {ident} is {first} again")
        return
    ann.by_span[(start, end, label)] = ident
    ann.entities[ident] = EntityDraft(key=ident, start=start, end=end, label=label)


def _fragments(ann: _AnnFile, number: int, ident: str, spec: str) -> list[tuple[int, int]]:
    """`START END[;START END...]` in code points of the project's text (BOM shift undone)."""
    fragments = []
    for part in spec.split(";"):
        found = _FRAGMENT.fullmatch(part.rstrip())
        if found is None:
            raise ann.error(number, f"{ident}: expected 'TYPE START END', got {spec!r}")
        start, end = int(found[1]) - ann.shift, int(found[2]) - ann.shift
        if not 0 <= start <= end <= len(ann.text):
            raise ann.error(
                number,
                f"{ident}: the span {part} is not within the text "
                f"(length {len(ann.text) + ann.shift})",
            )
        fragments.append((start, end))
    return sorted(fragments)


def _one_span(
    ann: _AnnFile, number: int, ident: str, fragments: list[tuple[int, int]]
) -> tuple[int, int]:
    """The entity's one span: a line-crossing span joined, a discontinuous one refused
    unless the "outer" option is set."""
    start, end = fragments[0][0], fragments[-1][1]
    if len(fragments) > 1 and not _crosses_lines_only(ann.text, fragments):
        if ann.context.options.get("discontinuous") != "outer":
            raise ann.error(
                number,
                f"{ident} is discontinuous ({len(fragments)} fragments, outer span "
                f"{start + ann.shift}-{end + ann.shift}): annotator holds one span per entity; "
                "import with --discontinuous outer to take its outer span",
            )
        ann.context.counts["brat discontinuous spans taken whole (outer span)"] += 1
    if start >= end:
        where = f"{start + ann.shift}-{end + ann.shift}"
        raise ann.error(number, f"{ident}: the span is empty ({where})")
    return start, end


def _crosses_lines_only(text: str, fragments: list[tuple[int, int]]) -> bool:
    """True when every gap between fragments is whitespace holding a line break: brat's
    editor splits a selection that way (annotator.py), and so does our writer."""
    for (_, end), (start, _) in zip(fragments, fragments[1:], strict=False):
        gap = text[end:start]
        if start < end or not gap or gap.strip() or not any(c in LINE_BREAKS for c in gap):
            return False
    return True


# --- relations and what is attached ------------------------------------------------------


def _relation_line(ann: _AnnFile, number: int, ident: str, rest: str) -> None:
    parts = rest.partition("\t")[0].split()
    args = [part.partition(":") for part in parts[1:]]
    if len(parts) != 3 or any(not sep or not target for _, sep, target in args):
        raise ann.error(number, f"{ident}: expected 'TYPE Arg1:T1 Arg2:T2', got {rest!r}")
    (role1, _, first), (role2, _, second) = args
    head, tail = (second, first) if (role1, role2) == ("Arg2", "Arg1") else (first, second)
    ann.relation_lines.append((number, ident, parts[0], head, tail))


def _relations(ann: _AnnFile) -> list[RelationDraft]:
    relations, seen = [], set()
    for number, ident, type_name, head_id, tail_id in ann.relation_lines:
        head, tail = (_entity(ann, number, ident, key) for key in (head_id, tail_id))
        if head is tail:
            raise ann.error(number, f"{ident}: head and tail are the same entity")
        try:
            relation_type = ann.context.schema.check_relation(type_name, head.label, tail.label)
        except AnnotationError as error:
            raise ann.error(number, f"{ident}: {error}") from None
        pair = (head.key, tail.key, type_name)
        if pair in seen or (relation_type.symmetric and (tail.key, head.key, type_name) in seen):
            ann.context.counts["brat duplicate relations merged"] += 1
            continue
        seen.add(pair)
        relations.append(RelationDraft(ident, head.key, tail.key, type_name))
    return relations


def _entity(ann: _AnnFile, number: int, ident: str, key: str) -> EntityDraft:
    entity = ann.entities.get(key)
    if entity is None:
        raise ann.error(number, f"{ident}: {key} is not a text-bound annotation of this file")
    return entity


def _attached_line(ann: _AnnFile, number: int, ident: str, rest: str) -> None:
    """A, M, N, # and * lines: kept for meta["brat"] once every T and R line is known."""
    data, _, tail = rest.partition("\t")
    parts, kind = data.split(" "), ident[0]
    if (kind == "A" and len(parts) >= 2 or kind == "M" and len(parts) == 2) and all(parts[:2]):
        value: Any = " ".join(parts[2:]) if len(parts) > 2 else True
        record, targets = {"name": parts[0], "value": value}, parts[1:2]
        kind = "A"
    elif kind == "N" and len(parts) == 3 and ":" in parts[2]:
        record, targets = {"type": parts[0], "ref": parts[2], "text": tail}, parts[1:2]
    elif kind == "#" and len(parts) == 2:
        record, targets = {"type": parts[0], "text": tail}, parts[1:2]
    elif kind == "*" and len(parts) >= 3:
        record, targets = {"type": parts[0]}, parts[1:]
    else:
        raise ann.error(number, f"{ident}: not a brat {_KIND_NAMES[kind]} line: {rest!r}")
    ann.attached_lines.append((number, kind, record, targets))


_KIND_NAMES = {"A": "attribute", "M": "modifier", "N": "normalisation", "#": "note", "*": "equiv"}
_META_KEY = {"A": "attributes", "N": "normalizations", "#": "notes", "*": "equivs"}


def _attached(ann: _AnnFile) -> dict[str, list[dict[str, Any]]]:
    """meta["brat"]: each attached line with its targets as references that survive
    renumbering: ["T", start, end, label] or ["R", type, head reference, tail reference]."""
    relations = {line[1]: line for line in ann.relation_lines}
    meta: dict[str, list[dict[str, Any]]] = {}
    for number, kind, record, targets in ann.attached_lines:
        refs = [_reference(ann, relations, number, target) for target in targets]
        on = refs if kind == "*" else refs[0]
        meta.setdefault(_META_KEY[kind], []).append({"on": on, **record})
    return {kind: meta[kind] for kind in META_KINDS if kind in meta}


def _reference(ann: _AnnFile, relations: dict, number: int, target: str) -> list[Any]:
    if target in ann.entities:
        entity = ann.entities[target]
        return ["T", entity.start, entity.end, entity.label]
    if target in relations:
        _, ident, type_name, head, tail = relations[target]
        return ["R", type_name, *(_reference(ann, relations, number, key) for key in (head, tail))]
    raise ann.error(number, f"{target} is not a text-bound annotation or relation of this file")


FORMAT = FileFormat(
    name="brat",
    title="brat standoff",
    suffixes=(".ann", ".txt"),
    unit="code points",
    carries=frozenset(
        {"entities", "relations", "nesting", "overlap", "same_span", "names", "text"}
    ),
    sniff=sniff,
    read=read,
    write=write,
    folder=True,
    key=lambda path: path.with_suffix(""),
)
