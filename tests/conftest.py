from __future__ import annotations

import os
from pathlib import Path

import pytest

# Headless unless a test asks for a real display (the Xvfb screenshot tests).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the user's default project from a test.
os.environ.pop("ANNOTATOR_DB", None)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SAMPLE = SEEDS / "000_5071a1cf7d2feefb.txt"


@pytest.fixture
def project():
    from annotator.store import Project

    with Project.memory(annotator="tester") as memory_project:
        yield memory_project


@pytest.fixture
def project_file(tmp_path):
    from annotator.store import Project

    path = tmp_path / "project.sqlite"
    Project.create(path, annotator="tester").close()
    return path


@pytest.fixture(autouse=True)
def isolated_default_project(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "default-project.sqlite"))


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def pytest_terminal_summary(terminalreporter):
    from tests.robustness.counts import CASES

    tried = ", ".join(f"{name}: {count}" for name, count in CASES.items() if count)
    if tried:
        terminalreporter.write_line(f"robustness — {tried}; nothing lost or half-written")


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal message box nobody answers would hang the suite: fail the test instead. A
    test that expects a dialog replaces these with its own answer."""
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:  # pragma: no cover - the GUI is part of every install
        return

    def unexpected(*args, **kwargs):
        text = next((a for a in args if isinstance(a, str) and len(a) > 20), args)
        raise AssertionError(f"an unexpected dialog asked: {text}")

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
