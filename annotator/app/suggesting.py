"""Running suggesters on a project's documents, announcing which documents changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.app.events import Origin
from annotator.app.workspace import Workspace
from annotator.suggest.runner import SuggestReport, build_suggesters, run_suggesters

#: what runs on first start, after an import, and after the project learner retrains:
#: the project learner (once it has a model), the built-in CRF NER (until then), project
#: memory, and the gazetteer and cue rules, which yield to the models (suggest.combine)
DEFAULT_SUGGESTERS = ("project-ner", "builtin-ner", "memory", "gazetteer", "cues")


class SuggestionRun:
    """Suggesters chosen and built once (a model loads once), run on batches of documents.

    `only`: suggester names (None: all); an unknown name raises AnnotationError; one that
    cannot run here is left out with the reason in `report.unavailable`."""

    def __init__(
        self,
        workspace: Workspace,
        only: Iterable[str] | None = None,
        ner_model: str | Path | None = None,
        report: SuggestReport | None = None,
    ) -> None:
        self.workspace = workspace
        self.report = report if report is not None else SuggestReport()
        self.suggesters = build_suggesters(workspace.project, only, ner_model, self.report)
        self.report.suggesters = [suggester.name for suggester in self.suggesters]

    def run(
        self,
        document_ids: Iterable[int] | None = None,
        *,
        force: bool = False,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SuggestReport:
        """Each document's candidates are stored in one transaction; every document whose
        candidates changed in this call is announced."""
        already = len(self.report.changed)
        run_suggesters(
            self.workspace.project,
            self.suggesters,
            document_ids,
            force=force,
            report=self.report,
            progress=progress,
            cancelled=cancelled,
        )
        self.workspace.documents_changed(self.report.changed[already:], Origin.SUGGEST)
        return self.report


def suggest(
    workspace: Workspace,
    only: Iterable[str] | None = None,
    document_ids: Iterable[int] | None = None,
    *,
    ner_model: str | Path | None = None,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    report: SuggestReport | None = None,
) -> SuggestReport:
    """Run the chosen suggesters (all by default) on the documents (all by default)."""
    run = SuggestionRun(workspace, only, ner_model, report)
    return run.run(document_ids, force=force, progress=progress, cancelled=cancelled)
