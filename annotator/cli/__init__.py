"""The `annotator` command line (click): the group and its helpers in `base`, the commands
by responsibility in `documents`, `suggesting` and `team` (importing them registers them
on the group). Messages are English: scripts read them."""

from __future__ import annotations

from annotator.cli import documents, suggesting, team  # noqa: F401 - registers the commands
from annotator.cli.base import main

__all__ = ["main"]
