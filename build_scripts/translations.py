"""The window's translation catalogues, with Qt's own tools (pyside6-lupdate, -lrelease).

    python build_scripts/translations.py            # .ts -> .qm (make setup, the package)
    python build_scripts/translations.py --update   # the sources -> .ts first (new texts)

The catalogues live in annotator/resources/i18n/: annotator_ar.ts (the Arabic translation,
written by hand, committed) and annotator_en.ts (only the English plural forms, "1
document" / "2 documents", as Qt asks for an English catalogue of numerus forms). The
compiled .qm files beside them are built, never committed. `--update` runs lupdate on
annotator/gui (the only package that shows text) without source locations, so a moved line
changes nothing; new texts come in unfinished, texts no longer in the code are dropped.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "annotator" / "gui"
CATALOGUES = ROOT / "annotator" / "resources" / "i18n"
#: language -> lupdate's options for its catalogue
LANGUAGES = {"ar": [], "en": ["-pluralonly"]}


def tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(
            f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)"
        )
    return found


def sources(folder: Path = SOURCES) -> list[Path]:
    """The Python files whose texts the catalogues hold."""
    return sorted(folder.glob("*.py"))


def update(ts: Path, language: str, folder: Path = SOURCES) -> str:
    """Bring `ts` up to date with the texts in `folder`'s sources; lupdate's report."""
    command = [
        tool("pyside6-lupdate"),
        *map(str, sources(folder)),
        "-no-obsolete",
        "-locations",
        "none",
        "-target-language",
        language,
        *LANGUAGES[language],
        "-ts",
        str(ts),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return result.stdout + result.stderr


def release(ts: Path, qm: Path) -> str:
    """Compile `ts` into `qm`; lrelease's report."""
    command = [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return result.stdout + result.stderr


def main() -> int:
    """Compile every catalogue (after lupdate with --update)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate on the sources first")
    args = parser.parse_args()
    for language in LANGUAGES:
        ts = CATALOGUES / f"annotator_{language}.ts"
        if args.update:
            print(update(ts, language).strip())
        print(release(ts, ts.with_suffix(".qm")).strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
