"""Scoring the suggesters on an external gold file (`annotator evaluate --gold FILE`).

The file is read by the format registry (JSONL, doccano, CoNLL …) into drafts; each
measurement builds an in-memory project from them and runs the suggesters through the
real runner (`build_suggesters`, `run_suggesters`), as the window and `annotator
suggest` do, then compares the stored candidates with the file's gold:

- cold start: no project gold; each suggester alone, and the default set together;
- half annotated: the first half of the documents accepted and marked done, the
  project learner trained on them; suggestions scored on the other half;
- learning curve: the project learner (and the default set) trained on the first k
  documents, k = 1, 2, 4, 8 …, scored on the rest.

Scores are per label and overall, exact (span and label) and clitic-tolerant (a candidate
that differs from a gold entity only by leading proclitics و ف ب ك ل ال counts), every
nesting level counted.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.app.importing import read_file
from annotator.app.learning import learn
from annotator.app.suggesting import DEFAULT_SUGGESTERS
from annotator.formats import registry
from annotator.formats.base import ReadContext
from annotator.model import AnnotationError, DocumentStatus, Schema, Status
from annotator.model.drafts import DocumentDraft
from annotator.store import Project
from annotator.store.bulk import insert_drafts
from annotator.suggest.crf.scoring import Tally, score
from annotator.suggest.runner import SUGGESTER_NAMES, build_suggesters, run_suggesters

DEFAULT_SET = "default"


@dataclass
class Scores:
    """Exact and clitic-tolerant tallies of one suggester (or of the default set)."""

    exact: Tally = field(default_factory=Tally)
    tolerant: Tally = field(default_factory=Tally)


@dataclass
class Measurement:
    title: str
    documents: int  # documents scored
    scores: dict[str, Scores]  # suggester name (or DEFAULT_SET) -> scores
    seconds: float = 0.0  # the learner's training time, when it trained
    notes: list[str] = field(default_factory=list)


def read_gold(
    path: Path, schema: Schema, format_name: str | None = None, options: dict | None = None
) -> tuple[list[DocumentDraft], list[str]]:
    """The gold file's documents (with their accepted entities), through the format
    registry; and the reader's notices. FormatError if the file cannot be read."""
    fmt = registry.get(format_name, "read") if format_name else registry.detect(path)
    context = ReadContext(schema, dict(options or {}))
    holder = Project.memory(schema)
    try:
        drafts = read_file(holder, path, fmt, context)
    finally:
        holder.close()
    return drafts, context.notices


def gold_spans(draft: DocumentDraft, labels: Iterable[str] | None = None) -> set:
    wanted = None if labels is None else set(labels)
    return {
        (e.start, e.end, e.label)
        for e in draft.entities
        if e.status == Status.ACCEPTED and (wanted is None or e.label in wanted)
    }


def working_project(
    schema: Schema, drafts: Sequence[DocumentDraft], annotated: int, settings: dict | None = None
) -> tuple[Project, list[int]]:
    """An in-memory project with every document: the first `annotated` carry their gold,
    accepted and marked done; the others only their text. Returns it and the document ids
    in the drafts' order."""
    project = Project.memory(schema, annotator="evaluate")
    for key, value in (settings or {}).items():
        project.set_setting(key, value)
    prepared = []
    for index, draft in enumerate(drafts):
        draft = copy.deepcopy(draft)
        draft.relations = []
        if index < annotated:
            draft.entities = [e for e in draft.entities if e.status == Status.ACCEPTED]
            draft.status = DocumentStatus.DONE
        else:
            draft.entities = []
            draft.status = DocumentStatus.NEW
        prepared.append(draft)
    outcomes = insert_drafts(project, prepared, origin="evaluate")
    ids = [o.document_id if o.document_id is not None else o.duplicate_of for o in outcomes]
    for index, document_id in enumerate(ids):
        if index < annotated:  # insert_drafts keeps the draft's status in the layer
            project.set_document_status(document_id, DocumentStatus.DONE)
    return project, ids


def score_run(
    project: Project,
    drafts: Sequence[DocumentDraft],
    ids: Sequence[int],
    test: Sequence[int],
    only: Sequence[str],
    labels: Sequence[str],
    key: str,
    scores: dict[str, Scores],
    by_source: bool = False,
) -> None:
    """Run `only` through the runner on the documents at indices `test`; add their
    candidates' scores under `key` (and, with `by_source`, under each suggester's name)."""
    suggesters = build_suggesters(project, only)
    names = [s.name for s in suggesters]
    run_suggesters(project, suggesters, [ids[i] for i in test], force=True)
    for index in test:
        text = drafts[index].text
        gold = gold_spans(drafts[index], labels)
        candidates = [
            e for e in project.entities(ids[index], status=Status.CANDIDATE) if e.label in labels
        ]
        groups = {key: candidates}
        if by_source:
            for name in names:
                groups[name] = [e for e in candidates if _suggester_of(e.source) == name]
        for name, found in groups.items():
            predicted = {(e.start, e.end, e.label) for e in found}
            entry = scores.setdefault(name, Scores())
            score(entry.exact, gold, predicted)
            score(entry.tolerant, gold, predicted, text)


def _suggester_of(source: str) -> str:
    return source.split(":", 1)[0]


def cold_start(
    schema: Schema,
    drafts: Sequence[DocumentDraft],
    suggesters: Sequence[str] = SUGGESTER_NAMES,
    settings: dict | None = None,
) -> Measurement:
    """No project gold: each suggester alone, then the default set, on every document."""
    labels = schema.label_names
    test = range(len(drafts))
    scores: dict[str, Scores] = {}
    notes: list[str] = []
    for name in suggesters:
        project, ids = working_project(schema, drafts, 0, settings)
        with project:
            try:
                score_run(project, drafts, ids, test, [name], labels, name, scores)
            except AnnotationError as error:
                notes.append(f"{name}: {error}")
    project, ids = working_project(schema, drafts, 0, settings)
    with project:
        score_run(project, drafts, ids, test, DEFAULT_SUGGESTERS, labels, DEFAULT_SET, scores)
    return Measurement("cold start (no project gold)", len(drafts), scores, notes=notes)


def annotated_first(
    schema: Schema,
    drafts: Sequence[DocumentDraft],
    annotated: int,
    settings: dict | None = None,
    by_source: bool = True,
) -> Measurement:
    """The first `annotated` documents are gold (done); the project learner trains on
    them; the default set's candidates on the rest are scored, and each suggester's share
    of them (a suggester's candidates within the default set, after the rules yielded)."""
    labels = schema.label_names
    project, ids = working_project(schema, drafts, annotated, settings)
    scores: dict[str, Scores] = {}
    with project:
        result = learn(project)
        test = range(annotated, len(drafts))
        score_run(
            project, drafts, ids, test, DEFAULT_SUGGESTERS, labels, DEFAULT_SET, scores, by_source
        )
    return Measurement(
        f"{annotated} documents annotated, suggestions on the other {len(drafts) - annotated}",
        len(drafts) - annotated,
        scores,
        result.seconds,
        [result.summary()],
    )


def learning_curve(
    schema: Schema,
    drafts: Sequence[DocumentDraft],
    settings: dict | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[tuple[int, Measurement]]:
    """`annotated_first` for k = 1, 2, 4, 8 … while documents are left to test on."""
    points = []
    k = 1
    while k < len(drafts):
        started = time.perf_counter()
        points.append((k, annotated_first(schema, drafts, k, settings)))
        if progress:
            progress(f"k = {k}: {time.perf_counter() - started:.0f} s")
        k *= 2
    return points


def plot_learning_curve(points: list[tuple[int, Measurement]], out: Path) -> None:
    """Precision, recall and F1 (exact) of the project learner and of the default set
    against k, as a PNG (matplotlib, Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(7, 4.5), dpi=100)
    ks = [k for k, _ in points]
    for name, style in ((DEFAULT_SET, "-"), ("project-ner", "--")):
        rows = [m.scores.get(name, Scores()).exact.row() for _, m in points]
        for column, metric, marker in ((3, "P", "o"), (4, "R", "s"), (5, "F1", "^")):
            axis.plot(ks, [row[column] for row in rows], style, marker=marker,
                      label=f"{name} {metric}")  # fmt: skip
    axis.set_xscale("log", base=2)
    axis.set_xticks(ks, [str(k) for k in ks])
    axis.set_ylim(0, 1)
    axis.set_xlabel("documents annotated (k); scored on the rest")
    axis.set_ylabel("exact span and label")
    axis.set_title("Learning curve: project learner and the default suggesters")
    axis.grid(alpha=0.3)
    axis.legend(fontsize=7, ncol=2, loc="lower right")
    figure.tight_layout()
    figure.savefig(out, format="png")
    plt.close(figure)


def table_lines(measurement: Measurement, labels: Sequence[str]) -> list[str]:
    """The measurement as text: one row per suggester and label, exact and tolerant."""
    lines = [
        f"{measurement.title}: {measurement.documents} documents",
        f"  {'suggester':<14}{'label':<8}{'gold':>6}{'tp':>6}{'fp':>6}"
        f"{'P':>7}{'R':>7}{'F1':>7}   tolerant{'P':>6}{'R':>7}{'F1':>7}",
    ]
    for name, entry in measurement.scores.items():
        if not sum(entry.exact.true_positives.values()) + sum(entry.exact.false_positives.values()):
            lines.append(f"  {name:<14}proposed nothing")
            continue
        for label in [*labels, None]:
            tp, fp, fn, p, r, f = entry.exact.row(label)
            if label is not None and tp + fp + fn == 0:
                continue
            tp_t, fp_t, fn_t, pt, rt, ft = entry.tolerant.row(label)
            lines.append(
                f"  {name:<14}{label or 'all':<8}{tp + fn:>6}{tp:>6}{fp:>6}"
                f"{p:>7.3f}{r:>7.3f}{f:>7.3f}   {'':8}{pt:>6.3f}{rt:>7.3f}{ft:>7.3f}"
            )
    lines.extend(f"  note: {note}" for note in measurement.notes)
    return lines


def options_from(map_value: dict[str, str] | None, drop: Iterable[str] | None) -> dict[str, Any]:
    return {"map": dict(map_value or {}), "drop": set(drop or ())}
