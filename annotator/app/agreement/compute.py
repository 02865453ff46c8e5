"""`compute_agreement`: the layers compared span by span and token by token, and the
counts assembled into an AgreementReport."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from annotator.app.agreement.inputs import (
    choose_annotators,
    labels_in,
    prepare_layer,
    select_documents,
)
from annotator.app.agreement.scores import (
    NONE,
    AgreementReport,
    Confusion,
    F1Counts,
    LayerDocument,
    Scores,
)
from annotator.app.agreement.spans import PairCounts, compare_documents, disagreement_order
from annotator.app.agreement.token_statistics import kappas_and_alphas


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
    symmetric = frozenset(symmetric_relation_types)
    prepared = {
        name: {
            doc: prepare_layer(layers[name][doc], len(texts[doc]), label, symmetric)
            for doc in selection
            if doc in layers[name]
        }
        for name in chosen
    }
    labels = labels_in(prepared, label)
    tallies, documents = compare_documents(chosen, selection, prepared, names or {})
    kappas, alphas, token_count = kappas_and_alphas(texts, chosen, selection, prepared, labels)
    counts = {pair: PairCounts.of(tally) for pair, tally in tallies.items()}
    pairs = tuple(_scores(pair, counts[pair], labels, kappas[pair]) for pair in counts)
    return AgreementReport(
        annotators=chosen,
        label=label,
        labels=labels,
        relation_types=tuple(
            sorted({t for c in counts.values() for t in c.rel_first.keys() | c.rel_second.keys()})
        ),
        documents=tuple(sorted(documents, key=disagreement_order)),
        pairs=pairs,
        overall=_overall(chosen, len(selection), list(counts.values()), labels, pairs),
        alpha=alphas[0],
        alpha_micro=alphas[1],
        tokens=token_count,
    )


def _scores(annotators, tally: PairCounts, labels, kappas) -> Scores:
    """A pair's (or all pairs') Scores from its counts and its kappas (per label, micro)."""
    relation_types = sorted(tally.rel_first.keys() | tally.rel_second.keys())
    confusion = _confusion(tally.confusion, labels)
    per_label, micro = confusion.label_agreement()
    return Scores(
        annotators=tuple(annotators),
        documents=tally.documents,
        exact={n: F1Counts(tally.exact[n], tally.first[n], tally.second[n]) for n in labels},
        relaxed={n: F1Counts(tally.relaxed[n], tally.first[n], tally.second[n]) for n in labels},
        label_agreement=per_label,
        label_agreement_micro=micro,
        kappa=kappas[0],
        kappa_micro=kappas[1],
        relations={
            t: F1Counts(tally.rel_matched[t], tally.rel_first[t], tally.rel_second[t])
            for t in relation_types
        },
        confusion=confusion,
    )


def _confusion(cells: Counter[tuple[str, str]], labels: Sequence[str]) -> Confusion:
    order = (*labels, NONE)
    return Confusion(order, tuple(tuple(cells[row, col] for col in order) for row in order))


def _overall(chosen, documents: int, counts: Sequence[PairCounts], labels, pairs) -> Scores:
    """All pairs summed; kappa is the mean over pairs where defined (Light's kappa)."""
    total = sum(counts[1:], counts[0])
    per_label = {n: _mean([pair.kappa[n] for pair in pairs]) for n in labels}
    scores = _scores(chosen, total, labels, (per_label, _mean([p.kappa_micro for p in pairs])))
    return replace(scores, documents=documents)


def _mean(values: Iterable[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None
