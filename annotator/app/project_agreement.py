"""Agreement on a project: the annotators' layers of the documents at least two of them
marked done, read from the store and handed to `annotator.app.agreement`."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.app.agreement import (
    AgreementError,
    AgreementReport,
    LayerDocument,
    Scores,
    compute_agreement,
)
from annotator.model import GOLD, DocumentStatus
from annotator.store import Project
from annotator.store.layers import (
    LayerAnnotations,
    accepted_by_layer,
    assignments,
    documents_done_by,
)


def annotator_names(project: Project) -> list[str]:
    """Every annotator's layer in the project (not gold), by name."""
    return [layer for layer in project.layers() if layer != GOLD]


def project_agreement(
    project: Project, annotators: Iterable[str] | None = None, label: str | None = None
) -> AgreementReport:
    """Agreement between `annotators` (default: all) on the documents that at least two
    of them marked done; `label` keeps one entity label (and the relations touching it).
    Raises AgreementError (from compute_agreement) for fewer than two annotators."""
    names = list(annotators) if annotators else annotator_names(project)
    _refuse_unknown(project, names, label)
    done = documents_done_by(project, names)
    shared = sorted(d for d, layers in done.items() if len(layers) >= 2)
    return _compare(project, names, {d: done[d] for d in shared}, label)


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
    names = list(annotators) if annotators else annotator_names(project)
    curated = set(project.document_ids(status=DocumentStatus.DONE, layer=GOLD))
    done = documents_done_by(project, names)
    found = {}
    for name in names:
        theirs = {d: {name, GOLD} for d, layers in done.items() if name in layers and d in curated}
        if theirs:
            found[name] = _compare(project, [name, GOLD], theirs, label).pairs[0]
    return found


def _compare(
    project: Project, names: list[str], done: dict[int, set[str]], label: str | None
) -> AgreementReport:
    """compute_agreement over the documents of `done` (id -> the layers to compare)."""
    shared = sorted(done)
    annotations = accepted_by_layer(project, shared, names)
    empty = LayerAnnotations(frozenset(), frozenset())
    layers = {
        name: {
            document_id: LayerDocument(
                name,
                document_id,
                annotations[name].get(document_id, empty).entities,
                annotations[name].get(document_id, empty).relations,
            )
            for document_id in shared
            if name in done[document_id]
        }
        for name in names
    }
    documents = {document_id: project.document(document_id) for document_id in shared}
    return compute_agreement(
        {d: document.text for d, document in documents.items()},
        layers,
        names,
        label,
        names={d: document.name for d, document in documents.items()},
        symmetric_relation_types=[t.name for t in project.schema.relation_types if t.symmetric],
    )


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
