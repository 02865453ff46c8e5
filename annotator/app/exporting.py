"""Writing a project out in any registered format, gold only unless asked, atomically.

Documents stream one at a time from the store (export memory stays flat); each passes the
integrity check (`formats.base.checked_for_export`) before its format writes it. Nothing
is written unless the whole export succeeds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.formats import registry
from annotator.formats.base import WriteContext, checked_for_export
from annotator.model import GOLD, ExportDocument, Status
from annotator.store import Project
from annotator.store.bulk import iter_annotated_documents

#: the kinds of `left_out` that count entities not written (the rest of `carries` that
#: is about entities: spans inside or crossing others, two labels on one span)
LEFT_OUT_ENTITIES = ("entities", "nesting", "overlap", "same_span")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """Counts of what was written; `left_out` what the format could not carry (by kind),
    `notes` how it wrote it (e.g. tokens split at entity edges)."""

    documents: int
    entities: int
    relations: int
    left_out: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def summary(self, out: Path) -> str:
        lost = "".join(f"; left out: {n} {what}" for what, n in sorted(self.left_out.items()))
        return (
            f"Exported {self.documents} documents, {self.entities} entities, "
            f"{self.relations} relations to {out}{lost}"
        )


def default_export_layer(project: Project) -> str:
    """The layer `annotator export` writes unless told: gold, except in an annotator's
    hand-out file (made by `annotator assign`), whose work is in their own layer."""
    team = project.setting("team")
    if team and '"assigned_to"' in team:
        return project.layer
    return GOLD


def _checked_layer(project: Project, layer: str) -> str:
    """`layer` if the project has it (gold always); ValueError naming the layers if not."""
    if layer not in (*project.layers(), GOLD, project.layer):
        raise ValueError(
            f"the project has no layer {layer!r}; its layers: {', '.join(project.layers())}"
        )
    return layer


def _provenance(project: Project, layer: str, fmt) -> Callable[[int], tuple]:
    """The writer's `provenance` option: curation's provenance of a document's gold.
    ValueError unless the export is of gold, in a format that carries it."""
    if layer != GOLD:
        raise ValueError("provenance says how gold was curated: export the gold layer")
    if "curation" not in fmt.carries:
        raise ValueError(f"{fmt.title} cannot carry curation provenance: use jsonl")
    from annotator.app.curation_provenance import gold_provenance

    return lambda document_id: gold_provenance(project, document_id)


def export_project(
    project: Project,
    out: Path,
    *,
    format: str = "jsonl",
    include_candidates: bool = False,
    statuses: Iterable[str] | None = None,
    options: dict[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
    layer: str | None = None,
    with_provenance: bool = False,
) -> ExportSummary:
    """Write the project's documents to `out` (a file, or a folder for folder formats),
    from `layer` (default: the project's). `with_provenance`: each gold entity and
    relation also says which annotators had it and how curation decided it.

    Raises ValueError for an unknown format, a layer the project does not have, or
    provenance asked of a format that cannot carry it; AnnotationError naming the
    document when an integrity check fails (nothing is written then); OSError for the
    file system."""
    fmt = registry.get(format, "write")
    layer = _checked_layer(project, layer or project.layer)
    schema = project.schema
    symmetric = {t.name for t in schema.relation_types if t.symmetric}
    context = WriteContext(schema, include_candidates, dict(options or {}))
    if with_provenance:
        context.options["provenance"] = _provenance(project, layer, fmt)
    counts: Counter = Counter()

    def documents() -> Iterator[ExportDocument]:
        for item in iter_annotated_documents(
            project,
            statuses,
            annotation_status=None if include_candidates else Status.ACCEPTED,
            layer=layer,
        ):
            checked = checked_for_export(item, symmetric, include_candidates)
            counts.update(
                documents=1, entities=len(checked.entities), relations=len(checked.relations)
            )
            if include_candidates and not carries_statuses:
                counts["statuses"] += sum(
                    1
                    for a in (*checked.entities, *checked.relations)
                    if a.status != Status.ACCEPTED
                )
            if progress:
                progress(1)
            yield checked

    carries_statuses = "statuses" in fmt.carries
    fmt.write(documents(), Path(out), context)
    left_out = context.left_out
    if counts["statuses"]:
        left_out["statuses"] += counts["statuses"]
        context.notes.append(
            f"{fmt.title} has no status field: {counts['statuses']} candidates and rejected "
            "annotations were written without theirs, as plain annotations"
        )
    return ExportSummary(
        counts["documents"],
        counts["entities"] - sum(left_out[kind] for kind in LEFT_OUT_ENTITIES),
        counts["relations"] - left_out["relations"],
        {what: count for what, count in left_out.items() if count},
        tuple(context.notes),
    )
