"""Turning the actions table into Qt: menus, QActions with their keys, enabled states."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from annotator.gui.actions import MENUS, ActionSpec, Scope, portable


class ActionBinder:
    """Builds every QAction of `specs` on `window` (WINDOW scope) or `article` (ARTICLE
    scope: keys work while the article or its children have the focus), on each of
    `panels` (PANELS) or on `find_bar` (FIND), in the menus of `MENUS`. Handlers and
    `enabled` get `parts`."""

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
        self.menus: dict[str, QMenu] = {
            name: window.menuBar().addMenu(f"&{name}") for name in MENUS
        }
        for spec in specs:
            self.add(spec)

    def add(self, spec: ActionSpec) -> QAction:
        action = QAction(spec.title, self.window)
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


def spec_keys(specs: Iterable[ActionSpec]) -> set[str]:
    return {portable(key) for spec in specs for key in spec.keys}
