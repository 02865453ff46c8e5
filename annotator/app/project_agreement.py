"""Agreement on a project: the annotators' layers of the documents at least two of them
marked done, read from the store and handed to `annotator.app.agreement`."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.app.agreement import AgreementReport, LayerDocument, compute_agreement
from annotator.model import GOLD
from annotator.store import Project
from annotator.store.layers import accepted_by_layer, assignments, documents_done_by


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
    done = documents_done_by(project, names)
    shared = sorted(d for d, layers in done.items() if len(layers) >= 2)
    annotations = accepted_by_layer(project, shared, names)
    layers = {
        name: {
            document_id: LayerDocument(
                name,
                document_id,
                annotations[name][document_id].entities
                if document_id in annotations[name]
                else frozenset(),
                annotations[name][document_id].relations
                if document_id in annotations[name]
                else frozenset(),
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
