"""Keys by physical key (`physical_keys`), headless: the US key table against the system's
XKB data, the mapping of what Qt delivers with the Arabic layout (as measured under Xvfb,
see test_arabic_layout.py), and the window's fallback fed with such key events."""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QTextBrowser

from annotator.gui import physical_keys
from annotator.gui.physical_keys import latin_key, us_key
from annotator.gui.us_keycodes import US_KEYS
from tests.conftest import REPO
from tests.gui.conftest import stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
TEXT = "التقى لافروف في موسكو مع وزير خارجية كوريا الشمالية بحضور وزارة الخارجية"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "us_keycodes_generator", REPO / "build_scripts" / "us_keycodes.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_us_key_table_is_what_xkb_says():
    generator = _generator()
    try:
        from_xkb = generator.us_keys()
    except OSError as error:  # no libxkbcommon or no xkb-data on this machine
        pytest.skip(f"cannot read the XKB data: {error}")
    assert US_KEYS == from_xkb, "run build_scripts/us_keycodes.py again"
    assert US_KEYS[27] == ("r", "R") and US_KEYS[52] == ("z", "Z")


@pytest.mark.parametrize(
    ("keycode", "key", "modifiers", "sequence", "text"),
    [
        (27, ord("ق"), NONE, "R", "r"),  # R
        (39, ord("س"), NONE, "S", "s"),  # S
        (28, ord("ف"), NONE, "T", "t"),  # T
        (54, ord("ؤ"), NONE, "C", "c"),  # C
        (34, ord("ج"), NONE, "[", "["),  # [
        (56, 0xFEFB, NONE, "B", "b"),  # lam-alef, one character in XKB's Arabic layout
        (13, ord("٤"), NONE, "4", "4"),  # Eastern Arabic digits (ara(digits))
        (52, ord("ئ"), CTRL, "Ctrl+Z", "z"),  # Ctrl+Z
        (38, 0x650, CTRL | SHIFT, "Ctrl+Shift+A", "A"),  # Ctrl+Shift+A: kasra on level 2
    ],
)
def test_an_arabic_key_reads_as_the_us_key_in_its_place(keycode, key, modifiers, sequence, text):
    latin = us_key(keycode, key, modifiers)
    assert (latin.sequence, latin.text) == (sequence, text)


@pytest.mark.parametrize(
    ("keycode", "key", "modifiers"),
    [
        (27, Qt.Key.Key_R, NONE),  # a Latin layout: nothing to translate
        (47, ord("é"), NONE),  # a Latin-1 letter (French, German keep their keys)
        (52, ord("~"), CTRL | SHIFT),  # ara's Shift+Z types "~": Latin, left alone
        (36, Qt.Key.Key_Return, NONE),  # not a key of the main block
        (0, ord("ق"), NONE),  # no keycode: not a physical key
    ],
)
def test_latin_and_special_keys_are_not_translated(keycode, key, modifiers):
    assert us_key(keycode, key, modifiers) is None


def _arabic_event(keycode: int, key: int, modifiers=NONE) -> QKeyEvent:
    """A key press as Qt's xcb plugin delivers it with the Arabic layout."""
    return QKeyEvent(QEvent.Type.KeyPress, key, modifiers, keycode, 0, 0, chr(key))


def test_scan_codes_are_read_only_where_they_are_xkb_keycodes(qapp):
    assert QApplication.platformName() == "offscreen"
    assert latin_key(_arabic_event(27, ord("ق"))) is None  # offscreen: no physical keys


@pytest.fixture
def xkb_platform(monkeypatch):
    """Scan codes read as XKB keycodes, as on xcb, in the headless window."""
    monkeypatch.setattr(physical_keys, "scan_codes_are_xkb_keycodes", lambda: True)


def _send(widget, *events: QKeyEvent) -> None:
    for event in events:
        QApplication.sendEvent(widget, event)


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def test_arabic_keys_link_pick_the_type_and_undo(make_window, qtbot, xkb_platform):
    window, path, _ = make_window(
        TEXT, [(*_span("كوريا الشمالية"), "LOC"), (*_span("وزارة الخارجية"), "ORG")]
    )
    view = window.view
    ministry = next(e.id for e in window.session.entities.values() if e.label == "ORG")
    view.set_focus_entity(ministry)
    _send(view, _arabic_event(27, ord("ق")))  # R: link the ministry to…
    assert view.linking.active
    assert window.session.entities[view.link.target].label == "LOC"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [t.name for t in view.link.types] == ["located_in"]
    _send(view, _arabic_event(46, ord("م")))  # L: located_in
    relations = "SELECT type FROM relations"
    assert stored(path, relations) == [("located_in",)]
    _send(view, _arabic_event(52, ord("ئ"), CTRL))  # Ctrl+Z
    assert stored(path, relations) == []


def test_an_arabic_key_while_linking_stays_with_the_link(make_window, xkb_platform):
    window, _, _ = make_window(
        TEXT, [(*_span("كوريا الشمالية"), "LOC"), (*_span("وزارة الخارجية"), "ORG")]
    )
    view = window.view
    view.set_focus_entity(next(iter(window.session.entities)))
    _send(view, _arabic_event(27, ord("ق")))
    link = view.link
    _send(view, _arabic_event(27, ord("ق")))  # R again: not a key of linking
    assert view.link is link  # the same link, not a new one started


def test_a_line_edit_in_the_window_keeps_its_keys(make_window, qtbot, xkb_platform):
    window, path, _ = make_window(TEXT, [(*_span("كوريا الشمالية"), "LOC")])
    view = window.view
    view.set_focus_entity(next(iter(window.session.entities)))
    qtbot.keyClick(view, Qt.Key.Key_Return)  # accept: something to undo
    assert stored(path, "SELECT status FROM entities") == [("accepted",)]
    dock = QDockWidget("Search", window)
    line = QLineEdit(dock)
    dock.setWidget(line)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    _send(line, _arabic_event(27, ord("ق")), _arabic_event(39, ord("س")))
    assert line.text() == "قس"
    assert not view.linking.active
    _send(line, _arabic_event(52, ord("ئ"), CTRL))  # Ctrl+Z is the line edit's own key
    assert stored(path, "SELECT status FROM entities") == [("accepted",)]


def test_f1_says_where_the_keys_are_with_the_arabic_layout(make_window, qtbot, xkb_platform):
    window, _, _ = make_window(TEXT)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.parts.help.dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "With the Arabic keyboard layout" in text and "R is the key of ق" in text
    dialog.close()


def test_f1_says_nothing_of_layouts_where_keys_are_not_physical(make_window, qtbot):
    window, _, _ = make_window(TEXT)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.parts.help.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "Arabic keyboard layout" not in dialog.findChild(QTextBrowser).toPlainText()
    dialog.close()
