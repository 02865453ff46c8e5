"""Inter-annotator agreement on entities and relations: pure values in, an AgreementReport out.

No Qt, no SQL, no store: the caller reads each annotator's layer of each document it marked
done and passes plain values. Offsets are code points (Python string indices) into the
document's text; an entity is `(start, end, label)` with `0 <= start < end <= len(text)`; a
relation is `(head entity, tail entity, type)`.

Which documents: those of `texts` that at least two of the chosen annotators have a layer
for. Every statistic "per pair" compares two annotators on the documents both have;
"overall" sums the pairs' counts (micro average over pairs), except kappa, whose overall
value is the mean of the pairs' kappas (Light's kappa), and alpha, which is computed once
over all chosen annotators. "Per label" restricts a statistic to one entity label (for
relations: one relation type); "micro" pools the counts of all labels.

The work is split by responsibility: `scores` (the values in and out), `columns` (the
documents and layers as arrays, all documents at once), `inputs` (choosing and checking
what to compare), `spans` (span and relation comparison: exact F1, confusion, the
per-document table), `relaxed` (overlap matching of the spans left over), `token_statistics`
(Cohen's kappa and Krippendorff's alpha on IOB tags) and `compute` (`compute_agreement`,
and `agree` and `pair_agreement` on arrays, which assemble them); each module documents
its methods and sources. Everything a caller of values needs is importable from here.
"""

from __future__ import annotations

from annotator.app.agreement.compute import compute_agreement
from annotator.app.agreement.scores import (
    NONE,
    AgreementError,
    AgreementReport,
    Confusion,
    DocumentAgreement,
    Entity,
    F1Counts,
    LayerDocument,
    Ratio,
    Relation,
    Scores,
)
from annotator.app.agreement.token_statistics import IOB, MISSING

# steps of the token statistics that tests/app/test_agreement.py checks directly
from annotator.app.agreement.token_statistics import compress_units as _compress
from annotator.app.agreement.token_statistics import iob_tags as _iob_tags
from annotator.app.agreement.token_statistics import nominal_alpha as _alpha

__all__ = [
    "IOB",
    "MISSING",
    "NONE",
    "AgreementError",
    "AgreementReport",
    "Confusion",
    "DocumentAgreement",
    "Entity",
    "F1Counts",
    "LayerDocument",
    "Ratio",
    "Relation",
    "Scores",
    "compute_agreement",
    "_alpha",
    "_compress",
    "_iob_tags",
]
