"""The values of agreement: one annotator's layer of a document in (`LayerDocument`), the
counts and scores out (`F1Counts`, `Ratio`, `Confusion`, `Scores`, `DocumentAgreement`,
`AgreementReport`), and the error for input that cannot be compared.

An entity is `(start, end, label)` in code points with `0 <= start < end <= len(text)`; a
relation is `(head entity, tail entity, type)`. `to_json` gives plain dicts of lists,
strings, numbers and None.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

Entity = tuple[int, int, str]
Relation = tuple[Entity, Entity, str]
SpanKey = tuple[int, int]
RelationKey = tuple[SpanKey, SpanKey, str]

NONE = "none"
"""Row or column of the confusion matrix for a span the other annotator did not mark."""


class AgreementError(ValueError):
    """The input cannot be compared: too few or unknown annotators, a layer that does not
    belong where it is filed, a document without text, or an entity outside its text."""


@dataclass(frozen=True, slots=True)
class LayerDocument:
    """One annotator's entities and relations on one document (code-point offsets)."""

    annotator: str
    document_id: int
    entities: frozenset[Entity]
    relations: frozenset[Relation] = frozenset()


@dataclass(frozen=True, slots=True)
class F1Counts:
    """Items both annotators have (`matched`) and each one's total; F1 = 2m / (first + second)."""

    matched: int = 0
    first: int = 0
    second: int = 0

    @property
    def f1(self) -> float | None:
        total = self.first + self.second
        return 2 * self.matched / total if total else None

    def __add__(self, other: F1Counts) -> F1Counts:
        return F1Counts(
            self.matched + other.matched, self.first + other.first, self.second + other.second
        )

    def to_json(self) -> dict[str, Any]:
        return {"f1": self.f1, "matched": self.matched, "first": self.first, "second": self.second}


@dataclass(frozen=True, slots=True)
class Ratio:
    """`agreed` out of `total`; value None when total is 0."""

    agreed: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.agreed / self.total if self.total else None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "agreed": self.agreed, "total": self.total}


@dataclass(frozen=True, slots=True)
class Confusion:
    """Label confusion counts: `counts[i][j]` spans the first annotator labelled
    `labels[i]` where the second labelled `labels[j]`; the last label is NONE."""

    labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def array(self) -> np.ndarray:
        return np.array(self.counts, dtype=np.int64).reshape(len(self.labels), len(self.labels))

    def label_agreement(self) -> tuple[dict[str, Ratio], Ratio]:
        """Per label and micro: same-label share of positions both annotators marked."""
        matrix = self.array()[:-1, :-1]
        diagonal = np.diag(matrix)
        per_label = {
            label: Ratio(
                int(diagonal[i]), int(matrix[i, :].sum() + matrix[:, i].sum() - diagonal[i])
            )
            for i, label in enumerate(self.labels[:-1])
        }
        return per_label, Ratio(int(diagonal.sum()), int(matrix.sum()))

    def to_json(self) -> dict[str, Any]:
        return {"labels": list(self.labels), "counts": [list(row) for row in self.counts]}


@dataclass(frozen=True)
class Scores:
    """The statistics of one pair of annotators, or overall (all pairs summed)."""

    annotators: tuple[str, ...]
    documents: int
    exact: dict[str, F1Counts]
    relaxed: dict[str, F1Counts]
    label_agreement: dict[str, Ratio]
    label_agreement_micro: Ratio
    kappa: dict[str, float | None]
    kappa_micro: float | None
    relations: dict[str, F1Counts]
    confusion: Confusion

    @property
    def exact_micro(self) -> F1Counts:
        return sum(self.exact.values(), F1Counts())

    @property
    def relaxed_micro(self) -> F1Counts:
        return sum(self.relaxed.values(), F1Counts())

    @property
    def relations_micro(self) -> F1Counts:
        return sum(self.relations.values(), F1Counts())

    def to_json(self) -> dict[str, Any]:
        def counts(per: dict[str, F1Counts], micro: F1Counts) -> dict[str, Any]:
            return {"micro": micro.to_json(), "per_label": {k: v.to_json() for k, v in per.items()}}

        return {
            "annotators": list(self.annotators),
            "documents": self.documents,
            "exact": counts(self.exact, self.exact_micro),
            "relaxed": counts(self.relaxed, self.relaxed_micro),
            "label_agreement": {
                "micro": self.label_agreement_micro.to_json(),
                "per_label": {k: v.to_json() for k, v in self.label_agreement.items()},
            },
            "kappa": {"micro": self.kappa_micro, "per_label": dict(self.kappa)},
            "relations": counts(self.relations, self.relations_micro),
            "confusion": self.confusion.to_json(),
        }


@dataclass(frozen=True)
class DocumentAgreement:
    """One document's row: exact-span counts over its pairs and how many disagreements."""

    document_id: int
    name: str
    annotators: tuple[str, ...]
    exact: F1Counts
    entity_disagreements: int
    relation_disagreements: int

    @property
    def disagreements(self) -> int:
        """Off-diagonal confusion entries plus relations only one of a pair has, all pairs."""
        return self.entity_disagreements + self.relation_disagreements

    def to_json(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "name": self.name,
            "annotators": list(self.annotators),
            "exact_f1": self.exact.f1,
            "disagreements": self.disagreements,
            "entity_disagreements": self.entity_disagreements,
            "relation_disagreements": self.relation_disagreements,
        }


@dataclass(frozen=True)
class AgreementReport:
    """Everything `compute_agreement` found; `documents` is sorted most disagreement first."""

    annotators: tuple[str, ...]
    label: str | None
    labels: tuple[str, ...]
    relation_types: tuple[str, ...]
    documents: tuple[DocumentAgreement, ...]
    pairs: tuple[Scores, ...]
    overall: Scores
    alpha: dict[str, float | None]
    alpha_micro: float | None
    tokens: int = 0

    def to_json(self) -> dict[str, Any]:
        """A plain dict of lists, strings, numbers and None (for `json.dump`)."""
        return {
            "annotators": list(self.annotators),
            "label": self.label,
            "labels": list(self.labels),
            "relation_types": list(self.relation_types),
            "tokens": self.tokens,
            "overall": self.overall.to_json(),
            "alpha": {"micro": self.alpha_micro, "per_label": dict(self.alpha)},
            "pairs": [pair.to_json() for pair in self.pairs],
            "documents": [document.to_json() for document in self.documents],
        }
