"""Agreement numbers against a hand computation, properties, and the HTML report."""

from __future__ import annotations

import re
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.app.agreement import (
    MISSING,
    NONE,
    AgreementError,
    LayerDocument,
    _alpha,
    _compress,
    _iob_tags,
    compute_agreement,
)
from annotator.app.agreement_report import write_html
from annotator.text.tokens import Word, split_at_boundaries, tokens_for

# -- the three-annotator fixture -------------------------------------------------------------
#
# Document 1: "زار بوتين موسكو في بكردستان أمس"
#   words: زار 0-3, بوتين 4-9, موسكو 10-15, في 16-18, بكردستان 19-27, أمس 28-31
#   entity boundaries 4, 9, 10, 15, 20, 27 split بكردستان into ب 19-20 + كردستان 20-27, so
#   the tokens are t0 زار, t1 بوتين, t2 موسكو, t3 في, t4 ب, t5 كردستان, t6 أمس.
# Document 2: "وصل ترامب": t7 وصل, t8 ترامب (a and b only; c has not done it).
# Document 3: only a has it, so it is not compared.
#
#   a: PERS 4-9 (بوتين), LOC 10-15 (موسكو), LOC 20-27 (كردستان); doc 2: PERS 4-9
#      relation بوتين -> موسكو located_in
#   b: PERS 4-9, LOC 10-15, PERS 20-27 (label disagreement with a); doc 2: PERS 4-9
#      relation بوتين -> موسكو located_in
#   c: PERS 4-15 (بوتين موسكو: boundary disagreement), LOC 20-27
#      relation "بوتين موسكو" -> كردستان located_in

TEXT_1 = "زار بوتين موسكو في بكردستان أمس"
TEXT_2 = "وصل ترامب"
PUTIN, MOSCOW, KURDISTAN = (4, 9, "PERS"), (10, 15, "LOC"), (20, 27, "LOC")
KURDISTAN_PERS, PUTIN_MOSCOW, TRUMP = (20, 27, "PERS"), (4, 15, "PERS"), (4, 9, "PERS")


def layer(annotator, document_id, entities, relations=()):
    return LayerDocument(annotator, document_id, frozenset(entities), frozenset(relations))


def fixture_inputs():
    layers = {
        "a": {
            1: layer("a", 1, [PUTIN, MOSCOW, KURDISTAN], [(PUTIN, MOSCOW, "located_in")]),
            2: layer("a", 2, [TRUMP]),
            3: layer("a", 3, [(0, 3, "LOC")]),
        },
        "b": {
            1: layer("b", 1, [PUTIN, MOSCOW, KURDISTAN_PERS], [(PUTIN, MOSCOW, "located_in")]),
            2: layer("b", 2, [TRUMP]),
        },
        "c": {
            1: layer("c", 1, [PUTIN_MOSCOW, KURDISTAN], [(PUTIN_MOSCOW, KURDISTAN, "located_in")])
        },
    }
    return {1: TEXT_1, 2: TEXT_2, 3: "قال"}, layers


@pytest.fixture(scope="module")
def report():
    return compute_agreement(*fixture_inputs(), names={1: "خبر ١", 2: "خبر ٢"})


def pair(report, a, b):
    return next(p for p in report.pairs if p.annotators == (a, b))


def test_tokens_split_at_entity_boundaries():
    tokens = tokens_for(TEXT_1, [4, 9, 10, 15, 20, 27])
    assert [t.text for t in tokens] == ["زار", "بوتين", "موسكو", "في", "ب", "كردستان", "أمس"]
    assert all(TEXT_1[t.start : t.end] == t.text for t in tokens)


def test_documents_compared_and_sorted_by_disagreement(report):
    assert report.tokens == 9
    assert [d.document_id for d in report.documents] == [1, 2]
    first, second = report.documents
    # Off-diagonal confusion entries: (a,b) 1, (a,c) 3, (b,c) 4 (see the confusion test);
    # relations only one of a pair has: (a,b) 0, (a,c) 2, (b,c) 2.
    assert (first.entity_disagreements, first.relation_disagreements) == (8, 4)
    assert first.disagreements == 12 and first.annotators == ("a", "b", "c")
    assert (second.disagreements, second.annotators, second.name) == (0, ("a", "b"), "خبر ٢")
    assert first.exact.f1 == pytest.approx(2 * (2 + 1 + 0) / (6 + 5 + 5))


def test_exact_f1_by_hand(report):
    # (a,b): both have PUTIN, MOSCOW and TRUMP: 2*3 / (4 + 4)
    assert pair(report, "a", "b").exact_micro.f1 == pytest.approx(6 / 8)
    # (a,c): KURDISTAN only: 2*1 / (3 + 2);  (b,c): nothing in common
    assert pair(report, "a", "c").exact_micro.f1 == pytest.approx(2 / 5)
    assert pair(report, "b", "c").exact_micro.f1 == 0
    overall = report.overall
    assert overall.exact_micro.f1 == pytest.approx(2 * (3 + 1 + 0) / (8 + 5 + 5))
    # PERS: matched 1+1 (a,b), 0, 0; spans (2+3) + (1+1) + (2+1)
    assert overall.exact["PERS"].f1 == pytest.approx(2 * 2 / 10)
    # LOC: matched 1 (a,b) + 1 (a,c); spans (2+1) + (2+1) + (1+1)
    assert overall.exact["LOC"].f1 == pytest.approx(2 * 2 / 8)


def test_relaxed_f1_by_hand(report):
    # (a,b): leftovers LOC 20-27 vs PERS 20-27 differ in label: still 3 matched
    assert pair(report, "a", "b").relaxed_micro.f1 == pytest.approx(6 / 8)
    # (a,c): KURDISTAN exact + PUTIN overlaps PUTIN_MOSCOW (PERS): 2*2 / 5
    assert pair(report, "a", "c").relaxed_micro.f1 == pytest.approx(4 / 5)
    # (b,c): PUTIN overlaps PUTIN_MOSCOW; PERS 20-27 overlaps nothing of c's PERS: 2*1 / 5
    assert pair(report, "b", "c").relaxed_micro.f1 == pytest.approx(2 / 5)
    assert report.overall.relaxed_micro.f1 == pytest.approx(2 * (3 + 2 + 1) / 18)


def test_relaxed_matching_is_one_to_one():
    # One long span overlaps two short ones of the other annotator: one match, not two.
    layers = {
        "a": {1: layer("a", 1, [(0, 15, "PERS")])},
        "b": {1: layer("b", 1, [(0, 3, "PERS"), (4, 9, "PERS")])},
    }
    result = compute_agreement({1: TEXT_1}, layers)
    assert result.overall.relaxed_micro.matched == 1
    assert result.overall.relaxed_micro.f1 == pytest.approx(2 * 1 / 3)


def test_nested_entities_at_token_level():
    # Tokens t0..t6 start at 0, 4, 10, 16, 19, 20, 28 (see the fixture).
    starts = np.array([0, 4, 10, 16, 19, 20, 28])
    present = np.ones(7, dtype=bool)

    def tags(*spans):
        columns = [np.array(x, dtype=np.int64) for x in zip(*spans, strict=True)]
        return "".join("OBI"[t] for t in _iob_tags(starts, columns, present, 2)[0])

    assert tags((4, 15, 0), (4, 9, 0)) == "OBIOOOO"  # same label nested: the outermost
    assert tags((4, 9, 0), (10, 15, 0)) == "OBBOOOO"  # touching: two entities
    assert tags((4, 15, 0), (10, 27, 0)) == "OBIIIIO"  # crossing: their union
    assert tags((4, 15, 0), (10, 15, 1)) == "OBIOOOO"  # another label: its own units
    assert tags((16, 16 + 2, 0), (18, 19, 0)) == "OOOBOOO"  # whitespace only: no token


def test_same_label_nesting_is_invisible_to_tokens_but_not_to_spans():
    layers = {
        "a": {1: layer("a", 1, [PUTIN_MOSCOW, PUTIN])},
        "b": {1: layer("b", 1, [PUTIN_MOSCOW])},
    }
    result = compute_agreement({1: TEXT_1}, layers)
    assert result.overall.exact_micro.f1 == pytest.approx(2 * 1 / 3)
    assert result.alpha["PERS"] == 1 and result.pairs[0].kappa["PERS"] == 1


def test_label_agreement_and_confusion_by_hand(report):
    # Positions both marked: (a,b) 4-9 PERS=PERS, 10-15 LOC=LOC, 20-27 LOC/PERS, and doc 2
    # 4-9 PERS=PERS; (a,c) 20-27 LOC=LOC; (b,c) 20-27 PERS/LOC.
    assert pair(report, "a", "b").label_agreement_micro.value == pytest.approx(3 / 4)
    assert pair(report, "b", "c").label_agreement_micro.value == 0
    assert report.overall.label_agreement_micro.value == pytest.approx(4 / 6)
    confusion = report.overall.confusion
    assert confusion.labels == ("LOC", "PERS", NONE)
    # (a,b): LOC/LOC 1, PERS/PERS 2, LOC/PERS 1
    # (a,c): LOC/LOC 1, PERS/none 1, LOC/none 1, none/PERS 1
    # (b,c): PERS/LOC 1, PERS/none 1, LOC/none 1, none/PERS 1
    assert confusion.counts == ((2, 1, 2), (1, 2, 2), (0, 2, 0))


def test_relation_f1_by_hand(report):
    assert pair(report, "a", "b").relations_micro.f1 == 1
    assert pair(report, "a", "c").relations_micro.f1 == 0
    assert report.overall.relations_micro.f1 == pytest.approx(2 * 1 / (2 + 2 + 2))


# IOB tags per (token, label) unit, t0..t8 (doc 2 only for a and b):
#   PERS  a: O B O O O O O | O B    LOC  a: O O B O O B O | O O
#         b: O B O O O B O | O B         b: O O B O O O O | O O
#         c: O B I O O O O               c: O O O O O B O
# Cohen's kappa = (p_o - p_e) / (1 - p_e), p_e = sum over values of the two marginals' product.
KAPPA = {
    # PERS: O/O 6, B/B 2, O/B 1 of 9; marginals a O7 B2, b O6 B3:
    #   p_o = 8/9, p_e = (7*6 + 2*3)/81 = 48/81, kappa = (72-48)/(81-48) = 24/33
    ("a", "b", "PERS"): F(24, 33),
    # LOC: O/O 7, B/B 1, B/O 1; a O7 B2, b O8 B1: p_e = 58/81, kappa = 14/23
    ("a", "b", "LOC"): F(14, 23),
    # PERS: O/O 5, B/B 1, O/I 1 of 7; a O6 B1, c O5 B1 I1: p_e = 31/49, kappa = 11/18
    ("a", "c", "PERS"): F(11, 18),
    # LOC: O/O 5, B/B 1, B/O 1; a O5 B2, c O6 B1: p_e = 32/49, kappa = 10/17
    ("a", "c", "LOC"): F(10, 17),
    # PERS: O/O 4, B/B 1, O/I 1, B/O 1; b O5 B2, c O5 B1 I1: p_e = 27/49, kappa = 8/22
    ("b", "c", "PERS"): F(8, 22),
    # LOC: O/O 5, B/O 1, O/B 1; b O6 B1, c O6 B1: p_e = 37/49, kappa = (35-37)/(49-37)
    ("b", "c", "LOC"): F(-2, 12),
}
KAPPA_MICRO = {
    # all 18 units, values O, B-PERS, B-LOC: O/O 13, BP/BP 2, BL/BL 1, O/BP 1, BL/O 1;
    # a O14 BP2 BL2, b O14 BP3 BL1: p_o = 16/18, p_e = (196+6+2)/324, kappa = 84/120
    ("a", "b"): F(84, 120),
    # 14 units: O/O 10, BP/BP 1, O/IP 1, BL/BL 1, BL/O 1; a O11 BP1 BL2, c O11 BP1 IP1 BL1:
    #   p_e = (121+1+2)/196, kappa = (168-124)/(196-124) = 44/72
    ("a", "c"): F(44, 72),
    # O/O 9, BP/BP 1, O/IP 1, BP/O 1, BL/O 1, O/BL 1; b O11 BP2 BL1, c O11 BP1 IP1 BL1:
    #   p_o = 10/14, p_e = (121+2+1)/196, kappa = (140-124)/(196-124) = 16/72
    ("b", "c"): F(16, 72),
}


def test_cohen_kappa_by_hand(report):
    for (a, b, label), expected in KAPPA.items():
        assert pair(report, a, b).kappa[label] == pytest.approx(float(expected)), (a, b, label)
    for (a, b), expected in KAPPA_MICRO.items():
        assert pair(report, a, b).kappa_micro == pytest.approx(float(expected)), (a, b)
    mean_pers = (F(24, 33) + F(11, 18) + F(8, 22)) / 3
    assert report.overall.kappa["PERS"] == pytest.approx(float(mean_pers))
    assert report.overall.kappa_micro == pytest.approx(float(sum(KAPPA_MICRO.values()) / 3))


def test_krippendorff_alpha_by_hand(report):
    # Nominal alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k, with the
    # coincidences o_ck = sum over units of (c-k pairs in the unit) / (coders in it - 1).
    # PERS units (O,B,I counts): t0 t3 t4 t6 (3,0,0) -> o_OO += 3 each; t7 (2,0,0) -> +2;
    #   t2 (2,0,1) -> o_OO += 1, o_OI = o_IO = 1; t5 (2,1,0) -> o_OO += 1, o_OB = o_BO = 1;
    #   t1 (0,3,0) -> o_BB += 3; t8 (0,2,0) -> +2.  o_OO 16, o_BB 5: n_O 18, n_B 6, n_I 1,
    #   n 25; disagreeing coincidences 4; sum n_c n_k = 625 - 324 - 36 - 1 = 264.
    assert report.alpha["PERS"] == pytest.approx(1 - 24 * 4 / 264)  # 7/11
    # LOC: five units (3,0,0) -> o_OO 15, t7 t8 (2,0,0) -> +4; t2 and t5 (1,2,0) -> o_BB += 1,
    #   o_OB = o_BO += 1 each.  n_O 21, n_B 4, n 25, disagreeing 4, sum n_c n_k = 2*21*4.
    assert report.alpha["LOC"] == pytest.approx(1 - 24 * 4 / 168)  # 3/7
    # Micro: the same coincidences on values O, B-PERS, I-PERS, B-LOC: n_O 39, n_BP 6, n_IP 1,
    #   n_BL 4, n 50; disagreeing 8; sum n_c n_k = 2500 - 1521 - 36 - 1 - 16 = 926.
    assert report.alpha_micro == pytest.approx(1 - 49 * 8 / 926)


def test_label_filter_keeps_that_labels_numbers(report):
    only_loc = compute_agreement(*fixture_inputs(), label="LOC")
    assert only_loc.labels == ("LOC",)
    assert only_loc.alpha["LOC"] == pytest.approx(report.alpha["LOC"])
    assert only_loc.overall.exact_micro == report.overall.exact["LOC"]
    # Relations whose head or tail is a LOC: all three.
    assert only_loc.overall.relations_micro == report.overall.relations_micro


def test_to_json_is_plain(report):
    import json

    data = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
    assert data["annotators"] == ["a", "b", "c"]
    assert data["overall"]["exact"]["micro"]["matched"] == 4
    assert data["documents"][0]["name"] == "خبر ١"


def test_errors():
    texts, layers = fixture_inputs()
    del texts[3]  # only a has document 3: it needs no text
    with pytest.raises(AgreementError, match="at least two"):
        compute_agreement(texts, layers, annotators=["a"])
    with pytest.raises(AgreementError, match="'z'"):
        compute_agreement(texts, layers, annotators=["a", "z"])
    with pytest.raises(AgreementError, match="not inside"):
        compute_agreement(texts, {**layers, "d": {2: layer("d", 2, [(0, 99, "LOC")])}})
    with pytest.raises(AgreementError, match="reserved"):
        compute_agreement(texts, {**layers, "d": {2: layer("d", 2, [(0, 3, NONE)])}})
    with pytest.raises(AgreementError, match="no text"):
        compute_agreement({1: TEXT_1}, layers)
    with pytest.raises(AgreementError, match="filed under"):
        compute_agreement(texts, {**layers, "d": {1: layer("a", 1, [])}})


def test_no_shared_document_gives_an_empty_report(tmp_path):
    layers = {"a": {1: layer("a", 1, [PUTIN])}, "b": {2: layer("b", 2, [TRUMP])}}
    result = compute_agreement({1: TEXT_1, 2: TEXT_2}, layers)
    assert result.documents == () and result.tokens == 0 and result.labels == ()
    assert result.overall.exact_micro.f1 is None and result.alpha_micro is None
    assert result.pairs[0].kappa_micro is None
    write_html(result, tmp_path / "empty.html")


def test_symmetric_relation_types_ignore_direction():
    one, two = (0, 3, "PERS"), (4, 9, "PERS")
    layers = {
        "a": {1: layer("a", 1, [one, two], [(one, two, "meets")])},
        "b": {1: layer("b", 1, [one, two], [(two, one, "meets")])},
    }
    assert compute_agreement({1: TEXT_1}, layers).overall.relations_micro.f1 == 0
    symmetric = compute_agreement({1: TEXT_1}, layers, symmetric_relation_types={"meets"})
    assert symmetric.overall.relations_micro.f1 == 1


# -- properties ----------------------------------------------------------------------------

VOCABULARY = ["زار", "بوتين", "موسكو", "في", "بكردستان", "أمس", "وزير", "،", "الخارجية."]
LABELS = ["PERS", "LOC", "ORG"]


@st.composite
def documents(draw):
    """A short text and a few random layers' worth of entity/relation choices on it."""
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8))
    return " ".join(words)


@st.composite
def layer_on(draw, text, annotator, document_id):
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text) - 1), st.integers(1, 6), st.sampled_from(LABELS)),
            max_size=5,
        )
    )
    entities = sorted({(s, min(len(text), s + w), label) for s, w, label in spans})
    relations = set()
    if len(entities) >= 2:
        for head, tail in draw(
            st.lists(st.tuples(st.sampled_from(entities), st.sampled_from(entities)), max_size=3)
        ):
            relations.add((head, tail, "located_in"))
    return layer(annotator, document_id, entities, relations)


@st.composite
def corpora(draw, annotators=("a", "b")):
    texts = dict(enumerate(draw(st.lists(documents(), min_size=1, max_size=3)), start=1))
    layers = {
        name: {doc: draw(layer_on(text, name, doc)) for doc, text in texts.items()}
        for name in annotators
    }
    return texts, layers


def copy_layers(layers, source, name):
    return {
        doc: LayerDocument(name, doc, lay.entities, lay.relations)
        for doc, lay in layers[source].items()
    }


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(corpora(annotators=("a",)))
def test_a_layer_agrees_with_itself(corpus):
    texts, layers = corpus
    layers["b"] = copy_layers(layers, "a", "b")
    result = compute_agreement(texts, layers)
    overall = result.overall
    for value in (
        overall.exact_micro.f1,
        overall.relaxed_micro.f1,
        overall.label_agreement_micro.value,
        overall.relations_micro.f1,
        overall.kappa_micro,
        result.alpha_micro,
        *result.alpha.values(),
        *overall.kappa.values(),
    ):
        assert value is None or value == pytest.approx(1.0)
    if any(lay.entities for lay in layers["a"].values()):
        assert overall.exact_micro.f1 == 1
    assert all(d.disagreements == 0 for d in result.documents)


@FAST
@given(corpora())
def test_agreement_is_symmetric_in_the_two_annotators(corpus):
    texts, layers = corpus
    forward = compute_agreement(texts, layers, annotators=["a", "b"])
    backward = compute_agreement(texts, layers, annotators=["b", "a"])
    one, other = forward.pairs[0], backward.pairs[0]
    assert one.exact_micro.f1 == other.exact_micro.f1
    assert one.relaxed_micro.f1 == other.relaxed_micro.f1
    assert one.label_agreement_micro == other.label_agreement_micro
    assert one.relations_micro.f1 == other.relations_micro.f1
    assert _close(one.kappa_micro, other.kappa_micro)
    assert all(_close(one.kappa[k], other.kappa[k]) for k in one.kappa)
    assert _close(forward.alpha_micro, backward.alpha_micro)
    assert (one.confusion.array() == other.confusion.array().T).all()
    assert [d.disagreements for d in forward.documents] == [
        d.disagreements for d in backward.documents
    ]


@FAST
@given(corpora(), st.sampled_from(["a", "b"]))
def test_an_annotator_who_agrees_never_lowers_alpha(corpus, twin_of):
    """A third annotator identical to one of the pair (so agreeing with everyone when the
    pair agrees) leaves alpha at or above the pair's."""
    texts, layers = corpus
    pair_alpha = compute_agreement(texts, layers).alpha_micro
    assume(pair_alpha is not None)
    layers["c"] = copy_layers(layers, twin_of, "c")
    assert compute_agreement(texts, layers).alpha_micro >= pair_alpha - 1e-9


@FAST
@given(corpora())
def test_relaxed_f1_is_never_below_exact_f1(corpus):
    texts, layers = corpus
    overall = compute_agreement(texts, layers).overall
    assert overall.relaxed_micro.matched >= overall.exact_micro.matched
    for label, exact in overall.exact.items():
        assert overall.relaxed[label].matched >= exact.matched


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 2)), min_size=3, max_size=3),
        min_size=1,
        max_size=30,
    )
)
def test_summing_agreeing_units_leaves_alpha_unchanged(units):
    """Our alpha (agreeing units summed into one per value) equals krippendorff.alpha on
    the raw reliability data (annotators x units, NaN where missing)."""
    import krippendorff

    data = np.array([[np.nan if v is None else v for v in unit] for unit in units]).T
    pairable = (~np.isnan(data)).sum(axis=0) >= 2
    assume(len(np.unique(data[:, pairable][~np.isnan(data[:, pairable])])) >= 2)
    expected = krippendorff.alpha(
        reliability_data=data, value_domain=[0, 1, 2], level_of_measurement="nominal"
    )
    tags = np.where(np.isnan(data), MISSING, data).astype(np.int8)
    assert _alpha(*_compress(tags)) == pytest.approx(expected)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 40), min_size=0, max_size=12),
    st.lists(st.integers(0, 40), max_size=8),
)
def test_split_at_boundaries_keeps_the_text_and_cuts_at_every_inner_boundary(gaps, cuts):
    words, position = [], 0
    for gap in gaps:
        start, end = position + 1, position + 1 + gap % 7 + 1
        words.append(Word(start, end, "x" * (end - start)))
        position = end
    tokens = split_at_boundaries(words, cuts)
    assert "".join(t.text for t in tokens) == "".join(w.text for w in words)
    assert all(t.end - t.start == len(t.text) > 0 for t in tokens)
    edges = {t.start for t in tokens} | {t.end for t in tokens}
    for cut in cuts:
        if any(w.start < cut < w.end for w in words):
            assert cut in edges


# -- the HTML report -------------------------------------------------------------------------


def test_html_report_is_self_contained_utf8_with_a_png(report, tmp_path):
    out = write_html(report, tmp_path / "agreement.html", progress={"a": (3, 3), "c": (1, 3)})
    data = out.read_bytes()
    page = data.decode("utf-8")  # raises if not valid UTF-8
    assert '<meta charset="utf-8">' in page
    assert "data:image/png;base64,iVBORw0KGgo" in page  # the PNG signature, base64
    assert not re.search(r"https?://", page)
    assert "<script" not in page
    assert 'dir="auto">خبر ١</td>' in page
    assert "33%" in page  # c's progress
    assert list(tmp_path.iterdir()) == [out]


def _close(x, y):
    return (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-9)
