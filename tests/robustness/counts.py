"""What the robustness tests tried, printed at the end of the run (tests/conftest.py)."""

from __future__ import annotations

CASES = {"hostile inputs": 0, "kill/reopen cycles": 0, "edits that had returned": 0}
