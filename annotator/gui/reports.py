"""What the application layer's reports say, in the interface's language: the window
writes the sentences itself from the reports' counts (the reports' own `summary()` stays
English for the command line). Free-text lines the lower layers write, naming a file, a
line and a reason (import errors and notices, export notes, an unavailable suggester),
are shown as the command line prints them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.gui.i18n import Texts, isolate, translate
from annotator.gui.numbers import number

# what a format could not carry (exporting's `left_out` kinds); another kind is shown as
# the format named it
_LEFT_OUT = {
    "entities": QT_TRANSLATE_NOOP("LeftOut", "entities"),
    "relations": QT_TRANSLATE_NOOP("LeftOut", "relations"),
    "nesting": QT_TRANSLATE_NOOP("LeftOut", "nested spans"),
    "overlap": QT_TRANSLATE_NOOP("LeftOut", "overlapping spans"),
    "same_span": QT_TRANSLATE_NOOP("LeftOut", "second labels on one span"),
    "statuses": QT_TRANSLATE_NOOP("LeftOut", "statuses"),
}


class ReportText(Texts):
    """The reports' sentences."""


def _joined(pieces: list[str]) -> str:
    return ReportText.tr(", ").join(piece for piece in pieces if piece)


def import_summary(report) -> str:
    """An `app.importing.ImportReport` in a sentence: documents imported with their
    entities and relations, those already in the project, files that failed."""
    imported = ReportText.tr(
        "%Ln documents imported ({entities} entities, {relations} relations)", "", report.imported
    ).format(entities=number(report.entities), relations=number(report.relations))
    if report.skipped_entities or report.skipped_relations:
        skipped = ReportText.tr(
            "%Ln already in the project (their {entities} entities and {relations} relations "
            "not imported)",
            "",
            report.skipped,
        ).format(
            entities=number(report.skipped_entities), relations=number(report.skipped_relations)
        )
    else:
        skipped = ReportText.tr("%Ln already in the project", "", report.skipped)
    failed = ReportText.tr("%Ln files failed", "", report.failed)
    extra = [f"{number(count)} {what}" for what, count in sorted(report.counts.items())]
    return _joined([imported, skipped, failed, *extra])


def export_summary(summary, out: Path) -> str:
    """An `app.exporting.ExportSummary`: what was written where, and what the format
    could not carry."""
    written = ReportText.tr(
        "Exported %Ln documents ({entities} entities, {relations} relations) to {path}",
        "",
        summary.documents,
    ).format(
        entities=number(summary.entities),
        relations=number(summary.relations),
        path=isolate(out),
    )
    lost = [
        ReportText.tr("left out: {count} {what}").format(
            count=number(count),
            what=translate("LeftOut", _LEFT_OUT[what]) if what in _LEFT_OUT else what,
        )
        for what, count in sorted(summary.left_out.items())
    ]
    return ReportText.tr("; ").join([written, *lost])


def proposal_summary(proposal, label: str) -> str:
    """Labelling the article's matches (`app.label_matches.Proposal`); `label` as shown."""
    return ReportText.tr(
        "Proposed %Ln {label} candidates; left out {decided} already decided and "
        "{already} already proposed.",
        "",
        len(proposal.spans),
    ).format(
        label=label, decided=number(proposal.decided), already=number(proposal.already_proposed)
    )


def label_report_summary(report) -> str:
    """Labelling the project's matches (`app.label_matches.LabelReport`)."""
    documents = ReportText.tr("%Ln documents", "", report.documents)
    return ReportText.tr(
        "Proposed %Ln candidates in {documents}; left out {decided} already decided and "
        "{already} already proposed.",
        "",
        report.proposed,
    ).format(
        documents=documents,
        decided=number(report.decided),
        already=number(report.already_proposed),
    )


def suggest_summary(report) -> str:
    """A suggestion run (`suggest.runner.SuggestReport`), finished or cancelled, with the
    suggesters' own notes (a missing model, labels the schema lacks) as they wrote them."""
    counts = ReportText.tr(
        "%Ln documents: {added} candidates added, {removed} withdrawn, {skipped} suggester "
        "runs skipped as up to date",
        "",
        report.documents,
    ).format(
        added=number(report.added), removed=number(report.removed), skipped=number(report.skipped)
    )
    if report.cancelled:
        text = ReportText.tr("Suggestions cancelled: {counts}").format(counts=counts)
    else:
        text = ReportText.tr("Suggestions: {counts}").format(counts=counts)
    notes = "; ".join(dict.fromkeys([*report.unavailable, *report.left_out]))
    return f"{text} ({notes})" if notes else text


def curation_progress(curation) -> str:
    """ "7 of 12 disagreements settled" for an `app.curation.DocumentCuration`."""
    return ReportText.tr(
        "{settled} of %Ln disagreements settled", "", len(curation.disagreements)
    ).format(settled=number(curation.settled_count))
