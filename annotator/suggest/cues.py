"""Cue rules: a few documented patterns of news Arabic, each named in its candidates' source.

- `cues:title`     a title or office (الرئيس، الوزير، وزير الخارجية، المتحدث باسم …) is
                  followed, after optional adjectives of nationality (الروسي، الكوري
                  الشمالي), by a person's name: PERS. The name is one to four name words,
                  joined by the particles أبو، بن، ابن، عبد، أم، بنت, and a last nisba
                  family name with the article (الحسيني); it ends at the first
                  word that is not a name word: a function word (Stopwords ISO), a common
                  word of the sample's gold (`resources/lexicon/common_words.txt`), an
                  organisation head, or a word whose proclitic hides one of those
                  (لبورصة، وأعضاء). No name starts with the article.
- `cues:org-head`  an organisation head noun (وزارة، وكالة، منظمة، مجلس، هيئة، بلدية …)
                  followed by its complements: a chain of nouns ending on a definite one
                  (مجلس إدارة الشركة، هيئة سوق رأس المال, وزارة الخارجية الروسية), or a
                  proper name (وكالة تسنيم). A conjunction, a pronoun suffix or a function
                  word ends it: ORG.
- `cues:org-name`  fixed organisation names (الأمم المتحدة، الاتحاد الأوروبي …): ORG.

What a name word is, and where a span may start and end, is `annotator.text.names`.
"""

from __future__ import annotations

from functools import lru_cache

from annotator.paths import RESOURCES_DIR
from annotator.suggest.base import Candidate
from annotator.suggest.matcher import NameMatcher
from annotator.text.arabic import normalise, normalise_with_positions, proclitic_readings
from annotator.text.names import is_function_word, is_name_word
from annotator.text.words import Word, words_with_offsets

TITLES = [
    "الرئيس", "رئيس", "الوزير", "وزير", "رئيس الوزراء", "وزير الخارجية", "وزير الدفاع",
    "وزيرة", "المتحدث", "المتحدثة", "الزعيم", "السيد", "السيدة", "الملك", "الأمير", "الشيخ",
    "المستشار", "السفير", "النائب", "الجنرال", "العقيد",
]  # fmt: skip
ORG_HEADS = [
    "وزارة", "وكالة", "منظمة", "مجلس", "هيئة", "جامعة", "شركة", "حزب", "حركة", "لجنة",
    "مكتب", "بنك", "صندوق", "اتحاد", "جمعية", "محكمة", "برلمان", "بلدية", "بورصة", "ديوان",
    "سلطة", "مؤسسة", "نقابة", "دائرة", "مديرية",
]  # fmt: skip
ORG_NAMES = [
    "الأمم المتحدة", "الاتحاد الأوروبي", "حلف الناتو", "الناتو", "جامعة الدول العربية",
    "مجلس الأمن", "البنك الدولي", "صندوق النقد الدولي", "الكرملين", "البنتاغون",
]  # fmt: skip
# Words that end a name after a title, beyond the function words: portfolios after وزير
# (وزير خارجية كوريا is not a person called خارجية) and verbs of reporting.
STOP_WORDS = {
    normalise(word)
    for word in (
        "قال وقال أعلن أكد صرح ذكر أشار باسم يوم اليوم أمس غدا "
        "خارجية دفاع داخلية مالية عدل إعلام اقتصاد تجارة"
    ).split()
}
NAME_PARTICLES = {normalise(word) for word in "أبو أبي ابو بن ابن عبد أم بنت".split()}
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم", "نا")
MAX_NAME_WORDS = 4
MAX_COMPLEMENTS = 5
_TITLE_WORDS = {tuple(normalise(w.text) for w in words_with_offsets(t)) for t in TITLES}
_TITLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _title in _TITLE_WORDS:
    _TITLES_BY_FIRST.setdefault(_title[0], []).append(_title)
_HEADS = {normalise(h) for h in ORG_HEADS}
# Heads are matched with their article too (الاتحاد الروسي keeps its ال), after و ف ب ك ل.
_ORG_HEADS = _HEADS | {"ال" + head for head in _HEADS}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Normalised words the sample's gold never uses in a person's name (see the file)."""
    path = RESOURCES_DIR / "lexicon" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _not_a_name(letters: str) -> bool:
    return (
        letters in STOP_WORDS
        or letters in common_words()
        or letters in _ORG_HEADS
        or letters.startswith("ال")
    )


def _is_name_word(word: str, letters: str, first: bool) -> bool:
    """A word that can be part of a person's name after a title."""
    if not is_name_word(word) or is_function_word(word) or _not_a_name(letters):
        return letters.startswith("ال") and not first and _family_name(word, letters)
    # a proclitic that hides a word that is no name: لبورصة، وأعضاء، بالرئيس
    return not any(skipped and _not_a_name(stem) for skipped, stem in proclitic_readings(letters))


def _family_name(word: str, letters: str) -> bool:
    """ال + a nisba family name that is not a common word (أمين الحسيني، خليل السكاكيني)."""
    return (
        is_name_word(word)
        and letters.endswith("ي")
        and not is_function_word(word)
        and letters not in common_words()
        and letters not in _ORG_HEADS
    )


def _is_nationality_adjective(letters: str) -> bool:
    """الروسي، الكوري، الشمالي (and feminine forms, normalised to ...يه)."""
    return letters.startswith("ال") and (letters.endswith("ي") or letters.endswith("يه"))


class CueSuggester:
    name = "cues"
    VERSION = "2"

    def __init__(self) -> None:
        self._org_names = NameMatcher()
        for name in ORG_NAMES:
            self._org_names.add(name, "ORG", "cues:org-name")

    def fingerprint(self) -> str:
        return f"cues-{self.VERSION}-{len(common_words())}"

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        words = words if words is not None else words_with_offsets(text)
        letters = [normalise(word.text) for word in words]
        found = self._org_names.find(text, words)
        named = {(c.start, c.end) for c in found}
        for index in range(len(words)):
            found.extend(self._person_after_title(words, letters, index))
            found.extend(
                c
                for c in self._organisation(words, letters, index)
                if (c.start, c.end) not in named
            )
        return found

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

    def _person_after_title(self, words, letters, index) -> list[Candidate]:
        title_length = self._title_length(letters, index)
        if not title_length:
            return []
        position = index + title_length
        while position < len(words) and _is_nationality_adjective(letters[position]):
            position += 1
        name: list[Word] = []
        names = 0
        while position < len(words) and names < MAX_NAME_WORDS:
            word, normalised = words[position], letters[position]
            if normalised in NAME_PARTICLES and position + 1 < len(words):
                following = words[position + 1]
                if not _is_name_word(following.text, letters[position + 1], first=False):
                    break
                name += [word, following]
                names += 1
                position += 2
                continue
            if not _is_name_word(word.text, normalised, first=not name):
                break
            name.append(word)
            names += 1
            position += 1
        if not name:
            return []
        return [Candidate(name[0].start, name[-1].end, "PERS", "cues:title", 0.5)]

    def _organisation(self, words, letters, index) -> list[Candidate]:
        skipped = next(
            (count for count, stem in proclitic_readings(letters[index]) if stem in _ORG_HEADS),
            None,
        )
        if skipped is None:
            return []
        end = _complements_end(words, letters, index + 1)
        if end is None:
            return []
        head = words[index]
        start = head.start + _letter_offset(head.text, skipped)
        return [Candidate(start, words[end].end, "ORG", "cues:org-head", 0.5)]


def _complements_end(words, letters, position) -> int | None:
    """Index of the last word of the head's complements, or None if it has none: nouns up
    to the last definite one (after it, only definite words: adjectives), or a proper name
    right after the head."""
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
            or _hidden_non_complement(normalised)
        )
        if ends:
            break
        if definite:
            last_definite = position
        position += 1
    if last_definite is not None:
        return last_definite
    proper = first < len(words) and _proper_name(words[first].text, letters[first])
    return first if proper else None


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
