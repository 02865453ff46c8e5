"""Reading bytes as text the way every format does: strict UTF-8 with the failing line
named, a BOM dropped, CRLF and CR made LF."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.errors import FormatError

BOM = "\ufeff"


def decode_utf8(data: bytes, path: Path | str, first_line: int = 1) -> str:
    """Decode strictly; an invalid byte is reported with its line and its byte offset
    (within that line when `data` is one line of a larger file)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + first_line
        where = (
            f"at byte offset {error.start}"
            if first_line == 1
            else f"at byte {error.start} of the line"
        )
        raise FormatError(
            path,
            f"not valid UTF-8: byte 0x{data[error.start]:02x} {where} ({error.reason})",
            line=line,
        ) from None


def normalise_newlines(text: str) -> str:
    """BOM stripped, CRLF and lone CR turned into LF: the exact text offsets count on."""
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")
