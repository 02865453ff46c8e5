"""The one registry of file formats: the command line, the window's Import and Export
menus, their dialog filters and the round-trip contract test all read it.

A format is a module listed in FORMAT_MODULES that defines `FORMAT`, a `FileFormat`.
Detection is explicit and overridable (as sqlite-utils' `rows_from_file` does): each
reading format's `sniff` looks at a path's content, in the order of FORMAT_MODULES, and
`--format NAME` skips detection.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from annotator.formats.base import ReadContext, WriteContext
from annotator.formats.errors import FormatError
from annotator.model import ExportDocument
from annotator.model.drafts import DocumentDraft

#: in detection order: more specific formats first
FORMAT_MODULES = (
    "annotator.formats.labelstudio",  # before jsonl: a JSON array of tasks, even as .json
    "annotator.formats.jsonl",
    "annotator.formats.doccano",
    "annotator.formats.brat",  # before plain text and CoNLL: a .txt with its .ann is brat
    "annotator.formats.conll",  # by content, before plain text: Wojood's files are .txt
    "annotator.formats.plain_text",
    "annotator.formats.spacy_docbin",  # export only; spaCy is imported when it writes
)

#: what a format can carry, for the contract test and the export's report of what was
#: left out
CARRIES = frozenset(
    {
        "text",  # the text exactly, whitespace included (CoNLL rebuilds it from tokens)
        "entities",
        "relations",
        "nesting",  # spans inside spans
        "overlap",  # spans crossing each other
        "same_span",  # two labels on one span
        "statuses",  # candidates and rejected ones, with their status
        "provenance",  # source, annotator, decision
        "curation",  # for gold: which annotators had it and how curation decided it
        "names",  # document names
        "document_status",
        "meta",
    }
)


@dataclass(frozen=True)
class FileFormat:
    """A file format: how to recognise it, read it and write it.

    name: the id on the command line (`--format NAME`); title: what the menus show;
    suffixes: file endings, lower case with the dot; folder: reads/writes a folder
    rather than a file; sniff(path) -> True if the content is this format; read(path,
    context) yields drafts (code points; FormatError naming file, line and reason);
    write(documents, out, context) writes them; carries: what survives a round trip;
    unit: how the format counts offsets (README's table).
    """

    name: str
    title: str
    suffixes: tuple[str, ...]
    unit: str
    carries: frozenset[str]
    sniff: Callable[[Path], bool] | None = None
    read: Callable[[Path, ReadContext], Iterator[DocumentDraft]] | None = None
    write: Callable[[Iterable[ExportDocument], Path, WriteContext], None] | None = None
    folder: bool = False
    key: Callable[[Path], Path] = field(default=lambda path: path)

    def dialog_filter(self) -> str:
        """A Qt file dialog filter: `Title (*.a *.b)`."""
        patterns = " ".join(f"*{suffix}" for suffix in self.suffixes) or "*"
        return f"{self.title} ({patterns})"


@cache
def formats() -> tuple[FileFormat, ...]:
    """Every registered format, in detection order."""
    found = tuple(importlib.import_module(name).FORMAT for name in FORMAT_MODULES)
    unknown = {carry for fmt in found for carry in fmt.carries} - CARRIES
    assert not unknown, f"unknown 'carries' values {unknown}"
    return found


def names(kind: str | None = None) -> tuple[str, ...]:
    """Format names; `kind` "read" or "write" keeps those that can."""
    return tuple(fmt.name for fmt in formats() if kind is None or _can(fmt, kind))


def _can(fmt: FileFormat, kind: str) -> bool:
    return (fmt.read if kind == "read" else fmt.write) is not None


def get(name: str, kind: str | None = None) -> FileFormat:
    """The format called `name`; FormatError-free ValueError naming the choices."""
    for fmt in formats():
        if fmt.name == name and (kind is None or _can(fmt, kind)):
            return fmt
    verb = {"read": "import", "write": "export"}.get(kind or "", "use")
    raise ValueError(f"unknown format {name!r} to {verb}; choose from {', '.join(names(kind))}")


def detect(path: Path) -> FileFormat:
    """The first reading format whose sniff recognises `path`; FormatError if none."""
    for fmt in formats():
        if fmt.read is not None and fmt.sniff is not None and fmt.sniff(path):
            return fmt
    suffixes = sorted({s for fmt in formats() if fmt.read for s in fmt.suffixes})
    raise FormatError(
        path,
        f"unsupported file type {path.suffix or '(none)'}: not a format annotator reads; "
        f"it reads {', '.join(suffixes)} files ({', '.join(names('read'))}); "
        "name one with --format",
    )


def sources_in_folder(
    folder: Path, forced: FileFormat | None = None
) -> list[tuple[Path, FileFormat | FormatError]]:
    """What a folder holds to import: (path, format) per source, recursively, sorted.

    A folder format that recognises the folder takes it whole; otherwise each file with a
    suffix some format reads is detected (or read with `forced`): one that no format
    recognises comes with the FormatError saying why. Files with other suffixes are not
    sources. Two paths of one source (brat's .txt and .ann) count once, by `key`."""
    candidates = [forced] if forced else [f for f in formats() if f.read]
    for fmt in candidates:
        if fmt.folder and fmt.sniff is not None and fmt.sniff(folder):
            return [(folder, fmt)]
    readable = {s for fmt in candidates for s in fmt.suffixes}
    found: dict[tuple[str, Path], tuple[Path, FileFormat | FormatError]] = {}
    for child in sorted(folder.rglob("*")):
        if not child.is_file() or child.suffix.lower() not in readable:
            continue
        try:
            fmt = forced or detect(child)
        except FormatError as error:
            found[("", child)] = (child, error)
            continue
        found.setdefault((fmt.name, fmt.key(child)), (child, fmt))
    return list(found.values())
