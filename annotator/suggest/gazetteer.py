"""Place names from CLDR (through babel): Arabic names of countries, regions and cities,
plus the short forms of country names that raise F1 on the Wojood sample
(`resources/lexicon/place_short_forms.txt`, from CLDR and pycountry by
build_scripts/build_places.py: `دولة فلسطين` -> `فلسطين`)."""

from __future__ import annotations

import re
from functools import lru_cache

import babel
from babel import Locale

from annotator.paths import RESOURCES_DIR
from annotator.suggest.base import Candidate
from annotator.suggest.matcher import NameMatcher
from annotator.text.words import Word

# CLDR territory codes that are not places: organisations, pseudo-regions, "unknown".
NOT_PLACES = {"UN", "EU", "EZ", "QO", "ZZ", "XA", "XB", "001"}
CONTINENTS = {"002", "009", "019", "142", "150"}
_PARENTHESES = re.compile(r"\s*\(.*?\)\s*")


@lru_cache(maxsize=1)
def cldr_place_names() -> tuple[str, ...]:
    locale = Locale("ar")
    names = set()
    for code, name in locale.territories.items():
        if code in NOT_PLACES or (code.isdigit() and code not in CONTINENTS):
            continue
        names.add(_PARENTHESES.sub(" ", name).strip())
    for zone in locale.time_zones.values():
        city = dict(zone).get("city")
        if city:
            names.add(city.strip())
    return tuple(sorted(name for name in names if name))


#: the gazetteer's precision on Wojood's val.txt, exact spans (benchmarks/ner_targets.py)
CONFIDENCE = 0.77


@lru_cache(maxsize=1)
def short_forms() -> tuple[str, ...]:
    """The measured short forms of country names (see the module)."""
    path = RESOURCES_DIR / "lexicon" / "place_short_forms.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.split("\t")[0] for line in lines if line and not line.startswith("#"))


def place_names() -> tuple[str, ...]:
    """Every name the gazetteer proposes: CLDR's and the short forms."""
    return tuple(sorted(set(cldr_place_names()) | set(short_forms())))


class GazetteerSuggester:
    """Proposes LOC for every CLDR place name (and short form) in the text, clitics and
    all; source `gazetteer:cldr` (`gazetteer:short` for a short form)."""

    name = "gazetteer"

    def __init__(self) -> None:
        self._matcher = NameMatcher()
        for place in cldr_place_names():
            self._matcher.add(place, "LOC", "gazetteer:cldr", CONFIDENCE)
        for place in short_forms():
            self._matcher.add(place, "LOC", "gazetteer:short", CONFIDENCE)

    def fingerprint(self) -> str:
        return f"cldr-babel-{babel.__version__}-{len(self._matcher)}-c{CONFIDENCE}"

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        return self._matcher.find(text, words)
