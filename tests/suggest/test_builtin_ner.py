"""The built-in NER suggester with the shipped model: loading, labels, no torch."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotator.model import default_schema
from annotator.suggest.base import SuggesterUnavailable
from annotator.suggest.builtin_ner import BuiltinNerSuggester
from tests.conftest import REPO


def first_sentence(sample_text: str) -> str:
    return sample_text[: sample_text.index(".") + 1]


def test_shipped_model_labels_a_sentence_of_the_sample_article(sample_text):
    sentence = first_sentence(sample_text)
    gold = {
        ("وزارة الخارجية الكورية الشمالية", "ORG"),
        ("بيونغ يانغ", "LOC"),
        ("فلاديمير بوتين", "PERS"),
    }
    candidates = BuiltinNerSuggester().suggest(sentence)
    found = {(sentence[c.start : c.end], c.label) for c in candidates}
    assert found & gold
    assert all(c.source == "builtin-ner" and c.confidence >= 0.5 for c in candidates)


def test_label_mapping_and_schema_decide_what_is_proposed(sample_text):
    sentence = first_sentence(sample_text)
    renamed = BuiltinNerSuggester({"ORG": "Organisation"}).suggest(sentence)
    assert renamed and {c.label for c in renamed} == {"Organisation"}
    assert BuiltinNerSuggester(schema_labels=["EVENT", "DATE"]).suggest(sentence) == []
    schema = default_schema()
    assert BuiltinNerSuggester.for_schema(schema).label_map == {
        "PERS": "PERS",
        "ORG": "ORG",
        "LOC": "LOC",
    }


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "\u200f\u200f", "UN Security Council 2231 😀", "؟؟ ... ، ،", "نابلس" * 50],
)
def test_odd_texts_give_valid_candidates(text):
    for candidate in BuiltinNerSuggester(min_confidence=0.0).suggest(text):
        assert 0 <= candidate.start < candidate.end <= len(text)


def test_fingerprint_follows_the_model_mapping_and_threshold():
    default = BuiltinNerSuggester().fingerprint()
    assert default == BuiltinNerSuggester().fingerprint()
    assert default.startswith("builtin-ner-")
    assert BuiltinNerSuggester({"LOC": "LOC"}).fingerprint() != default
    assert BuiltinNerSuggester(min_confidence=0.9).fingerprint() != default


def test_a_missing_model_makes_the_suggester_unavailable(tmp_path):
    suggester = BuiltinNerSuggester(model_dir=tmp_path)
    with pytest.raises(SuggesterUnavailable, match="missing"):
        suggester.fingerprint()
    with pytest.raises(SuggesterUnavailable, match="train_model"):
        suggester.suggest("زار بوتين موسكو")


def test_nothing_imports_torch(tmp_path):
    code = (
        "import sys\n"
        "from annotator.suggest.builtin_ner import BuiltinNerSuggester\n"
        "found = BuiltinNerSuggester().suggest('أعلنت وزارة الخارجية الكورية الشمالية أن')\n"
        "assert found, 'no candidates'\n"
        "print([m for m in ('torch', 'transformers', 'camel_tools.ner') if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={"HOME": str(tmp_path), "PATH": "", "PYTHONPATH": str(REPO)},
    )
    assert result.stdout.strip() == "[]"


def test_shipped_model_is_up_to_date_with_its_data_and_word_lists():
    """Editing the cue suggester's lists, names.py or babel changes the features: retrain
    with build_scripts/train_model.py (and commit the model) when this fails."""
    import hashlib

    from annotator.suggest.builtin_ner import MODEL_DIR
    from annotator.suggest.crf.features import FEATURE_VERSION, lexicon_version
    from annotator.suggest.crf.model import CrfNerModel

    metadata = CrfNerModel.load(MODEL_DIR).metadata
    data = (REPO / "resources" / "wojood" / "train.txt").read_bytes()
    assert metadata["data"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert metadata["feature_version"] == FEATURE_VERSION
    assert metadata["lexicons"] == lexicon_version()
    assert metadata["type_map"] == {
        "PERS": "PERS",
        "ORG": "ORG",
        "GPE": "LOC",
        "LOC": "LOC",
        "FAC": "LOC",
    }
