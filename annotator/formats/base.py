"""What every format shares: read and write options, the export integrity check, and
writing a file atomically.

A format is one module with a `FORMAT` (see `annotator.formats.registry`): a reader
yields `DocumentDraft`s with code-point offsets, a writer takes `ExportDocument`s. Each
converts its own offset unit at its edge, once.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from annotator.model import (
    AnnotatedDocument,
    AnnotationError,
    ExportDocument,
    ExportEntity,
    ExportRelation,
    Schema,
    Status,
    text_sha256,
)


@dataclass
class ReadContext:
    """Options for a reader, and what it reports back besides the drafts.

    `options` holds format-specific settings (e.g. CoNLL's label map); a reader adds to
    `counts` (what it changed or left out, by kind) and `notices` (one line each, naming
    the file and line) so nothing is dropped without a word.
    """

    schema: Schema
    options: dict[str, Any] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    notices: list[str] = field(default_factory=list)


@dataclass
class WriteContext:
    """Options for a writer and what it reports: `left_out` counts what the format could
    not carry (e.g. relations in CoNLL), `notes` says how it wrote what it did."""

    schema: Schema
    include_candidates: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    left_out: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


def checked_for_export(
    item: AnnotatedDocument, symmetric_types: set[str], include_candidates: bool
) -> ExportDocument:
    """The integrity check every export makes before writing a document.

    The text must still match its SHA-256 from import, every span must lie inside it, and
    every relation must join two exported entities of this document; gold only (accepted
    entities, and accepted relations between them) unless `include_candidates`. Entities
    are numbered 1..n in reading order, relations 1..m. Raises AnnotationError naming the
    document.
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
    for record in item.entities:
        entity_id, start, end = record.id, record.start, record.end
        if not include_candidates and record.status != Status.ACCEPTED:
            continue
        if not 0 <= start < end <= length:
            raise AnnotationError(
                f"document {document.id} ({document.name}): entity {entity_id} at "
                f"{start}-{end} does not lie within the document's text (length {length})"
            )
        local = len(entities) + 1
        local_ids[entity_id] = local
        entities.append(ExportEntity(local, *record[1:], text[start:end]))
    relations = []
    for _, head_id, tail_id, type_name, status, annotator in item.relations:
        if not include_candidates and status != Status.ACCEPTED:
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
        relations.append(
            ExportRelation(len(relations) + 1, head, tail, type_name, status, annotator)
        )
    return ExportDocument(document, entities, relations)


@contextlib.contextmanager
def atomic_file(out: Path) -> Iterator[IO[bytes]]:
    """A binary file that appears at `out` only when the block ends without an error:
    written beside it, flushed to disk, then renamed into place. Its mode is the one of
    the file it replaces, else the usual one for a new file (0666 less the umask), never
    the temporary file's 0600."""
    out = Path(out)
    if not out.parent.is_dir():
        raise AnnotationError(f"{out}: the folder {out.parent} does not exist")
    handle = tempfile.NamedTemporaryFile(
        "wb", dir=out.parent, prefix=f".{out.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        mode = out.stat().st_mode & 0o7777 if out.exists() else 0o666 & ~_umask()
        os.chmod(handle.name, mode)
        os.replace(handle.name, out)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_lines(
    documents: Iterable[ExportDocument], out: Path, line: Callable[[ExportDocument], bytes]
) -> None:
    """One line per document (`line` gives its bytes, without the newline), atomically."""
    with atomic_file(out) as handle:
        for document in documents:
            handle.write(line(document))
            handle.write(b"\n")
