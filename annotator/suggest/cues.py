"""Cue rules: a few documented patterns of news Arabic, each named in its candidates' source.

- `cues:title`     a title or office (الرئيس، الوزير، وزير الخارجية، المتحدث باسم …) is
                  followed, after optional adjectives of nationality (الروسي، الكوري
                  الشمالي), by a person's name of one or two words: PERS.
- `cues:org-head`  an organisation head noun (وزارة، وكالة، منظمة، مجلس، هيئة، جامعة …)
                  followed by its definite complements (وزارة الخارجية الروسية,
                  وكالة تسنيم للأنباء): ORG.
- `cues:org-name`  fixed organisation names (الأمم المتحدة، الاتحاد الأوروبي …): ORG.
"""

from __future__ import annotations

from annotator.suggest.base import Candidate
from annotator.suggest.matcher import NameMatcher
from annotator.text.arabic import normalise, proclitic_readings
from annotator.text.words import Word, words_with_offsets

TITLES = [
    "الرئيس",
    "رئيس",
    "الوزير",
    "وزير",
    "رئيس الوزراء",
    "وزير الخارجية",
    "وزير الدفاع",
    "وزيرة",
    "المتحدث",
    "المتحدثة",
    "الزعيم",
    "السيد",
    "السيدة",
    "الملك",
    "الأمير",
    "الشيخ",
    "المستشار",
    "السفير",
    "النائب",
    "الجنرال",
    "العقيد",
]
ORG_HEADS = [
    "وزارة",
    "وكالة",
    "منظمة",
    "مجلس",
    "هيئة",
    "جامعة",
    "شركة",
    "حزب",
    "حركة",
    "لجنة",
    "مكتب",
    "بنك",
    "صندوق",
    "اتحاد",
    "جمعية",
    "محكمة",
    "برلمان",
]
ORG_NAMES = [
    "الأمم المتحدة",
    "الاتحاد الأوروبي",
    "حلف الناتو",
    "الناتو",
    "جامعة الدول العربية",
    "مجلس الأمن",
    "البنك الدولي",
    "صندوق النقد الدولي",
    "الكرملين",
    "البنتاغون",
]
# Words that end a name: prepositions, conjunctions, particles, common verbs of reporting.
STOP_WORDS = {
    normalise(word)
    for word in (
        "في من إلى الى على عن أن إن أنه انه مع بين كان قد لقد ما لا لم لن هذا هذه ذلك تلك "
        "التي الذي الذين و أو ثم حتى عند بعد قبل خلال كما قال وقال أعلن أكد صرح ذكر أشار "
        "يوم اليوم أمس غدا باسم "
        # portfolios that follow وزير: وزير خارجية كوريا is not a person called خارجية
        "خارجية دفاع داخلية مالية عدل إعلام اقتصاد تجارة"
    ).split()
}
_TITLE_WORDS = {tuple(normalise(w.text) for w in words_with_offsets(t)) for t in TITLES}
# Heads are matched with their article (الاتحاد الروسي keeps its ال), after و ف ب ك ل.
_ORG_HEADS = {normalise(h) for h in ORG_HEADS} | {"ال" + normalise(h) for h in ORG_HEADS}


def _is_nationality_adjective(letters: str) -> bool:
    """الروسي، الكوري، الشمالي (and feminine forms, normalised to ...يه)."""
    return letters.startswith("ال") and (letters.endswith("ي") or letters.endswith("يه"))


def _is_name_word(letters: str) -> bool:
    return len(letters) >= 2 and letters not in STOP_WORDS and not letters.startswith("ال")


class CueSuggester:
    name = "cues"
    VERSION = "1"

    def __init__(self) -> None:
        self._org_names = NameMatcher()
        for name in ORG_NAMES:
            self._org_names.add(name, "ORG", "cues:org-name")

    def fingerprint(self) -> str:
        return f"cues-{self.VERSION}"

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        words = words if words is not None else words_with_offsets(text)
        letters = [normalise(word.text) for word in words]
        found = self._org_names.find(text, words)
        for index in range(len(words)):
            found.extend(self._person_after_title(words, letters, index))
            found.extend(self._organisation(text, words, letters, index))
        return found

    def _person_after_title(self, words, letters, index) -> list[Candidate]:
        title_length = 0
        for title in _TITLE_WORDS:
            if tuple(letters[index : index + len(title)]) == title:
                title_length = max(title_length, len(title))
        if not title_length:
            first = letters[index]
            for _, stem in proclitic_readings(first):
                if (stem,) in _TITLE_WORDS:
                    title_length = 1
                    break
        if not title_length:
            return []
        position = index + title_length
        while position < len(words) and _is_nationality_adjective(letters[position]):
            position += 1
        name_words = []
        while position < len(words) and _is_name_word(letters[position]):
            # two words, and a third only if short (تشوي سونغ هوي، كيم جونغ أون)
            if len(name_words) == 2 and len(letters[position]) > 3 or len(name_words) == 3:
                break
            name_words.append(words[position])
            position += 1
        if not name_words:
            return []
        return [Candidate(name_words[0].start, name_words[-1].end, "PERS", "cues:title", 0.5)]

    def _organisation(self, text, words, letters, index) -> list[Candidate]:
        skipped = next(
            (count for count, stem in proclitic_readings(letters[index]) if stem in _ORG_HEADS),
            None,
        )
        if skipped is None:
            return []
        position = index + 1
        complements = 0
        while position < len(words) and complements < 4:
            word = letters[position]
            definite = word.startswith("ال") or word.startswith("لل")
            proper_first = complements == 0 and _is_name_word(word) and word not in _ORG_HEADS
            if not (definite or proper_first) or word in STOP_WORDS or word in _ORG_HEADS:
                break
            complements += 1
            position += 1
        if not complements:
            return []
        head = words[index]
        start = head.start + _letter_offset(head.text, skipped)
        return [Candidate(start, words[position - 1].end, "ORG", "cues:org-head", 0.5)]


def _letter_offset(token: str, letters_skipped: int) -> int:
    from annotator.text.arabic import normalise_with_positions

    return normalise_with_positions(token)[1][letters_skipped] if letters_skipped else 0
