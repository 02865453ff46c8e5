"""The small menu in which "label all matches" asks for a label: the schema's labels,
each chosen by its label key (1 2 3 4) while the menu is open, or by a click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from annotator.gui.language import display_language
from annotator.model import Schema


def label_menu(schema: Schema, parent: QWidget, choose: Callable[[str], None]) -> QMenu:
    """A menu of `schema`'s labels; choosing one calls `choose(label name)`. A label's
    one-character hotkey is the entry's mnemonic, so the label keys work in it. Labels
    are named as the interface shows them (`display.ar` in Arabic)."""
    menu = QMenu(parent)
    language = display_language()
    for label in schema.labels:
        key = label.hotkey if len(label.hotkey) == 1 else ""
        shown = label.shown(language)
        action = menu.addAction(f"&{key}  {shown}" if key else shown)
        action.triggered.connect(lambda _=False, name=label.name: choose(name))
    return menu
