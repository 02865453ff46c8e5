"""Save a screenshot of the real main window on the sample article.

Run under a display (Xvfb in tests and CI):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python build_scripts/screenshot.py OUT.png [--relations]
        [--lang ar|en] [--catalogues DIR] [--find QUERY]

It prepares a fresh project like a first start (the sample article with the default
suggesters' candidates) and accepts the first few candidates from the keyboard; with
--relations it also adds gold entities and relations, some of them across lines. --lang
opens the window in that language (its compiled translation from annotator/resources/i18n,
which `make setup` builds, or from --catalogues DIR); --find opens the find bar (Ctrl+F)
and types QUERY, so its matches are highlighted.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    out = Path(sys.argv[1])
    os.environ["ANNOTATOR_DB"] = str(Path(tempfile.mkdtemp()) / "screenshot.sqlite")
    from annotator.app.first_start import prepare_default_project
    from annotator.store import Project

    project_path = prepare_default_project()
    options = sys.argv[2:]
    with_relations = "--relations" in options
    language = options[options.index("--lang") + 1] if "--lang" in options else "en"
    query = options[options.index("--find") + 1] if "--find" in options else None
    folder = Path(options[options.index("--catalogues") + 1]) if "--catalogues" in options else None
    if with_relations:
        from build_scripts.sample_relations import add_sample_relations

        with Project.open(project_path) as project:
            add_sample_relations(project)
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from annotator.gui.app import application, open_window
    from annotator.gui.language import chosen_interface, install

    app = application()
    _, missing = install(app, chosen_interface(None, language), folder)
    if missing:
        return 1
    with Project.open(project_path) as project:
        window = open_window(project)
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        window.view.setFocus()

        def act_and_grab() -> None:
            from PySide6.QtCore import Qt

            keys = (
                (Qt.Key.Key_BracketRight,)
                if with_relations
                else (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Tab)
            )
            for key in keys:
                QTest.keyClick(window.view, key)
            window.wait_for_suggestions()  # project memory refreshes after the accepts
            if query is not None:  # Ctrl+F, then the query typed into the find bar
                QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
                window.find_bar.field.insert(query)  # as typed (Arabic: not a QTest key)
            QTest.qWait(300)  # let every widget repaint on the X server before grabbing
            screen = window.screen()
            image = screen.grabWindow(window.winId()) if screen else window.grab()
            if image.isNull():
                image = window.grab()
            image.save(str(out))
            app.quit()

        QTimer.singleShot(600, act_and_grab)
        app.exec()
    print(f"saved {out}")
    return 0 if out.exists() else 1


if __name__ == "__main__":
    sys.exit(main())
