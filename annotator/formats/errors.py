"""Errors in input files, always naming the file, the line when there is one, and why."""

from __future__ import annotations

from pathlib import Path


class FormatError(Exception):
    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = self.path if line is None else f"{self.path}, line {line}"
        super().__init__(f"{where}: {reason}")
