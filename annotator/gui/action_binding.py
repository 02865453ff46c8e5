"""Turning the actions table into Qt: menus, QActions with their keys, enabled states,
and the same keys by physical key when the keyboard layout has no Latin letters."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from annotator.gui.actions import MENUS, ActionSpec, Scope, menu_title, portable
from annotator.gui.physical_keys import LatinKey, latin_key


class ActionBinder:
    """Builds every QAction of `specs` on `window` (WINDOW scope) or `article` (ARTICLE
    scope: keys work while the article or its children have the focus), on each of
    `panels` (PANELS) or on `find_bar` (FIND), in the menus of `MENUS`. Handlers and
    `enabled` get `parts`.

    A key press that no widget used and no shortcut matched, typed with a layout without
    Latin letters (ق on the key of R), triggers the action bound to the same physical key
    on the US layout (`physical_keys.latin_key`), within the same scopes, unless the
    focus widget claims that key for itself, as Qt asks before any shortcut (a line edit
    claims Ctrl+Z; the article claims every key while a relation is being made). Keys
    that type text into a widget are used there and never reach this."""

    def __init__(
        self,
        window: QMainWindow,
        article: QWidget,
        panels: list[QWidget],
        parts,
        specs: Iterable[ActionSpec],
        find_bar: QWidget | None = None,
    ) -> None:
        self.window = window
        self.article = article
        self.panels = panels
        self.find_bar = find_bar
        self.parts = parts
        self.specs: list[ActionSpec] = []
        self.actions: dict[str, QAction] = {}
        self.owners: dict[str, list[QWidget]] = {}  # action id -> widgets it is bound on
        self.by_key: dict[str, list[str]] = {}  # portable key -> action ids
        self.menus: dict[str, QMenu] = {
            name: window.menuBar().addMenu(f"&{menu_title(name)}") for name in MENUS
        }
        for spec in specs:
            self.add(spec)
        self._unused_keys = _UnusedKeys(self)
        window.installEventFilter(self._unused_keys)

    def add(self, spec: ActionSpec) -> QAction:
        action = QAction(spec.text(), self.window)
        action.setShortcuts([QKeySequence(key) for key in spec.keys])
        action.setShortcutContext(
            Qt.ShortcutContext.WindowShortcut
            if spec.scope == Scope.WINDOW
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        action.setCheckable(spec.checkable)
        if spec.checkable:  # a switch: its handler gets the new state
            action.triggered.connect(lambda checked, s=spec: s.handler(self.parts, checked))
        else:
            action.triggered.connect(lambda _=False, s=spec: s.handler(self.parts))
        owners = {
            Scope.WINDOW: [self.window],
            Scope.ARTICLE: [self.article],
            Scope.PANELS: self.panels,
            Scope.FIND: [self.find_bar] if self.find_bar is not None else [],
        }[spec.scope]
        for owner in owners:
            owner.addAction(action)
        self.owners[spec.id] = owners
        for key in spec.keys:
            self.by_key.setdefault(portable(key), []).append(spec.id)
        if spec.menu is not None:
            menu = self.menus[spec.menu]
            if spec.separator:
                menu.addSeparator()
            menu.addAction(action)
        self.specs.append(spec)
        self.actions[spec.id] = action
        return action

    def refresh(self) -> None:
        """Enable each action whose `enabled` says it can be used now."""
        for spec in self.specs:
            if spec.enabled is not None:
                self.actions[spec.id].setEnabled(bool(spec.enabled(self.parts)))

    def trigger_by_physical_key(self, event: QKeyEvent) -> bool:
        """Trigger the one enabled action, in scope where the focus is, bound to the US key
        on the physical key of `event` (see the class); True if one was triggered."""
        latin = latin_key(event)
        if latin is None:
            return False
        focus = QApplication.focusWidget()
        if focus is not None and _takes_key_itself(focus, latin):
            return False
        found = [
            self.actions[action_id]
            for action_id in self.by_key.get(latin.sequence, ())
            if self.actions[action_id].isEnabled() and self._in_scope(action_id, focus)
        ]
        if len(found) != 1:  # none, or as ambiguous as Qt would find it
            return False
        found[0].trigger()
        return True

    def _in_scope(self, action_id: str, focus: QWidget | None) -> bool:
        return any(
            owner is self.window
            or (focus is not None and (owner is focus or owner.isAncestorOf(focus)))
            for owner in self.owners[action_id]
        )

    def bound_keys(self) -> set[str]:
        """Every key a QAction of this window listens to (portable text)."""
        keys = set()
        owners = [self.window, self.article, *self.panels]
        if self.find_bar is not None:
            owners.append(self.find_bar)
        for owner in owners:
            for action in owner.actions():
                keys.update(
                    key.toString(QKeySequence.SequenceFormat.PortableText)
                    for key in action.shortcuts()
                )
        return keys


def _takes_key_itself(widget: QWidget, latin: LatinKey) -> bool:
    """Qt's question before it tries a shortcut: does `widget` (or a parent) accept the
    ShortcutOverride of this key, taking the key for itself?"""
    combination = latin.combination
    override = QKeyEvent(
        QEvent.Type.ShortcutOverride, combination.key(), combination.keyboardModifiers(), latin.text
    )
    override.ignore()
    QApplication.sendEvent(widget, override)
    return override.isAccepted()


class _UnusedKeys(QObject):
    """Watches the window for key presses that reach it: those its widgets did not use
    (Qt passes an unused key press on to the parent, up to the window)."""

    def __init__(self, binder: ActionBinder) -> None:
        super().__init__(binder.window)
        self.binder = binder

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress:
            return self.binder.trigger_by_physical_key(event)
        return False


def spec_keys(specs: Iterable[ActionSpec]) -> set[str]:
    return {portable(key) for spec in specs for key in spec.keys}
