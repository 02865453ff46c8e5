"""One document's undo and redo stacks, Qt-free (in the manner of glue's CommandStack).

The stacks only hold operations that succeeded; the `Workspace` moves an operation from
one stack to the other only after its undo or redo committed, so a refused undo leaves
both stacks as they were.
"""

from __future__ import annotations

from annotator.app.operations import Operation


class History:
    def __init__(self) -> None:
        self._undo: list[Operation] = []
        self._redo: list[Operation] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_title(self) -> str:
        """The title of what Undo would undo ("" if nothing)."""
        return self._undo[-1].title if self._undo else ""

    @property
    def redo_title(self) -> str:
        return self._redo[-1].title if self._redo else ""

    def pushed(self, operation: Operation) -> None:
        """A new edit was done: it can be undone, and nothing can be redone any more."""
        self._undo.append(operation)
        self._redo.clear()

    def next_undo(self) -> Operation | None:
        return self._undo[-1] if self._undo else None

    def next_redo(self) -> Operation | None:
        return self._redo[-1] if self._redo else None

    def undone(self) -> None:
        self._redo.append(self._undo.pop())

    def redone(self) -> None:
        self._undo.append(self._redo.pop())
