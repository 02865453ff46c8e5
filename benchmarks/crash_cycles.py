"""Kill an editing process thousands of times and check every project afterwards.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/crash_cycles.py [--cycles 2000]

Each cycle copies a project holding the sample article, lets a child process edit it
through the window's command layer, sends SIGKILL at a random moment, then checks
PRAGMA integrity_check and that the stored state is exactly the state after the last edit
whose call had returned (or after the one in flight): nothing lost, nothing half-applied.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.robustness.crash_cycles import make_template, one_cycle  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    template = make_template(Path(tempfile.mkdtemp(prefix="annotator-crash-template-")))
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(lambda seed: one_cycle(template, seed), range(1, args.cycles + 1)))
    bad = [
        seed for seed, r in enumerate(results, 1) if r["integrity"] != "ok" or not r["consistent"]
    ]
    edits = sum(r["edits_returned"] for r in results)
    print(
        f"kill/reopen cycles: {len(results)} in {time.perf_counter() - started:.0f} s; "
        f"edits that had returned: {edits}; integrity failures or lost/half-applied "
        f"edits: {len(bad)}" + (f" (seeds {bad[:10]})" if bad else "")
    )


if __name__ == "__main__":
    main()
