"""Training sentences with gold spans: read from nested CoNLL (Wojood) or built from a text.

A sentence is a list of words (camel-tools' `simple_word_tokenize` tokens, proclitics
attached, as at prediction time) and its gold spans over word indices. Nested CoNLL has one
token per line followed by one IOB2 tag per nesting level (`نابلس I-OCC B-GPE`), a blank line
between sentences (Jarrar et al., "Wojood: Nested Arabic Named Entity Corpus and Recognition
using BERT", LREC 2022).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from annotator.suggest.crf.tokens import words_with_offsets

#: Wojood entity type -> model label; every other type is left out.
DEFAULT_TYPE_MAP: Mapping[str, str] = {
    "PERS": "PERS",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
}


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A gold or predicted entity over word indices: words[start:end] (end exclusive)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """Words, gold spans, and how the sentence counts in training.

    `weight` is a repeat count (>= 1): the sentence is given to CRFsuite that many times,
    which for its L-BFGS objective is the same as weighting its log-likelihood.
    `labels` names the labels the sentence is completely annotated for (words outside its
    spans of those labels are gold O); None means every label. A rejected candidate is
    negative evidence this way: its sentence with `labels={that label}` and the accepted
    spans of that label, so the rejected span's words are trained as O for that label only.
    """

    words: tuple[str, ...]
    spans: tuple[Span, ...] = ()
    weight: int = 1
    labels: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.weight < 1:
            raise ValueError(f"weight must be a positive repeat count, not {self.weight}")
        for span in self.spans:
            if not 0 <= span.start < span.end <= len(self.words):
                raise ValueError(f"span {span} outside the sentence's {len(self.words)} words")

    def annotated_for(self, labels: Iterable[str]) -> bool:
        """True if gold O can be trusted for all of `labels` in this sentence."""
        return self.labels is None or set(labels) <= self.labels


def decode_levels(tag_rows: list[list[str]]) -> set[tuple[int, int, str]]:
    """IOB2 tags per token, one column per nesting level -> (start, end, type) over token
    indices, every level. An I- with no open entity of its type starts one."""
    found: set[tuple[int, int, str]] = set()
    depth = max((len(row) for row in tag_rows), default=0)
    for level in range(depth):
        tags = [row[level] if level < len(row) else "O" for row in tag_rows]
        found |= _decode_column(tags)
    return found


def _decode_column(tags: list[str]) -> set[tuple[int, int, str]]:
    found: set[tuple[int, int, str]] = set()
    open_span: list | None = None
    for index, tag in enumerate([*tags, "O"]):
        kind = tag[2:]
        continues = tag.startswith("I-") and open_span is not None and open_span[2] == kind
        if continues:
            open_span[1] = index + 1
            continue
        if open_span is not None:
            found.add(tuple(open_span))
            open_span = None
        if tag.startswith(("B-", "I-")):
            open_span = [index, index + 1, kind]
    return found


def read_nested_conll(
    path: str | Path, type_map: Mapping[str, str] = DEFAULT_TYPE_MAP
) -> list[Sentence]:
    """Sentences of a nested CoNLL file, spans at every level mapped through `type_map`.

    Tokens are re-split with the word tokenizer (`$#$` becomes `$ # $`) so training sees the
    words prediction will see. Raises ValueError naming the line of a malformed tag.
    """
    blocks: list[list[tuple[str, list[str]]]] = [[]]
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            blocks.append([])
            continue
        token, *tags = line.split(" ")
        if not tags or any(tag != "O" and tag[:2] not in ("B-", "I-") for tag in tags):
            raise ValueError(f"{path}:{number}: expected a token and IOB2 tags: {line!r}")
        blocks[-1].append((token, tags))
    return [_sentence_from_tokens(block, type_map) for block in blocks if block]


def _sentence_from_tokens(
    block: list[tuple[str, list[str]]], type_map: Mapping[str, str]
) -> Sentence:
    tokens = [token for token, _ in block]
    text = " ".join(tokens)
    starts = [0]
    for token in tokens[:-1]:
        starts.append(starts[-1] + len(token) + 1)
    char_spans = {
        (starts[start], starts[end - 1] + len(tokens[end - 1]), type_map[kind])
        for start, end, kind in decode_levels([tags for _, tags in block])
        if kind in type_map
    }
    return sentence_from_text(text, char_spans)


def sentence_from_text(
    text: str,
    char_spans: Iterable[tuple[int, int, str]],
    weight: int = 1,
    labels: frozenset[str] | None = None,
) -> Sentence:
    """A training sentence from a text and gold spans in code points (end exclusive).

    A span is widened to the words it touches (the model tags whole words, proclitics
    included); a span touching no word is dropped. Raises ValueError as `Sentence` does.
    """
    words = words_with_offsets(text)
    spans = set()
    for start, end, label in char_spans:
        touched = [i for i, word in enumerate(words) if word.start < end and start < word.end]
        if touched:
            spans.add(Span(touched[0], touched[-1] + 1, label))
    return Sentence(tuple(w.text for w in words), tuple(sorted(spans)), weight, labels)
