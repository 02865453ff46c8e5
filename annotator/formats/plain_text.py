"""Plain UTF-8 text: one file, one document, named after the file (a BOM is dropped,
CRLF and CR become LF)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.formats.base import ReadContext
from annotator.formats.errors import FormatError
from annotator.formats.registry import FileFormat
from annotator.formats.text_io import decode_utf8, normalise_newlines
from annotator.model.drafts import DocumentDraft


def read_text_document(path: Path) -> DocumentDraft:
    """The file's text as one document draft; FormatError for bad UTF-8, NUL or no text."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(path, f"cannot read the file: {error.strerror}") from None
    text = normalise_newlines(decode_utf8(data, path))
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FormatError(path, "the text contains a NUL character", line=line)
    if not text.strip():
        raise FormatError(path, "the document is empty (no text)")
    return DocumentDraft(name=path.name, text=text)


def read(path: Path, context: ReadContext) -> Iterator[DocumentDraft]:
    yield read_text_document(path)


def sniff(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".txt"


FORMAT = FileFormat(
    name="text",
    title="Plain text",
    suffixes=(".txt",),
    unit="(no annotations)",
    carries=frozenset({"text", "names"}),
    sniff=sniff,
    read=read,
)
