"""The View menu's switches: show rejected entities, hide arcs, only the focused entity's
relations, and the confidence below which candidates are hidden (a project setting)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.gui.article_view import ArticleView
from annotator.gui.i18n import Texts
from annotator.gui.numbers import decimal
from annotator.store import Project

#: the project setting: candidates with a lower confidence are hidden and skipped by Tab
MIN_CONFIDENCE_SETTING = "min_confidence"


class ViewText(Texts):
    """The View menu's questions and messages."""


def min_confidence(project: Project) -> float:
    """The project's threshold (0: every candidate shows)."""
    try:
        return max(0.0, min(1.0, float(project.setting(MIN_CONFIDENCE_SETTING) or 0)))
    except ValueError:
        return 0.0


class ViewToggles:
    def __init__(
        self,
        view: ArticleView,
        project: Project | None = None,
        window: QWidget | None = None,
        tell: Callable[[str], None] | None = None,
    ) -> None:
        self.view = view
        self.project = project
        self.window = window
        self.tell = tell or (lambda _message: None)
        if project is not None:
            view.min_confidence = min_confidence(project)

    def show_rejected(self, on: bool) -> None:
        self.view.set_show_rejected(on)

    def hide_arcs(self, on: bool) -> None:
        self.view.show_arcs = not on
        self.view.refresh_relations()

    def only_focus_relations(self, on: bool) -> None:
        self.view.only_focus_relations = on
        self.view.refresh_relations()

    def choose_min_confidence(self) -> None:
        """Ask for the threshold (0 to 1) and keep it in the project."""
        value, ok = QInputDialog.getDouble(
            self.window,
            ViewText.tr("Hide candidates"),
            ViewText.tr(
                "Hide candidates whose confidence is below (0 shows them all;\n"
                "candidates without a confidence always show):"
            ),
            self.view.min_confidence,
            0.0,
            1.0,
            2,
        )
        if ok:
            self.set_min_confidence(value)

    def set_min_confidence(self, value: float) -> None:
        if self.project is not None and not self.project.read_only:
            self.project.set_setting(MIN_CONFIDENCE_SETTING, f"{value:.2f}" if value else None)
        self.view.set_min_confidence(value)
        hidden = sum(1 for e in self.view.session.entities.values() if not self.view.is_visible(e))
        self.tell(
            ViewText.tr(
                "Candidates below confidence {value} are hidden (%Ln in this document)", "", hidden
            ).format(value=decimal(value, 2))
        )
