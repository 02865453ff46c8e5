"""camel-tools NER on a small real model, through the real NERecognizer loading path."""

from __future__ import annotations

import json
import shutil

import pytest

from annotator.model import default_schema
from annotator.suggest.base import SuggesterUnavailable
from annotator.suggest.ner import CamelNerSuggester
from annotator.suggest.ner_model import (
    MINIMAL_CATALOGUE,
    model_fingerprint,
    prepare_offline_camel_import,
    resolve_model_path,
)


def test_the_model_labels_the_first_sentence_with_exact_offsets(tiny_ner_model, sample_text):
    suggester = CamelNerSuggester(tiny_ner_model, default_schema())
    first_sentence = sample_text[: sample_text.index(".") + 1]
    found = [(c.start, c.end, c.label, c.source) for c in suggester.suggest(first_sentence)]
    assert found == [
        (6, 37, "ORG", "camel-ner"),
        (41, 51, "LOC", "camel-ner"),
        (89, 103, "PERS", "camel-ner"),
    ]
    assert [first_sentence[s:e] for s, e, _, _ in found] == [
        "وزارة الخارجية الكورية الشمالية",
        "بيونغ يانغ",
        "فلاديمير بوتين",
    ]


def test_fast_path_gives_the_stock_labels(tiny_ner_model, sample_text):
    fast = CamelNerSuggester(tiny_ner_model, default_schema(), fast=True)
    stock = CamelNerSuggester(tiny_ner_model, default_schema(), fast=False)
    assert fast.suggest(sample_text) == stock.suggest(sample_text)


def test_words_that_tokenise_to_nothing_keep_labels_aligned(tiny_ner_model, sample_text):
    """A lone RLM or diacritic is a word camel-tools drops; the rest must stay aligned."""
    suggester = CamelNerSuggester(tiny_ner_model, default_schema())
    first_sentence = sample_text[: sample_text.index(".") + 1]
    noisy = first_sentence.replace("أن ", "أن \u200f ").replace("أعلنت ", "أعلنت \u200c ")
    assert suggester.recognizer().tokenizer.tokenize("\u200f") == []
    found = [(c.start, noisy[c.start : c.end], c.label) for c in suggester.suggest(noisy)]
    assert found == [
        (8, "وزارة الخارجية الكورية الشمالية", "ORG"),
        (45, "بيونغ يانغ", "LOC"),
        (93, "فلاديمير بوتين", "PERS"),
    ]


def _copy(model, tmp_path):
    target = tmp_path / "model"
    shutil.copytree(model, target)
    return target


def _edit_config(folder, change):
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    change(config)
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")


def test_labels_without_O_are_refused(tiny_ner_model, tmp_path):
    folder = _copy(tiny_ner_model, tmp_path)
    _edit_config(folder, lambda c: c.update(id2label={"0": "B-LOC", "1": "I-LOC"}))
    with pytest.raises(SuggesterUnavailable, match="has no 'O' label"):
        CamelNerSuggester(folder, default_schema())


def test_labels_outside_the_schema_are_refused(tiny_ner_model, tmp_path):
    folder = _copy(tiny_ner_model, tmp_path)
    _edit_config(folder, lambda c: c.update(id2label={"0": "O", "1": "B-DATE", "2": "X"}))
    with pytest.raises(SuggesterUnavailable, match="labels B-DATE, X are not B-/I- tags"):
        CamelNerSuggester(folder, default_schema())


@pytest.mark.parametrize(
    ("remove", "message"),
    [
        ("config.json", "has no config.json"),
        ("model.safetensors", "has no weights"),
        ("vocab.txt", "has no vocab.txt"),
    ],
)
def test_broken_folders_are_refused(tiny_ner_model, tmp_path, remove, message):
    folder = _copy(tiny_ner_model, tmp_path)
    (folder / remove).unlink()
    with pytest.raises(SuggesterUnavailable, match=message):
        CamelNerSuggester(folder, default_schema())


def test_corrupt_weights_are_reported_not_crashed(tiny_ner_model, tmp_path):
    folder = _copy(tiny_ner_model, tmp_path)
    (folder / "model.safetensors").write_bytes(b"not weights")
    suggester = CamelNerSuggester(folder, default_schema())
    with pytest.raises(SuggesterUnavailable, match="could not be loaded"):
        suggester.suggest("نص")


def test_a_vocab_that_does_not_fit_the_weights_is_refused(tiny_ner_model, tmp_path):
    folder = _copy(tiny_ner_model, tmp_path)
    vocab = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
    (folder / "vocab.txt").write_text("\n".join(vocab[:-5]) + "\n", encoding="utf-8")
    with pytest.raises(SuggesterUnavailable, match="vocab.txt does not belong"):
        CamelNerSuggester(folder, default_schema()).suggest("نص")


def test_no_model_anywhere_says_how_to_install_one(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))
    with pytest.raises(
        SuggesterUnavailable, match="no camel-tools NER model is installed.*camel_data -i ner"
    ):
        resolve_model_path(None, None)


def test_model_path_precedence(monkeypatch, tmp_path, tiny_ner_model):
    installed = tmp_path / "camel" / "data" / "ner" / "arabert"
    shutil.copytree(tiny_ner_model, installed)
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))
    assert resolve_model_path(None, None) == installed
    monkeypatch.setenv("ANNOTATOR_NER_MODEL", str(tiny_ner_model))
    assert resolve_model_path(None, None) == tiny_ner_model
    assert resolve_model_path(None, str(installed)) == installed
    with pytest.raises(SuggesterUnavailable, match=r"\(from --ner-model\) does not exist"):
        resolve_model_path(tmp_path / "nope", str(installed))


def test_offline_import_gets_a_local_catalogue(monkeypatch, tmp_path):
    import sys

    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "empty"))
    monkeypatch.delitem(sys.modules, "camel_tools.data", raising=False)
    private = tmp_path / "private"
    prepare_offline_camel_import(private)
    if "camel_tools.data" not in sys.modules:
        import os

        assert os.environ["CAMELTOOLS_DATA"] == str(private)
        assert json.loads((private / "catalogue.json").read_text()) == MINIMAL_CATALOGUE


def test_fingerprint_changes_with_the_model(tiny_ner_model, tmp_path):
    folder = _copy(tiny_ner_model, tmp_path)
    before = model_fingerprint(folder)
    _edit_config(folder, lambda c: c.update(hidden_dropout_prob=0.2))
    assert model_fingerprint(folder) != before


def test_a_build_without_the_ner_runtime_says_so(tiny_ner_model, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "camel_tools.ner", None)  # as in the lean bundle
    suggester = CamelNerSuggester(tiny_ner_model, default_schema())
    with pytest.raises(SuggesterUnavailable, match="this annotator build has no NER runtime"):
        suggester.suggest("نص")
