"""The F1 help: every key, generated from the actions table and the schema, never typed."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from annotator.gui import physical_keys
from annotator.gui.actions import (
    CURATION_BACK,
    CURATION_KEYS,
    LINK_KEYS,
    MENUS,
    ActionSpec,
    Scope,
    menu_title,
)
from annotator.gui.i18n import Texts, translate
from annotator.gui.language import display_language
from annotator.model import Schema

KEY_SEPARATOR = "  or  "  # between a row's keys (translated when shown)
# where a key without a menu entry works, as the help's section title
SCOPE_SECTIONS = {
    Scope.ARTICLE: QT_TRANSLATE_NOOP("KeyHelp", "Article"),
    Scope.PANELS: QT_TRANSLATE_NOOP("KeyHelp", "Side panels"),
    Scope.FIND: QT_TRANSLATE_NOOP("KeyHelp", "Find bar (Ctrl+F)"),
    Scope.WINDOW: QT_TRANSLATE_NOOP("KeyHelp", "Window"),
}


class KeyHelpText(Texts):
    """The F1 help's own texts."""


def layout_note() -> str:
    """Shown where it is true: where key events say which physical key it was."""
    return KeyHelpText.tr(
        "With the Arabic keyboard layout the keys work where they are on a US keyboard: "
        "R is the key of ق, Ctrl+Z the key of ئ. Ctrl+Shift+Z types Ctrl+Shift+~ there: "
        "redo with Ctrl+Y."
    )


def help_rows(specs: Iterable[ActionSpec], schema: Schema) -> list[tuple[str, str, str]]:
    """(section, keys, what it does) for every bound key: menu actions by menu, keys
    without a menu entry by where they work (the article, the side panels, the find
    bar), the keys while making a relation, the schema's type hotkeys, and the keys of
    curation; sections and titles in the interface's language, keys as Qt names them."""
    rows = []
    specs = list(specs)
    for section in MENUS:
        for spec in specs:
            if spec.keys and spec.menu == section:
                rows.append((menu_title(section), KEY_SEPARATOR.join(spec.keys), spec.text()))
    for scope, section in SCOPE_SECTIONS.items():  # keys without a menu entry
        for spec in specs:
            if spec.keys and spec.menu is None and spec.scope == scope:
                rows.append(
                    (translate("KeyHelp", section), KEY_SEPARATOR.join(spec.keys), spec.text())
                )
    linking = KeyHelpText.tr(
        "While making a relation (after R, a drag, or T; other keys wait for Escape)"
    )
    rows.extend((linking, KEY_SEPARATOR.join(key.keys), key.title_text()) for key in LINK_KEYS)
    language = display_language()
    for index, relation_type in enumerate(schema.relation_types, start=1):
        keys = relation_type.hotkey or str(index)
        choose = KeyHelpText.tr("choose the type {type}")
        rows.append((linking, keys, choose.format(type=relation_type.shown(language))))
    curating = KeyHelpText.tr(
        "While curating (View > Curate; E hands the usual keys back until Escape)"
    )
    for key in (*CURATION_KEYS, CURATION_BACK):
        rows.append((curating, KEY_SEPARATOR.join(key.keys), key.title_text()))
    return rows


def help_html(rows: list[tuple[str, str, str]], note: str = "", right_to_left: bool = False) -> str:
    """The help page: `note` first, then the rows section by section. In a mirrored
    window the page reads right to left: Qt's rich text does not mirror a table's
    columns, so the keys' column is written last and the table spans the page, putting
    it on the right. Key names stay as written on the keys, left to right."""
    direction = " dir='rtl'" if right_to_left else ""
    parts, section = [f"<p{direction}>{html.escape(note)}</p>"] if note else [], None
    separator = KeyHelpText.tr("  or  ")
    table = "<table width='100%' cellpadding='3'>" if right_to_left else "<table cellpadding='3'>"
    for name, keys, title in rows:
        if name != section:
            if section is not None:
                parts.append("</table>")
            parts.append(f"<h3{direction}>{html.escape(name)}</h3>{table}")
            section = name
        # each key isolated left to right (UAX #9 LRI ... PDI): "Ctrl+." keeps its order
        shown = separator.join(f"\u2066{html.escape(k)}\u2069" for k in keys.split(KEY_SEPARATOR))
        if right_to_left:
            parts.append(
                f"<tr><td dir='rtl'>{html.escape(title)}</td><td dir='rtl' width='1%' "
                f"style='white-space:nowrap'><b><code>{shown}</code></b></td></tr>"
            )
        else:
            parts.append(
                f"<tr><td><b><code>{shown}</code></b></td><td>{html.escape(title)}</td></tr>"
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
        dialog.setWindowTitle(KeyHelpText.tr("Keyboard shortcuts"))
        browser = QTextBrowser(dialog)
        note = layout_note() if physical_keys.scan_codes_are_xkb_keycodes() else ""
        browser.setHtml(help_html(self.rows(), note, self.window.isRightToLeft()))
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        dialog.resize(640, 720)
        self.dialog = dialog
        dialog.open()
