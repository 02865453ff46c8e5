"""Finding a query in a text: normalisation, whole words, proclitics, regex, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.text.arabic import normalise
from annotator.text.search import (
    DROPPED,
    Finder,
    Query,
    SearchError,
    context,
    find_all,
    index_words,
    normalise_text,
    phrases,
)


def found(text: str, query: Query | str) -> list[str]:
    return [text[m.start : m.end] for m in find_all(text, query)]


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("قال بُوتِينُ اليوم", "بوتين", ["بُوتِينُ"]),  # diacritics in the text, the last one kept
        ("قال بوتين اليوم", "بُوتِين", ["بوتين"]),  # diacritics in the query
        ("قال بوتيـــن اليوم", "بوتين", ["بوتيـــن"]),  # tatweel
        ("أحمد وإبراهيم وآدم", "احمد", ["أحمد"]),
        ("ابراهيم", "إبراهيم", ["ابراهيم"]),
        ("آدم", "ادم", ["آدم"]),
        ("ذهب إلى موسكو", "الي", ["إلى"]),  # ى / ي
        ("مدينة غزه", "مدينه غزة", ["مدينة غزه"]),  # ة / ه both ways
        ("بو\u200fتين", "بوتين", ["بو\u200fتين"]),  # an invisible mark inside
    ],
)
def test_normalisation_is_that_of_project_memory(text, query, expected):
    assert found(text, query) == expected


def test_whole_words_only_without_the_clitics_option():
    text = "قال لبوتين إن بوتين وبوتينات"
    assert found(text, "بوتين") == ["بوتين"]


def test_through_clitics_the_span_leaves_the_proclitics_out():
    text = "قال لبوتين إن بوتين وبالبيت للولايات المتحدة"
    matches = find_all(text, Query("بوتين", through_clitics=True))
    assert [text[m.start : m.end] for m in matches] == ["بوتين", "بوتين"]
    assert text[matches[0].word_start : matches[0].end] == "لبوتين"
    assert matches[1].word_start == matches[1].start
    assert found(text, Query("بيت", through_clitics=True)) == ["بيت"]  # وبالبيت
    assert found(text, Query("البيت", through_clitics=True)) == ["البيت"]  # و + ب + البيت
    # لل is ل + ال: the name with its article is found, without the clitic (as memory)
    [match] = find_all(text, Query("الولايات المتحدة", through_clitics=True))
    assert text[match.word_start : match.end] == "للولايات المتحدة"
    assert text[match.start : match.end] == "ولايات المتحدة"


@pytest.mark.parametrize(
    "word", ["لبوتين", "وبالبيت", "للولايات", "فالرئيس", "كالبيت", "والبيت", "وللبيت", "بيت"]
)
def test_through_clitics_finds_what_project_memory_reads(word):
    """Every (proclitics, stem) reading memory makes of a word is found, with the same
    stem start; nothing else is."""
    from annotator.text.arabic import proclitic_readings

    readings = dict((key, skipped) for skipped, key in reversed(proclitic_readings(word)))
    for key, skipped in readings.items():
        [match] = find_all(word, Query(key, through_clitics=True))
        assert match.start == skipped and match.word_start == 0
    for other in ("بيت", "البيت", "الرئيس", "رئيس", "ولايات", "الولايات", "بوتين", "لبيت"):
        assert bool(find_all(word, Query(other, through_clitics=True))) == (other in readings)


def test_through_clitics_only_the_first_word_and_only_proclitics():
    text = "وبالبيت والبيت بيتهم"
    assert found(text, Query("بيت", through_clitics=True)) == ["بيت", "بيت"]
    assert found(text, Query("بيت والبيت", through_clitics=True)) == ["بيت والبيت"]
    assert found(text, Query("والبيت بيت", through_clitics=True)) == []  # no enclitics


def test_several_words_across_any_whitespace_but_not_punctuation():
    text = "سيرغي  لافروف، سيرغي\nلافروف، سيرغي، لافروف و سيرغي - لافروف"
    assert found(text, "سيرغي لافروف") == ["سيرغي  لافروف", "سيرغي\nلافروف"]
    assert found(text, "سيرغي، لافروف") == ["سيرغي، لافروف"]
    assert found(text, "لافروف،") == ["لافروف،", "لافروف،"]
    assert found(text, "سيرغي - لافروف") == ["سيرغي - لافروف"]


def test_offsets_are_code_points_after_emoji():
    text = "👍🏽 قال 🇸🇦 بوتين"
    [match] = find_all(text, "بوتين")
    assert (match.start, match.end) == (len("👍🏽 قال 🇸🇦 "), len(text))
    assert text[match.start : match.end] == "بوتين"


def test_regex_on_the_raw_text():
    text = "عام 2023 وعام ٢٠٢٤\nبُوتين"
    assert found(text, Query(r"\d{4}", regex=True)) == ["2023", "٢٠٢٤"]
    assert found(text, Query("^ب", regex=True)) == ["ب"]  # MULTILINE: ^ after a line break
    assert found(text, Query("بوتين", regex=True)) == []  # nothing normalised
    assert found(text, Query("x*", regex=True)) == []  # empty matches are skipped
    with pytest.raises(SearchError, match="not a valid regular expression"):
        Finder(Query("(unclosed", regex=True))


def test_nothing_to_find():
    assert find_all("نص", "") == []
    assert find_all("نص", "  \n ") == []
    assert find_all("نص", "\u064e") == []  # a diacritic alone normalises to nothing
    assert find_all("نص", Query("", regex=True)) == []


def test_punctuation_only_query_and_latin():
    text = "قال: «نعم». وقال ABC-news."
    assert found(text, "«") == ["«"]
    assert found(text, "abc") == []  # case is kept: normalisation does not fold it
    assert found(text, "ABC") == ["ABC"]


ALPHABET = "بوتينأإآاىيةه لـ\u064e\u0651\u200f،.\n😀ABC"


@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))
def test_normalise_text_is_exactly_normalise(text):
    assert normalise_text(text) == normalise(text)


def test_normalise_text_is_normalise_char_for_every_character():
    """Both work one character at a time, so agreeing on every character (the whole
    Basic Multilingual Plane, and emoji) is agreeing on every text."""
    from annotator.text.arabic import normalise_char

    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    chars += ["😀", "👍🏽", "\U0001f1f8", "\U000e0067"]
    assert [c for c in chars if normalise_text(c) != normalise_char(c)] == []
    assert {c for c in chars if normalise_char(c) == ""} == set(DROPPED)


def test_index_words_and_phrases():
    assert index_words("قال بُوتِين، في «موسكو»\nاليوم") == "قال بوتين في موسكو اليوم"
    assert phrases(Query("سيرغي  لافروف")) == [["سيرغي", "لافروف"]]
    assert phrases(Query("بيونغ، يانغ")) == [["بيونغ", "يانغ"]]
    forms = phrases(Query("الولايات المتحدة", through_clitics=True))
    assert ["للولايات", "المتحده"] in forms and ["وبالولايات", "المتحده"] in forms
    assert phrases(Query("«", through_clitics=True)) is None
    assert phrases(Query("a.b", regex=True)) is None


def test_context_is_a_few_words_either_side_on_one_line():
    text = "واحد اثنان ثلاثة\nأربعة بوتين خمسة ستة\nسبعة ثمانية"
    [match] = find_all(text, "بوتين")
    assert context(text, match.start, match.end, words=2) == (
        "ثلاثة أربعة ",
        "بوتين",
        " خمسة ستة",
    )
