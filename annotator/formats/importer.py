"""Importing files and folders into a project: each file whole or not at all."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.formats.errors import FormatError
from annotator.formats.json_lines import read_json_lines
from annotator.formats.text_files import read_text_document
from annotator.model import AnnotationError
from annotator.model.drafts import DocumentDraft, check_draft
from annotator.store.bulk import insert_drafts
from annotator.store.project import Project

TEXT_SUFFIXES = {".txt"}
JSON_LINES_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSON_LINES_SUFFIXES


@dataclass
class ImportReport:
    imported: int = 0
    skipped: int = 0
    entities: int = 0
    relations: int = 0
    files: int = 0
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        return (
            f"{self.imported} documents imported ({self.entities} entities, "
            f"{self.relations} relations), {self.skipped} already in the project, "
            f"{self.failed} files failed"
        )


def expand_paths(paths: Iterable[Path], report: ImportReport) -> Iterator[Path]:
    """Files as given, folders recursively (only files with a supported suffix), sorted."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        else:
            report.errors.append(f"{path}: no such file or folder")


def read_drafts(path: Path) -> list[DocumentDraft]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [read_text_document(path)]
    if suffix in JSON_LINES_SUFFIXES:
        drafts = list(read_json_lines(path))
        if not drafts:
            raise FormatError(path, "the file holds no documents")
        return drafts
    raise FormatError(path, f"unsupported file type {suffix or '(none)'}; use .txt or .jsonl")


def import_file(project: Project, path: Path, report: ImportReport) -> None:
    """Parse and check the whole file first, then insert it in one transaction."""
    drafts = read_drafts(path)
    schema = project.schema
    for draft in drafts:
        try:
            check_draft(draft, schema)
        except AnnotationError as error:
            raise FormatError(path, str(error), draft.line) from None
    for outcome in insert_drafts(project, drafts, origin=str(path)):
        draft = outcome.draft
        if outcome.document_id is None:
            where = f"{path}, line {draft.line}" if draft.line else str(path)
            report.skipped += 1
            report.notices.append(
                f"{where}: skipped, the same text is already document {outcome.duplicate_of}"
            )
        else:
            report.imported += 1
            report.entities += len(draft.entities)
            report.relations += len(draft.relations)


def import_paths(
    project: Project,
    paths: Iterable[Path],
    progress: Callable[[Path], None] | None = None,
) -> ImportReport:
    report = ImportReport()
    for path in expand_paths(paths, report):
        report.files += 1
        try:
            import_file(project, path, report)
        except FormatError as error:
            report.errors.append(str(error))
        except AnnotationError as error:
            report.errors.append(f"{path}: {error}")
        if progress:
            progress(path)
    return report
