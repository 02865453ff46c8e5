"""Commands on a project's documents and files: init, import, export, stats, restore,
schema and search."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.app.exporting import export_project
from annotator.app.importing import import_paths
from annotator.cli.base import (
    _backup,
    _fail,
    _label_map,
    _names,
    _open,
    _progress,
    _split_db,
    main,
)
from annotator.formats import registry
from annotator.model import AnnotationError, DocumentStatus, Schema
from annotator.paths import default_project_path
from annotator.store import Project, ProjectFileError


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
