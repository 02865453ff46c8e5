"""A real xcb window under Xvfb, on the sample article, saved as a screenshot."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor, QImage

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None,
    reason="Xvfb is not installed (.ci/run installs it: apt-get install xvfb)",
)


@pytest.fixture
def xvfb_display():
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    display = process.stdout.readline().decode().strip()
    try:
        yield f":{display}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def screenshot(display: str, folder, *options: str) -> QImage:
    """Run build_scripts/screenshot.py in a real xcb window and load what it saved."""
    out = folder / "screenshot.png"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(folder)}
    result = subprocess.run(
        [sys.executable, str(REPO / "build_scripts" / "screenshot.py"), str(out), *options],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return QImage(str(out))


def test_main_window_screenshot_on_the_sample_article(xvfb_display, tmp_path):
    image = screenshot(xvfb_display, tmp_path)
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixelColor(x, y).name() for x in range(0, 1280, 7) for y in range(60, 800, 7)}
    # text, entity colours of every label present, and their tints: not a blank window
    assert len(colours) > 50
    label_colours = {"#d62728", "#2ca02c", "#1f77b4"}
    assert label_colours <= colours | {QColor(c).name() for c in colours}


def test_arabic_screenshot_is_mirrored_with_the_search_highlighted(
    xvfb_display, tmp_path, catalogues
):
    """The real window in Arabic (`--lang ar`) with a search in progress: the selected
    document's row is on the right, the find bar's highlights are in the article."""
    image = screenshot(
        xvfb_display, tmp_path, "--lang", "ar", "--catalogues", str(catalogues), "--find", "بوتين"
    )
    assert (image.width(), image.height()) == (1280, 800)

    def columns_with(colour: str) -> list[int]:
        wanted = QColor(colour).name()
        return [
            x
            for x in range(0, 1280, 4)
            if any(image.pixelColor(x, y).name() == wanted for y in range(60, 760, 4))
        ]

    # the documents list's current row (the selection colour) lies right of the article
    selected = image.pixelColor(1270, 140).name()
    assert selected not in ("#ffffff", "#000000")
    assert min(columns_with(selected)) > 1000
    # the current match is framed in the article (CURRENT_HIGHLIGHT_PEN)
    framed = columns_with("#0b62c4")
    assert framed and 260 < min(framed) and max(framed) < 1020


def test_relations_screenshot_draws_arcs(xvfb_display, tmp_path):
    image = screenshot(xvfb_display, tmp_path, "--relations")
    # the focused arc is drawn in its highlight colour somewhere in the article
    highlight = QColor("#e6550d").name()
    found = any(  # every row: an antialiased 2-pixel line has one row of the exact colour
        image.pixelColor(x, y).name() == highlight
        for x in range(260, 1020, 2)
        for y in range(60, 800)
    )
    assert found
