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
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from operator import add, itemgetter
from pathlib import Path
from typing import NamedTuple

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


#: a token line's columns: the token, then its tags. A plain tuple of strings, which
#: the garbage collector stops tracking once it has seen it (a class's instances, even
#: a NamedTuple's, stay tracked and are walked by every collection while they live).
Token = tuple[str, ...]


class Sentence(NamedTuple):
    """A sentence's tokens, one a line from `line` on; `tabbed`: its first line is
    tab-separated (then its tab-separated lines have one column count)."""

    line: int
    tabbed: bool
    tokens: list[Token]


_new_word = partial(tuple.__new__, Word)  # Word(*values) without a Python-level call


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
    """Token lines into sentences and documents, as the options say; each document is
    handed to `done` as soon as it ends (so a large file's tokens are never all alive)."""

    per_document: int | None  # a new document every N sentences
    one_document: bool  # ignore -DOCSTART-
    done: Callable[[list[Sentence]], None]
    sentences: list[Sentence] = field(default_factory=list)
    sentence: list[Token] = field(default_factory=list)
    first: tuple[int, bool] = (0, False)  # the sentence's first line: number, tabbed

    def end_sentence(self) -> None:
        if self.sentence:
            self.sentences.append(Sentence(*self.first, self.sentence))
            self.sentence = []
            if self.per_document and len(self.sentences) >= self.per_document:
                self.end_document()

    def end_document(self) -> None:
        self.end_sentence()
        if self.sentences:
            self.done(self.sentences)
            self.sentences = []


@dataclass
class Drafts:
    """Each document's draft, made as the document ends. A label the rules refuse is
    raised only once every line was read (`finish`), so a bad line anywhere in the file
    is reported first, as when the drafts were made after reading it all; drafts stop
    at the first refused label, as they would then."""

    path: Path
    rules: LabelRules
    counts: Counter
    documents: int = 0
    drafts: list[DocumentDraft] = field(default_factory=list)
    refused: FormatError | None = None

    def add(self, sentences: list[Sentence]) -> None:
        self.documents += 1
        if self.refused is None:
            try:
                self.drafts.append(_draft(self.path, sentences, self.rules, self.counts))
            except FormatError as error:
                self.refused = error

    def finish(self) -> list[DocumentDraft]:
        if not self.documents:
            raise FormatError(self.path, "no tokens: the file is empty or has only blank lines", 1)
        if self.refused is not None:
            raise self.refused
        return self.drafts


def read_conll(path: Path, context: ReadContext) -> Iterator[DocumentDraft]:
    """The file's documents as drafts (status new, entities accepted from "import"), with
    a notice that their text was rebuilt; FormatError on any bad line."""
    made = Drafts(path, LabelRules.from_context(path, context), context.counts)
    one_document = bool(context.options.get("document_per_file"))
    grouping = Grouping(_per_document(path, context), one_document, made.add)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(path, f"cannot read the file: {error.strerror}") from None
    _take_text(path, grouping, normalise_newlines(decode_utf8(data, path)))
    grouping.end_document()
    drafts = made.finish()
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


# a line other than the usual `token<TAB or SPACE>tag` (one separator, two columns, not
# -DOCSTART-): blank, -DOCSTART-, more columns, more spaces (`[^\t \n]` as `columns`
# splits only at tabs and spaces)
_OTHER_LINE = re.compile(r"^(?!(?!-DOCSTART-[\t ])[^\t \n]+[\t ][^\t \n]+$).*$", re.MULTILINE)
_SEPARATOR = re.compile(r"[\t \n]")


def _take_text(path: Path, grouping: Grouping, text: str) -> None:
    """Every line into `grouping`: a blank line ends a sentence, `-DOCSTART-` a
    document, any other line is a token with its tags; FormatError on a bad line.

    A file is mostly runs of usual lines (`token<TAB>tag`), so one regex finds the other
    lines and each run between them is taken at once (`_take_run`); those others go
    through `_take_line`, as does a run with anything wrong, which raises what it is."""
    valid: set[str] = set()  # tags already checked
    number, end = 0, -1  # the last line taken, and where it ends (its newline)
    for match in _OTHER_LINE.finditer(text):
        start = match.start()
        run = text.count("\n", end + 1, start)  # usual lines before this one
        if run:
            _take_run(path, grouping, valid, number + 1, text[end + 1 : start - 1])
        number += run + 1
        _take_line(path, grouping, valid, number, match.group())
        end = match.end()
    if end < len(text):
        _take_run(path, grouping, valid, number + 1, text[end + 1 :])


def _take_run(path: Path, grouping: Grouping, valid: set[str], first: int, run: str) -> None:
    """Lines `first`, `first` + 1, ... of the usual form, `run` their text: their
    columns by one split, their new tags checked once; if a tag is not IOB2 or a tab-
    separated line cannot match its sentence's first line, each line through
    `_take_line`, which raises what is wrong at its line."""
    parts = _SEPARATOR.split(run)
    texts, tags = parts[0::2], parts[1::2]
    sentence = grouping.sentence
    new = set(tags).difference(valid)
    mismatched = sentence and grouping.first[1] and len(sentence[0]) != 2 and "\t" in run
    if mismatched or not all(map(is_tag, new)):
        for number, line in enumerate(run.split("\n"), start=first):
            _take_line(path, grouping, valid, number, line)
        return
    valid.update(new)
    if not sentence:
        grouping.first = (first, run[len(texts[0])] == "\t")
    sentence.extend(zip(texts, tags, strict=True))


def _take_line(path: Path, grouping: Grouping, valid: set[str], number: int, line: str) -> None:
    """One line, whatever its form; `valid`: tags already checked (new valid ones are
    added)."""
    tabbed = "\t" in line
    parts = columns(line)
    if not parts:
        grouping.end_sentence()
        return
    if parts[0] == DOCSTART:
        if grouping.one_document:
            grouping.end_sentence()
        else:
            grouping.end_document()
        return
    sentence = grouping.sentence
    _check_line(path, grouping, number, line, parts)
    valid.update(parts[1:])
    if not sentence:
        grouping.first = (number, tabbed)
    sentence.append(tuple(parts))


def _check_line(path: Path, grouping: Grouping, number: int, line: str, parts: list[str]) -> None:
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
    first = grouping.sentence[0] if grouping.sentence else None
    first_line, first_tabbed = grouping.first
    if first and first_tabbed and "\t" in line and len(first) != len(parts):
        raise FormatError(
            path,
            f"{len(parts)} tab-separated columns where this sentence's first line "
            f"(line {first_line}) has {len(first)}",
            number,
        )


def _draft(
    path: Path, sentences: list[Sentence], rules: LabelRules, counts: Counter
) -> DocumentDraft:
    """One document: the rebuilt text and the entities of every tag level, labels mapped
    or dropped, the same span and label once."""
    text = "\n".join([" ".join(map(itemgetter(0), sentence.tokens)) for sentence in sentences])
    spans: dict[tuple[int, int, str], None] = {}
    start = 0
    for sentence in sentences:
        texts = list(map(itemgetter(0), sentence.tokens))
        lengths = list(map(len, texts))
        # each token's start: the one before it, its length and the space (or, after the
        # sentence's last token, the newline) that follows it
        starts = list(accumulate(map(_one_more, lengths), initial=start))
        start = starts.pop()
        words = list(map(_new_word, zip(starts, map(add, starts, lengths), texts, strict=True)))
        for tags in _levels(sentence.tokens):
            for first, end, kind in bio_to_spans(words, tags):
                index = bisect_left(starts, first)
                if tags[index].startswith("I-"):  # an I- tag after O or another type
                    counts["I- tags that open an entity (read as B-, as conlleval does)"] += 1
                label = rules.label(kind, sentence.line + index, counts)
                if label is None:
                    continue
                if (first, end, label) in spans:
                    counts["duplicate entities merged (same span and label)"] += 1
                spans[(first, end, label)] = None
    entities = [
        EntityDraft(key, first, end, label)
        for key, (first, end, label) in enumerate(sorted(spans), start=1)
    ]
    line = sentences[0].line
    return DocumentDraft(name=f"{path.name}:{line}", text=text, entities=entities, line=line)


_one_more = (1).__add__


def _levels(tokens: list[Token]) -> Iterator[list[str]]:
    """The sentence's tags level by level (`O` where a token has fewer tags)."""
    depth = max(map(len, tokens)) - 1
    for level in range(1, depth + 1):
        if level == 1:  # every token has a first tag
            yield list(map(itemgetter(1), tokens))
        else:
            yield [token[level] if level < len(token) else "O" for token in tokens]
