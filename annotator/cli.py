"""The `annotator` command line: init, import, export, stats and schema."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from annotator import __version__
from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.formats import registry
from annotator.model import GOLD, AnnotationError, DocumentStatus, Schema, default_schema
from annotator.paths import PROJECT_SUFFIXES, default_project_path
from annotator.store import Project, ProjectFileError
from annotator.store.connection import check_project_file

#: the window's interface languages (`gui --lang`); the command line's messages are English
LANGUAGES = ("ar", "en")


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _progress(total: int | None, unit: str) -> tqdm:
    """A progress bar on a terminal; silent when stderr is piped."""
    return tqdm(total=total, unit=unit, disable=not sys.stderr.isatty(), leave=False)


def _open(db: Path | None, *, create: bool = False) -> Project:
    path = db or default_project_path()
    if db is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        create = True
    try:
        return Project.open(path, create=create, annotator=_annotator())
    except (ProjectFileError, AnnotationError) as error:
        _fail(str(error))
        raise  # unreachable: _fail exits


def _annotator() -> str | None:
    """Who is annotating: --annotator, else ANNOTATOR_NAME (click reads it), else the
    store's default (the system user name)."""
    context = click.get_current_context(silent=True)
    root = context.find_root() if context is not None else None
    return (root.params.get("annotator") if root is not None else None) or None


def _backup(project: Project, reason: str) -> None:
    from annotator.store.backups import make_backup

    if not project.read_only:
        make_backup(project, reason)


def _looks_like_project(argument: str) -> bool:
    path = Path(argument)
    if path.is_dir():
        return False
    if path.suffix.lower() in PROJECT_SUFFIXES:
        return True
    try:
        return check_project_file(path)
    except ProjectFileError:
        return False


def _split_db(arguments: tuple[str, ...], minimum_rest: int) -> tuple[Path | None, list[str]]:
    """`[DB] REST...`: the first argument is the project if it names one."""
    if len(arguments) > minimum_rest and _looks_like_project(arguments[0]):
        return Path(arguments[0]), list(arguments[1:])
    return None, list(arguments)


def _self_test(context: click.Context, _param, value: bool) -> None:
    if not value or context.resilient_parsing:
        return
    from annotator.self_test import run_self_test

    context.exit(run_self_test())


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@click.option(
    "--self-test",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_self_test,
    help="Check this installation headless: import, suggest, edit, export.",
)
@click.option(
    "--annotator",
    envvar="ANNOTATOR_NAME",
    help="Who is annotating (default: ANNOTATOR_NAME, else the system user name). In a "
    "team project each person works in their own layer, named after them.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="The window's language (as `gui --lang`); the command line always speaks English.",
)
@click.pass_context
def main(context: click.Context, annotator: str | None, lang: str | None) -> None:
    """Annotate named entities and relations in Arabic news articles.

    With no command: open the default project (creating it with the sample article).
    Commands take an optional DB, the project file; without it they use the default
    project (override its location with ANNOTATOR_DB).
    """
    if context.invoked_subcommand is None:
        context.invoke(gui, lang=lang)


@main.command()
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False, path_type=Path),
    hidden=True,
    help="Save a screenshot of the window once drawn, then quit.",
)
@click.option(
    "--startup-report",
    is_flag=True,
    hidden=True,
    help="Print the time to the first painted article and the memory, then quit.",
)
@click.option("--curate", is_flag=True, help="Open in curation mode (View > Curate).")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="The window's language: ar (Arabic, the window mirrored right to left) or en. "
    "Default: the choice made in the window (View > Interface language and digits…), "
    "else the system's language.",
)
def gui(
    db: Path | None,
    screenshot: Path | None,
    startup_report: bool,
    curate: bool,
    lang: str | None = None,
) -> None:
    """Open the annotation window on DB (default: the default project)."""
    from annotator.gui.app import has_display, run

    context = click.get_current_context(silent=True)
    root = context.find_root() if context is not None else None
    lang = lang or (root.params.get("lang") if root is not None else None)

    if not has_display():
        _fail(
            "no display: the window needs X11 or Wayland (DISPLAY is not set); "
            "the other commands work without one"
        )
    try:
        if db is not None and not check_project_file(db):
            _fail(f"{db}: no project here; create one with `annotator init {db}`")
    except ProjectFileError as error:
        _fail(str(error))
    sys.exit(
        run(db, screenshot=screenshot, startup_report=startup_report, curate=curate, language=lang)
    )


@main.command()
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--schema",
    "schema_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TOML schema to use instead of the default one.",
)
def init(db: Path, schema_file: Path | None) -> None:
    """Create a new project file DB."""
    schema = None
    if schema_file is not None:
        try:
            schema = Schema.from_toml(schema_file.read_text(encoding="utf-8"), str(schema_file))
        except (AnnotationError, UnicodeDecodeError) as error:
            _fail(str(error))
    try:
        Project.create(db, schema).close()
    except (ProjectFileError, AnnotationError) as error:
        _fail(str(error))
    click.echo(f"Created project {db}")


def _label_map(value: str | None) -> dict[str, str]:
    """`GPE=LOC,FAC=LOC` -> {"GPE": "LOC", "FAC": "LOC"}."""
    pairs = {}
    for item in _names(value) or []:
        source, _, target = item.partition("=")
        if not source or not target:
            raise click.BadParameter(f"{item!r}: write FROM=TO, e.g. GPE=LOC")
        pairs[source.strip()] = target.strip()
    return pairs


@main.command("import")
@click.argument("arguments", nargs=-1, required=True, metavar="[DB] PATH...")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(registry.names("read")),
    help="Read every path in this format instead of detecting it.",
)
@click.option(
    "--as-candidates",
    is_flag=True,
    help="Take the file's annotations as candidates to review, not as decisions.",
)
@click.option("--map", "label_map", help="Rename labels on the way in: GPE=LOC,FAC=LOC (CoNLL).")
@click.option("--drop", help="Leave out entities of these labels: NORP,DATE (CoNLL).")
@click.option(
    "--sentences-per-document",
    type=click.IntRange(1),
    help="CoNLL: start a new document every N sentences.",
)
@click.option(
    "--document-per-file", is_flag=True, help="CoNLL: one document per file (no -DOCSTART-)."
)
@click.option(
    "--discontinuous",
    type=click.Choice(["refuse", "outer"]),
    default="refuse",
    show_default=True,
    help="brat: a discontinuous span is refused, or imported as its outer span.",
)
def import_command(
    arguments: tuple[str, ...],
    format_name: str | None,
    as_candidates: bool,
    label_map: str | None,
    drop: str | None,
    sentences_per_document: int | None,
    document_per_file: bool,
    discontinuous: str,
) -> None:
    """Import files or folders in any format annotator reads (detected from their content,
    or named with --format)."""
    db, paths = _split_db(arguments, minimum_rest=1)
    options = {
        "as_candidates": as_candidates,
        "map": _label_map(label_map),
        "drop": set(_names(drop) or []),
        "sentences_per_document": sentences_per_document,
        "document_per_file": document_per_file,
        "discontinuous": discontinuous,
    }
    project = _open(db)
    _backup(project, "import")
    with project, _progress(None, "file") as bar:
        report = import_paths(
            project,
            [Path(p) for p in paths],
            format=format_name,
            options=options,
            progress=lambda _: bar.update(),
        )
    for notice in report.notices:
        click.echo(f"notice: {notice}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)


@main.command("export")
@click.argument("arguments", nargs=-1, required=True, metavar="[DB] OUT")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(registry.names("write")),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--include-candidates",
    is_flag=True,
    help="Also export candidates and rejected annotations, with their status.",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice([status.value for status in DocumentStatus]),
    help="Only documents with this status (repeatable).",
)
@click.option("--nested", is_flag=True, help="CoNLL: one tag column per nesting level.")
@click.option(
    "--align",
    type=click.Choice(["strict", "expand", "contract"]),
    default="strict",
    show_default=True,
    help="spaCy: an entity whose edge falls inside a token is left out, widened or narrowed.",
)
@click.option("--layer", help="Export this annotator's layer instead of gold.")
@click.option(
    "--with-provenance",
    is_flag=True,
    help="JSONL: for each gold entity and relation, which annotators had it and how "
    "curation decided it (agreed / chosen from X / own / edited).",
)
def export_command(
    arguments: tuple[str, ...],
    format_name: str,
    include_candidates: bool,
    statuses: tuple[str, ...],
    nested: bool,
    align: str,
    layer: str | None,
    with_provenance: bool,
) -> None:
    """Export the project's gold annotations to OUT in a registered format (in an
    annotator's hand-out file: their own layer)."""
    from annotator.app.exporting import default_export_layer

    db, rest = _split_db(arguments, minimum_rest=1)
    if len(rest) != 1:
        _fail("export takes [DB] OUT: one output file (a folder for brat)")
    out = Path(rest[0])
    project = _open(db)
    with project, _progress(project.document_count(), "doc") as bar:
        try:
            summary = export_project(
                project,
                out,
                format=format_name,
                include_candidates=include_candidates,
                statuses=statuses or None,
                options={"nested": nested, "align": align},
                progress=bar.update,
                layer=layer or default_export_layer(project),
                with_provenance=with_provenance,
            )
        except (AnnotationError, OSError, ValueError) as error:
            _fail(f"export stopped, {out} was not written: {error}")
    for note in summary.notes:
        click.echo(f"notice: {note}", err=True)
    click.echo(summary.summary(out))


def _print_stats(project: Project) -> None:
    from annotator.store.queries import project_counts

    counts = project_counts(project)
    click.echo(f"Layer: {counts.layer}")
    click.echo(f"Documents: {sum(counts.documents.values())}")
    for status in DocumentStatus:
        click.echo(f"  {status:<12}{counts.documents[status]:>8}")
    click.echo(f"Entities: {sum(row[2] for row in counts.entities)}")
    for label, status, count in counts.entities:
        click.echo(f"  {label:<12}{status:<12}{count:>8}")
    click.echo(f"Relations: {sum(row[1] for row in counts.relations)}")
    for type_name, count in counts.relations:
        click.echo(f"  {type_name:<24}{count:>8}")


@main.command()
@click.argument("arguments", nargs=-1, metavar="[DB] [BACKUP]")
def restore(arguments: tuple[str, ...]) -> None:
    """List a project's backups, or restore one (by its number in the list, or its path).

    A backup is taken each time the window opens a project and before each import and
    suggest; the last 5 are kept beside the project in `<project>.backups/`. Restoring
    first backs up the current state."""
    from annotator.store.backups import list_backups, restore_backup

    db, rest = _split_db(arguments, minimum_rest=0)
    path = db or default_project_path()
    backups = list_backups(path)
    if not rest:
        if not backups:
            click.echo(f"No backups of {path} yet.")
            return
        click.echo(f"Backups of {path} (oldest first):")
        for number, backup in enumerate(backups, start=1):
            click.echo(
                f"  {number}. {backup.taken:%Y-%m-%d %H:%M:%S}  "
                f"{backup.size / 1e6:7.2f} MB  {backup.path.name}"
            )
        click.echo("Restore one with: annotator restore [DB] NUMBER")
        return
    choice = rest[0]
    if choice.isdigit():
        if not 1 <= int(choice) <= len(backups):
            _fail(f"no backup number {choice}; `annotator restore` lists them")
        backup = backups[int(choice) - 1].path
    else:
        backup = Path(choice)
    try:
        saved = restore_backup(path, backup)
    except (ProjectFileError, AnnotationError) as error:
        _fail(str(error))
    click.echo(f"Restored {path} from {backup.name}; its state before was saved as {saved.name}")


@main.command()
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
def stats(db: Path | None) -> None:
    """Documents by status, entities by label and status, relations by type."""
    with _open(db) as project:
        _print_stats(project)


@main.command("schema")
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--export",
    "export_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema as TOML.",
)
def schema_command(db: Path | None, export_file: Path) -> None:
    """Export the project's schema as a TOML file (the layout `init --schema` reads)."""
    with _open(db) as project:
        export_file.write_text(project.schema.to_toml(), encoding="utf-8")
    click.echo(f"Wrote the schema to {export_file}")


@main.command()
@click.argument("arguments", nargs=-1, required=True, metavar="[DB] QUERY")
@click.option(
    "--through-clitics",
    is_flag=True,
    help="The first word may carry proclitics (بوتين finds لبوتين; the span leaves them out).",
)
@click.option("--regex", is_flag=True, help="QUERY is a Python regular expression on the raw text.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per match, per line.")
def search(arguments: tuple[str, ...], through_clitics: bool, regex: bool, as_json: bool) -> None:
    """Every match of QUERY in the project: document id and name, start and end (code
    points), context. Matching ignores diacritics, tatweel and letter variants, on whole
    words (several words of QUERY may be given unquoted). Exit code 1 when nothing
    matches, 2 for an invalid regular expression."""
    from annotator.app.searching import search_project
    from annotator.text.search import Query, SearchError

    db, words = _split_db(arguments, minimum_rest=1)
    query = Query(" ".join(words), through_clitics=through_clitics, regex=regex)
    documents: set[int] = set()
    matches = 0
    with _open(db) as project:
        try:
            for match in search_project(project, query):
                matches += 1
                documents.add(match.document_id)
                _print_match(match, as_json)
        except SearchError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(2)
    click.echo(f"{matches} matches in {len(documents)} documents", err=True)
    sys.exit(0 if matches else 1)


def _print_match(match, as_json: bool) -> None:
    """One line: JSON, or id, name, start, end and the context (the match in « »),
    separated by tabs."""
    import json

    if as_json:
        click.echo(json.dumps(match.to_json(), ensure_ascii=False))
        return
    shown = " ".join(match.text.split())
    click.echo(
        f"{match.document_id}\t{match.document}\t{match.start}\t{match.end}\t"
        f"{match.before}«{shown}»{match.after}"
    )


def _names(value: str | None) -> list[str] | None:
    return [name.strip() for name in value.split(",") if name.strip()] if value else None


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


@main.command()
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--annotators", required=True, help="Who gets documents: amal,omar,sara.")
@click.option(
    "--overlap",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="The share of documents given to several annotators, for agreement.",
)
@click.option(
    "--per-document", type=click.IntRange(2), default=2, show_default=True,
    help="How many annotators get each shared document.",
)  # fmt: skip
@click.option(
    "--seed", type=int, default=0, show_default=True, help="The same seed, the same hand-out."
)
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path),
    help="The folder for the annotators' project files.",
)  # fmt: skip
@click.option(
    "--replace", is_flag=True,
    help="Hand out again: the previous hand-out's files can no longer be merged.",
)  # fmt: skip
def assign(
    db: Path,
    annotators: str,
    overlap: float,
    per_document: int,
    seed: int,
    out: Path,
    replace: bool,
) -> None:
    """Hand the project's documents out: one project file per annotator in OUT, with their
    documents, the schema and the gold candidates; the manifest stays in DB."""
    from annotator.app.team import assign as hand_out

    with _open(db) as project:
        try:
            result = hand_out(
                project, _names(annotators) or [], out,
                overlap=overlap, per_document=per_document, seed=seed, replace=replace,
            )  # fmt: skip
        except (AnnotationError, OSError) as error:
            _fail(str(error))
    for name, path in result.files.items():
        click.echo(f"{name}: {len(result.documents[name])} documents -> {path}")
    click.echo(f"{len(result.shared)} documents go to several annotators, for agreement")


@main.command()
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--annotator", "jsonl_annotator", help="Whose work a JSONL file is.")
def merge(db: Path, files: tuple[Path, ...], jsonl_annotator: str | None) -> None:
    """Take annotators' project files (or their JSONL exports) back: each replaces its
    annotator's layer of the documents it holds. Nothing is written if a file is refused."""
    from annotator.app.team import merge as take_back

    project = _open(db)
    _backup(project, "merge")
    with project:
        try:
            result = take_back(project, list(files), jsonl_annotator)
        except AnnotationError as error:
            _fail(str(error))
    for name, documents in result.documents.items():
        click.echo(f"{name}: {len(documents)} documents merged into the layer {name!r}")


@main.command()
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--annotators", help="Compare only these annotators: amal,omar.")
@click.option("--label", help="Only this entity label (and the relations touching it).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), help="An HTML report.")
def agreement(
    db: Path | None,
    annotators: str | None,
    label: str | None,
    json_out: Path | None,
    report: Path | None,
) -> None:
    """Agreement between annotators on the documents at least two of them marked done."""
    import json

    from annotator.app.agreement import AgreementError
    from annotator.app.project_agreement import progress_by_annotator, team_agreement

    with _open(db) as project:
        try:
            result, with_gold = team_agreement(project, _names(annotators), label)
        except AgreementError as error:
            _fail(str(error))
        progress = progress_by_annotator(project, result.annotators)
    _print_agreement(result, progress)
    _print_with_gold(with_gold)
    try:
        if json_out is not None:
            data = result.to_json()
            data["with_gold"] = {name: scores.to_json() for name, scores in with_gold.items()}
            json_out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            click.echo(f"Wrote {json_out}")
        if report is not None:
            from annotator.app.agreement_report import write_html

            write_html(result, report, progress, with_gold=with_gold)
            click.echo(f"Wrote {report}")
    except OSError as error:
        _fail(f"{error.filename or json_out or report}: cannot write it: {error.strerror}")


@main.command()
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--premerge",
    is_flag=True,
    help="No window: put what the annotators agree on into gold, for every document at "
    "least two of them marked done (each once).",
)
@click.option(
    "--policy",
    type=click.Choice(["unanimous", "majority"]),
    help="How many must agree for the pre-merge (saved as the project's choice; "
    "default: unanimous).",
)
def curate(db: Path, premerge: bool, policy: str | None) -> None:
    """Reconcile annotators' layers into gold: the window in curation mode, or with
    --premerge the pre-merge alone, for scripts."""
    from annotator.app import curation

    with _open(db) as project:
        if policy is not None:
            project.set_setting(curation.POLICY_SETTING, policy)
            click.echo(f"Curation policy: {policy} (saved in the project)")
        if not premerge:
            waiting = len(curation.documents_to_curate(project))
    if not premerge:
        click.echo(f"{waiting} documents need curation; opening the window")
        context = click.get_current_context()
        context.invoke(gui, db=db, curate=True)
        return
    project = _open(db)
    project.layer = GOLD
    _backup(project, "premerge")
    with project:
        _premerge_all(project)


def _premerge_all(project: Project) -> None:
    from annotator.app import curation

    totals = [0, 0, 0]
    done = skipped = 0
    for document_id in curation.documents_to_curate(project):
        try:
            result = curation.premerge(project, document_id)
        except AnnotationError as error:
            _fail(str(error))
        if result.skipped:
            skipped += 1
            continue
        done += 1
        totals = [totals[0] + result.entities, totals[1] + result.relations,
                  totals[2] + result.settled]  # fmt: skip
    policy = curation.project_policy(project)
    majority = f", {totals[2]} disagreements settled by the majority" if totals[2] else ""
    click.echo(
        f"Pre-merged {done} document{'s' * (done != 1)} ({policy}): {totals[0]} entities and "
        f"{totals[1]} relations into gold{majority}"
        + (f"; {skipped} pre-merged before, left as they are" if skipped else "")
    )


def _number(value) -> str:
    return "  -  " if value is None else f"{value:5.3f}"


def _print_with_gold(with_gold: dict) -> None:
    if not with_gold:
        click.echo("Against curated gold: no curated document yet (`annotator curate`)")
        return
    click.echo("Against curated gold (each annotator's layer, gold as the reference):")
    for name, scores in with_gold.items():
        click.echo(
            f"{name:<24}{_number(scores.exact_micro.f1):>9}{_number(scores.relaxed_micro.f1):>9}"
            f"{_number(scores.kappa_micro):>8}{_number(scores.relations_micro.f1):>10}"
            f"   ({scores.documents} documents)"
        )


def _print_agreement(result, progress) -> None:
    number = _number

    click.echo(f"Documents compared: {len(result.documents)}")
    for name, (done, total) in progress.items():
        click.echo(f"  {name}: {done} of {total} documents done")
    click.echo(f"{'pair':<24}{'exact F1':>9}{'relaxed':>9}{'kappa':>8}{'relations':>10}")
    for scores in (*result.pairs, result.overall):
        pair = " / ".join(scores.annotators) if scores is not result.overall else "overall"
        click.echo(
            f"{pair:<24}{number(scores.exact_micro.f1):>9}{number(scores.relaxed_micro.f1):>9}"
            f"{number(scores.kappa_micro):>8}{number(scores.relations_micro.f1):>10}"
        )
    click.echo(f"Krippendorff's alpha (all annotators): {number(result.alpha_micro)}")
    worst = [d for d in result.documents if d.disagreements][:5]
    if worst:
        click.echo(
            "Most disagreement: " + ", ".join(f"{d.name} ({d.disagreements})" for d in worst)
        )
