"""Commands of a team: assign (hand-out), merge, agreement and curate."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.base import (
    _backup,
    _fail,
    _names,
    _open,
    gui,
    main,
)
from annotator.model import GOLD, AnnotationError
from annotator.store import Project


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
