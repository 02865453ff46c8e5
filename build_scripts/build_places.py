"""Short forms of country names for the gazetteer, measured on the Wojood sample.

    python build_scripts/build_places.py       (needs pycountry: pip install pycountry)

Candidates: the Arabic country names of CLDR (babel) and of pycountry (ISO 3166-1 with
its Arabic translations: names, official and common names), each cut at an Arabic comma
and shorn of the words of statehood in front (دولة، جمهورية، مملكة، إمارة، سلطنة …) and of
the adjectives behind (العربية، الاتحادية، الشعبية، الديمقراطية …): `دولة فلسطين` ->
`فلسطين`, `جمهورية مصر العربية` -> `مصر`. A candidate the gazetteer already has, or that
is left a bare adjective, is dropped.

Measured: each candidate alone is matched as the gazetteer matches in the default set
(clitic-aware, widened to whole words) over the sample's sentences (train.txt and val.txt,
every nesting level, GPE | LOC | FAC as LOC), and kept only when it raises F1 there (more
exact hits than false ones). The kept forms go to
annotator/resources/lexicon/place_short_forms.txt, with the counts in comments; the rest
are printed.
"""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.suggest.combine import widen_to_words  # noqa: E402
from annotator.suggest.crf.corpus import read_nested_conll  # noqa: E402
from annotator.suggest.crf.scoring import sentence_text, to_char_spans  # noqa: E402
from annotator.suggest.gazetteer import cldr_place_names  # noqa: E402
from annotator.suggest.matcher import NameMatcher  # noqa: E402
from annotator.text.arabic import normalise  # noqa: E402
from annotator.text.names import written  # noqa: E402

OUT = ROOT / "annotator" / "resources" / "lexicon" / "place_short_forms.txt"
DATA = [ROOT / "resources" / "wojood" / name for name in ("train.txt", "val.txt")]
STATEHOOD = {
    normalise(word)
    for word in "دولة الدولة جمهورية الجمهورية مملكة المملكة إمارة الإمارة سلطنة السلطنة "
    "اتحاد الاتحاد إتحاد ولايات الولايات كومنولث دوقية الدوقية إقليم".split()
}
ADJECTIVES = {
    normalise(word)
    for word in "العربية الإسلامية الاتحادية الشعبية الديمقراطية الديموقراطية الاشتراكية "
    "البوليفارية الهاشمية الموحدة المتحدة التعاونية المستقلة الفيدرالية الدستورية "
    "الجديدة الكبرى".split()
}


def pycountry_names() -> set[str]:
    import pycountry

    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    names = set()
    for country in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            value = getattr(country, field, None)
            if value:
                names.add(translation.gettext(value))
    return names


def short_forms(name: str) -> set[str]:
    """A name's pieces without the words of statehood in front and adjectives behind."""
    found = set()
    for piece in re.split(r"[،,]", written(name)):
        words = piece.split()
        while words and normalise(words[0]) in STATEHOOD:
            words = words[1:]
        while len(words) > 1 and normalise(words[-1]) in ADJECTIVES:
            words = words[:-1]
        if not words:
            continue
        form = " ".join(words)
        bare_adjective = (
            len(words) == 1 and normalise(form).startswith("ال") and (form.endswith(("ية", "ي")))
        )
        if len(normalise(form)) >= 2 and not bare_adjective and "(" not in form:
            found.add(form)
    return found


def candidates() -> list[str]:
    known = {tuple(normalise(w) for w in name.split()) for name in cldr_place_names()}
    forms = set()
    for name in set(cldr_place_names()) | pycountry_names():
        forms |= short_forms(name)
    return sorted(f for f in forms if tuple(normalise(w) for w in f.split()) not in known)


def measure(forms: list[str]) -> dict[str, tuple[int, int]]:
    """Exact hits and false hits of each form alone over the sample."""
    sentences = [s for path in DATA for s in read_nested_conll(path)]
    texts = []
    for sentence in sentences:
        text, words = sentence_text(sentence)
        texts.append((text, words, to_char_spans(words, sentence.spans)))
    counts = {}
    for form in forms:
        matcher = NameMatcher()
        matcher.add(form, "LOC", "gazetteer:short")
        right = wrong = 0
        for text, words, gold in texts:
            for candidate in matcher.find(text, words):
                candidate = widen_to_words(candidate, words)
                if (candidate.start, candidate.end, "LOC") in gold:
                    right += 1
                else:
                    wrong += 1
        counts[form] = (right, wrong)
    return counts


def main() -> int:
    forms = candidates()
    counts = measure(forms)
    kept = [f for f in forms if counts[f][0] > counts[f][1]]
    lines = [
        "# short forms of country names (CLDR through babel, pycountry's ISO 3166-1 in Arabic),",
        "# kept because each raises the gazetteer's F1 on the Wojood sample (train + val):",
        "# form<TAB>exact hits<TAB>false hits; built by build_scripts/build_places.py",
    ]
    lines += [f"{form}\t{counts[form][0]}\t{counts[form][1]}" for form in kept]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(forms)} candidate short forms; kept {len(kept)} in {OUT}")
    for form in forms:
        right, wrong = counts[form]
        verdict = "kept" if form in kept else "dropped"
        if right or wrong:
            print(f"  {verdict:8}{form}: {right} right, {wrong} wrong")
    unseen = sum(1 for f in forms if counts[f] == (0, 0))
    print(f"  dropped {unseen} forms the sample never uses (no evidence they raise F1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
