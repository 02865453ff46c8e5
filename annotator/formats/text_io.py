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


def mismatch(quoted: str, actual: str) -> str:
    """Why two strings differ, for a message: when they are equal after Unicode
    normalisation (NFC), the first code points that differ, e.g. `U+0623` vs
    `U+0627 U+0654`; else both strings."""
    import unicodedata

    if unicodedata.normalize("NFC", quoted) != unicodedata.normalize("NFC", actual):
        if unicodedata.normalize("NFKC", quoted) == unicodedata.normalize("NFKC", actual):
            return (
                f"{quoted!r} differs from the document's text {actual!r} in compatibility "
                f"normalisation (NFKC: a ligature, presentation form or full-width letter): "
                f"{_difference(quoted, actual)}"
            )
        return f"{quoted!r} does not match the document's text {actual!r}"
    forms = [_form(quoted), _form(actual)]
    return (
        f"{quoted!r} differs from the document's text {actual!r} in Unicode normalisation "
        f"({forms[0]} vs {forms[1]}): {_difference(quoted, actual)}"
    )


def _difference(quoted: str, actual: str) -> str:
    """The code points that differ, without the common start and end."""
    start = next(
        (i for i, (a, b) in enumerate(zip(quoted, actual, strict=False)) if a != b),
        min(len(quoted), len(actual)),
    )
    end_q, end_a = len(quoted), len(actual)
    while end_q > start and end_a > start and quoted[end_q - 1] == actual[end_a - 1]:
        end_q, end_a = end_q - 1, end_a - 1
    ours, theirs = _code_points(quoted[start:end_q]), _code_points(actual[start:end_a])
    return f"{ours} where the text has {theirs}"


def _code_points(part: str) -> str:
    return " ".join(f"U+{ord(char):04X}" for char in part) or "nothing"


def _form(text: str) -> str:
    import unicodedata

    for form in ("NFC", "NFD"):
        if unicodedata.is_normalized(form, text):
            return form
    return "mixed"
