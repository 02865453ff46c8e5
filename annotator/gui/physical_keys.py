"""The Latin key of a key press: which shortcut a key means when the active keyboard
layout has no Latin letters (Arabic).

What Qt 6.11 delivers on xcb under Xvfb with `setxkbmap ara` (measured, see
tests/gui/test_arabic_layout.py): the key R arrives as key() 0x642 and text() "ق",
nativeScanCode() 27 (its XKB keycode, the same as with the US layout) and
nativeVirtualKey() the keysym Arabic_qaf; Ctrl+Z arrives as Ctrl+ئ. No shortcut matches
either. (With a Latin layout configured beside it, `ara,us`, Qt matches shortcuts by the
Latin layout itself, but the event's text stays Arabic: keys read from text, such as the
relation-type hotkeys, still need this.)

Like Qt's own fallback, the key is read where it sits on a US keyboard: `US_KEYS`, made
from the system's XKB data by build_scripts/us_keycodes.py. Only keys that typed
something outside Latin-1 are translated (Qt's rule too), so a Latin layout (French,
German) keeps its own keys; the one bound key this leaves out is Ctrl+Shift+Z, whose
Arabic level types "~" (Ctrl+Y is redo as well).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence

from annotator.gui.us_keycodes import US_KEYS

_IGNORED_MODIFIERS = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.GroupSwitchModifier


@dataclass(frozen=True)
class LatinKey:
    """The same physical key on the US layout, with the event's modifiers: `combination`
    as Qt would report it there, `text` the character it types there ("r" for R)."""

    combination: QKeyCombination
    text: str

    @property
    def sequence(self) -> str:
        """Qt's portable text of the key: "R", "Ctrl+Z"."""
        return QKeySequence(self.combination).toString(QKeySequence.SequenceFormat.PortableText)


def scan_codes_are_xkb_keycodes() -> bool:
    """True where a key event's nativeScanCode() is its XKB keycode: xcb (measured) and
    Wayland (QtWayland passes the evdev code + 8, the same numbering)."""
    name = QGuiApplication.platformName()
    return name == "xcb" or name.startswith("wayland")


def latin_key(event: QKeyEvent) -> LatinKey | None:
    """The US key on the physical key of `event`, when the layout typed a character
    outside Latin-1 there; None for any other key, or where the platform does not say
    which physical key was pressed."""
    if not scan_codes_are_xkb_keycodes():
        return None
    return us_key(event.nativeScanCode(), event.key(), event.modifiers())


def readings(event: QKeyEvent) -> list[tuple[str, str]]:
    """The ways a key press can be read by a key table, in order: as typed (Qt's portable
    text, Shift+Tab for Backtab; and the event's text), then, with a layout without Latin
    letters, as the key in its place on a US keyboard (`latin_key`)."""
    typed = (
        "Shift+Tab"
        if event.key() == Qt.Key.Key_Backtab
        else QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
    )
    latin = latin_key(event)
    return [(typed, event.text())] + ([(latin.sequence, latin.text)] if latin else [])


def us_key(keycode: int, key: int, modifiers: Qt.KeyboardModifier) -> LatinKey | None:
    """The US key of XKB `keycode` for a press that Qt reported as `key` with
    `modifiers`; None unless `key` is a character outside Latin-1 on a key of the main
    block (letters, digits, punctuation)."""
    characters = US_KEYS.get(keycode)
    if characters is None or not 0xFF < key < 0x110000:  # Qt's special keys start at 2**24
        return None
    shifted = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
    text = (characters[1] if shifted else "") or characters[0]
    combination = QKeyCombination(modifiers & ~_IGNORED_MODIFIERS, Qt.Key(ord(text.upper())))
    return LatinKey(combination, text)
