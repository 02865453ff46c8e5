from __future__ import annotations

from tests.gui.conftest import make_window  # noqa: F401 - the window fixture, shared
