"""The F1 help: every key, generated from the actions table and the schema, never typed."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from annotator.gui import physical_keys
from annotator.gui.actions import (
    CURATION_BACK,
    CURATION_KEYS,
    LINK_KEYS,
    MENUS,
    ActionSpec,
    Scope,
)
from annotator.model import Schema

KEY_SEPARATOR = "  or  "
# Shown where it is true: where key events say which physical key it was (physical_keys)
LAYOUT_NOTE = (
    "With the Arabic keyboard layout the keys work where they are on a US keyboard: "
    "R is the key of ق, Ctrl+Z the key of ئ. Ctrl+Shift+Z types Ctrl+Shift+~ there: "
    "redo with Ctrl+Y."
)
# where a key without a menu entry works, as the help's section title
SCOPE_SECTIONS = {
    Scope.ARTICLE: "Article",
    Scope.PANELS: "Side panels",
    Scope.FIND: "Find bar (Ctrl+F)",
    Scope.WINDOW: "Window",
}


def help_rows(specs: Iterable[ActionSpec], schema: Schema) -> list[tuple[str, str, str]]:
    """(section, keys, what it does) for every bound key: menu actions by menu, keys
    without a menu entry by where they work (the article, the side panels, the find
    bar), the keys while making a relation, the schema's type hotkeys, and the keys of
    curation."""
    rows = []
    specs = list(specs)
    for section in MENUS:
        for spec in specs:
            if spec.keys and spec.menu == section:
                rows.append((section, KEY_SEPARATOR.join(spec.keys), spec.title))
    for scope, section in SCOPE_SECTIONS.items():  # keys without a menu entry
        for spec in specs:
            if spec.keys and spec.menu is None and spec.scope == scope:
                rows.append((section, KEY_SEPARATOR.join(spec.keys), spec.title))
    linking = "While making a relation (after R, a drag, or T; other keys wait for Escape)"
    rows.extend((linking, KEY_SEPARATOR.join(key.keys), key.title) for key in LINK_KEYS)
    for index, relation_type in enumerate(schema.relation_types, start=1):
        keys = relation_type.hotkey or str(index)
        rows.append((linking, keys, f"choose the type {relation_type.name}"))
    curating = "While curating (View > Curate; E hands the usual keys back until Escape)"
    for key in (*CURATION_KEYS, CURATION_BACK):
        rows.append((curating, KEY_SEPARATOR.join(key.keys), key.title))
    return rows


def help_html(rows: list[tuple[str, str, str]], note: str = "") -> str:
    """The help page: `note` first, then the rows section by section."""
    parts, section = [f"<p>{html.escape(note)}</p>"] if note else [], None
    for name, keys, title in rows:
        if name != section:
            if section is not None:
                parts.append("</table>")
            parts.append(f"<h3>{html.escape(name)}</h3><table cellpadding='3'>")
            section = name
        parts.append(
            f"<tr><td><b><code>{html.escape(keys)}</code></b></td>"
            f"<td>{html.escape(title)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


class KeyHelp:
    """Shows the help (F1) for `specs` and `schema` in a dialog over `window`."""

    def __init__(self, window: QWidget, specs: list[ActionSpec], schema: Schema) -> None:
        self.window = window
        self.specs = specs
        self.schema = schema
        self.dialog: QDialog | None = None

    def rows(self) -> list[tuple[str, str, str]]:
        return help_rows(self.specs, self.schema)

    def show(self) -> None:
        dialog = QDialog(self.window)
        dialog.setWindowTitle("Keyboard shortcuts")
        browser = QTextBrowser(dialog)
        note = LAYOUT_NOTE if physical_keys.scan_codes_are_xkb_keycodes() else ""
        browser.setHtml(help_html(self.rows(), note))
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        dialog.resize(640, 720)
        self.dialog = dialog
        dialog.open()
