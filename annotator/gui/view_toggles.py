"""The View menu's switches: show rejected entities, hide arcs, only the focused entity's
relations."""

from __future__ import annotations

from annotator.gui.article_view import ArticleView


class ViewToggles:
    def __init__(self, view: ArticleView) -> None:
        self.view = view

    def show_rejected(self, on: bool) -> None:
        self.view.set_show_rejected(on)

    def hide_arcs(self, on: bool) -> None:
        self.view.show_arcs = not on
        self.view.refresh_relations()

    def only_focus_relations(self, on: bool) -> None:
        self.view.only_focus_relations = on
        self.view.refresh_relations()
