"""The CRF NER package: corpus reading, training, prediction offsets, determinism, scoring."""

from __future__ import annotations

import pytest

from annotator.suggest.crf.corpus import (
    Sentence,
    Span,
    decode_levels,
    read_nested_conll,
    sentence_from_text,
)
from annotator.suggest.crf.model import (
    CrfNerModel,
    ModelError,
    PredictedSpan,
    TrainingParameters,
    bio_tags,
    outermost,
    resolve_conflicts,
)
from annotator.suggest.crf.scoring import Tally, score

# A few sentences are enough for a CRF with no L1 penalty to learn these names and contexts.
FIXTURE = [
    ("زار سمير نابلس أمس", [("سمير", "PERS"), ("نابلس", "LOC")]),
    ("وصل سمير إلى القدس", [("سمير", "PERS"), ("القدس", "LOC")]),
    (
        "أعلنت بلدية نابلس أن ليلى زارت القدس",
        [("بلدية نابلس", "ORG"), ("نابلس", "LOC"), ("ليلى", "PERS"), ("القدس", "LOC")],
    ),
    (
        "قالت ليلى إن بلدية القدس بدأت العمل",
        [("ليلى", "PERS"), ("بلدية القدس", "ORG"), ("القدس", "LOC")],
    ),
    ("ذهب الناس إلى السوق أمس", []),
    ("بدأت الأعمال في المدينة", []),
]
PARAMETERS = TrainingParameters(c1=0.0, c2=0.01, max_iterations=60)


def fixture_sentences() -> list[Sentence]:
    result = []
    for text, entities in FIXTURE:
        spans = []
        for name, label in entities:
            start = text.index(name)
            spans.append((start, start + len(name), label))
        result.append(sentence_from_text(text, spans))
    return result


@pytest.fixture(scope="module")
def tiny_crf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crf") / "model"
    CrfNerModel.train(fixture_sentences(), parameters=PARAMETERS).save(folder)
    return folder


def test_nested_conll_keeps_every_level_and_maps_types(tmp_path):
    path = tmp_path / "nested.txt"
    path.write_text(
        "مراسلة O\nسكرتير B-OCC\nبلدية I-OCC B-ORG\nنابلس I-OCC I-ORG B-GPE\n$#$ O\n\n"
        "وطولكرم B-GPE\n",
        encoding="utf-8",
    )
    first, second = read_nested_conll(path)
    # $#$ is re-split as the word tokenizer splits it at prediction time
    assert first.words == ("مراسلة", "سكرتير", "بلدية", "نابلس", "$", "#", "$")
    assert first.spans == (Span(2, 4, "ORG"), Span(3, 4, "LOC"))
    assert second.spans == (Span(0, 1, "LOC"),)


def test_malformed_tags_name_their_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("نابلس O\nقرية X-LOC\n", encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        read_nested_conll(path)


def test_decode_levels_reads_each_column_and_stray_inside_tags():
    tags = [["B-ORG"], ["I-ORG", "B-GPE"], ["O"], ["I-PERS"]]
    assert decode_levels(tags) == {(0, 2, "ORG"), (1, 2, "GPE"), (3, 4, "PERS")}


def test_spans_in_code_points_widen_to_whole_words_and_weights_are_checked():
    sentence = sentence_from_text("زار وموسكو أمس", [(5, 10, "LOC")], weight=2)
    assert sentence.spans == (Span(1, 2, "LOC"),) and sentence.weight == 2
    with pytest.raises(ValueError):
        Sentence(("a",), (), weight=0)
    partial = Sentence(("a",), (), labels=frozenset({"LOC"}))
    assert partial.annotated_for(["LOC"]) and not partial.annotated_for(["PERS"])


def test_outermost_spans_per_layer_and_their_tags():
    spans = [Span(0, 3, "ORG"), Span(1, 3, "LOC"), Span(4, 5, "LOC")]
    assert outermost(spans, ("LOC",)) == [Span(1, 3, "LOC"), Span(4, 5, "LOC")]
    flat = outermost(spans, ("PERS", "ORG", "LOC"))
    assert bio_tags(5, flat) == ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]


def test_conflicts_keep_nesting_and_drop_crossing_or_relabelled_spans():
    found = [
        PredictedSpan(0, 3, "ORG", 0.9),
        PredictedSpan(1, 3, "LOC", 0.8),  # nested: kept
        PredictedSpan(0, 3, "LOC", 0.5),  # same span, lower confidence: dropped
        PredictedSpan(2, 5, "PERS", 0.7),  # crosses the ORG: dropped
    ]
    assert resolve_conflicts(found) == [found[0], found[1]]


def test_trained_model_finds_entities_with_exact_offsets(tiny_crf):
    from annotator.suggest.builtin_ner import BuiltinNerSuggester

    text = "  وصلَت ليلى إلى نابلس، ثم بلدية القدس."
    suggester = BuiltinNerSuggester(model_dir=tiny_crf, min_confidence=0.0)
    candidates = suggester.suggest(text)
    assert sorted((c.start, c.end, c.label) for c in candidates) == [
        (8, 12, "PERS"),  # ليلى, after a word with a diacritic
        (17, 22, "LOC"),  # نابلس, without the comma
        (27, 38, "ORG"),  # بلدية القدس
        (33, 38, "LOC"),  # القدس, nested in the ORG
    ]
    assert text[27:38] == "بلدية القدس" and text[8:12] == "ليلى"
    assert all(c.source == "builtin-ner" and 0 < c.confidence <= 1 for c in candidates)


def test_training_is_deterministic(tiny_crf):
    again = CrfNerModel.train(fixture_sentences(), parameters=PARAMETERS)
    saved = CrfNerModel.load(tiny_crf)
    assert again.layers == saved.layers
    words = ["زار", "سمير", "القدس"]
    assert again.predict(words) == saved.predict(words)


def test_weights_repeat_sentences_and_partial_sentences_stay_out_of_other_layers():
    sentences = fixture_sentences()
    heavier = [Sentence(s.words, s.spans, 3) for s in sentences]
    model = CrfNerModel.train(heavier, parameters=PARAMETERS)
    assert model.metadata["sentences_weighted"] == 3 * len(sentences)
    # gold that covers every label says سمير is no one here; gold for LOC alone does not
    words = ("زار", "سمير", "نابلس")
    loc_only = (Span(2, 3, "LOC"),)
    complete = Sentence(words, loc_only, weight=5)
    partial = Sentence(words, loc_only, weight=5, labels=frozenset({"LOC"}))
    people = {
        name: {
            s.label
            for s in CrfNerModel.train([*sentences, extra], parameters=PARAMETERS).predict(
                list(words)
            )
        }
        for name, extra in (("complete", complete), ("partial", partial))
    }
    assert people == {"complete": {"LOC"}, "partial": {"PERS", "LOC"}}


def test_a_damaged_model_is_reported(tiny_crf, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(tiny_crf, copy)
    (copy / "LOC.crfsuite").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="checksum"):
        CrfNerModel.load(copy)
    with pytest.raises(ModelError):
        CrfNerModel.load(tmp_path / "missing")


def test_clitic_tolerant_scoring_accepts_only_leading_proclitics():
    text = "زار وموسكو وبيروت"
    gold = {(4, 10, "LOC"), (11, 17, "LOC")}
    predicted = {(5, 10, "LOC"), (12, 17, "ORG")}  # و left out; wrong label
    exact, tolerant = Tally(), Tally()
    score(exact, gold, predicted)
    score(tolerant, gold, predicted, text)
    assert exact.row()[:3] == (0, 2, 2)
    assert tolerant.row()[:3] == (1, 1, 1)
