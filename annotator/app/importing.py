"""Importing files and folders into a project: each file whole or not at all.

The format of each path is detected by the format registry (or named with `format`);
every draft is checked against the model and the schema before anything is written, then
the file goes in as one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.formats import registry
from annotator.formats.base import ReadContext
from annotator.formats.errors import FormatError
from annotator.model import AnnotationError, Status
from annotator.model.drafts import DocumentDraft, check_draft
from annotator.store import Project
from annotator.store.bulk import insert_drafts


@dataclass
class ImportReport:
    """What an import did: counts, the documents added, and every notice and error (each
    naming its file and line)."""

    imported: int = 0
    skipped: int = 0
    skipped_entities: int = 0  # annotations of skipped documents, not imported
    skipped_relations: int = 0
    entities: int = 0
    relations: int = 0
    files: int = 0
    document_ids: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)  # what readers changed or left out

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        extra = "".join(f", {count} {what}" for what, count in sorted(self.counts.items()))
        lost = ""
        if self.skipped_entities or self.skipped_relations:
            lost = (
                f" (their {self.skipped_entities} entities and {self.skipped_relations} "
                "relations not imported)"
            )
        return (
            f"{self.imported} documents imported ({self.entities} entities, "
            f"{self.relations} relations), {self.skipped} already in the project{lost}, "
            f"{self.failed} files failed{extra}"
        )


def sources(
    paths: Iterable[Path], report: ImportReport, forced: registry.FileFormat | None
) -> Iterator[tuple[Path, registry.FileFormat]]:
    """Each path with its format: files as given, folders by the registry."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child, found in registry.sources_in_folder(path, forced):
                if isinstance(found, FormatError):
                    report.errors.append(str(found))
                else:
                    yield child, found
        elif path.is_file():
            try:
                yield path, forced or registry.detect(path)
            except FormatError as error:
                report.errors.append(str(error))
        else:
            report.errors.append(f"{path}: no such file or folder")


def read_file(
    project: Project, path: Path, fmt: registry.FileFormat, context: ReadContext
) -> list[DocumentDraft]:
    """Parse and check the whole file; FormatError naming the line if anything is wrong."""
    drafts = list(fmt.read(path, context))
    if not drafts:
        raise FormatError(path, "the file holds no documents")
    schema = project.schema
    for draft in drafts:
        try:
            check_draft(draft, schema)
        except AnnotationError as error:
            raise FormatError(path, str(error), draft.line) from None
    return drafts


def _as_candidates(drafts: list[DocumentDraft], report: ImportReport) -> None:
    """`--as-candidates`: a file's decisions become candidates to review, like a
    suggester's (their source stays what the file says)."""
    for draft in drafts:
        for entity in draft.entities:
            if entity.status == Status.ACCEPTED:
                entity.status, entity.decision, entity.decided_by = Status.CANDIDATE, None, None
                report.counts["entities taken as candidates"] += 1
        for relation in draft.relations:
            if relation.status == Status.ACCEPTED:
                relation.status = Status.CANDIDATE


def import_file(
    project: Project, path: Path, fmt: registry.FileFormat, report: ImportReport, options
) -> None:
    """Read, check, then insert one file in one transaction."""
    context = ReadContext(project.schema, dict(options or {}))
    drafts = read_file(project, path, fmt, context)
    if context.options.get("as_candidates"):
        _as_candidates(drafts, report)
    for outcome in insert_drafts(project, drafts, origin=str(path)):
        draft = outcome.draft
        if outcome.document_id is None:
            where = f"{path}, line {draft.line}" if draft.line else str(path)
            report.skipped += 1
            report.skipped_entities += len(draft.entities)
            report.skipped_relations += len(draft.relations)
            lost = ""
            if draft.entities or draft.relations:
                lost = (
                    f"; its {len(draft.entities)} entities and {len(draft.relations)} "
                    "relations were not imported (the project's document keeps its own)"
                )
            report.notices.append(
                f"{where}: skipped, the same text is already document {outcome.duplicate_of}" + lost
            )
        else:
            report.imported += 1
            report.document_ids.append(outcome.document_id)
            report.entities += len(draft.entities)
            report.relations += len(draft.relations)
    report.notices.extend(context.notices)
    report.counts.update(context.counts)


def import_paths(
    project: Project,
    paths: Iterable[Path],
    *,
    format: str | None = None,
    options: dict[str, Any] | None = None,
    progress: Callable[[Path], None] | None = None,
) -> ImportReport:
    """Import every file (and folder) of `paths`. A file that fails is reported in
    `errors` with its line and reason and changes nothing; the others still import.
    `format` names the format instead of detecting it (ValueError if unknown)."""
    forced = registry.get(format, "read") if format else None
    report = ImportReport()
    for path, fmt in sources(paths, report, forced):
        report.files += 1
        try:
            import_file(project, path, fmt, report, options)
        except FormatError as error:
            report.errors.append(str(error))
        except AnnotationError as error:
            report.errors.append(f"{path}: {error}")
        if progress:
            progress(path)
    return report
