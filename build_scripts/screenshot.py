"""Save a screenshot of the real main window on the sample article.

Run under a display (Xvfb in tests and CI):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python build_scripts/screenshot.py OUT.png [PROJECT]

Without PROJECT it prepares a fresh project like a first start: the sample article with the
default suggesters' candidates, then accepts the first few candidates from the keyboard.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    out = Path(sys.argv[1])
    if len(sys.argv) > 2:
        project_path = Path(sys.argv[2])
    else:
        os.environ["ANNOTATOR_DB"] = str(Path(tempfile.mkdtemp()) / "screenshot.sqlite")
        from annotator.first_start import prepare_default_project

        project_path = prepare_default_project()
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from annotator.gui.app import application, open_window
    from annotator.store import Project

    app = application()
    with Project.open(project_path) as project:
        window = open_window(project)
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        window.view.setFocus()

        def act_and_grab() -> None:
            from PySide6.QtCore import Qt

            for key in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Tab):
                QTest.keyClick(window.view, key)
            window.wait_for_suggestions()  # project memory refreshes after the accepts
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
