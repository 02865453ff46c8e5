"""Reading CoNLL IOB2 files, flat or nested (the reader behind `annotator.formats.conll`).

A line is a token and its tags, separated by tabs (if the line has one) or spaces: one
tag column (`token<TAB>tag`, CoNLL-2003) or one per nesting level (`نابلس I-OCC B-GPE`,
Wojood; a token with fewer tags than another is outside any entity at the deeper
levels). A blank line ends a sentence; a `-DOCSTART-` line (other columns ignored) ends
a document. Tags are IOB2 (`O`, `B-TYPE`, `I-TYPE`); an `I-` tag with no entity of its
type open starts one, as conlleval does (and is counted).

CoNLL has tokens, not text: each document's text is rebuilt from them, tokens joined by
single spaces and sentences by newlines, and entity offsets are code points into that
text. Every error is a FormatError naming the file, the line and the reason; the whole
file is parsed before the first draft is returned.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.formats.base import ReadContext
from annotator.formats.errors import FormatError
from annotator.formats.text_io import decode_utf8, normalise_newlines
from annotator.model.drafts import DocumentDraft, EntityDraft
from annotator.text.bio import bio_to_spans
from annotator.text.words import Word

DOCSTART = "-DOCSTART-"
TAG = re.compile(r"O|[BI]-\S+")


def columns(line: str) -> list[str]:
    """A line's columns: split at tabs if it has one, else at spaces; empty ones dropped.
    [] for a blank line."""
    return [part for part in line.split("\t" if "\t" in line else " ") if part.strip(" ")]


def is_tag(value: str) -> bool:
    return TAG.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    tags: tuple[str, ...]
    line: int
    tabbed: bool  # tab-separated: its sentence's tab-separated lines have one column count


@dataclass
class LabelRules:
    """What becomes of a file's entity types: kept if the schema has them, renamed by
    `mapping`, left out if in `drop`; anything else refuses the file."""

    path: Path
    known: tuple[str, ...]
    mapping: dict[str, str]
    drop: frozenset[str]

    @classmethod
    def from_context(cls, path: Path, context: ReadContext) -> LabelRules:
        known = context.schema.label_names
        mapping = dict(context.options.get("map") or {})
        drop = context.options.get("drop") or ()
        drop = frozenset(drop.split(",") if isinstance(drop, str) else drop)
        for source, target in mapping.items():
            if target not in known:
                raise FormatError(
                    path,
                    f"option map {source}={target}: {target!r} is not a label of the "
                    f"project's schema ({', '.join(known)})",
                )
        if both := sorted(drop & mapping.keys()):
            raise FormatError(path, f"options map and drop both name {', '.join(both)}")
        return cls(path, known, mapping, drop)

    def label(self, kind: str, line: int, counts: Counter) -> str | None:
        """The schema label for a file's entity type, or None to leave it out."""
        if kind in self.drop:
            counts[f"entities dropped ({kind})"] += 1
            return None
        if kind in self.mapping:
            counts[f"entities mapped {kind}->{self.mapping[kind]}"] += 1
            return self.mapping[kind]
        if kind in self.known:
            return kind
        raise FormatError(
            self.path,
            f"label {kind!r} is not in the project's schema ({', '.join(self.known)}); "
            f"map it to one of those (--map {kind}=LABEL) or drop it (--drop {kind})",
            line,
        )


@dataclass
class Grouping:
    """Token lines into sentences and documents, as the options say."""

    per_document: int | None  # a new document every N sentences
    one_document: bool  # ignore -DOCSTART-
    documents: list[list[list[Token]]] = field(default_factory=list)
    sentences: list[list[Token]] = field(default_factory=list)
    sentence: list[Token] = field(default_factory=list)

    def end_sentence(self) -> None:
        if self.sentence:
            self.sentences.append(self.sentence)
            self.sentence = []
            if self.per_document and len(self.sentences) >= self.per_document:
                self.end_document()

    def end_document(self) -> None:
        self.end_sentence()
        if self.sentences:
            self.documents.append(self.sentences)
            self.sentences = []


def read_conll(path: Path, context: ReadContext) -> Iterator[DocumentDraft]:
    """The file's documents as drafts (status new, entities accepted from "import"), with
    a notice that their text was rebuilt; FormatError on any bad line."""
    rules = LabelRules.from_context(path, context)
    one_document = bool(context.options.get("document_per_file"))
    grouping = Grouping(_per_document(path, context), one_document)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(path, f"cannot read the file: {error.strerror}") from None
    lines = normalise_newlines(decode_utf8(data, path)).split("\n")
    for number, line in enumerate(lines, start=1):
        _take_line(path, grouping, number, line)
    grouping.end_document()
    if not grouping.documents:
        raise FormatError(path, "no tokens: the file is empty or has only blank lines", 1)
    drafts = [_draft(path, sentences, rules, context.counts) for sentences in grouping.documents]
    context.notices.append(
        f"{path}: CoNLL holds tokens, not text: the text of its {len(drafts)} document(s) "
        "was rebuilt from the tokens (joined by single spaces, one sentence per line)"
    )
    return iter(drafts)


def _per_document(path: Path, context: ReadContext) -> int | None:
    value = context.options.get("sentences_per_document")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FormatError(path, f"option sentences_per_document must be >= 1, got {value!r}")
    return value


def _take_line(path: Path, grouping: Grouping, number: int, line: str) -> None:
    parts = columns(line)
    if not parts:
        grouping.end_sentence()
    elif parts[0] == DOCSTART and grouping.one_document:
        grouping.end_sentence()
    elif parts[0] == DOCSTART:
        grouping.end_document()
    else:
        _check_line(path, grouping.sentence, number, line, parts)
        tabbed = "\t" in line
        grouping.sentence.append(Token(parts[0], tuple(parts[1:]), number, tabbed))


def _check_line(
    path: Path, sentence: list[Token], number: int, line: str, parts: list[str]
) -> None:
    if len(parts) < 2:
        raise FormatError(
            path,
            f"{parts[0]!r} has no tag: a line holds a token and its IOB2 tags (one per "
            "nesting level), separated by a tab or spaces",
            number,
        )
    for tag in parts[1:]:
        if not is_tag(tag):
            raise FormatError(
                path,
                f"{tag!r} is not an IOB2 tag (O, B-TYPE or I-TYPE); only the token and its "
                "NER tags are read (CoNLL-2003's POS and chunk columns are not)",
                number,
            )
    first = sentence[0] if sentence else None
    if first and first.tabbed and "\t" in line and len(first.tags) != len(parts) - 1:
        raise FormatError(
            path,
            f"{len(parts)} tab-separated columns where this sentence's first line "
            f"(line {first.line}) has {len(first.tags) + 1}",
            number,
        )


def _draft(
    path: Path, sentences: list[list[Token]], rules: LabelRules, counts: Counter
) -> DocumentDraft:
    """One document: the rebuilt text and the entities of every tag level, labels mapped
    or dropped, the same span and label once."""
    text = "\n".join(" ".join(token.text for token in sentence) for sentence in sentences)
    spans: dict[tuple[int, int, str], None] = {}
    start = 0
    for sentence in sentences:
        words = []
        for token in sentence:
            words.append(Word(start, start + len(token.text), token.text))
            start += len(token.text) + 1  # the space or newline after it
        lines = {word.start: token.line for word, token in zip(words, sentence, strict=True)}
        for tags in _levels(sentence, counts):
            for first, end, kind in bio_to_spans(words, tags):
                label = rules.label(kind, lines[first], counts)
                if label is None:
                    continue
                if (first, end, label) in spans:
                    counts["duplicate entities merged (same span and label)"] += 1
                spans[(first, end, label)] = None
    entities = [
        EntityDraft(key, first, end, label)
        for key, (first, end, label) in enumerate(sorted(spans), start=1)
    ]
    line = sentences[0][0].line
    return DocumentDraft(name=f"{path.name}:{line}", text=text, entities=entities, line=line)


def _levels(sentence: list[Token], counts: Counter) -> Iterator[list[str]]:
    """The sentence's tags level by level (`O` where a token has fewer tags), counting
    the `I-` tags that open an entity."""
    depth = max(len(token.tags) for token in sentence)
    for level in range(depth):
        tags = [token.tags[level] if level < len(token.tags) else "O" for token in sentence]
        previous = "O"
        for tag in tags:
            if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
                counts["I- tags that open an entity (read as B-, as conlleval does)"] += 1
            previous = tag
        yield tags
