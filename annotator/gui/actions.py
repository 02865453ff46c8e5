"""Every action of the window in one table: its menu entry, its keys and its handler.

The menus, the key bindings on the window and on the article, and the F1 help are all
built from ACTIONS (and, for the keys of relation-making, from LINK_KEYS), so help cannot
drift from the bindings. Handlers and `enabled` take the window's parts (`WindowParts`
in `main_window`), whose attributes they name. Keys are Qt's portable key names.

Titles and menu names are English, marked for pyside6-lupdate with QT_TRANSLATE_NOOP in
the contexts "Actions", "Menus" and "ModeKeys", and translated where they are shown
(`ActionSpec.text`, `menu_title`, `ModeKey.title_text` / `hint_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence

from annotator.gui.i18n import Texts, translate


class Scope(StrEnum):
    """WINDOW: the key works anywhere in the window. ARTICLE: only while the article has
    the keys (lists and dialogs keep their own Enter, Delete, arrows, digits). PANELS:
    only while a side panel has them. FIND: only while the find bar has them."""

    WINDOW = "window"
    ARTICLE = "article"
    PANELS = "panels"
    FIND = "find"  # only while the find bar (Ctrl+F) has the keys


@dataclass(frozen=True)
class ActionSpec:
    """One action. `handler(parts)` does it (`handler(parts, checked)` for a switch);
    `menu`: the menu it appears in (None: a key of the article only); `enabled(parts)`:
    when it can be used (it also settles keys that two actions share, such as Delete)."""

    id: str
    title: str
    handler: Callable[[Any], None]
    keys: tuple[str, ...] = ()
    menu: str | None = None
    scope: Scope = Scope.ARTICLE
    enabled: Callable[[Any], bool] | None = None
    checkable: bool = False
    separator: bool = False  # a separator before it in its menu

    def text(self) -> str:
        """The title in the interface's language."""
        return translate("Actions", self.title)


MENUS = (
    QT_TRANSLATE_NOOP("Menus", "File"),
    QT_TRANSLATE_NOOP("Menus", "Edit"),
    QT_TRANSLATE_NOOP("Menus", "Search"),
    QT_TRANSLATE_NOOP("Menus", "Relations"),
    QT_TRANSLATE_NOOP("Menus", "Suggest"),
    QT_TRANSLATE_NOOP("Menus", "Labels"),
    QT_TRANSLATE_NOOP("Menus", "Document"),
    QT_TRANSLATE_NOOP("Menus", "View"),
    QT_TRANSLATE_NOOP("Menus", "Help"),
)


def menu_title(menu: str) -> str:
    """A menu's name (one of MENUS) in the interface's language."""
    return translate("Menus", menu)


class LabelActionText(Texts):
    """The titles of the schema's label actions."""


def _entity_focused(parts) -> bool:
    return parts.view.focused_relation() is None and parts.view.focused_entity() is not None


def _relation_focused(parts) -> bool:
    return parts.view.focused_relation() is not None


def _mark_done(parts) -> None:
    if parts.curation.active:
        parts.curation.mark_curated()
    else:
        parts.edits.mark_done()


def _file_actions() -> list[ActionSpec]:
    W = Scope.WINDOW
    return [
        ActionSpec(
            "file.new",
            QT_TRANSLATE_NOOP("Actions", "New project…"),
            lambda p: p.files.new_project(),
            ("Ctrl+Shift+N",),
            "File",
            W,
        ),
        ActionSpec(
            "file.open",
            QT_TRANSLATE_NOOP("Actions", "Open project…"),
            lambda p: p.files.open_project(),
            ("Ctrl+O",),
            "File",
            W,
        ),
        ActionSpec(
            "file.import",
            QT_TRANSLATE_NOOP("Actions", "Import files…"),
            lambda p: p.files.import_files(),
            ("Ctrl+I",),
            "File",
            W,
            separator=True,
        ),
        ActionSpec(
            "file.import_folder",
            QT_TRANSLATE_NOOP("Actions", "Import a folder…"),
            lambda p: p.files.import_folder(),
            (),
            "File",
            W,
        ),
        ActionSpec(
            "file.export",
            QT_TRANSLATE_NOOP("Actions", "Export…"),
            lambda p: p.files.export(),
            ("Ctrl+E",),
            "File",
            W,
        ),
        ActionSpec(
            "file.annotator",
            QT_TRANSLATE_NOOP("Actions", "Who is annotating…"),
            lambda p: p.files.ask_annotator(),
            (),
            "File",
            W,
            separator=True,
        ),
        ActionSpec(
            "file.assign",
            QT_TRANSLATE_NOOP("Actions", "Team: hand documents out to annotators…"),
            lambda p: p.team.assign(),
            (),
            "File",
            W,
        ),
        ActionSpec(
            "file.merge",
            QT_TRANSLATE_NOOP("Actions", "Team: merge annotators' work…"),
            lambda p: p.team.merge(),
            (),
            "File",
            W,
        ),
        ActionSpec(
            "file.quit",
            QT_TRANSLATE_NOOP("Actions", "Quit"),
            lambda p: p.window.close(),
            ("Ctrl+Q",),
            "File",
            W,
            separator=True,
        ),
    ]


def _edit_actions() -> list[ActionSpec]:
    W = Scope.WINDOW
    e = "Edit"
    return [
        ActionSpec(
            "edit.undo",
            QT_TRANSLATE_NOOP("Actions", "Undo"),
            lambda p: p.session.undo(),
            ("Ctrl+Z",),
            e,
            W,
            enabled=lambda p: bool(p.session.history and p.session.history.can_undo),
        ),
        ActionSpec(
            "edit.redo",
            QT_TRANSLATE_NOOP("Actions", "Redo"),
            lambda p: p.session.redo(),
            ("Ctrl+Shift+Z", "Ctrl+Y"),
            e,
            W,
            enabled=lambda p: bool(p.session.history and p.session.history.can_redo),
        ),
        ActionSpec(
            "edit.next_candidate",
            QT_TRANSLATE_NOOP("Actions", "Next candidate"),
            lambda p: p.view.next_entity(1),
            ("Tab",),
            e,
            separator=True,
        ),
        ActionSpec(
            "edit.previous_candidate",
            QT_TRANSLATE_NOOP("Actions", "Previous candidate"),
            lambda p: p.view.next_entity(-1),
            ("Shift+Tab",),
            e,
        ),
        ActionSpec(
            "edit.next_entity",
            QT_TRANSLATE_NOOP("Actions", "Next entity"),
            lambda p: p.view.next_entity(1, None),
            ("Down",),
            e,
        ),
        ActionSpec(
            "edit.previous_entity",
            QT_TRANSLATE_NOOP("Actions", "Previous entity"),
            lambda p: p.view.next_entity(-1, None),
            ("Up",),
            e,
        ),
        ActionSpec(
            "edit.accept",
            QT_TRANSLATE_NOOP("Actions", "Accept (and go to the next candidate)"),
            lambda p: p.edits.accept_focused(),
            ("Return", "Enter"),
            e,
        ),
        ActionSpec(
            "edit.reject",
            QT_TRANSLATE_NOOP("Actions", "Reject (and go to the next candidate)"),
            lambda p: p.edits.reject_focused(),
            ("Delete",),
            e,
            enabled=_entity_focused,
        ),
        ActionSpec(
            "edit.delete",
            QT_TRANSLATE_NOOP("Actions", "Delete the entity"),
            lambda p: p.edits.delete_focused(),
            ("Shift+Delete",),
            e,
            enabled=_entity_focused,
        ),
        ActionSpec(
            "edit.accept_all",
            QT_TRANSLATE_NOOP("Actions", "Accept all candidates"),
            lambda p: p.edits.accept_all(),
            ("Ctrl+Shift+A",),
            e,
        ),
        ActionSpec(
            "edit.accept_all_label",
            QT_TRANSLATE_NOOP("Actions", "Accept all candidates of the focused label"),
            lambda p: p.edits.accept_all_of_label(),
            ("Ctrl+Alt+A",),
            e,
        ),
        ActionSpec(
            "edit.clitic",
            QT_TRANSLATE_NOOP(
                "Actions", "Selection without its proclitic (بالرئيس → الرئيس → رئيس)"
            ),
            lambda p: p.view.cycle_clitic(),
            ("C",),
            e,
            separator=True,
        ),
        ActionSpec(
            "edit.grow_start",
            QT_TRANSLATE_NOOP("Actions", "Grow the start (right) by a character"),
            lambda p: p.edits.resize_focused(-1, 0),
            ("Shift+Right",),
            e,
        ),
        ActionSpec(
            "edit.grow_end",
            QT_TRANSLATE_NOOP("Actions", "Grow the end (left) by a character"),
            lambda p: p.edits.resize_focused(0, 1),
            ("Shift+Left",),
            e,
        ),
        ActionSpec(
            "edit.shrink_start",
            QT_TRANSLATE_NOOP("Actions", "Shrink the start by a character"),
            lambda p: p.edits.resize_focused(1, 0),
            ("Ctrl+Shift+Right",),
            e,
        ),
        ActionSpec(
            "edit.shrink_end",
            QT_TRANSLATE_NOOP("Actions", "Shrink the end by a character"),
            lambda p: p.edits.resize_focused(0, -1),
            ("Ctrl+Shift+Left",),
            e,
        ),
        ActionSpec(
            "edit.grow_start_word",
            QT_TRANSLATE_NOOP("Actions", "Grow the start by a word"),
            lambda p: p.edits.resize_focused_by_word(-1, 0),
            ("Ctrl+Alt+Right",),
            e,
        ),
        ActionSpec(
            "edit.grow_end_word",
            QT_TRANSLATE_NOOP("Actions", "Grow the end by a word"),
            lambda p: p.edits.resize_focused_by_word(0, 1),
            ("Ctrl+Alt+Left",),
            e,
        ),
        ActionSpec(
            "edit.shrink_start_word",
            QT_TRANSLATE_NOOP("Actions", "Shrink the start by a word"),
            lambda p: p.edits.resize_focused_by_word(1, 0),
            ("Ctrl+Alt+Shift+Right",),
            e,
        ),
        ActionSpec(
            "edit.shrink_end_word",
            QT_TRANSLATE_NOOP("Actions", "Shrink the end by a word"),
            lambda p: p.edits.resize_focused_by_word(0, -1),
            ("Ctrl+Alt+Shift+Left",),
            e,
        ),
        ActionSpec(
            "edit.clear_selection",
            QT_TRANSLATE_NOOP("Actions", "Clear the selection"),
            lambda p: p.view.clear_selection(),
            ("Escape",),
            e,
        ),
        ActionSpec(
            "view.to_article",
            QT_TRANSLATE_NOOP("Actions", "Give the keys back to the article (from a side panel)"),
            lambda p: p.view.setFocus(),
            ("Escape",),
            None,
            Scope.PANELS,
        ),
        ActionSpec(
            "edit.select_next_word",
            QT_TRANSLATE_NOOP("Actions", "Select the next word"),
            lambda p: p.view.select_word(1),
            ("Alt+Left",),
            e,
            separator=True,
        ),
        ActionSpec(
            "edit.select_previous_word",
            QT_TRANSLATE_NOOP("Actions", "Select the previous word"),
            lambda p: p.view.select_word(-1),
            ("Alt+Right",),
            e,
        ),
        ActionSpec(
            "edit.extend_selection",
            QT_TRANSLATE_NOOP("Actions", "Extend the selection by a word"),
            lambda p: p.view.extend_selection(1),
            ("Alt+Shift+Left",),
            e,
        ),
        ActionSpec(
            "edit.shrink_selection",
            QT_TRANSLATE_NOOP("Actions", "Give the selection's last word back"),
            lambda p: p.view.extend_selection(-1),
            ("Alt+Shift+Right",),
            e,
        ),
    ]


def _relation_actions() -> list[ActionSpec]:
    r = "Relations"
    return [
        ActionSpec(
            "relations.link",
            QT_TRANSLATE_NOOP(
                "Actions", "Link the focused entity to… (then Tab/number, Enter, type)"
            ),
            lambda p: p.view.linking.start_link(),
            ("R",),
            r,
        ),
        ActionSpec(
            "relations.next",
            QT_TRANSLATE_NOOP("Actions", "Next relation"),
            lambda p: p.view.next_relation(1),
            ("]",),
            r,
        ),
        ActionSpec(
            "relations.previous",
            QT_TRANSLATE_NOOP("Actions", "Previous relation"),
            lambda p: p.view.next_relation(-1),
            ("[",),
            r,
        ),
        ActionSpec(
            "relations.retype",
            QT_TRANSLATE_NOOP("Actions", "Change the focused relation's type"),
            lambda p: p.view.linking.start_retype(),
            ("T",),
            r,
            enabled=_relation_focused,
        ),
        ActionSpec(
            "relations.swap",
            QT_TRANSLATE_NOOP("Actions", "Swap head and tail"),
            lambda p: p.edits.swap_relation(),
            ("S",),
            r,
            enabled=_relation_focused,
        ),
        ActionSpec(
            "relations.delete",
            QT_TRANSLATE_NOOP("Actions", "Delete the focused relation"),
            lambda p: p.edits.delete_relation(),
            ("Delete", "Ctrl+Delete"),
            r,
            enabled=_relation_focused,
        ),
    ]


def _other_actions() -> list[ActionSpec]:
    W = Scope.WINDOW
    return [
        ActionSpec(
            "suggest.all",
            QT_TRANSLATE_NOOP("Actions", "Suggest candidates in every document"),
            lambda p: p.suggestions.start(None),
            ("Ctrl+Shift+S",),
            "Suggest",
            W,
        ),
        ActionSpec(
            "suggest.force",
            QT_TRANSLATE_NOOP("Actions", "Suggest again, replacing earlier runs"),
            lambda p: p.suggestions.start(None, force=True),
            (),
            "Suggest",
            W,
        ),
        ActionSpec(
            "suggest.cancel",
            QT_TRANSLATE_NOOP("Actions", "Cancel suggestions"),
            lambda p: p.suggestions.cancel(),
            ("Ctrl+.",),
            "Suggest",
            W,
        ),
        ActionSpec(
            "suggest.ner_model",
            QT_TRANSLATE_NOOP("Actions", "Choose a camel-tools NER model folder…"),
            lambda p: p.suggestions.choose_ner_model(),
            (),
            "Suggest",
            W,
            separator=True,
        ),
        ActionSpec(
            "document.done",
            QT_TRANSLATE_NOOP("Actions", "Mark done (in curation: curated) and go to the next"),
            _mark_done,
            ("Ctrl+D",),
            "Document",
            W,
        ),
        ActionSpec(
            "document.next",
            QT_TRANSLATE_NOOP("Actions", "Next unfinished document"),
            lambda p: p.edits.next_unfinished(),
            ("Ctrl+N",),
            "Document",
            W,
        ),
        ActionSpec(
            "view.zoom_in",
            QT_TRANSLATE_NOOP("Actions", "Zoom in"),
            lambda p: p.view.set_zoom(p.view.point_size + 2),
            ("Ctrl++", "Ctrl+="),
            "View",
            W,
        ),
        ActionSpec(
            "view.zoom_out",
            QT_TRANSLATE_NOOP("Actions", "Zoom out"),
            lambda p: p.view.set_zoom(p.view.point_size - 2),
            ("Ctrl+-",),
            "View",
            W,
        ),
        ActionSpec(
            "view.rejected",
            QT_TRANSLATE_NOOP("Actions", "Show rejected"),
            lambda p, on: p.toggles.show_rejected(on),
            ("Ctrl+R",),
            "View",
            W,
            checkable=True,
            separator=True,
        ),
        ActionSpec(
            "view.hide_arcs",
            QT_TRANSLATE_NOOP("Actions", "Hide relation arcs"),
            lambda p, on: p.toggles.hide_arcs(on),
            ("Ctrl+H",),
            "View",
            W,
            checkable=True,
        ),
        ActionSpec(
            "view.focus_relations",
            QT_TRANSLATE_NOOP("Actions", "Only the focused entity's relations"),
            lambda p, on: p.toggles.only_focus_relations(on),
            ("Ctrl+J",),
            "View",
            W,
            checkable=True,
        ),
        ActionSpec(
            "view.min_confidence",
            QT_TRANSLATE_NOOP("Actions", "Hide candidates below a confidence…"),
            lambda p: p.toggles.choose_min_confidence(),
            (),
            "View",
            W,
        ),
        ActionSpec(
            "view.agreement",
            QT_TRANSLATE_NOOP("Actions", "Agreement between annotators…"),
            lambda p: p.team.agreement(),
            (),
            "View",
            W,
            separator=True,
        ),
        ActionSpec(
            "view.curate",
            QT_TRANSLATE_NOOP("Actions", "Curate: reconcile the annotators' layers into gold"),
            lambda p, on: p.curation.set_active(on),
            ("Ctrl+Shift+C",),
            "View",
            W,
            checkable=True,
        ),
        ActionSpec(
            "view.curation_policy",
            QT_TRANSLATE_NOOP("Actions", "Curation pre-merge policy…"),
            lambda p: p.curation.choose_policy(),
            (),
            "View",
            W,
        ),
        ActionSpec(
            "view.interface",
            QT_TRANSLATE_NOOP("Actions", "Interface language and digits…"),
            lambda p: p.interface.choose(),
            (),
            "View",
            W,
            separator=True,
        ),
        ActionSpec(
            "help.keys",
            QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"),
            lambda p: p.help.show(),
            ("F1",),
            "Help",
            W,
        ),
    ]


def _search_actions() -> list[ActionSpec]:
    W, F, s = Scope.WINDOW, Scope.FIND, "Search"
    return [
        ActionSpec(
            "search.find",
            QT_TRANSLATE_NOOP("Actions", "Find in the article…"),
            lambda p: p.find.open(),
            ("Ctrl+F",),
            s,
            W,
        ),
        ActionSpec(
            "search.next",
            QT_TRANSLATE_NOOP("Actions", "Next match"),
            lambda p: p.find.step(1),
            ("F3",),
            s,
            W,
        ),
        ActionSpec(
            "search.previous",
            QT_TRANSLATE_NOOP("Actions", "Previous match"),
            lambda p: p.find.step(-1),
            ("Shift+F3",),
            s,
            W,
        ),
        ActionSpec(
            "search.label_found",
            QT_TRANSLATE_NOOP("Actions", "Label all matches in the article…"),
            lambda p: p.find.choose_label(),
            ("Ctrl+L",),
            s,
            W,
        ),
        ActionSpec(
            "search.project",
            QT_TRANSLATE_NOOP("Actions", "Search the project…"),
            lambda p: p.results.open(p.find.suggested_query()),
            ("Ctrl+Shift+F",),
            s,
            W,
            separator=True,
        ),
        ActionSpec(
            "search.label_project",
            QT_TRANSLATE_NOOP("Actions", "Label all matches in the project…"),
            lambda p: p.results.choose_label(),
            ("Ctrl+Shift+L",),
            s,
            W,
        ),
        ActionSpec(
            "find.next",
            QT_TRANSLATE_NOOP("Actions", "Next match"),
            lambda p: p.find.step(1),
            ("Return", "Enter"),
            None,
            F,
        ),
        ActionSpec(
            "find.previous",
            QT_TRANSLATE_NOOP("Actions", "Previous match"),
            lambda p: p.find.step(-1),
            ("Shift+Return", "Shift+Enter"),
            None,
            F,
        ),
        ActionSpec(
            "find.close",
            QT_TRANSLATE_NOOP("Actions", "Close the find bar; the keys go back to the article"),
            lambda p: p.find.close_bar(),
            ("Escape",),
            None,
            F,
        ),
    ]


def label_actions(schema, language: str = "en") -> list[ActionSpec]:
    """One action per label of the schema: its hotkey labels the selection as a new
    entity, or relabels the focused one. Titled with the label's name in `language`
    (translated when the window is built)."""
    return [
        ActionSpec(
            f"label.{label.name}",
            LabelActionText.tr("{label}  (new entity from the selection, or relabel)").format(
                label=label.shown(language)
            ),
            lambda p, name=label.name: p.edits.apply_label(name),
            (label.hotkey,) if label.hotkey else (),
            "Labels",
        )
        for label in schema.labels
    ]


ACTIONS: tuple[ActionSpec, ...] = (
    *_file_actions(),
    *_edit_actions(),
    *_search_actions(),
    *_relation_actions(),
    *_other_actions(),
)


@dataclass(frozen=True)
class ModeKey:
    """A key while a relation is being made (R, a drag, or T): `id` names the link
    controller's handler; the keys are matched before any menu shortcut."""

    id: str
    keys: tuple[str, ...]
    title: str
    hint: str  # a few words for the hint line shown while linking

    def title_text(self) -> str:
        """What the key does, in the interface's language (the F1 help)."""
        return translate("ModeKeys", self.title)

    def hint_text(self) -> str:
        """The hint, in the interface's language."""
        return translate("ModeKeys", self.hint)


LINK_KEYS: tuple[ModeKey, ...] = (
    ModeKey(
        "next",
        ("Tab", "Down", "Left"),
        QT_TRANSLATE_NOOP("ModeKeys", "the next entity as the other end"),
        QT_TRANSLATE_NOOP("ModeKeys", "Tab: next"),
    ),
    ModeKey(
        "previous",
        ("Shift+Tab", "Up", "Right"),
        QT_TRANSLATE_NOOP("ModeKeys", "the previous entity as the other end"),
        QT_TRANSLATE_NOOP("ModeKeys", "Shift+Tab: previous"),
    ),
    ModeKey(
        "number",
        tuple("0123456789"),
        QT_TRANSLATE_NOOP(
            "ModeKeys",
            "the entity with that number as the other end; then the type with that number",
        ),
        QT_TRANSLATE_NOOP("ModeKeys", "a number: that entity"),
    ),
    ModeKey(
        "choose",
        ("Return", "Enter"),
        QT_TRANSLATE_NOOP("ModeKeys", "show the relation types allowed for the pair"),
        QT_TRANSLATE_NOOP("ModeKeys", "Enter: relation types"),
    ),
    ModeKey(
        "swap",
        ("S",),
        QT_TRANSLATE_NOOP(
            "ModeKeys", "swap head and tail (when only the other direction is allowed)"
        ),
        QT_TRANSLATE_NOOP("ModeKeys", "S: swap head and tail"),
    ),
    ModeKey(
        "back",
        ("Escape",),
        QT_TRANSLATE_NOOP("ModeKeys", "step back (close the type list, then stop linking)"),
        QT_TRANSLATE_NOOP("ModeKeys", "Escape: back"),
    ),
)


CURATION_KEYS: tuple[ModeKey, ...] = (
    ModeKey(
        "next",
        ("N",),
        QT_TRANSLATE_NOOP("ModeKeys", "the next disagreement, in reading order"),
        QT_TRANSLATE_NOOP("ModeKeys", "N: next"),
    ),
    ModeKey(
        "previous",
        ("P",),
        QT_TRANSLATE_NOOP("ModeKeys", "the previous disagreement"),
        QT_TRANSLATE_NOOP("ModeKeys", "P: previous"),
    ),
    ModeKey(
        "take",
        tuple("123456789"),
        QT_TRANSLATE_NOOP(
            "ModeKeys",
            "take that annotator's version into gold (their number in the panel) and settle it",
        ),
        QT_TRANSLATE_NOOP("ModeKeys", "1–9: take a version"),
    ),
    ModeKey(
        "none",
        ("0",),
        QT_TRANSLATE_NOOP("ModeKeys", "take no version (recorded as considered)"),
        QT_TRANSLATE_NOOP("ModeKeys", "0: none"),
    ),
    ModeKey(
        "edit",
        ("E",),
        QT_TRANSLATE_NOOP(
            "ModeKeys", "edit gold here by hand, with the usual keys (Escape comes back)"
        ),
        QT_TRANSLATE_NOOP("ModeKeys", "E: edit by hand"),
    ),
    ModeKey(
        "settle",
        ("Return", "Enter"),
        QT_TRANSLATE_NOOP("ModeKeys", "mark it settled as gold now holds it"),
        QT_TRANSLATE_NOOP("ModeKeys", "Enter: settled"),
    ),
)

#: while editing by hand in curation: back to the curation keys
CURATION_BACK = ModeKey(
    "back",
    ("Escape",),
    QT_TRANSLATE_NOOP("ModeKeys", "back to the curation keys (once nothing is selected)"),
    QT_TRANSLATE_NOOP("ModeKeys", "Escape: back to curating"),
)


def portable(key: str) -> str:
    """A key as Qt writes it in portable text ("Ctrl+=" stays; "ctrl+z" -> "Ctrl+Z")."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
