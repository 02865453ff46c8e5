"""Agreement on a project: the annotators' layers of the documents at least two of them
marked done, and each annotator's layer against the curated gold, read from the store
once (`ProjectLayers`) and compared by `annotator.app.agreement`."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.app.agreement import AgreementError, AgreementReport, Scores
from annotator.app.agreement.compute import agree, pair_agreement
from annotator.app.agreement.inputs import require_two
from annotator.app.project_layers import ProjectLayers
from annotator.model import GOLD
from annotator.store import Project
from annotator.store.layers import assignments, documents_done_by


def annotator_names(project: Project) -> list[str]:
    """Every annotator's layer in the project (not gold), by name."""
    return [layer for layer in project.layers() if layer != GOLD]


def project_agreement(
    project: Project, annotators: Iterable[str] | None = None, label: str | None = None
) -> AgreementReport:
    """Agreement between `annotators` (default: all) on the documents that at least two
    of them marked done; `label` keeps one entity label (and the relations touching it).
    Raises AgreementError for an annotator without a layer, a label the schema lacks or
    fewer than two annotators."""
    names = _checked(project, annotators, label)
    read = ProjectLayers(project, names, with_gold=False)
    return agree(read.corpus, read.between_annotators(), label, read.symmetric)


def _checked(project: Project, annotators: Iterable[str] | None, label: str | None) -> list[str]:
    """The annotators asked for (default: all), without repeats, once `_refuse_unknown`
    and `require_two` let them through."""
    names = list(annotators) if annotators else annotator_names(project)
    _refuse_unknown(project, names, label)
    names = list(dict.fromkeys(names))
    require_two(names)
    return names


def _refuse_unknown(project: Project, names: list[str], label: str | None) -> None:
    """AgreementError for an annotator with no layer in the project or a label the schema
    lacks, naming what there is."""
    known = annotator_names(project)
    unknown = [name for name in names if name not in known]
    if unknown:
        raise AgreementError(
            f"no layer of {', '.join(map(repr, unknown))} in the project; its annotators: "
            f"{', '.join(known) or 'none'}"
        )
    if label is not None and not project.schema.has_label(label):
        raise AgreementError(
            f"unknown label {label!r}; the schema has {', '.join(project.schema.label_names)}"
        )


def agreement_with_gold(
    project: Project, annotators: Iterable[str] | None = None, label: str | None = None
) -> dict[str, Scores]:
    """Each annotator's agreement with the curated gold: their layer against gold on the
    documents they marked done and the curator marked curated (gold done), scored with
    the same statistics as a pair of annotators (so F1 reads as the annotator's F1 with
    gold as the reference). Annotators with no such document are left out."""
    read = ProjectLayers(project, _chosen(project, annotators), with_gold=True)
    return _with_gold(read, label)


def team_agreement(
    project: Project, annotators: Iterable[str] | None = None, label: str | None = None
) -> tuple[AgreementReport, dict[str, Scores]]:
    """`project_agreement` and `agreement_with_gold` together, as `annotator agreement`
    shows them, reading each layer and text once (gold's only where it is curated).
    Raises AgreementError as `project_agreement` does."""
    names = _checked(project, annotators, label)
    read = ProjectLayers(project, names, with_gold=True)
    report = agree(read.corpus, read.between_annotators(), label, read.symmetric)
    return report, _with_gold(read, label)


def _with_gold(read: ProjectLayers, label: str | None) -> dict[str, Scores]:
    found = {}
    for name in read.names:
        layers = read.against_gold(name)
        if layers is not None:
            found[name] = pair_agreement(read.corpus, layers, label, read.symmetric)
    return found


def _chosen(project: Project, annotators: Iterable[str] | None) -> list[str]:
    """The annotators asked for, without repeats (default: all)."""
    return list(dict.fromkeys(annotators if annotators else annotator_names(project)))


def progress_by_annotator(project: Project, annotators: Iterable[str] | None = None) -> dict:
    """annotator -> (documents they marked done, documents handed to them); without a
    hand-out manifest, every document counts as theirs."""
    names = list(annotators) if annotators else annotator_names(project)
    handed = assignments(project)
    done = documents_done_by(project, names)
    total = project.document_count()
    result = {}
    for name in names:
        theirs = {d for d, people in handed.items() if name in people} if handed else None
        finished = sum(1 for d, layers in done.items() if name in layers)
        result[name] = (finished, len(theirs) if theirs is not None else total)
    return result
