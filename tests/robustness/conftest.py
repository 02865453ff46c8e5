from __future__ import annotations

import pytest

CASES = {"tried": 0}


@pytest.fixture(scope="session", autouse=True)
def report_hostile_cases(request):
    yield
    if CASES["tried"]:
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"hostile inputs tried: {CASES['tried']}")


from tests.gui.conftest import make_window  # noqa: E402, F401 - the window fixture, shared
