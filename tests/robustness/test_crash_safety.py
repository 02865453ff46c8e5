"""SIGKILL at random moments: every edit whose call returned is there, none half-applied."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.robustness.counts import CASES
from tests.robustness.crash_cycles import make_template, one_cycle

CYCLES = 50


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("crash-template"))


def test_fifty_kill_and_reopen_cycles_lose_nothing(template):
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda seed: one_cycle(template, seed), range(1, CYCLES + 1)))
    assert all(r["integrity"] == "ok" for r in results)
    failures = [(seed, r) for seed, r in enumerate(results, start=1) if not r["consistent"]]
    assert failures == []
    CASES["kill/reopen cycles"] += CYCLES
    CASES["edits that had returned"] += sum(r["edits_returned"] for r in results)
