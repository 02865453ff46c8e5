"""`compute_agreement` (on plain values), `agree` and `pair_agreement` (on a Corpus and
its Layers): the layers compared span by span and token by token, and the counts
assembled into an AgreementReport or one pair's Scores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import reduce
from operator import add

from annotator.app.agreement.columns import Corpus, Layers, layers_from_documents
from annotator.app.agreement.inputs import choose_annotators, prepare, select_documents
from annotator.app.agreement.scores import (
    NONE,
    AgreementReport,
    Confusion,
    F1Counts,
    LayerDocument,
    Scores,
)
from annotator.app.agreement.spans import (
    PairCounts,
    compare_pairs,
    disagreement_order,
    document_rows,
)
from annotator.app.agreement.token_statistics import alphas, pair_kappas, tag_tokens


def compute_agreement(
    texts: Mapping[int, str],
    layers: Mapping[str, Mapping[int, LayerDocument]],
    annotators: Sequence[str] | None = None,
    label: str | None = None,
    *,
    names: Mapping[int, str] | None = None,
    symmetric_relation_types: Iterable[str] = (),
) -> AgreementReport:
    """Agreement of `annotators` (default: all of `layers`, sorted) on the documents of
    `texts` that at least two of them have.

    `texts`: document id -> text. `layers`: annotator -> document id -> LayerDocument.
    `label`: restrict entity statistics to this label (relations: head or tail has it).
    `names`: document id -> name for the per-document table (default "document N").
    `symmetric_relation_types`: relation types whose head and tail are unordered.

    Raises AgreementError (a ValueError) for fewer than two annotators, an annotator not in
    `layers`, a LayerDocument filed under another annotator or document id, a compared
    document missing from `texts`, an entity outside its text, or a label named NONE.
    """
    chosen = choose_annotators(layers, annotators)
    selection = select_documents(texts, layers, chosen)
    names = names or {}
    corpus = Corpus.of((d, names.get(d, f"document {d}"), texts[d]) for d in selection)
    found = layers_from_documents(corpus, chosen, layers)
    return agree(corpus, found, label, symmetric_relation_types)


def agree(
    corpus: Corpus, layers: Layers, label: str | None, symmetric_relation_types: Iterable[str]
) -> AgreementReport:
    """Agreement of the annotators of `layers` (at least two, in their order) on the
    documents of `corpus` that at least two of them have (`layers.has`); `label` and
    `symmetric_relation_types` as in `compute_agreement`.

    Raises AgreementError for an entity outside its text or a label named NONE."""
    comparison = prepare(corpus, layers, label, symmetric_relation_types)
    labels, chosen, types = comparison.labels, comparison.annotators, comparison.types
    counts, by_document = compare_pairs(comparison, len(corpus.ids))
    tagged = tag_tokens(corpus, comparison)
    kappas = pair_kappas(tagged, chosen, labels)
    pairs = tuple(_scores(pair, counts[pair], labels, types, kappas[pair]) for pair in counts)
    total = reduce(add, counts.values())
    alpha, alpha_micro = alphas(tagged, labels)
    rows = document_rows(comparison, corpus, by_document)
    used = (total.rel_first + total.rel_second).tolist()
    return AgreementReport(
        annotators=chosen,
        label=label,
        labels=labels,
        relation_types=tuple(name for name, n in zip(types, used, strict=True) if n),
        documents=tuple(sorted(rows, key=disagreement_order)),
        pairs=pairs,
        overall=_overall(chosen, len(comparison.selected), total, labels, types, pairs),
        alpha=alpha,
        alpha_micro=alpha_micro,
        tokens=tagged.tokens,
    )


def pair_agreement(
    corpus: Corpus, layers: Layers, label: str | None, symmetric_relation_types: Iterable[str]
) -> Scores:
    """The Scores of the two annotators of `layers` on the documents both have, as in the
    AgreementReport `agree` gives (its `pairs[0]`), without what only a report needs:
    alpha and the per-document table."""
    comparison = prepare(corpus, layers, label, symmetric_relation_types)
    labels, types = comparison.labels, comparison.types
    [(pair, counts)] = compare_pairs(comparison, len(corpus.ids))[0].items()
    kappas = pair_kappas(tag_tokens(corpus, comparison), comparison.annotators, labels)
    return _scores(pair, counts, labels, types, kappas[pair])


def _scores(annotators, tally: PairCounts, labels, types, kappas) -> Scores:
    """A pair's (or all pairs') Scores from its counts and its kappas (per label, micro)."""
    exact, relaxed, first, second = (
        getattr(tally, name).tolist() for name in ("exact", "relaxed", "first", "second")
    )
    matched, rel_first, rel_second = (
        getattr(tally, name).tolist() for name in ("rel_matched", "rel_first", "rel_second")
    )
    confusion = Confusion((*labels, NONE), tuple(map(tuple, tally.confusion.tolist())))
    per_label, micro = confusion.label_agreement()
    return Scores(
        annotators=tuple(annotators),
        documents=tally.documents,
        exact={n: F1Counts(exact[i], first[i], second[i]) for i, n in enumerate(labels)},
        relaxed={n: F1Counts(relaxed[i], first[i], second[i]) for i, n in enumerate(labels)},
        label_agreement=per_label,
        label_agreement_micro=micro,
        kappa=kappas[0],
        kappa_micro=kappas[1],
        relations={
            t: F1Counts(matched[i], rel_first[i], rel_second[i])
            for i, t in enumerate(types)
            if rel_first[i] + rel_second[i]
        },
        confusion=confusion,
    )


def _overall(chosen, documents: int, total: PairCounts, labels, types, pairs) -> Scores:
    """All pairs summed; kappa is the mean over pairs where defined (Light's kappa)."""
    per_label = {n: _mean([pair.kappa[n] for pair in pairs]) for n in labels}
    kappas = (per_label, _mean([p.kappa_micro for p in pairs]))
    return replace(_scores(chosen, total, labels, types, kappas), documents=documents)


def _mean(values: Iterable[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None
