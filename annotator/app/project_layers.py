"""A project's layers read once for agreement: the texts and accepted annotations of the
documents the chosen annotators marked done (and gold's layer where gold is curated), as
one Corpus and one Layers that each comparison then narrows."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from annotator.app.agreement.columns import Corpus, Layers, layers_of
from annotator.model import GOLD, DocumentStatus
from annotator.store import Project
from annotator.store.layers import (
    AcceptedColumns,
    accepted_columns,
    document_texts,
    documents_done_by,
)


class ProjectLayers:
    """The documents at least two of `names` marked done and, `with_gold`, those one of
    them marked done that gold has curated (gold marked done), read in one pass: texts
    (`corpus`), layers (`layers`), the schema's symmetric relation types (`symmetric`)."""

    def __init__(self, project: Project, names: Sequence[str], with_gold: bool) -> None:
        self.names = list(names)
        self.done = documents_done_by(project, self.names)
        self.shared = {d for d, layers in self.done.items() if len(layers) >= 2}
        curated = project.document_ids(status=DocumentStatus.DONE, layer=GOLD) if with_gold else ()
        self.curated = {d for d in curated if d in self.done}
        ids = sorted(self.shared | self.curated)
        self.corpus = Corpus.of(document_texts(project, ids))
        names = list(dict.fromkeys([*self.names, GOLD] if self.curated else self.names))
        self.layers = _layers(self.corpus, names, accepted_columns(project, ids, names))
        self.symmetric = [t.name for t in project.schema.relation_types if t.symmetric]

    def between_annotators(self) -> Layers:
        """The annotators' layers of the documents at least two of them marked done."""
        has = self._has(lambda name, d: d in self.shared and name in self.done[d], self.names)
        return self.layers.comparing(self.names, has)

    def against_gold(self, name: str) -> Layers | None:
        """`name`'s layer and gold's on the curated documents `name` marked done; None
        without such a document."""
        theirs = self._has(lambda _, d: d in self.curated and name in self.done[d], [name])
        if not theirs.any():
            return None
        return self.layers.comparing([name, GOLD], np.vstack([theirs, theirs]))

    def _has(self, test, names: Sequence[str]) -> np.ndarray:
        """(names, documents) mask: test(name, document id) for each."""
        ids = self.corpus.ids.tolist()
        return np.array([[test(name, d) for d in ids] for name in names], dtype=bool)


def _layers(corpus: Corpus, names: Sequence[str], columns: AcceptedColumns) -> Layers:
    """Layers from the store's columns, each relation's ends looked up by entity id: a
    relation counts when both are accepted entities read (of the layers and documents
    asked for)."""
    start = np.array(columns.entity_start, dtype=np.int64)
    end = np.array(columns.entity_end, dtype=np.int64)
    label = columns.entity_label
    head, tail, kept = _end_rows(columns)
    relations = [
        columns.relation_layer, columns.relation_document,
        start[head], end[head], list(map(label.__getitem__, head.tolist())),
        start[tail], end[tail], list(map(label.__getitem__, tail.tolist())),
        columns.relation_type,
    ]  # fmt: skip
    if kept is not None:
        for i in (0, 1, 8):
            relations[i] = list(map(relations[i].__getitem__, kept.tolist()))
    entities = (columns.entity_layer, columns.entity_document, start, end, label)
    return layers_of(corpus, names, entities, relations)


def _end_rows(columns: AcceptedColumns) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """The entity rows of the relations' heads and tails, for the relations whose ends
    are both among the entities, and which relations those are (None: all)."""
    ids = np.array(columns.entity_id, dtype=np.int64)
    if len(ids) == 0:
        nothing = np.zeros(0, dtype=np.int64)
        return nothing, nothing, nothing
    order = np.argsort(ids, kind="stable")
    ordered = ids[order]
    rows, found = [], []
    for wanted in (columns.relation_head, columns.relation_tail):
        wanted = np.array(wanted, dtype=np.int64)
        at = np.minimum(np.searchsorted(ordered, wanted), len(ids) - 1)
        rows.append(order[at])
        found.append(ordered[at] == wanted)
    both = found[0] & found[1]
    if both.all():
        return rows[0], rows[1], None
    kept = np.flatnonzero(both)
    return rows[0][kept], rows[1][kept], kept
