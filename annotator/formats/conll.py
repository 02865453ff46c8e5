"""CoNLL IOB2: one token per line with its entity tags, flat or nested.

Flat, as in the CoNLL-2003 shared task (Tjong Kim Sang & De Meulder 2003), with the IOB2
scheme (`B-TYPE` begins an entity, `I-TYPE` continues it, `O` is outside):

    -DOCSTART-<TAB>O
    <blank>
    زار<TAB>O
    ب<TAB>O
    كردستان<TAB>B-LOC
    <blank>              (between sentences)

Nested, as the Wojood corpus writes it (Jarrar et al., LREC 2022): the token, then one tag
per nesting level, separated by single spaces, outermost level first; a token's tags stop
after its last entity (`نابلس I-OCC B-GPE`, `في O`).

CoNLL has tokens, not offsets. The writer's tokens are camel-tools' words split where an
entity starts or ends inside one (`بكردستان` -> `ب` + `كردستان`) and its sentences break at
sentence punctuation and line breaks but never inside an entity
(`annotator.text.token_sentences`). Option `nested` (bool, default False): one tag
column per nesting level (`annotator.text.levels`, every entity written), else one
column of the outermost entities (`annotator.text.spans.outermost`, the rest reported in
`left_out["nesting"]`). Entities are trimmed of whitespace at their edges; one of only
whitespace, or the same span and label as another once trimmed, is left out
(`left_out["entities"]`). Relations are not written (`left_out["relations"]`), nor
names, statuses, provenance, document status or meta.

The reader (`annotator.formats.conll_reader`) takes both layouts and rebuilds the text
from the tokens; options `map`, `drop`, `sentences_per_document`, `document_per_file`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from annotator.formats.base import WriteContext, atomic_file
from annotator.formats.conll_reader import DOCSTART, columns, is_tag, read_conll
from annotator.formats.registry import FileFormat
from annotator.model import ExportDocument, ExportEntity
from annotator.text.bio import spans_to_bio
from annotator.text.levels import levels
from annotator.text.spans import outermost
from annotator.text.token_sentences import standalone, token_sentences, without_edge_whitespace
from annotator.text.tokens import split_at_boundaries
from annotator.text.words import Word, words_with_offsets

SUFFIXES = (".conll", ".iob", ".iob2", ".bio", ".tsv", ".nconll")


class Span(NamedTuple):
    start: int
    end: int
    label: str


def write(documents: Iterable[ExportDocument], out: Path, context: WriteContext) -> None:
    """Every document after a `-DOCSTART-` line, its sentences separated by blank lines;
    counts what was split, trimmed and left out into `context`."""
    nested = bool(context.options.get("nested", False))
    tally: Counter = Counter()
    with atomic_file(out) as handle:
        for item in documents:
            context.left_out["relations"] += len(item.relations)
            handle.write(document_block(item, nested, tally).encode("utf-8"))
    context.left_out["nesting"] += tally["nesting"]
    context.left_out["entities"] += tally["blank"] + tally["same"]
    context.notes.extend(_notes(tally, nested))


def document_block(item: ExportDocument, nested: bool, tally: Counter) -> str:
    """One document's lines, each ending in a newline; `tally` counts what was split,
    trimmed and left out."""
    text = item.document.text
    spans = _token_spans(text, item.entities, tally)
    if not nested:
        kept = outermost(spans)
        tally["nesting"] += len(spans) - len(kept)
        spans = kept
    words = words_with_offsets(text)
    split = split_at_boundaries(words, [edge for span in spans for edge in span[:2]])
    tokens = standalone(split)
    tally["split"] += _count_split(words, split)
    tally["standalone"] += _count_split(split, tokens)
    layers = levels(spans) if nested else [spans]
    tally["levels"] = max(tally["levels"], len(layers))
    tags = [spans_to_bio(tokens, layer) for layer in layers]
    separator = " " if nested else "\t"
    cells = _tag_cells(tags, separator, len(tokens))
    last = -1
    for sentence in token_sentences(text, tokens, spans):
        last += len(sentence)
        cells[last] += "\n"  # a blank line after each sentence
    # token, cell, token, cell, ...: one join, no string made per line
    lines = chain.from_iterable(zip(map(itemgetter(2), tokens), cells, strict=True))
    return f"{DOCSTART}{separator}O\n\n" + "".join(lines)


def _tag_cells(tags: list[list[str]], separator: str, count: int) -> list[str]:
    """What follows each token on its line, with the line's end: its tag, or its tags
    by nesting level with the `O`s after its last entity left off (`O` alone outside
    every entity), each after `separator`."""
    if len(tags) == 1:  # flat: one cell a tag, each made once
        cell = {tag: f"{separator}{tag}\n" for tag in set(tags[0])}
        return list(map(cell.__getitem__, tags[0]))
    if not tags:
        return [f"{separator}O\n"] * count
    outside = ("O",) * len(tags)
    cells = []
    for column in zip(*tags, strict=True):
        if column == outside:
            cells.append(f"{separator}O\n")
            continue
        depth = len(column)
        while depth > 1 and column[depth - 1] == "O":
            depth -= 1
        cells.append(separator + separator.join(column[:depth]) + "\n")
    return cells


def _token_spans(text: str, entities: list[ExportEntity], tally: Counter) -> list[Span]:
    """The entities as spans of whole tokens, without whitespace at their edges, each
    span and label once, sorted (so ties in `outermost` go to the first label)."""
    spans: set[Span] = set()
    for entity in entities:
        extent = without_edge_whitespace(text, entity.start, entity.end)
        if extent is None:
            tally["blank"] += 1
            continue
        if extent != (entity.start, entity.end):
            tally["trimmed"] += 1
        span = Span(*extent, entity.label)
        if span in spans:
            tally["same"] += 1
        spans.add(span)
    return sorted(spans)


def _count_split(before: list[Word], after: list[Word]) -> int:
    """How many tokens of `before` were cut into pieces in `after`."""
    if len(before) == len(after):
        return 0
    kept = {(token.start, token.end) for token in after}
    return sum((token.start, token.end) not in kept for token in before)


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _notes(tally: Counter, nested: bool) -> list[str]:
    notes = [
        f"{_n(tally['split'], 'token', 'tokens')} split where an entity starts or ends "
        "inside a word (e.g. a proclitic: ب + كردستان)"
    ]
    if tally["standalone"]:
        notes.append(
            f"{_n(tally['standalone'], 'token', 'tokens')} split further so as to read back "
            "as written (emoji sequences camel-tools splits differently standing alone)"
        )
    if tally["trimmed"]:
        notes.append(
            f"{_n(tally['trimmed'], 'entity', 'entities')} trimmed of the whitespace at their edges"
        )
    if tally["blank"] or tally["same"]:
        notes.append(
            f"left out: {_n(tally['blank'], 'entity', 'entities')} of whitespace only, "
            f"{tally['same']} with the span and label of another once trimmed"
        )
    if nested:
        notes.append(f"nested: {_n(tally['levels'], 'tag column', 'tag columns')}, one per level")
    elif tally["nesting"]:
        notes.append(
            f"flat: one tag column with the outermost entities (longest first, then "
            f"earliest); {tally['nesting']} nested or crossing ones left out (export "
            "nested to keep them)"
        )
    notes.append(
        "CoNLL holds tokens and tags only: no relations, document names or statuses, "
        "entity statuses or provenance"
    )
    return notes


def sniff(path: Path, limit: int = 1 << 16) -> bool:
    """True for a CoNLL suffix (the reader then says what is wrong, with the line), and
    for any other file whose first lines are tokens with IOB2 tags and `-DOCSTART-` lines,
    two token lines at least (Wojood's `.txt` files)."""
    if not path.is_file():
        return False
    if path.suffix.lower() in SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(limit)
        if len(head) == limit:
            head = head[: head.rfind(b"\n") + 1]
        lines = head.decode("utf-8").lstrip("\ufeff").replace("\r", "").split("\n")
    except (OSError, UnicodeDecodeError):
        return False
    tokens = 0
    for line in lines:
        parts = columns(line)
        if not parts or parts[0] == DOCSTART:
            continue
        if len(parts) < 2 or not all(map(is_tag, parts[1:])):
            return False
        tokens += 1
    return tokens >= 2


FORMAT = FileFormat(
    name="conll",
    title="CoNLL IOB2",
    suffixes=SUFFIXES,
    unit="tokens",
    carries=frozenset({"entities"}),
    sniff=sniff,
    read=read_conll,
    write=write,
)
