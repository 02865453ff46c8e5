from __future__ import annotations

import pytest

from annotator.suggest.cues import CueSuggester
from annotator.suggest.gazetteer import GazetteerSuggester, cldr_place_names
from annotator.suggest.memory import MemorySuggester


def spans(text, candidates):
    return [(text[c.start : c.end], c.label) for c in candidates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال بوتين", "بوتين"),
        ("وبوتين", "بوتين"),
        ("لبوتين", "بوتين"),
        ("فبوتين", "بوتين"),
        ("بُوتِين", "بُوتِين"),  # diacritics
        ("بوتيـــن", "بوتيـــن"),  # tatweel
        ("بوتين\u200f،", "بوتين"),  # a trailing RLM is left out of the span
        ("كبوتين", "بوتين"),
        ("بوتينا", None),  # not a clitic: a different word
    ],
)
def test_memory_matches_through_clitics_and_spelling(text, expected):
    memory = MemorySuggester([("بوتين", "PERS")])
    found = spans(text, memory.suggest(text))
    assert found == ([] if expected is None else [(expected, "PERS")])


def test_memory_matches_normalised_alef_teh_marbuta_and_yaa():
    memory = MemorySuggester([("وزارة الخارجية", "ORG"), ("مصطفى", "PERS")])
    text = "أعلنت وزاره الخارجيه أن مصطفي وصل، وبوزارة   الخارجية"
    assert spans(text, memory.suggest(text)) == [
        ("وزاره الخارجيه", "ORG"),
        ("مصطفي", "PERS"),
        ("وزارة   الخارجية", "ORG"),
    ]


def test_multi_word_names_do_not_cross_punctuation():
    memory = MemorySuggester([("كوريا الشمالية", "LOC")])
    text = "كوريا، الشمالية ثم لكوريا\nالشمالية"
    assert spans(text, memory.suggest(text)) == [("كوريا\nالشمالية", "LOC")]


def test_article_contracted_after_lam():
    memory = MemorySuggester([("الولايات المتحدة", "LOC")])
    text = "للولايات المتحدة ووالولايات المتحدة والولايات المتحدة"
    assert spans(text, memory.suggest(text)) == [
        ("ولايات المتحدة", "LOC"),
        ("الولايات المتحدة", "LOC"),
    ]


def test_memory_fingerprint_changes_with_the_gold():
    assert (
        MemorySuggester([("بوتين", "PERS")]).fingerprint()
        != MemorySuggester([("بوتين", "PERS"), ("لافروف", "PERS")]).fingerprint()
    )
    assert (
        MemorySuggester([("بوتين", "PERS")]).fingerprint()
        == MemorySuggester([("بوتين", "PERS")]).fingerprint()
    )


def test_gazetteer_comes_from_cldr_and_finds_the_sample_articles_places(sample_text):
    names = cldr_place_names()
    assert "روسيا" in names and "موسكو" in names and "الأمم المتحدة" not in names
    found = {text for text, _ in spans(sample_text, GazetteerSuggester().suggest(sample_text))}
    assert {
        "روسيا",
        "كوريا الشمالية",
        "موسكو",
        "بيونغ يانغ",
        "أوكرانيا",
        "الولايات المتحدة",
    } <= found


def test_cue_rules_name_themselves(sample_text):
    found = {
        (sample_text[c.start : c.end], c.label, c.source)
        for c in CueSuggester().suggest(sample_text)
    }
    assert ("فلاديمير بوتين", "PERS", "cues:title") in found
    assert ("سيرغي لافروف", "PERS", "cues:title") in found
    assert ("تشوي سونغ هوي", "PERS", "cues:title") in found
    assert ("وزارة الخارجية الكورية الشمالية", "ORG", "cues:org-head") in found
    assert ("الاتحاد الروسي", "ORG", "cues:org-head") in found
    assert ("الأمم المتحدة", "ORG", "cues:org-name") in found
