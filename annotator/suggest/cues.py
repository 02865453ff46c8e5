"""Cue rules: a few documented patterns of news Arabic, each named in its candidates' source.

- `cues:title`     a title or office (الرئيس، الوزير، وزير الخارجية، المتحدث باسم …) is
                  followed, after optional adjectives of nationality (الروسي، الكوري
                  الشمالي; written with ي or ية, so a verb such as التقى is none), by a
                  person's name: PERS. The name is one to four name words, joined by the
                  particles أبو، بن، ابن، عبد، أم، بنت (in chains: سلمان بن عبد العزيز; after
                  عبد a word with the article: عبد الفتاح، عبد الله), then a nisba family
                  name with the article (الحسيني، السيسي) or a regnal number (الثاني). It
                  ends at the first word that is not a name word: a function word (Stopwords
                  ISO), a common word of the sample's gold
                  (`resources/lexicon/common_words.txt`), a word of STOP_WORDS (verbs of
                  reporting, adverbs and accusatives such as فورا، شخصيا، بحزم, nouns of news
                  such as خطاب، نظيره, news agencies), a title or an organisation head, a word
                  with a possessive suffix (نظيره، ونائبته), a word led by the conjunction و
                  (بايدن ونائبته), a word with tanween (صديقًا، مقربًا: an indefinite
                  noun or adjective), or a word whose proclitic hides one of those
                  (لبورصة، لرويترز). Within one document, a name that goes on past a
                  shorter name the rule found elsewhere in it (فلاديمير بوتين كصديق،
                  فلاديمير بوتين تجري after فلاديمير بوتين) is cut back to the shorter
                  name, unless the next word has the article (a family name or a regnal
                  number): a name is written the same way throughout a document (the
                  document-level consistency of Krishnan & Manning 2006, "An effective
                  two-stage model for exploiting non-local dependencies in named entity
                  recognition"). The first word of the name is never led by a preposition or
                  conjunction on a feminine noun or a possessive (لصحيفة، بصراحة، وحكومته)
                  unless it is a known given name (وفاء، فاطمة). No name starts with the
                  article.
- `cues:org-head`  an organisation head noun (وزارة، وكالة، منظمة، مجلس، هيئة، بلدية، نادي،
                  منتخب، مستشفى، أركان …) followed by its complements: a chain of nouns ending
                  on a definite one (مجلس إدارة الشركة، هيئة سوق رأس المال, وزارة الخارجية
                  الروسية), or, after a head without the article, a proper name and its
                  adjectives (وكالة تسنيم، شركة أرامكو السعودية; not شركة أرامكو أمين
                  الناصر, not البرلمان سيصوت). A conjunction, a pronoun suffix or a function
                  word ends it: ORG.
- `cues:org-name`  fixed organisation names (الأمم المتحدة، الاتحاد الأوروبي …): ORG.
- `cues:place`     a kind of place (مدينة، قرية، مخيم، محافظة، بلدة، منطقة، لواء) and the
                  place's name after it, together: LOC (مدينة جنين، قرية دير ياسين، لواء رام
                  الله). The name's extent comes from the words (camel-tools' tokens; a
                  place name may begin with بيت، دير، كفر، عين، تل، جبل …) and from the
                  built-in CRF model: the name goes on while the model's marginal
                  probability that the next word is inside a LOC is at least 0.5, and a
                  first word the lexicon doubts is taken when the model is as sure.

What a name word is, and where a span may start and end, is `annotator.text.names`.
"""

from __future__ import annotations

from functools import lru_cache

from annotator.paths import RESOURCES_DIR
from annotator.suggest.base import Candidate
from annotator.suggest.matcher import NameMatcher
from annotator.text.arabic import normalise, normalise_with_positions, proclitic_readings
from annotator.text.names import has_tanween, is_function_word, is_name_word, written
from annotator.text.words import Word, words_with_offsets

TITLES = [
    "الرئيس", "رئيس", "الوزير", "وزير", "رئيس الوزراء", "وزير الخارجية", "وزير الدفاع",
    "وزيرة", "المتحدث", "المتحدثة", "الزعيم", "السيد", "السيدة", "الملك", "الأمير", "الشيخ",
    "المستشار", "السفير", "النائب", "الجنرال", "العقيد",
]  # fmt: skip
ORG_HEADS = [
    "وزارة", "وكالة", "منظمة", "مجلس", "هيئة", "جامعة", "شركة", "حزب", "حركة", "لجنة",
    "مكتب", "بنك", "صندوق", "اتحاد", "جمعية", "محكمة", "برلمان", "بلدية", "بورصة", "ديوان",
    "سلطة", "مؤسسة", "نقابة", "دائرة", "مديرية", "نادي", "منتخب", "مستشفى", "أركان",
]  # fmt: skip
ORG_NAMES = [
    "الأمم المتحدة", "الاتحاد الأوروبي", "حلف الناتو", "الناتو", "جامعة الدول العربية",
    "مجلس الأمن", "البنك الدولي", "صندوق النقد الدولي", "الكرملين", "البنتاغون",
]  # fmt: skip
# Words that end a name after a title, beyond the function words: portfolios after وزير
# (وزير خارجية كوريا is not a person called خارجية), verbs of reporting, adverbs and
# accusatives that follow a title (قال الرئيس فورا، شخصيا، بحزم), nouns of news that
# follow a name (ماكرون خطاب متلفز، بلينكن نظيره) and news agencies (لرويترز).
STOP_WORDS = {
    normalise(word)
    for word in (
        "قال وقال أعلن أكد صرح ذكر أشار باسم يوم اليوم أمس غدا "
        "خارجية دفاع داخلية مالية عدل إعلام اقتصاد تجارة "
        "فورا شخصيا مرارا وفدا رسميا سابقا حاليا مجددا لاحقا أيضا معا جدا تماما دائما "
        "غالبا أحيانا كثيرا قليلا سريعا فعلا أولا ثانيا أخيرا مؤخرا حديثا تقريبا خصوصا "
        "عادة عموما مباشرة هاتفيا علنا سرا صباحا مساء ليلا ظهرا "
        "بحزم بشدة بقوة بوضوح بصراحة بسرعة بحرارة بدوره بدورها بنفسه بنفسها "
        "خطاب كلمة بيان رسالة تصريح تصريحات مؤتمر اتصال اتصالا زيارة لقاء اجتماع مقابلة "
        "حديث قرار نظير نظيره نظيرته نظيريه صحيفة رويترز"
    ).split()
}
NAME_PARTICLES = {normalise(word) for word in "أبو أبي ابو بن ابن عبد أم بنت".split()}
SERVANT = normalise("عبد")  # عبد + a name with the article: عبد الله، عبد الفتاح
# regnal numbers, the last word of a name (عبد الله الثاني)
REGNAL = {
    normalise(word)
    for word in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split()
}
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم", "نا")
# possessive suffixes as written (ه, not the teh marbuta ة): نظيره، ونائبته، لشعبه
WRITTEN_POSSESSIVES = ("ه", "ها", "هم", "هما", "هن", "كم")
# kinds of places followed by the place's name (cues:place), and the words a place name
# may begin with (بيت لحم، دير ياسين، كفر قاسم)
PLACE_HEADS = [
    "مدينة", "قرية", "مخيم", "محافظة", "بلدة", "منطقة", "لواء",
]  # fmt: skip
PLACE_PARTICLES = {
    normalise(word)
    for word in "بيت دير كفر عين تل جبل خان رأس بئر برج وادي أم أبو بني خربة".split()
}
PLACE_CONFIDENCE = 0.5  # the model's marginal that carries a place name on
#: each rule's candidates carry its precision on the Wojood sample (train + val, exact
#: spans; cues:place consults a CRF trained on train.txt, so its figure is optimistic)
CONFIDENCE = {"cues:title": 0.65, "cues:org-head": 0.64, "cues:org-name": 0.5, "cues:place": 0.89}
MAX_NAME_WORDS = 4
MAX_PLACE_WORDS = 5
MAX_COMPLEMENTS = 5


def _trigger_titles() -> list[str]:
    """TITLES and the honorifics and professions of `crf.names` (الصحفي، الشاعر، الدكتور)."""
    from annotator.suggest.crf.names import HONORIFICS

    return TITLES + [h for h in HONORIFICS if len(normalise(h)) > 2]


_TITLE_WORDS = {tuple(normalise(w.text) for w in words_with_offsets(t)) for t in _trigger_titles()}
_TITLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _title in _TITLE_WORDS:
    _TITLES_BY_FIRST.setdefault(_title[0], []).append(_title)
_HEADS = {normalise(h) for h in ORG_HEADS}
_PLACE_HEADS = {normalise(h) for h in PLACE_HEADS}
# Heads are matched with their article too (الاتحاد الروسي keeps its ال), after و ف ب ك ل.
_ORG_HEADS = _HEADS | {"ال" + head for head in _HEADS}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Normalised words the sample's gold never uses in a person's name (see the file)."""
    path = RESOURCES_DIR / "lexicon" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """One-word titles and honorifics (وزيرة، الدكتور): a title ends a name."""
    from annotator.suggest.crf.names import HONORIFICS

    words = {title[0] for title in _TITLE_WORDS if len(title) == 1}
    return frozenset(words | {normalise(word) for word in HONORIFICS})


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from annotator.suggest.crf.names import GIVEN_NAMES

    return frozenset(normalise(name) for name in GIVEN_NAMES)


def _not_a_name(letters: str) -> bool:
    return (
        letters in STOP_WORDS
        or letters in common_words()
        or letters in _ORG_HEADS
        or letters in _PLACE_HEADS
        or letters in _title_words()
        or letters.startswith("ال")
    )


def _possessive(word: str, letters: str) -> bool:
    """A word with a possessive suffix as written (نظيره، لشعبه، ونائبته), not a given
    name (طه)."""
    bare = written(word)
    return (
        len(letters) >= 5 and bare.endswith(WRITTEN_POSSESSIVES) and letters not in _given_names()
    )


def _clitic_led(letters: str) -> bool:
    """The word can be read as و ف ب ك ل (not the article) + a stem."""
    return any(
        skipped and not letters.startswith("ال") for skipped, _ in proclitic_readings(letters)[1:]
    )


def _is_name_word(word: str, letters: str, first: bool) -> bool:
    """A word that can be part of a person's name after a title."""
    if not is_name_word(word) or is_function_word(word) or _not_a_name(letters):
        return letters.startswith("ال") and not first and _family_name(word, letters)
    if _possessive(word, letters) or (not first and has_tanween(word)):
        return False
    if letters not in _given_names() and _clitic_led(letters):
        if not first and letters[0] == "و":
            return False  # a conjunction: another person (بايدن وهاريس)
        if first and written(word).endswith("ة"):
            return False  # لصحيفة، بصراحة: a preposition on a (feminine) noun
    # a proclitic that hides a word that is no name: لبورصة، وأعضاء، بالرئيس، لرويترز
    return not any(skipped and _not_a_name(stem) for skipped, stem in proclitic_readings(letters))


def _consistent_names(names: list[list[int]], letters: list[str]) -> list[list[int]]:
    """Each name (word indices) cut back to a shorter name of the same document that
    begins it (فلاديمير بوتين | كصديق), unless the word after the shorter one has the
    article (عبد الله | الثاني); names are compared on their normalised letters."""
    found = {tuple(letters[i] for i in name) for name in names}
    consistent = []
    for name in names:
        written_as = [letters[i] for i in name]
        for cut in range(len(name) - 1, 0, -1):
            if tuple(written_as[:cut]) in found and not written_as[cut].startswith("ال"):
                name = name[:cut]
                break
        consistent.append(name)
    return consistent


def _family_name(word: str, letters: str) -> bool:
    """ال + a nisba family name that is not a common word (أمين الحسيني، خليل السكاكيني)."""
    return (
        is_name_word(word)
        and letters.endswith("ي")
        and not is_function_word(word)
        and letters not in common_words()
        and letters not in _ORG_HEADS
    )


def _is_nationality_adjective(word: str, letters: str) -> bool:
    """الروسي، الكوري، الشمالي، الأمريكية: the article and ي or ية as written (التقى,
    a verb written with alef maksura, is none)."""
    return letters.startswith("ال") and written(word).endswith(("ي", "ية"))


class CueSuggester:
    name = "cues"
    VERSION = "5"

    def __init__(self, place_model=None) -> None:
        """`place_model`: a CRF model with `marginals(words, label)` and `fingerprint()`
        (the built-in NER's; the runner gives it) for the extent of `cues:place` names;
        without it the words alone decide."""
        self.place_model = place_model
        self._model_version = place_model.fingerprint() if place_model is not None else "none"
        self._marginals: dict[tuple[str, ...], list[tuple[float, float]]] = {}
        self._org_names = NameMatcher()
        for name in ORG_NAMES:
            self._org_names.add(name, "ORG", "cues:org-name", CONFIDENCE["cues:org-name"])

    def fingerprint(self) -> str:
        return f"cues-{self.VERSION}-{len(common_words())}-{self._model_version}"

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        words = words if words is not None else words_with_offsets(text)
        letters = [normalise(word.text) for word in words]
        found = self._org_names.find(text, words)
        named = {(c.start, c.end) for c in found}
        people = [self._person_after_title(words, letters, i) for i in range(len(words))]
        for name in _consistent_names([name for name in people if name], letters):
            found.append(
                Candidate(
                    words[name[0]].start,
                    words[name[-1]].end,
                    "PERS",
                    "cues:title",
                    CONFIDENCE["cues:title"],
                )  # fmt: skip
            )
        for index in range(len(words)):
            found.extend(
                c
                for c in self._organisation(words, letters, index)
                if (c.start, c.end) not in named
            )
            found.extend(self._place(words, letters, index))
        return found

    def _place(self, words, letters, index) -> list[Candidate]:
        """cues:place: a kind of place and the place's name after it (see the module)."""
        if letters[index] not in _PLACE_HEADS or index + 1 >= len(words):
            return []
        window = [w.text for w in words[index : index + 1 + MAX_PLACE_WORDS]]
        inside = [p for _, p in self._place_marginals(tuple(window))][1:]
        position = index + 1
        while position < len(words) and letters[position] in PLACE_PARTICLES:
            position += 1  # بيت لحم، دير ياسين, then the name itself
        if position >= len(words):
            return []
        word, normalised = words[position].text, letters[position]
        if inside:  # the model decides, unless the words are sure: a particle, a known place
            sure = inside[position - index - 1] >= PLACE_CONFIDENCE
        else:
            sure = _place_word(word, normalised)
        after_particle = position > index + 1 and is_name_word(word)
        if not (sure or after_particle or normalised in _place_names()):
            return []
        end = position
        while (
            end + 1 < len(words)
            and end + 1 - index < len(inside) + 1
            and inside[end - index] >= PLACE_CONFIDENCE
            and is_name_word(words[end + 1].text)
        ):
            end += 1
        return [
            Candidate(
                words[index].start, words[end].end, "LOC", "cues:place", CONFIDENCE["cues:place"]
            )
        ]

    def _place_marginals(self, words: tuple[str, ...]) -> list[tuple[float, float]]:
        """The model's (B-LOC, I-LOC) marginals over a few words from a place kind on; []
        without a model."""
        if self.place_model is None:
            return []
        if words not in self._marginals:
            if len(self._marginals) > 4096:
                self._marginals.clear()
            self._marginals[words] = self.place_model.marginals(list(words), "LOC")
        return self._marginals[words]

    def _title_length(self, letters, index) -> int:
        """How many words a title starting at `index` has (0: none starts there)."""
        length = max(
            (
                len(title)
                for title in _TITLES_BY_FIRST.get(letters[index], ())
                if tuple(letters[index : index + len(title)]) == title
            ),
            default=0,
        )
        if not length and any(
            (stem,) in _TITLE_WORDS
            for skipped, stem in proclitic_readings(letters[index])
            if skipped
        ):
            length = 1
        return length

    def _person_after_title(self, words, letters, index) -> list[int]:
        """The indices of the name's words after a title starting at `index` ([]: none)."""
        title_length = self._title_length(letters, index)
        if not title_length:
            return []
        position = index + title_length
        while position < len(words) and _is_nationality_adjective(
            words[position].text, letters[position]
        ):
            position += 1
        name: list[int] = []
        names = 0
        while position < len(words) and names < MAX_NAME_WORDS:
            word, normalised = words[position], letters[position]
            if normalised in NAME_PARTICLES:
                taken = _particle_chain(words, letters, position)
                if taken is None:
                    break
                name += range(position, position + taken)
                names += 1
                position += taken
                continue
            if name and normalised in REGNAL:
                name.append(position)
                break
            if not _is_name_word(word.text, normalised, first=not name):
                break
            name.append(position)
            names += 1
            position += 1
            if normalised.startswith("ال"):
                break  # a family name with the article ends the name
        return name

    def _organisation(self, words, letters, index) -> list[Candidate]:
        skipped = next(
            (count for count, stem in proclitic_readings(letters[index]) if stem in _ORG_HEADS),
            None,
        )
        if skipped is None:
            return []
        stem = next(stem for count, stem in proclitic_readings(letters[index]) if count == skipped
                    and stem in _ORG_HEADS)  # fmt: skip
        end = _complements_end(words, letters, index + 1, definite_head=stem.startswith("ال"))
        if end is None:
            return []
        head = words[index]
        start = head.start + _letter_offset(head.text, skipped)
        return [
            Candidate(start, words[end].end, "ORG", "cues:org-head", CONFIDENCE["cues:org-head"])
        ]


def _particle_chain(words, letters, position) -> int | None:
    """How many words the particles at `position` and the name after them take (بن طلال
    2, بن عبد العزيز 3, عبد الفتاح 2), or None if no name follows them."""
    end = position
    while end < len(words) and letters[end] in NAME_PARTICLES:
        end += 1
    if end == position or end >= len(words):
        return None
    word, normalised = words[end].text, letters[end]
    after_servant = letters[end - 1] == SERVANT
    if after_servant and normalised.startswith("ال") and is_name_word(word):
        if not is_function_word(word) and normalised not in STOP_WORDS:
            return end - position + 1  # عبد الله، عبد العزيز
    if not _is_name_word(word, normalised, first=False):
        return None
    return end - position + 1


def _complements_end(words, letters, position, definite_head: bool = False) -> int | None:
    """Index of the last word of the head's complements, or None if it has none: nouns up
    to the last definite one (after it, only definite words: adjectives; a given name ends
    them: شركة أرامكو أمين الناصر), or, after a head without the article, a proper name
    right after it (a place's name always: منتخب مصر قائمة) and its adjectives."""
    last_definite = None
    first = position
    while position < len(words) and position - first < MAX_COMPLEMENTS:
        word, normalised = words[position].text, letters[position]
        definite = normalised.startswith("ال") or normalised.startswith("لل")
        ends = (
            not is_name_word(word)
            or is_function_word(word)
            or normalised in STOP_WORDS
            or (position > first and normalised in _HEADS)
            or (normalised.endswith(PRONOUN_SUFFIXES) and len(normalised) > 4)
            or (last_definite is not None and not definite)
            or (position > first and normalised in _given_names())
            or _hidden_non_complement(normalised)
        )
        if ends:
            break
        if definite:
            last_definite = position
        position += 1
    named_after_place = (
        first < len(words)
        and letters[first] in _place_names()
        and not letters[first].startswith("ال")
    )
    if last_definite is not None and not named_after_place:
        return last_definite
    if definite_head or first >= len(words):
        return None  # البرلمان سيصوت: a head with the article takes no proper name
    if not _proper_name(words[first].text, letters[first]):
        return None
    end = first  # the proper name, then its adjectives: شركة أرامكو السعودية
    while (
        end + 1 < len(words)
        and end + 1 - first <= 2
        and _is_nationality_adjective(words[end + 1].text, letters[end + 1])
    ):
        end += 1
    return end


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """One-word place names, normalised (the gazetteer's)."""
    from annotator.suggest.gazetteer import place_names

    return frozenset(normalise(name) for name in place_names() if " " not in name)


def _proper_name(word: str, letters: str) -> bool:
    """A word that can name an organisation's place or brand (بلدية نابلس، وكالة تسنيم)."""
    return (
        is_name_word(word)
        and not is_function_word(word)
        and letters not in STOP_WORDS
        and letters not in _ORG_HEADS
        and not letters.startswith("ال")
        and not any(skipped and _not_a_name(stem) for skipped, stem in proclitic_readings(letters))
    )


def _place_word(word: str, letters: str) -> bool:
    """Without the model: a word that can name a place after its kind, a known place or a
    name word that is no function word, stop word, title, head or feminine adjective
    (منطقة عسكرية). The common words are not asked: the sample's gold uses place names
    such as جنين and طوباس often."""
    if letters in _place_names():
        return True
    return (
        is_name_word(word)
        and not is_function_word(word)
        and letters not in STOP_WORDS
        and letters not in _ORG_HEADS
        and letters not in _PLACE_HEADS
        and letters not in _title_words()
        and not letters.endswith("يه")
    )


def _hidden_non_complement(letters: str) -> bool:
    """A conjunction or a preposition in front of a word that is no complement: وشركة،
    والموظفون، بخصوص، بكل (but للأنباء, a complement, and بيرزيت, a name)."""
    for skipped, stem in proclitic_readings(letters):
        if not skipped or letters[:skipped] == "ال" or letters.startswith("لل"):
            continue
        if stem in _ORG_HEADS or stem in STOP_WORDS or is_function_word(stem):
            return True
        if letters[0] in "وف" and (stem.startswith("ال") or stem in common_words()):
            return True
        if letters[0] in "بك" and (stem.startswith("ال") or stem in common_words()):
            return True
    return False


def _letter_offset(token: str, letters_skipped: int) -> int:
    return normalise_with_positions(token)[1][letters_skipped] if letters_skipped else 0
