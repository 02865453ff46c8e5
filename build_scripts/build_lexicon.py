"""Build annotator/resources/lexicon/common_words.txt from the Wojood training sample.

    python build_scripts/build_lexicon.py      (make lexicon)

A *common word* is a word form (camel-tools-normalised, also after its proclitics) that the
sample's gold uses at least MIN_COUNT times and never inside a person's name, whether
outside every entity or inside another one (a date, an organisation): عام، إدارة، أعضاء،
بلدية … The cue rules stop a person's name at such a word, so
`رئيس بلدية نابلس` or `أحمد ياسين عام` do not become names. Deterministic: the same data
gives the same file, whose header records the data's SHA-256.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.text.arabic import normalise, proclitic_readings  # noqa: E402

SOURCE = ROOT / "resources" / "wojood" / "train.txt"
OUT = ROOT / "annotator" / "resources" / "lexicon" / "common_words.txt"
FUNCTION_WORDS = ROOT / "annotator" / "resources" / "lexicon" / "function_words.txt"
MIN_COUNT = 3


def forms(token: str) -> set[str]:
    """The token's normalised form and its stems after each proclitic reading."""
    letters = normalise(token)
    return {letters} | {stem for _, stem in proclitic_readings(letters)}


def write_function_words(data: bytes) -> None:
    """The union of two maintained Arabic stop-word lists, written as found (diacritics
    and all): Stopwords ISO (`stopwordsiso`, MIT) and spaCy's (`spacy.lang.ar`, MIT),
    less the words the Wojood sample's gold writes inside a person's name (spaCy's list
    has `علي`, a name, beside `على`)."""
    import spacy
    import stopwordsiso
    from spacy.lang.ar.stop_words import STOP_WORDS

    from annotator.text.names import surface

    in_names = set()
    for line in data.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) > 1 and any(tag.endswith("-PERS") for tag in parts[1:]):
            in_names.add(surface(parts[0]))
    found = set(stopwordsiso.stopwords("ar")) | set(STOP_WORDS)
    words = sorted(word for word in found if surface(word) not in in_names)
    header = (
        "# Arabic function words: the union of Stopwords ISO (stopwordsiso "
        f"{getattr(stopwordsiso, '__version__', '')}, MIT) and spaCy {spacy.__version__}'s "
        "spacy.lang.ar.stop_words (MIT),\n"
        f"# less {len(found) - len(words)} written inside a person's name in "
        "resources/wojood/train.txt; built by build_scripts/build_lexicon.py (make lexicon)\n"
    )
    FUNCTION_WORDS.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {FUNCTION_WORDS.relative_to(ROOT)}: {len(words)} words")


def main() -> int:
    data = SOURCE.read_bytes()
    write_function_words(data)
    outside, in_person = Counter(), Counter()
    for line in data.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        token, tags = parts[0], parts[1:]
        person = any(tag.endswith("-PERS") for tag in tags)
        for form in forms(token):
            (in_person if person else outside)[form] += 1
    common = sorted(
        form
        for form, count in outside.items()
        if count >= MIN_COUNT and not in_person[form] and len(form) >= 2 and form.isalpha()
    )
    header = (
        f"# common words: >= {MIN_COUNT} times in the gold, never in a person's name\n"
        f"# built by build_scripts/build_lexicon.py from resources/wojood/train.txt\n"
        "# (Wojood sample, MIT, Jarrar et al. LREC 2022) "
        f"sha256 {hashlib.sha256(data).hexdigest()}\n"
    )
    OUT.write_text(header + "\n".join(common) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(common)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
