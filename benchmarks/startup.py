"""Cold start to the first painted window on the sample article (issue: packaging).

Starts the program again and again with `gui --startup-report` (it prints the time from
launch to the first painted article and its resident memory, then quits): the packaged
bundle (dist/annotator/annotator, if built) and `python -m annotator` from source. The
first start, which creates the default project and runs the default suggesters, is shown
apart. Target: under 2 s, with NER not loaded. Uses a fresh Xvfb display when there is one.

    .venv/bin/python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.figures import p95  # noqa: E402

REPORT = re.compile(r"first paint (\d+) ms, resident memory (\d+) MB")


def start_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    env = {**env, "ANNOTATOR_LAUNCH_TIME": f"{time.time():.6f}"}
    result = subprocess.run(
        command + ["gui", "--startup-report"], env=env, capture_output=True, text=True, timeout=120
    )
    match = REPORT.search(result.stdout)
    if match is None:
        raise RuntimeError(f"{command}: no start-up report\n{result.stdout}\n{result.stderr}")
    return float(match.group(1)), float(match.group(2))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    xvfb = None
    display_env: dict[str, str]
    if shutil.which("Xvfb"):
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        display_env = {
            "DISPLAY": ":" + xvfb.stdout.readline().decode().strip(),
            "QT_QPA_PLATFORM": "xcb",
        }
    else:
        display_env = {"QT_QPA_PLATFORM": "offscreen"}
    programs = []
    bundle = ROOT / "dist" / "annotator" / "annotator"
    if bundle.exists():
        size = (
            sum(
                p.stat().st_size
                for p in bundle.parent.rglob("*")
                if p.is_file() and not p.is_symlink()
            )
            / 1e6
        )
        programs.append((f"bundle ({size:.0f} MB)", [str(bundle)]))
    programs.append(("python -m annotator", [sys.executable, "-m", "annotator"]))
    try:
        print(f"{'':28}{'first start':>12}{'median ms':>11}{'p95 ms':>8}{'RSS MB':>8}{'target':>9}")
        for name, command in programs:
            home = Path(tempfile.mkdtemp(prefix="annotator-startup-"))
            env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **display_env}
            if name.startswith("python"):  # this checkout's code, whatever is installed
                env["PYTHONPATH"] = str(ROOT)
            first, _ = start_once(command, env)
            times, memory = [], []
            for _ in range(args.runs):
                elapsed, rss = start_once(command, env)
                times.append(elapsed)
                memory.append(rss)
            print(
                f"{name:28}{first:>12.0f}{statistics.median(times):>11.0f}"
                f"{p95(times):>8.0f}{statistics.median(memory):>8.0f}{'< 2000':>9}"
            )
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)


if __name__ == "__main__":
    main()
