"""What agreement compares, as arrays: the documents (`Corpus`: ids, names, text lengths,
the texts laid end to end and their words) and the annotators' layers on them (`Layers`:
one row per entity and per relation, all documents and annotators at once).

Both are built once and shared: `annotator agreement` compares the annotators with each
other and each of them with the curated gold on one Corpus and one Layers, each
comparison choosing its annotators and which of their documents count (`Layers.has`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import itemgetter

import numpy as np

from annotator.app.agreement.scores import LayerDocument
from annotator.text.tokens import word_edges


@dataclass(frozen=True, eq=False)
class Corpus:
    """Documents by position: `ids` (sorted), `names`, `lengths` (code points) and
    `bases`, where each text starts once they are joined, each followed by a line break."""

    ids: np.ndarray
    names: tuple[str, ...]
    texts: Sequence[str] = field(repr=False)
    lengths: np.ndarray = field(repr=False)
    bases: np.ndarray = field(repr=False)

    @classmethod
    def of(cls, documents: Iterable[tuple[int, str, str]]) -> Corpus:
        """From (id, name, text) in increasing id order."""
        rows = list(documents)
        lengths = np.array([len(text) for _, _, text in rows], dtype=np.int64)
        return cls(
            np.array([document_id for document_id, _, _ in rows], dtype=np.int64),
            tuple(name for _, name, _ in rows),
            [text for _, _, text in rows],
            lengths,
            np.cumsum(lengths + 1) - (lengths + 1),
        )

    @cached_property
    def words(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """camel-tools' words of all texts in one pass (`word_edges` on the joined texts,
        which gives each text's words, shifted): starts, ends and document positions."""
        starts, ends = word_edges("".join(text + "\n" for text in self.texts))
        return starts, ends, np.searchsorted(self.bases, starts, side="right") - 1

    def positions(self, document_ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """The positions of `document_ids` (all in the corpus) in it."""
        return np.searchsorted(self.ids, np.asarray(document_ids, dtype=np.int64))


@dataclass(frozen=True, eq=False)
class Layers:
    """Annotators' entities and relations on a Corpus, one array per column.

    `has[a, d]`: the layer of annotator `a` on document `d` is compared (rows of other
    documents are left out). Entities: `annotator`, `document` (positions), `start`,
    `end` (code points in the document) and `label` (index into `labels`, sorted).
    Relations: `relation_annotator`, `relation_document`, their head's and tail's
    `(start, end, label)` as `head` and `tail` (three arrays each) and `relation_type`
    (index into `types`, sorted).
    """

    annotators: tuple[str, ...]
    has: np.ndarray
    labels: tuple[str, ...]
    annotator: np.ndarray
    document: np.ndarray
    start: np.ndarray
    end: np.ndarray
    label: np.ndarray
    types: tuple[str, ...]
    relation_annotator: np.ndarray
    relation_document: np.ndarray
    head: tuple[np.ndarray, np.ndarray, np.ndarray]
    tail: tuple[np.ndarray, np.ndarray, np.ndarray]
    relation_type: np.ndarray

    def comparing(self, annotators: Sequence[str], has: np.ndarray) -> Layers:
        """These layers restricted to `annotators` (in that order), with `has` (one row
        per annotator, one column per document) saying which of their documents count."""
        index = [self.annotators.index(name) for name in annotators]
        renumber = np.full(len(self.annotators), -1, dtype=np.int64)
        renumber[index] = np.arange(len(index))
        entities = renumber[self.annotator]
        relations = renumber[self.relation_annotator]
        keep = entities >= 0
        keep[keep] = has[entities[keep], self.document[keep]]
        kept = relations >= 0
        kept[kept] = has[relations[kept], self.relation_document[kept]]
        return Layers(
            tuple(annotators), has, self.labels,
            entities[keep], self.document[keep], self.start[keep], self.end[keep],
            self.label[keep], self.types, relations[kept], self.relation_document[kept],
            tuple(column[kept] for column in self.head),
            tuple(column[kept] for column in self.tail),
            self.relation_type[kept],
        )  # fmt: skip


def layers_of(
    corpus: Corpus,
    annotators: Sequence[str],
    entities: Sequence[Sequence],
    relations: Sequence[Sequence],
) -> Layers:
    """Layers from plain columns: `entities` is (annotator index, document id, start,
    end, label); `relations` is (annotator index, document id, head start, head end,
    head label, tail start, tail end, tail label, type). Every document is compared
    (`has` all True) until `Layers.comparing` says otherwise."""
    annotator, document, start, end, label = entities
    labels, codes = _codes([label, relations[4], relations[7]])
    types, (type_codes,) = _codes([relations[8]])
    return Layers(
        tuple(annotators),
        np.ones((len(annotators), len(corpus.ids)), dtype=bool),
        labels, _ints(annotator), corpus.positions(document), _ints(start), _ints(end),
        codes[0], types, _ints(relations[0]), corpus.positions(relations[1]),
        (_ints(relations[2]), _ints(relations[3]), codes[1]),
        (_ints(relations[5]), _ints(relations[6]), codes[2]),
        type_codes,
    )  # fmt: skip


def layers_from_documents(
    corpus: Corpus, annotators: Sequence[str], layers: Mapping[str, Mapping[int, LayerDocument]]
) -> Layers:
    """Layers from LayerDocuments (annotator -> document id -> layer), for the documents
    of `corpus`; `has` is where an annotator has a LayerDocument."""
    entities: list = []
    relations: list = []
    has = np.zeros((len(annotators), len(corpus.ids)), dtype=bool)
    for index, name in enumerate(annotators):
        for position, document_id in enumerate(corpus.ids.tolist()):
            layer = layers[name].get(document_id)
            if layer is None:
                continue
            has[index, position] = True
            entities += ((index, document_id, *entity) for entity in layer.entities)
            relations += (
                (index, document_id, *head, *tail, type_name)
                for head, tail, type_name in layer.relations
            )
    found = layers_of(corpus, annotators, _columns(entities, 5), _columns(relations, 9))
    return found.comparing(annotators, has)


def _columns(rows: list, width: int) -> list[list]:
    return [list(map(itemgetter(i), rows)) for i in range(width)]


def _ints(values: Sequence[int] | np.ndarray) -> np.ndarray:
    return np.asarray(values, dtype=np.int64)


def _codes(columns: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], list[np.ndarray]]:
    """The sorted distinct strings of `columns` and each column as indices into them."""
    names = tuple(sorted(set(chain.from_iterable(columns))))
    index = {name: i for i, name in enumerate(names)}
    return names, [
        np.fromiter(map(index.__getitem__, column), dtype=np.int64, count=len(column))
        for column in columns
    ]


def row_codes(*columns: np.ndarray) -> np.ndarray:
    """One non-negative int64 per row of the int `columns` (of one length), equal exactly
    when the rows are: mixed radix on the columns less their minimum, renumbered densely
    (np.unique) wherever the next step could overflow."""
    code = np.zeros(len(columns[0]), dtype=np.int64)
    if len(code) == 0:
        return code
    for column in columns:
        lowest = int(column.min())
        width = int(column.max()) - lowest + 1
        if width >= 2**62 // len(column):  # too wide even for a renumbered code
            column = _dense(column)
            width = int(column.max()) + 1
        else:
            column = column - lowest
        if (int(code.max()) + 1) * width >= 2**62:
            code = _dense(code)
        code = code * width + column
    return code


def _dense(values: np.ndarray) -> np.ndarray:
    """Each value's rank among the distinct values."""
    return np.unique(values, return_inverse=True)[1].reshape(-1)
