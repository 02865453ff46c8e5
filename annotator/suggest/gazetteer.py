"""Place names from CLDR (through babel): Arabic names of countries, regions and cities."""

from __future__ import annotations

import re
from functools import lru_cache

import babel
from babel import Locale

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


class GazetteerSuggester:
    """Proposes LOC for every CLDR place name in the text, clitics and all."""

    name = "gazetteer"

    def __init__(self) -> None:
        self._matcher = NameMatcher()
        for place in cldr_place_names():
            self._matcher.add(place, "LOC", "gazetteer:cldr")

    def fingerprint(self) -> str:
        return f"cldr-babel-{babel.__version__}-{len(self._matcher)}"

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        return self._matcher.find(text, words)
