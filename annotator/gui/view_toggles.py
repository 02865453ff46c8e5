"""The View menu's switches: show rejected entities, hide arcs, only the focused entity's
relations. Each reads its action's checked state (`actions`, set once they exist)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from annotator.gui.article_view import ArticleView


class ViewToggles:
    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.actions: dict[str, QAction] = {}

    def _checked(self, action_id: str) -> bool:
        return self.actions[action_id].isChecked()

    def show_rejected(self) -> None:
        self.view.set_show_rejected(self._checked("view.rejected"))

    def hide_arcs(self) -> None:
        self.view.show_arcs = not self._checked("view.hide_arcs")
        self.view.refresh_relations()

    def only_focus_relations(self) -> None:
        self.view.only_focus_relations = self._checked("view.focus_relations")
        self.view.refresh_relations()
