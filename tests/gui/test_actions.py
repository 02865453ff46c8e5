"""The actions table is the one source of the menus, the keys and the F1 help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTextBrowser

from annotator.gui.actions import ACTIONS, LINK_KEYS, portable
from annotator.gui.key_help import KEY_SEPARATOR

TEXT = "قال لافروف إن روسيا رحبت بالوزير في موسكو"


def _help_keys(window) -> set[str]:
    keys = set()
    for _section, text, _title in window.parts.help.rows():
        keys.update(portable(key) for key in text.split(KEY_SEPARATOR))
    return keys


def _bound_keys(window) -> set[str]:
    schema_type_keys = {
        portable(t.hotkey or str(i)) for i, t in enumerate(window.project.schema.relation_types, 1)
    }
    curation = set(window.curation.keymap) | window.curation.back_keys
    return (
        window.binder.bound_keys() | set(window.view.linking.keymap) | schema_type_keys | curation
    )


def test_help_lists_exactly_the_keys_that_are_bound(make_window):
    window, _, _ = make_window(TEXT)
    bound, listed = _bound_keys(window), _help_keys(window)
    assert listed == bound
    # the article's own keys are there, not only the menus'
    for key in ("Tab", "Shift+Tab", "Return", "Enter", "Delete", "1", "R", "T", "S", "C",
                "Alt+Left", "Alt+Shift+Left", "[", "]", "Escape"):  # fmt: skip
        assert portable(key) in listed, key


def test_a_key_bound_outside_the_table_shows_up_as_missing_from_help(make_window):
    from PySide6.QtGui import QAction

    window, _, _ = make_window(TEXT)
    stray = QAction("stray", window)
    stray.setShortcut(QKeySequence("Ctrl+K"))
    window.addAction(stray)
    assert "Ctrl+K" in _bound_keys(window) - _help_keys(window)


def test_every_action_has_a_handler_and_keys_are_not_shared_while_enabled(make_window):
    window, _, _ = make_window(TEXT)
    for spec in ACTIONS:
        assert spec.id in window.binder.actions
    seen: dict[tuple[str, str], str] = {}
    for spec in window.binder.specs:
        if spec.enabled is not None:
            continue  # shared keys are settled by `enabled` (Delete: reject or relation)
        for key in spec.keys:
            assert (spec.scope, portable(key)) not in seen, (spec.id, seen.get((spec.scope, key)))
            seen[(spec.scope, portable(key))] = spec.id


def test_ctrl_equals_and_ctrl_plus_both_zoom_in(make_window, qtbot):
    window, _, _ = make_window(TEXT)
    size = window.view.point_size
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size + 2
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size + 4
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size + 2


def test_f1_shows_the_keys_of_the_article_and_of_linking(make_window, qtbot):
    window, _, _ = make_window(TEXT)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.parts.help.dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.findChild(QTextBrowser).toPlainText()
    for expected in (
        "Next candidate",
        "Accept",
        "While making a relation",
        "Delete the focused relation",
    ):
        assert expected in text
    assert "Ctrl+Z Undo Mark done" not in text
    for key in LINK_KEYS:
        assert key.title in text
    dialog.close()


def test_the_relations_menu_shows_delete_and_ctrl_delete(make_window):
    window, _, _ = make_window(TEXT)
    action = window.binder.actions["relations.delete"]
    assert [k.toString() for k in action.shortcuts()] == ["Del", "Ctrl+Del"]
