"""`make package-test`: the built bundle's self-test, then its real window under Xvfb.

    python build_scripts/package_test.py [BUNDLE]   (default: dist/annotator/annotator)

Runs `BUNDLE --self-test` offscreen in a clean environment (no Python, no venv on PATH),
then starts `BUNDLE gui --screenshot dist/package-screenshot.png` on the sample article in
a fresh Xvfb display and checks that the screenshot shows the article with candidates.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


def main() -> int:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "annotator" / "annotator"
    if not bundle.exists():
        print(f"{bundle}: not built; run `make package` first", file=sys.stderr)
        return 1
    home = Path(tempfile.mkdtemp(prefix="annotator-package-test-"))
    print(f"== {bundle} --self-test (offscreen, clean environment)", flush=True)
    result = subprocess.run(
        [str(bundle), "--self-test"], env=clean_env(home, QT_QPA_PLATFORM="offscreen"), timeout=300
    )
    if result.returncode != 0:
        return result.returncode
    if shutil.which("Xvfb") is None:
        print(
            "Xvfb is not installed: the window test needs it (apt-get install xvfb)",
            file=sys.stderr,
        )
        return 1
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        display = ":" + xvfb.stdout.readline().decode().strip()
        out = ROOT / "dist" / "package-screenshot.png"
        print(f"== {bundle} gui --screenshot {out} (Xvfb {display})", flush=True)
        result = subprocess.run(
            [str(bundle), "gui", "--screenshot", str(out)],
            env=clean_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
            timeout=120,
        )
        if result.returncode != 0 or not out.exists():
            print("the window did not start or save its screenshot", file=sys.stderr)
            return 1
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(out))
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(60, image.height(), 7)
    }
    if len(colours) < 50 or not {"#2ca02c", "#1f77b4"} <= colours:
        print(f"{out}: the window looks empty ({len(colours)} colours)", file=sys.stderr)
        return 1
    print(f"package test passed: {out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
