"""Every action of the window in one table: its menu entry, its keys and its handler.

The menus, the key bindings on the window and on the article, and the F1 help are all
built from ACTIONS (and, for the keys of relation-making, from LINK_KEYS), so help cannot
drift from the bindings. Handlers and `enabled` take the window's parts (`WindowParts`
in `main_window`), whose attributes they name. Keys are Qt's portable key names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtGui import QKeySequence


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


MENUS = ("File", "Edit", "Search", "Relations", "Suggest", "Labels", "Document", "View", "Help")


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
            "New project…",
            lambda p: p.files.new_project(),
            ("Ctrl+Shift+N",),
            "File",
            W,
        ),
        ActionSpec(
            "file.open", "Open project…", lambda p: p.files.open_project(), ("Ctrl+O",), "File", W
        ),
        ActionSpec(
            "file.import",
            "Import files…",
            lambda p: p.files.import_files(),
            ("Ctrl+I",),
            "File",
            W,
            separator=True,
        ),
        ActionSpec(
            "file.import_folder",
            "Import a folder…",
            lambda p: p.files.import_folder(),
            (),
            "File",
            W,
        ),
        ActionSpec("file.export", "Export…", lambda p: p.files.export(), ("Ctrl+E",), "File", W),
        ActionSpec(
            "file.annotator",
            "Who is annotating…",
            lambda p: p.files.ask_annotator(),
            (),
            "File",
            W,
            separator=True,
        ),
        ActionSpec(
            "file.assign",
            "Team: hand documents out to annotators…",
            lambda p: p.team.assign(),
            (),
            "File",
            W,
        ),
        ActionSpec(
            "file.merge", "Team: merge annotators' work…", lambda p: p.team.merge(), (), "File", W
        ),
        ActionSpec(
            "file.quit", "Quit", lambda p: p.window.close(), ("Ctrl+Q",), "File", W, separator=True
        ),
    ]


def _edit_actions() -> list[ActionSpec]:
    W = Scope.WINDOW
    e = "Edit"
    return [
        ActionSpec(
            "edit.undo",
            "Undo",
            lambda p: p.session.undo(),
            ("Ctrl+Z",),
            e,
            W,
            enabled=lambda p: bool(p.session.history and p.session.history.can_undo),
        ),
        ActionSpec(
            "edit.redo",
            "Redo",
            lambda p: p.session.redo(),
            ("Ctrl+Shift+Z", "Ctrl+Y"),
            e,
            W,
            enabled=lambda p: bool(p.session.history and p.session.history.can_redo),
        ),
        ActionSpec(
            "edit.next_candidate",
            "Next candidate",
            lambda p: p.view.next_entity(1),
            ("Tab",),
            e,
            separator=True,
        ),
        ActionSpec(
            "edit.previous_candidate",
            "Previous candidate",
            lambda p: p.view.next_entity(-1),
            ("Shift+Tab",),
            e,
        ),
        ActionSpec(
            "edit.next_entity", "Next entity", lambda p: p.view.next_entity(1, None), ("Down",), e
        ),
        ActionSpec(
            "edit.previous_entity",
            "Previous entity",
            lambda p: p.view.next_entity(-1, None),
            ("Up",),
            e,
        ),
        ActionSpec(
            "edit.accept",
            "Accept (and go to the next candidate)",
            lambda p: p.edits.accept_focused(),
            ("Return", "Enter"),
            e,
        ),
        ActionSpec(
            "edit.reject",
            "Reject (and go to the next candidate)",
            lambda p: p.edits.reject_focused(),
            ("Delete",),
            e,
            enabled=_entity_focused,
        ),
        ActionSpec(
            "edit.delete",
            "Delete the entity",
            lambda p: p.edits.delete_focused(),
            ("Shift+Delete",),
            e,
            enabled=_entity_focused,
        ),
        ActionSpec(
            "edit.accept_all",
            "Accept all candidates",
            lambda p: p.edits.accept_all(),
            ("Ctrl+Shift+A",),
            e,
        ),
        ActionSpec(
            "edit.accept_all_label",
            "Accept all candidates of the focused label",
            lambda p: p.edits.accept_all_of_label(),
            ("Ctrl+Alt+A",),
            e,
        ),
        ActionSpec(
            "edit.clitic",
            "Selection without its proclitic (بالرئيس → الرئيس → رئيس)",
            lambda p: p.view.cycle_clitic(),
            ("C",),
            e,
            separator=True,
        ),
        ActionSpec(
            "edit.grow_start",
            "Grow the start (right) by a character",
            lambda p: p.edits.resize_focused(-1, 0),
            ("Shift+Right",),
            e,
        ),
        ActionSpec(
            "edit.grow_end",
            "Grow the end (left) by a character",
            lambda p: p.edits.resize_focused(0, 1),
            ("Shift+Left",),
            e,
        ),
        ActionSpec(
            "edit.shrink_start",
            "Shrink the start by a character",
            lambda p: p.edits.resize_focused(1, 0),
            ("Ctrl+Shift+Right",),
            e,
        ),
        ActionSpec(
            "edit.shrink_end",
            "Shrink the end by a character",
            lambda p: p.edits.resize_focused(0, -1),
            ("Ctrl+Shift+Left",),
            e,
        ),
        ActionSpec(
            "edit.grow_start_word",
            "Grow the start by a word",
            lambda p: p.edits.resize_focused_by_word(-1, 0),
            ("Ctrl+Alt+Right",),
            e,
        ),
        ActionSpec(
            "edit.grow_end_word",
            "Grow the end by a word",
            lambda p: p.edits.resize_focused_by_word(0, 1),
            ("Ctrl+Alt+Left",),
            e,
        ),
        ActionSpec(
            "edit.shrink_start_word",
            "Shrink the start by a word",
            lambda p: p.edits.resize_focused_by_word(1, 0),
            ("Ctrl+Alt+Shift+Right",),
            e,
        ),
        ActionSpec(
            "edit.shrink_end_word",
            "Shrink the end by a word",
            lambda p: p.edits.resize_focused_by_word(0, -1),
            ("Ctrl+Alt+Shift+Left",),
            e,
        ),
        ActionSpec(
            "edit.clear_selection",
            "Clear the selection",
            lambda p: p.view.clear_selection(),
            ("Escape",),
            e,
        ),
        ActionSpec(
            "view.to_article",
            "Give the keys back to the article (from a side panel)",
            lambda p: p.view.setFocus(),
            ("Escape",),
            None,
            Scope.PANELS,
        ),
        ActionSpec(
            "edit.select_next_word",
            "Select the next word",
            lambda p: p.view.select_word(1),
            ("Alt+Left",),
            e,
            separator=True,
        ),
        ActionSpec(
            "edit.select_previous_word",
            "Select the previous word",
            lambda p: p.view.select_word(-1),
            ("Alt+Right",),
            e,
        ),
        ActionSpec(
            "edit.extend_selection",
            "Extend the selection by a word",
            lambda p: p.view.extend_selection(1),
            ("Alt+Shift+Left",),
            e,
        ),
        ActionSpec(
            "edit.shrink_selection",
            "Give the selection's last word back",
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
            "Link the focused entity to… (then Tab/number, Enter, type)",
            lambda p: p.view.linking.start_link(),
            ("R",),
            r,
        ),
        ActionSpec("relations.next", "Next relation", lambda p: p.view.next_relation(1), ("]",), r),
        ActionSpec(
            "relations.previous", "Previous relation", lambda p: p.view.next_relation(-1), ("[",), r
        ),
        ActionSpec(
            "relations.retype",
            "Change the focused relation's type",
            lambda p: p.view.linking.start_retype(),
            ("T",),
            r,
            enabled=_relation_focused,
        ),
        ActionSpec(
            "relations.swap",
            "Swap head and tail",
            lambda p: p.edits.swap_relation(),
            ("S",),
            r,
            enabled=_relation_focused,
        ),
        ActionSpec(
            "relations.delete",
            "Delete the focused relation",
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
            "Suggest candidates in every document",
            lambda p: p.suggestions.start(None),
            ("Ctrl+Shift+S",),
            "Suggest",
            W,
        ),
        ActionSpec(
            "suggest.force",
            "Suggest again, replacing earlier runs",
            lambda p: p.suggestions.start(None, force=True),
            (),
            "Suggest",
            W,
        ),
        ActionSpec(
            "suggest.cancel",
            "Cancel suggestions",
            lambda p: p.suggestions.cancel(),
            ("Ctrl+.",),
            "Suggest",
            W,
        ),
        ActionSpec(
            "suggest.ner_model",
            "Choose a camel-tools NER model folder…",
            lambda p: p.suggestions.choose_ner_model(),
            (),
            "Suggest",
            W,
            separator=True,
        ),
        ActionSpec(
            "document.done",
            "Mark done (in curation: curated) and go to the next",
            _mark_done,
            ("Ctrl+D",),
            "Document",
            W,
        ),
        ActionSpec(
            "document.next",
            "Next unfinished document",
            lambda p: p.edits.next_unfinished(),
            ("Ctrl+N",),
            "Document",
            W,
        ),
        ActionSpec(
            "view.zoom_in",
            "Zoom in",
            lambda p: p.view.set_zoom(p.view.point_size + 2),
            ("Ctrl++", "Ctrl+="),
            "View",
            W,
        ),
        ActionSpec(
            "view.zoom_out",
            "Zoom out",
            lambda p: p.view.set_zoom(p.view.point_size - 2),
            ("Ctrl+-",),
            "View",
            W,
        ),
        ActionSpec(
            "view.rejected",
            "Show rejected",
            lambda p, on: p.toggles.show_rejected(on),
            ("Ctrl+R",),
            "View",
            W,
            checkable=True,
            separator=True,
        ),
        ActionSpec(
            "view.hide_arcs",
            "Hide relation arcs",
            lambda p, on: p.toggles.hide_arcs(on),
            ("Ctrl+H",),
            "View",
            W,
            checkable=True,
        ),
        ActionSpec(
            "view.focus_relations",
            "Only the focused entity's relations",
            lambda p, on: p.toggles.only_focus_relations(on),
            ("Ctrl+J",),
            "View",
            W,
            checkable=True,
        ),
        ActionSpec(
            "view.min_confidence",
            "Hide candidates below a confidence…",
            lambda p: p.toggles.choose_min_confidence(),
            (),
            "View",
            W,
        ),
        ActionSpec(
            "view.agreement",
            "Agreement between annotators…",
            lambda p: p.team.agreement(),
            (),
            "View",
            W,
            separator=True,
        ),
        ActionSpec(
            "view.curate",
            "Curate: reconcile the annotators' layers into gold",
            lambda p, on: p.curation.set_active(on),
            ("Ctrl+Shift+C",),
            "View",
            W,
            checkable=True,
        ),
        ActionSpec(
            "view.curation_policy",
            "Curation pre-merge policy…",
            lambda p: p.curation.choose_policy(),
            (),
            "View",
            W,
        ),
        ActionSpec("help.keys", "Keyboard shortcuts", lambda p: p.help.show(), ("F1",), "Help", W),
    ]


def _search_actions() -> list[ActionSpec]:
    W, F, s = Scope.WINDOW, Scope.FIND, "Search"
    return [
        ActionSpec(
            "search.find", "Find in the article…", lambda p: p.find.open(), ("Ctrl+F",), s, W
        ),
        ActionSpec("search.next", "Next match", lambda p: p.find.step(1), ("F3",), s, W),
        ActionSpec(
            "search.previous", "Previous match", lambda p: p.find.step(-1), ("Shift+F3",), s, W
        ),
        ActionSpec(
            "search.label_found",
            "Label all matches in the article…",
            lambda p: p.find.choose_label(),
            ("Ctrl+L",),
            s,
            W,
        ),
        ActionSpec(
            "search.project",
            "Search the project…",
            lambda p: p.results.open(p.find.suggested_query()),
            ("Ctrl+Shift+F",),
            s,
            W,
            separator=True,
        ),
        ActionSpec(
            "search.label_project",
            "Label all matches in the project…",
            lambda p: p.results.choose_label(),
            ("Ctrl+Shift+L",),
            s,
            W,
        ),
        ActionSpec(
            "find.next", "Next match", lambda p: p.find.step(1), ("Return", "Enter"), None, F
        ),
        ActionSpec(
            "find.previous",
            "Previous match",
            lambda p: p.find.step(-1),
            ("Shift+Return", "Shift+Enter"),
            None,
            F,
        ),
        ActionSpec(
            "find.close",
            "Close the find bar; the keys go back to the article",
            lambda p: p.find.close_bar(),
            ("Escape",),
            None,
            F,
        ),
    ]


def label_actions(schema) -> list[ActionSpec]:
    """One action per label of the schema: its hotkey labels the selection as a new
    entity, or relabels the focused one."""
    return [
        ActionSpec(
            f"label.{label.name}",
            f"{label.name}  (new entity from the selection, or relabel)",
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


LINK_KEYS: tuple[ModeKey, ...] = (
    ModeKey("next", ("Tab", "Down", "Left"), "the next entity as the other end", "Tab: next"),
    ModeKey(
        "previous",
        ("Shift+Tab", "Up", "Right"),
        "the previous entity as the other end",
        "Shift+Tab: previous",
    ),
    ModeKey(
        "number",
        tuple("0123456789"),
        "the entity with that number as the other end; then the type with that number",
        "a number: that entity",
    ),
    ModeKey(
        "choose",
        ("Return", "Enter"),
        "show the relation types allowed for the pair",
        "Enter: relation types",
    ),
    ModeKey(
        "swap",
        ("S",),
        "swap head and tail (when only the other direction is allowed)",
        "S: swap head and tail",
    ),
    ModeKey(
        "back",
        ("Escape",),
        "step back (close the type list, then stop linking)",
        "Escape: back",
    ),
)


CURATION_KEYS: tuple[ModeKey, ...] = (
    ModeKey("next", ("N",), "the next disagreement, in reading order", "N: next"),
    ModeKey("previous", ("P",), "the previous disagreement", "P: previous"),
    ModeKey(
        "take",
        tuple("123456789"),
        "take that annotator's version into gold (their number in the panel) and settle it",
        "1–9: take a version",
    ),
    ModeKey("none", ("0",), "take no version (recorded as considered)", "0: none"),
    ModeKey(
        "edit",
        ("E",),
        "edit gold here by hand, with the usual keys (Escape comes back)",
        "E: edit by hand",
    ),
    ModeKey(
        "settle", ("Return", "Enter"), "mark it settled as gold now holds it", "Enter: settled"
    ),
)

#: while editing by hand in curation: back to the curation keys
CURATION_BACK = ModeKey(
    "back",
    ("Escape",),
    "back to the curation keys (once nothing is selected)",
    "Escape: back to curating",
)


def portable(key: str) -> str:
    """A key as Qt writes it in portable text ("Ctrl+=" stays; "ctrl+z" -> "Ctrl+Z")."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
