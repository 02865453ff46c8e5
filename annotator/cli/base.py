"""The `annotator` command group, its shared helpers (opening the project, failing with a
message, progress bars) and `gui`, which the group runs when no command is given."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from annotator import __version__
from annotator.model import AnnotationError
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


def _label_map(value: str | None) -> dict[str, str]:
    """`GPE=LOC,FAC=LOC` -> {"GPE": "LOC", "FAC": "LOC"}."""
    pairs = {}
    for item in _names(value) or []:
        source, _, target = item.partition("=")
        if not source or not target:
            raise click.BadParameter(f"{item!r}: write FROM=TO, e.g. GPE=LOC")
        pairs[source.strip()] = target.strip()
    return pairs


def _names(value: str | None) -> list[str] | None:
    return [name.strip() for name in value.split(",") if name.strip()] if value else None
