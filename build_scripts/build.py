"""Build the standalone program with PyInstaller: `make package` (any current directory).

    python build_scripts/build.py [--onefile] [--with-ner]

Installs PyInstaller into the running environment if it is missing, compiles the window's
translations (annotator/resources/i18n/*.ts -> .qm, with pyside6-lrelease: they travel in the
bundle with the other resources), builds from the spec beside this script into dist/ at the
repository's root, and prints the bundle's size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))

import translations  # noqa: E402 - beside this script


def size_mb(path: Path) -> float:
    """Bytes on disk, counting each file once (the bundle links some libraries twice)."""
    if path.is_file():
        return path.stat().st_size / 1e6
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--onefile", action="store_true")
    parser.add_argument(
        "--with-ner",
        action="store_true",
        help="bundle the camel-tools NER runtime (torch, transformers)",
    )
    args = parser.parse_args()
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller>=6.10"], check=True
        )
    for ts in sorted(translations.CATALOGUES.glob("*.ts")):
        translations.release(ts, ts.with_suffix(".qm"))
    env = {
        **os.environ,
        "ANNOTATOR_WITH_NER": "1" if args.with_ner else "0",
        "ANNOTATOR_ONEFILE": "1" if args.onefile else "0",
    }
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "build_scripts" / "annotator.spec"),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    name = "annotator-ner" if args.with_ner else "annotator"
    output = ROOT / "dist" / (name + ".bin" if args.onefile else name)
    print(f"built {output} in {time.perf_counter() - started:.0f} s: {size_mb(output):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
