"""The cue rules on the sentences a reviewer found wrong in new news text: each case with
its right value."""

from __future__ import annotations

import pytest

from annotator.suggest.cues import CueSuggester
from annotator.suggest.runner import builtin_model, name_spans

CUES = CueSuggester(builtin_model())  # as the runner builds it: place names' extent


def found(text, label=None):
    return [
        text[c.start : c.end]
        for c in name_spans(text, CUES.suggest(text))
        if label is None or c.label == label
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الرئيس لنظيره الروسي إن الاتفاق قريب",
        "تحدث الرئيس بصراحة عن الأزمة",
        "رد الوزير بحزم على الانتقادات",
        "وجه الرئيس رسالة لشعبه مساء أمس",
        "وقال الوزير لرويترز إن المحادثات مستمرة",
        "وقال المتحدث لصحيفة الشرق الأوسط إن",
        "استقبل الرئيس وحكومته الوفد",
        "وطالب الرئيس فورا بوقف إطلاق النار",
        "وأكد الوزير شخصيا أن الاتفاق صامد",
        "وحذر الرئيس مرارا من التصعيد",
        "الرئيس التقى وفدا من رجال الأعمال",
    ],
)
def test_no_person_on_prepositions_conjunctions_adverbs_or_common_nouns(text):
    assert found(text, "PERS") == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("قال رئيس نادي الهلال إن الفريق جاهز", "نادي الهلال"),
        ("أعلن رئيس منتخب مصر قائمة اللاعبين", "منتخب مصر"),
        ("قال رئيس مستشفى الشفاء إن الوضع خطير", "مستشفى الشفاء"),
        ("وقال رئيس أركان الجيش إن القوات مستعدة", "أركان الجيش"),
    ],
)
def test_organisation_heads_after_a_title_are_organisations_never_people(text, organisation):
    assert found(text, "PERS") == []
    assert organisation in found(text, "ORG")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("استقبل وزير الخارجية الأمريكي أنتوني بلينكن نظيره السعودي", "أنتوني بلينكن"),
        ("وقال الرئيس الفرنسي ماكرون خطاب متلفز مساء الأحد", "ماكرون"),
        ("وقف رئيس الوزراء البريطاني ريشي سوناك أمام البرلمان", "ريشي سوناك"),
        ("قالت الوزيرة نادية فتاح العلوي وزيرة الاقتصاد إن", "نادية فتاح العلوي"),
        ("التقى الرئيس بايدن ونائبته هاريس في البيت الأبيض", "بايدن"),
    ],
)
def test_a_name_ends_where_the_name_ends(text, person):
    assert found(text, "PERS") == [person]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("استقبل الملك سلمان بن عبد العزيز الوفد", "سلمان بن عبد العزيز"),
        ("وقال الرئيس عبد الفتاح السيسي إن مصر", "عبد الفتاح السيسي"),
        ("واستقبل الملك عبد الله الثاني الوزير", "عبد الله الثاني"),
    ],
)
def test_a_name_goes_on_through_its_particles(text, person):
    assert found(text, "PERS") == [person]


def test_organisation_heads_stop_at_the_organisations_end():
    assert [t for t in found("قال إن البرلمان سيصوت على القانون", "ORG") if "سيصوت" in t] == []
    assert found("وقالت شركة أرامكو أمين الناصر إن", "ORG") == ["شركة أرامكو"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("اقتحم الجيش مدينة جنين فجر اليوم", "مدينة جنين"),
        ("هدمت الجرافات منازل في قرية دير ياسين", "قرية دير ياسين"),
        ("شهد مخيم الأمعري مواجهات", "مخيم الأمعري"),
        ("وصل الوفد إلى محافظة غزة أمس", "محافظة غزة"),
        ("وفي بلدة بيت أمر جنوب الخليل", "بلدة بيت أمر"),
        ("في لواء رام الله والبيرة", "لواء رام الله"),
    ],
)
def test_a_place_after_its_kind_is_a_location(text, place):
    assert place in found(text, "LOC")


def test_without_the_model_the_place_rule_takes_the_words_alone():
    text = "اقتحم الجيش مدينة طوباس فجر اليوم"
    alone = CueSuggester()
    assert [text[c.start : c.end] for c in alone.suggest(text) if c.label == "LOC"] == [
        "مدينة طوباس"
    ]
    assert alone.fingerprint() != CUES.fingerprint()
