"""spaCy's DocBin (`.spacy`), export only: the binary file `spacy train` reads.

One `Doc` per document, tokenised by `spacy.blank("ar")` on the document's exact text
(`doc.text == document.text`; spaCy's character offsets are Python string indices, i.e.
code points, like ours). Every exported entity is a span of `doc.spans["sc"]` (nesting,
overlap and two labels on one span kept); `doc.ents` holds the outermost of them that do
not overlap (`annotator.text.spans.outermost`; of two labels on one span, the first in
reading order: start, end, label), every other token is `O`. `doc.user_data`
keeps the document's `name` and `id`. Relations, statuses, provenance, document status
and meta are not carried. The file is one DocBin (`store_user_data=True`), written as the
documents come by `annotator.formats.docbin_stream` (spaCy's bytes, in flat memory).

spaCy spans are whole tokens, and spaCy's Arabic tokenizer does not split proclitics
(`بكردستان`, `والعراق` are one token each), so an entity on `كردستان` has no span of its
own. `WriteContext.options["align"]` says what becomes of such an entity, and the export
always says how many there were, with examples:

- "strict" (default): left out, counted in `left_out["entities"]`;
- "expand": widened to the tokens it touches (`بكردستان`); a space at its edge that
  belongs to no token (spaCy keeps one space after a token as `whitespace_`) is dropped,
  and an entity of such whitespace only is left out;
- "contract": narrowed to the whole tokens inside it; left out if none is.

spaCy is an optional extra (`pip install 'annotator[spacy]'`): it is imported by `write`
only, so this module and the registry work without it.

Sources: https://spacy.io/api/docbin (DocBin, store_user_data),
https://spacy.io/api/doc#char_span (alignment_mode), https://spacy.io/api/doc#ents,
https://spacy.io/api/spangroup and https://spacy.io/api/span.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from annotator.formats.base import WriteContext, atomic_file
from annotator.formats.docbin_stream import DocBinWriter
from annotator.formats.registry import FileFormat
from annotator.model import AnnotationError, ExportDocument, ExportEntity
from annotator.text.spans import outermost

SPAN_KEY = "sc"  # spaCy's default key for the spancat component
ALIGN_MODES = ("strict", "expand", "contract")
EXAMPLES = 5
INSTALL = "pip install 'annotator[spacy]'"


def alignment_mode(options: dict[str, Any]) -> str:
    """`options["align"]`, "strict" when absent or None; ValueError naming the choices."""
    align = options.get("align") or "strict"
    if align not in ALIGN_MODES:
        raise ValueError(
            f"unknown align option {align!r} for the spaCy export; "
            f"choose from {', '.join(ALIGN_MODES)}"
        )
    return align


def import_spacy() -> tuple[Any, Any]:
    """spaCy's `blank` and `DocBin`; AnnotationError saying how to install spaCy if the
    import fails (the command line and the window show its message)."""
    try:
        from spacy import blank
        from spacy.tokens import DocBin
    except ImportError as error:
        raise AnnotationError(
            f"the spaCy DocBin export needs spaCy 3.8, which is not installed ({error}); "
            f"install it with: {INSTALL}"
        ) from error
    return blank, DocBin


@dataclass
class Misaligned:
    """Entities whose edges are not spaCy token edges: how many, how many were left out,
    and up to EXAMPLES examples `name: «entity» in «tokens it touches» -> «span»`."""

    align: str
    count: int = 0
    left_out: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, name: str, entity: ExportEntity, touched: str, span: Any) -> None:
        self.count += 1
        self.left_out += span is None
        if len(self.examples) < EXAMPLES:
            example = f"{shown(name)}: «{shown(entity.text)}» in «{shown(touched)}»"
            if self.align != "strict":
                example += f" -> «{shown(span.text)}»" if span else " -> left out"
            self.examples.append(example)

    def note(self) -> str:
        what = WHAT_BECAME[self.align]
        if self.align != "strict" and self.left_out:
            what += f"; {self.left_out} {WHY_LEFT_OUT[self.align]} were left out"
        return (
            f"{self.count} entities do not start and end on spaCy token boundaries (spaCy's "
            f"Arabic tokenizer does not split proclitics such as و and ب off a word): "
            f"{what}; e.g. {'; '.join(self.examples)}"
        )


WHAT_BECAME = {
    "strict": "they were left out (align=strict; align=expand widens them to the tokens they "
    "touch, align=contract narrows them to the whole tokens inside)",
    "expand": "they were widened to the tokens they touch (align=expand)",
    "contract": "they were narrowed to the whole tokens inside them (align=contract)",
}
WHY_LEFT_OUT = {"expand": "of whitespace only", "contract": "with no whole token inside"}


def shown(text: str, width: int = 40) -> str:
    """`text` on one line (whitespace runs become one space), cut to `width` with `…`."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


class Placed(NamedTuple):
    """A spaCy span with its extent in code points, for `outermost`."""

    start: int
    end: int
    span: Any


def aligned_span(doc: Any, name: str, entity: ExportEntity, align: str, report: Misaligned):
    """The spaCy span of `entity` in `doc`, aligned by `align`; None if left out (then
    counted in `report`, as is every entity whose edges are not token edges)."""
    span = doc.char_span(entity.start, entity.end, label=entity.label)
    if span is not None:
        return span
    widest = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if align != "strict":
        span = doc.char_span(entity.start, entity.end, label=entity.label, alignment_mode=align)
        span = span if span else None  # an empty span (whitespace only) is no span
    report.add(name, entity, widest.text if widest else entity.text, span)
    return span


def to_doc(blank_ar: Any, item: ExportDocument, align: str, report: Misaligned) -> tuple[Any, int]:
    """(the Doc of one document, how many of its spans are not in doc.ents)."""
    document = item.document
    doc = blank_ar.tokenizer(document.text)  # the tokenizer alone: no max_length
    placed = []
    for entity in item.entities:
        span = aligned_span(doc, document.name, entity, align, report)
        if span is not None:
            placed.append(Placed(span.start_char, span.end_char, span))
    doc.spans[SPAN_KEY] = [p.span for p in placed]
    ents = outermost(placed)
    doc.ents = [p.span for p in ents]
    doc.user_data.update(name=document.name, id=document.id)
    return doc, len(placed) - len(ents)


def write(documents: Iterable[ExportDocument], out: Path, context: WriteContext) -> None:
    """Write `documents` as one DocBin (`store_user_data=True`) to `out`, atomically,
    streaming: each Doc goes into `DocBinWriter` as it is made (the same bytes as
    spaCy's `DocBin.to_bytes`, in flat memory; its temporary parts wait beside `out`).

    Reports in `context`: `left_out["entities"]` (misaligned, by `options["align"]`),
    `left_out["relations"]` (all of them) and a note for each. Raises ValueError for an
    unknown align option and AnnotationError when spaCy is missing, before writing."""
    align = alignment_mode(context.options)
    blank, _ = import_spacy()
    blank_ar = blank("ar")
    report = Misaligned(align)
    only_in_spans = relations = 0
    with atomic_file(out) as handle, DocBinWriter(Path(out).parent, store_user_data=True) as bin_:
        for item in documents:
            doc, only = to_doc(blank_ar, item, align, report)
            if bin_.add(doc) != item.document.text:  # spaCy's tokenizer is non-destructive
                document = item.document
                raise AnnotationError(
                    f"document {document.id} ({document.name}): spaCy changed its text"
                )
            only_in_spans += only
            relations += len(item.relations)
        bin_.write(handle)
    if report.count:
        context.left_out["entities"] += report.left_out
        context.notes.append(report.note())
    if only_in_spans:
        context.notes.append(
            f"{only_in_spans} entities are only in doc.spans[{SPAN_KEY!r}], not in doc.ents "
            "(nested in, crossing or on the same extent as another: doc.ents holds the "
            "outermost that do not overlap, every entity is in doc.spans)"
        )
    if relations:
        context.left_out["relations"] += relations
        context.notes.append(f"spaCy's DocBin has no relations: {relations} were left out")


FORMAT = FileFormat(
    name="spacy",
    title="spaCy DocBin",
    suffixes=(".spacy",),
    unit="tokens (spaCy's Arabic tokenizer); character offsets in code points",
    carries=frozenset({"entities", "nesting", "overlap", "same_span", "names", "text"}),
    write=write,
)
