"""The keys with the Arabic keyboard layout active: the real program on its own Xvfb
display, the X keyboard layout switched to Arabic with setxkbmap, real key presses from
xdotool by physical key (XKB keycode), and the project file read after each step.

With only `ara` configured, Qt (6.11, xcb) delivers the key R as key() 0x642 "ق" with
nativeScanCode() 27 and Ctrl+Z as Ctrl+ئ, and matches no shortcut: these keys reach the
window only through `physical_keys` and the binder's fallback. With `ara,us` (Arabic
active, US beside it) Qt matches the shortcuts by the US layout itself, but the text of a
key stays Arabic, so the relation-type key (ح for P) needs `physical_keys` there too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from annotator.gui.us_keycodes import US_KEYS
from annotator.store import Project
from tests.conftest import REPO
from tests.gui.conftest import stored

TOOLS = ("Xvfb", "xdotool", "setxkbmap")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs Xvfb, xdotool and setxkbmap (.ci/run installs xvfb, xdotool, "
    "x11-xkb-utils and xkb-data)",
)

TEXT = "التقى لافروف في موسكو مع تشوي سونغ هوي وزير خارجية كوريا الشمالية بحضور وزارة الخارجية"
KEYCODE = {plain: keycode for keycode, (plain, _shifted) in US_KEYS.items()}


def span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def arabic_display(request):
    """A fresh Xvfb display with the XKB layouts `request.param` (the first is active)."""
    layout = request.param
    # -noreset: without it the server resets, dropping the layout, when its last client
    # (setxkbmap) disconnects, before the window connects
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-noreset", "-screen", "0", "1280x800x24"]
        + ["-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    display = ":" + xvfb.stdout.readline().decode().strip()
    try:
        subprocess.run(["setxkbmap", "-display", display, "-layout", layout], check=True)
        query = subprocess.run(
            ["setxkbmap", "-display", display, "-query"], capture_output=True, text=True
        ).stdout
        assert f"layout:     {layout}" in query, query
        yield display
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def press(display: str, *keys: str) -> None:
    """Press keys by physical key: an XKB keycode (the US key's name in KEYCODE, as
    "r" or "ctrl+z"), so the active layout decides what the key types."""
    names = []
    for key in keys:
        *modifiers, last = key.split("+")
        code = str(KEYCODE[last]) if last in KEYCODE else last
        names.append("+".join([*modifiers, code]))
    env = {**os.environ, "DISPLAY": display}
    for name in names:
        subprocess.run(["xdotool", "key", "--delay", "40", name], env=env, check=True)


def wait_for(path, sql, expected, timeout=20.0):
    """Poll the project file (a second connection) until `sql` returns `expected`."""
    deadline = time.monotonic() + timeout
    while True:
        rows = stored(path, sql)
        if rows == expected or time.monotonic() > deadline:
            return rows
        time.sleep(0.1)


@pytest.mark.parametrize("arabic_display", ["ara", "ara,us"], indirect=True)
def test_keys_work_by_physical_key_with_the_arabic_layout(arabic_display, tmp_path):
    path = tmp_path / "arabic.sqlite"
    with Project.create(path, annotator="tester") as project:
        document = project.add_document("doc.txt", TEXT)
        for phrase, label in (
            ("لافروف", "PERS"),
            ("موسكو", "LOC"),
            ("كوريا الشمالية", "LOC"),
            ("وزارة الخارجية", "ORG"),
        ):
            project.add_entity(document.id, *span(phrase), label, status="candidate", source="test")
        project.set_document_status(document.id, "new")
    env = {
        **os.environ,
        "DISPLAY": arabic_display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "ANNOTATOR_NAME": "tester",
        "PYTHONPATH": str(REPO),
    }
    window = subprocess.Popen(
        [sys.executable, "-m", "annotator", "gui", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^annotator — "],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        window_id = found.stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", window_id], env=env, check=True)

        press(arabic_display, "Tab", "Return")  # the first candidate, accepted
        assert wait_for(
            path, "SELECT status FROM entities WHERE label = 'PERS'", [("accepted",)]
        ) == [("accepted",)]

        press(arabic_display, "Delete")  # the next candidate, rejected
        assert wait_for(
            path,
            f"SELECT status FROM entities WHERE start = {span('موسكو')[0]}",
            [("rejected",)],
        ) == [("rejected",)]

        press(arabic_display, "3")  # ORG (the digits are Latin in the Arabic layout)
        korea = f"SELECT label, status FROM entities WHERE start = {span('كوريا الشمالية')[0]}"
        assert wait_for(path, korea, [("ORG", "candidate")]) == [("ORG", "candidate")]

        # R (ق): link to the next entity, the ministry; Enter: the types; P (ح): part_of
        press(arabic_display, "r", "Return", "p")
        relations = (
            "SELECT h.start, t.start, r.type FROM relations r "
            "JOIN entities h ON h.id = r.head_id JOIN entities t ON t.id = r.tail_id"
        )
        made = [(span("كوريا الشمالية")[0], span("وزارة الخارجية")[0], "part_of")]
        assert wait_for(path, relations, made) == made

        press(arabic_display, "ctrl+z")  # Ctrl+ئ: undo the relation
        assert wait_for(path, relations, []) == []
        press(arabic_display, "ctrl+y")  # Ctrl+غ: redo it
        assert wait_for(path, relations, made) == made

        press(arabic_display, "ctrl+q")  # Ctrl+ض: quit
        assert window.wait(timeout=30) == 0
    finally:
        if window.poll() is None:
            window.terminate()
        _out, errors = window.communicate(timeout=30)
    assert "Traceback" not in errors, errors[-2000:]
