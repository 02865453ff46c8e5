"""Commands of the suggesters: suggest, learn (the project learner) and evaluate."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.base import (
    _backup,
    _fail,
    _label_map,
    _names,
    _open,
    _progress,
    main,
)
from annotator.formats import registry
from annotator.model import AnnotationError, default_schema


@main.command()
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--ner-model",
    type=click.Path(path_type=Path),
    help="A camel-tools NER model folder (else the project's setting, "
    "ANNOTATOR_NER_MODEL, or camel-tools' installed model).",
)
@click.option(
    "--only",
    help="Run only these suggesters: project-ner,builtin-ner,camel-ner,memory,gazetteer,cues.",
)
@click.option(
    "--doc", "document_ids", type=int, multiple=True, help="Only this document id (repeatable)."
)
@click.option("--force", is_flag=True, help="Run again on documents already processed.")
def suggest(
    db: Path | None,
    ner_model: Path | None,
    only: str | None,
    document_ids: tuple[int, ...],
    force: bool,
) -> None:
    """Propose candidate entities: the project learner (retrained first when it is due),
    the built-in NER, camel-tools NER, project memory, place names, cue rules."""
    from annotator.app.suggesting import suggest as run
    from annotator.app.workspace import Workspace
    from annotator.suggest.runner import SuggestReport

    project = _open(db)
    _backup(project, "suggest")
    with project:
        try:
            for document_id in document_ids:
                project.document(document_id)
        except AnnotationError as error:
            _fail(str(error))
        report = SuggestReport()
        wanted = _names(only)
        if (wanted is None or "project-ner" in wanted) and not project.read_only:
            from annotator.app.learning import learn, learner_due

            if learner_due(project):  # the same model the window would have by now
                click.echo(learn(project).summary())
        ids = list(document_ids) or None
        total = len(ids) if ids else project.document_count()
        with _progress(total, "doc") as bar:
            try:
                run(
                    Workspace(project),
                    _names(only),
                    ids,
                    ner_model=ner_model,
                    force=force,
                    progress=bar.update,
                    report=report,
                )
            except AnnotationError as error:
                _fail(str(error))
    for reason in [*report.unavailable, *report.left_out]:
        click.echo(f"notice: {reason}", err=True)
    click.echo(f"Suggesters: {', '.join(report.suggesters) or 'none'}")
    click.echo(report.summary())
    explicitly_wanted = ner_model is not None or "camel-ner" in (_names(only) or [])
    if explicitly_wanted and any(r.startswith("camel-ner") for r in report.unavailable):
        sys.exit(1)


@main.command()
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--force", is_flag=True, help="Retrain even if it is not due (never on unchanged data)."
)
def learn(db: Path | None, force: bool) -> None:
    """Retrain the project learner (source project-ner) on the Wojood sample plus the
    project's gold when it is due: after every 20 accepted or corrected entities (the
    project setting learner_every) and when a document is marked done."""
    from annotator.app.learning import learn as retrain

    with _open(db) as project:
        if project.read_only:
            _fail(f"{project.path} is read-only: the learner's model cannot be stored")
        result = retrain(project, force=force)
    click.echo(result.summary())


@main.command()
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ner-model", type=click.Path(path_type=Path), help="As for `suggest`.")
@click.option("--only", help="Evaluate only these suggesters.")
@click.option(
    "--all-documents",
    is_flag=True,
    help="Use every document with accepted entities, not only those marked done.",
)
@click.option(
    "--gold",
    "gold_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score on this gold file instead (JSONL, doccano, CoNLL …, read by the format "
    "registry into a project in memory; DB is not used).",
)
@click.option("--format", "format_name", type=click.Choice(registry.names("read")))
@click.option("--map", "label_map", help="With --gold: rename labels, e.g. GPE=LOC,FAC=LOC.")
@click.option("--drop", help="With --gold: leave out these labels, e.g. DATE,OCC.")
@click.option("--sentences-per-document", type=click.IntRange(1), help="With --gold: CoNLL.")
@click.option(
    "--learning-curve",
    is_flag=True,
    help="With --gold: train the project learner on the first k documents (k = 1, 2, 4 …) "
    "and score on the rest.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --learning-curve: save the curve as a PNG.",
)
def evaluate(
    db: Path | None,
    ner_model: Path | None,
    only: str | None,
    all_documents: bool,
    gold_file: Path | None,
    format_name: str | None,
    label_map: str | None,
    drop: str | None,
    sentences_per_document: int | None,
    learning_curve: bool,
    plot: Path | None,
) -> None:
    """Per-label precision, recall and F1 of each suggester against the accepted gold
    (the project's, or an external file's with --gold)."""
    if gold_file is not None:
        options = {"map": _label_map(label_map), "drop": set(_names(drop) or [])}
        if sentences_per_document:
            options["sentences_per_document"] = sentences_per_document
        _evaluate_gold(db, gold_file, format_name, options, _names(only), learning_curve, plot)
        return
    if learning_curve or plot:
        _fail("--learning-curve and --plot need --gold FILE")
    from annotator.suggest.evaluate import evaluate as score
    from annotator.suggest.evaluate import gold_documents
    from annotator.suggest.runner import SuggestReport, build_suggesters

    with _open(db) as project:
        report = SuggestReport()
        try:
            suggesters = build_suggesters(project, _names(only), ner_model, report)
        except AnnotationError as error:
            _fail(str(error))
        for reason in report.unavailable:
            click.echo(f"notice: {reason}", err=True)
        documents = gold_documents(project, only_done=not all_documents)
        if not documents:
            _fail(
                "no gold to evaluate against: mark annotated documents done "
                "(or pass --all-documents)"
            )
        results = score(project, suggesters, documents)
        labels = project.schema.label_names
    click.echo(f"Gold: {len(documents)} documents; exact span and label match")
    click.echo(
        f"{'suggester':<12}{'label':<8}{'tp':>6}{'fp':>6}{'fn':>6}"
        f"{'precision':>11}{'recall':>8}{'F1':>7}"
    )
    for name, scores in results.items():
        for label in [*labels, None]:
            tp, fp, fn, precision, recall, f1 = scores.row(label)
            if label is not None and tp + fp + fn == 0:
                continue
            click.echo(
                f"{name:<12}{label or 'all':<8}{tp:>6}{fp:>6}{fn:>6}"
                f"{precision:>11.3f}{recall:>8.3f}{f1:>7.3f}"
            )


def _evaluate_gold(db, gold_file, format_name, options, only, learning_curve, plot) -> None:
    from annotator.app import evaluating
    from annotator.formats.errors import FormatError
    from annotator.suggest.runner import SUGGESTER_NAMES

    schema = None
    if db is not None:
        with _open(db) as project:
            schema = project.schema
    schema = schema or default_schema()
    try:
        drafts, notices = evaluating.read_gold(gold_file, schema, format_name, options)
    except (FormatError, AnnotationError) as error:
        _fail(str(error))
    for notice in notices[:10]:
        click.echo(f"notice: {notice}", err=True)
    labels = [label for label in schema.label_names if any(
        e.label == label for draft in drafts for e in draft.entities)]  # fmt: skip
    names = [name for name in (only or SUGGESTER_NAMES) if name != "camel-ner" or only]
    click.echo(f"Gold: {gold_file} ({len(drafts)} documents, labels {', '.join(labels)})")
    click.echo("Exact: span and label; tolerant: a candidate may differ by leading proclitics")
    cold = evaluating.cold_start(schema, drafts, names)
    click.echo("\n".join(evaluating.table_lines(cold, labels)))
    if len(drafts) >= 2:
        half = evaluating.annotated_first(schema, drafts, len(drafts) // 2)
        click.echo("\n".join(evaluating.table_lines(half, labels)))
    if learning_curve:
        points = evaluating.learning_curve(
            schema, drafts, progress=lambda line: click.echo(f"  {line}", err=True)
        )
        click.echo("Learning curve (exact), scored on the documents after the first k:")
        click.echo(f"  {'k':>4}  {'suggesters':<14}{'P':>7}{'R':>7}{'F1':>7}{'train s':>9}")
        for k, measurement in points:
            for name in (evaluating.DEFAULT_SET, "project-ner"):
                row = measurement.scores.get(name, evaluating.Scores()).exact.row()
                click.echo(
                    f"  {k:>4}  {name:<14}{row[3]:>7.3f}{row[4]:>7.3f}{row[5]:>7.3f}"
                    f"{measurement.seconds:>9.1f}"
                )
        if plot is not None:
            try:
                evaluating.plot_learning_curve(points, plot)
            except ImportError as error:
                _fail(f"--plot needs matplotlib, which this installation lacks: {error}")
            click.echo(f"Wrote {plot}")
