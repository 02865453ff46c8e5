"""Choosing suggesters for a project and running them over its documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.model import AnnotationError
from annotator.store.project import Project
from annotator.store.suggestions import last_fingerprint, store_candidates
from annotator.suggest.base import Candidate, Suggester, SuggesterUnavailable
from annotator.suggest.combine import Yielding
from annotator.text.names import name_span
from annotator.text.words import words_with_offsets

#: every suggester, in precedence order: models first (the project learner, the built-in
#: CRF, camel-tools' BERT), then project memory and the rules
SUGGESTER_NAMES = ("project-ner", "builtin-ner", "camel-ner", "memory", "gazetteer", "cues")
#: suggesters with a statistical model: the rule suggesters yield to them (suggest.combine)
MODEL_SUGGESTERS = ("project-ner", "builtin-ner", "camel-ner")
#: project sentences the learner must have seen before its model replaces builtin-ner
#: (until then both propose, the more confident winning on a span): a model retrained on
#: one short document must not withdraw the built-in model's candidates elsewhere
SUPERSEDE_AFTER = 100
RULE_SUGGESTERS = ("gazetteer", "cues")


@dataclass
class SuggestReport:
    documents: int = 0
    runs: int = 0
    skipped: int = 0
    added: int = 0
    removed: int = 0
    notices: list[str] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    cancelled: bool = False
    changed: list[int] = field(default_factory=list)  # documents whose candidates changed
    suggesters: list[str] = field(default_factory=list)  # the ones that ran
    # (suggester, label) -> candidates left out: the project's schema has no such label
    unknown_labels: Counter = field(default_factory=Counter)

    @property
    def left_out(self) -> list[str]:
        """One line per suggester and label whose candidates could not be kept."""
        return [
            f"{name}: {count} candidates labelled {label} were left out: the project's "
            "schema has no such label"
            for (name, label), count in sorted(self.unknown_labels.items())
        ]

    def summary(self) -> str:
        return (
            f"{self.documents} documents: {self.added} candidates added, {self.removed} "
            f"withdrawn, {self.skipped} suggester runs skipped as up to date"
        )


def name_spans(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Every suggester's candidates through the one definition of where a name starts and
    ends (`annotator.text.names.name_span`): edges moved onto letters, and a candidate with
    an emoji inside, or no letter, left out."""
    cleaned = []
    for candidate in candidates:
        span = name_span(text, candidate.start, candidate.end)
        if span is None:
            continue
        if span != (candidate.start, candidate.end):
            candidate = replace(candidate, start=span[0], end=span[1])
        cleaned.append(candidate)
    return cleaned


def build_suggesters(
    project: Project,
    only: Iterable[str] | None = None,
    ner_model: str | Path | None = None,
    report: SuggestReport | None = None,
) -> list[Suggester]:
    """The suggesters to run, in precedence order. One that cannot run here is left out,
    and the reason goes to `report.unavailable` (the project learner, before it has a
    model, is left out silently unless it was asked for by name).

    When a model suggester runs, the rule suggesters yield to it (`suggest.combine`); the
    built-in NER yields wholly to the project learner once the project has a model."""
    wanted = list(only) if only else list(SUGGESTER_NAMES)
    unknown = [name for name in wanted if name not in SUGGESTER_NAMES]
    if unknown:
        raise AnnotationError(
            f"unknown suggester {', '.join(unknown)}; choose from {', '.join(SUGGESTER_NAMES)}"
        )
    report = report if report is not None else SuggestReport()
    suggesters: list[Suggester] = []
    project_model = None
    for name in SUGGESTER_NAMES:
        if name not in wanted:
            continue
        try:
            suggester = _build_one(name, project, ner_model, project_model, explicit=bool(only))
        except SuggesterUnavailable as error:
            report.unavailable.append(f"{name}: {error}")
            continue
        if suggester is None:
            continue
        if name == "project-ner":
            project_model = suggester
        suggesters.append(suggester)
    models = [
        s
        for s in suggesters
        if s.name in MODEL_SUGGESTERS and getattr(s, "superseded_by", None) is None
    ]
    if models:
        suggesters = [
            Yielding(s, models, whole_words=s.name == "gazetteer")
            if s.name in RULE_SUGGESTERS
            else s
            for s in suggesters
        ]
    return suggesters


def _build_one(name, project, ner_model, project_model, *, explicit: bool) -> Suggester | None:
    """One suggester; raises SuggesterUnavailable with the reason it cannot run."""
    from annotator.store.queries import accepted_names

    if name == "project-ner":
        from annotator.store.learner import learned_model
        from annotator.suggest.crf.model import CrfNerModel, ModelError
        from annotator.suggest.project_ner import ProjectNerSuggester

        stored = learned_model(project)
        if stored is None:
            if explicit:
                raise SuggesterUnavailable(
                    "the project has no model yet: it learns after 20 accepted entities or a "
                    "document marked done (`annotator learn` trains it now)"
                )
            return None
        try:
            model = CrfNerModel.from_bytes(stored.model)
        except ModelError as error:
            raise SuggesterUnavailable(f"{error}; `annotator learn --force` retrains it") from None
        return ProjectNerSuggester(model, stored.fingerprint, project.schema.label_names)
    if name == "builtin-ner":
        from annotator.suggest.builtin_ner import (
            LABEL_MAP_SETTING,
            BuiltinNerSuggester,
            label_map_from_setting,
        )

        label_map = label_map_from_setting(project.setting(LABEL_MAP_SETTING))
        superseded = (
            project_model.fingerprint()
            if project_model is not None
            and project_model.model().metadata.get("project_sentences", 0) >= SUPERSEDE_AFTER
            else None
        )
        suggester = BuiltinNerSuggester.for_schema(
            project.schema, label_map, superseded_by=superseded
        )
        suggester.fingerprint()  # the model's metadata is there, or it is unavailable
        return suggester
    if name == "camel-ner":
        from annotator.suggest.ner import CamelNerSuggester
        from annotator.suggest.ner_model import resolve_model_path

        path = resolve_model_path(ner_model, project.setting("ner_model"))
        return CamelNerSuggester(path, project.schema)
    if name == "memory":
        from annotator.suggest.memory import MemorySuggester

        return MemorySuggester((text, label) for _, text, label in accepted_names(project))
    if name == "gazetteer":
        from annotator.suggest.gazetteer import GazetteerSuggester

        return GazetteerSuggester()
    from annotator.suggest.cues import CueSuggester

    return CueSuggester(builtin_model())


def builtin_model():
    """The built-in NER's CRF model (the cue rules take place names' extent from it), or
    None when it cannot be loaded here."""
    from annotator.suggest.builtin_ner import BuiltinNerSuggester

    try:
        return BuiltinNerSuggester().model()
    except SuggesterUnavailable:
        return None


def run_suggesters(
    project: Project,
    suggesters: list[Suggester],
    document_ids: Iterable[int] | None = None,
    *,
    force: bool = False,
    report: SuggestReport | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SuggestReport:
    """Run each suggester on each document it has not yet seen with the same fingerprint
    (or on all with `force`); each document's candidates are stored in one transaction."""
    report = report if report is not None else SuggestReport()
    ids = list(document_ids) if document_ids is not None else project.document_ids()
    active = list(suggesters)
    for document_id in ids:
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        document = project.document(document_id)
        words = None
        before = (report.added, report.removed)
        for suggester in list(active):
            fingerprint = suggester.fingerprint()
            if not force and last_fingerprint(project, document.id, suggester.name) == fingerprint:
                report.skipped += 1
                continue
            if words is None:
                words = words_with_offsets(document.text)
            try:
                candidates = suggester.suggest(document.text, words)
            except SuggesterUnavailable as error:
                report.unavailable.append(f"{suggester.name}: {error}")
                active.remove(suggester)
                continue
            candidates = name_spans(document.text, candidates)
            stored = store_candidates(project, document.id, suggester.name, fingerprint, candidates)
            for label, count in stored.unknown_labels.items():
                report.unknown_labels[(suggester.name, label)] += count
            report.runs += 1
            report.added += stored.added
            report.removed += stored.removed
        report.documents += 1
        if (report.added, report.removed) != before:
            report.changed.append(document_id)
        if progress:
            progress(1)
    return report
