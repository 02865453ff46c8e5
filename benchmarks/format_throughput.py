"""Import and export of the benchmark corpus in every registered format, against our JSONL
measured in the same run.

The corpus of benchmarks/corpus.py (N articles of ~4,000 characters with 50 entities and 10
relations each) is imported from JSONL into a project, exported in each format that writes,
and each export that a format can read is imported into a fresh project. Prints documents
per second and the ratio to JSONL (target: every format within 2x of JSONL both ways), and
the Python memory in use during each export at 1/4, 1/2 and 3/4 of the documents (flat:
documents stream), by tracemalloc.

    .venv/bin/python benchmarks/format_throughput.py [--documents 10000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.app.exporting import export_project  # noqa: E402
from annotator.app.importing import import_paths  # noqa: E402
from annotator.formats import registry  # noqa: E402
from annotator.store import Project  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402


def target(work: Path, fmt: registry.FileFormat) -> Path:
    path = work / f"out-{fmt.name}{'' if fmt.folder else fmt.suffixes[0]}"
    if fmt.folder:
        path.mkdir()
    return path


def export_timed(project: Project, out: Path, name: str, n: int) -> tuple[float, list[float]]:
    """Seconds, and MB in use at a quarter, half and three quarters of the documents."""
    marks, done = [], 0

    def progress(step: int) -> None:
        nonlocal done
        done += step
        if done in (n // 4, n // 2, 3 * n // 4):
            marks.append(tracemalloc.get_traced_memory()[0] / 1e6)

    tracemalloc.start()
    started = time.perf_counter()
    export_project(project, out, format=name, progress=progress)
    elapsed = time.perf_counter() - started
    tracemalloc.stop()
    return elapsed, marks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    n = args.documents
    work = Path(tempfile.mkdtemp(prefix="annotator-formats-"))
    corpus = write_corpus(work / "corpus.jsonl", n)
    source = Project.create(work / "source.sqlite", annotator="bench")
    started = time.perf_counter()
    assert import_paths(source, [corpus]).errors == []
    print(f"corpus: {n} documents; JSONL import {n / (time.perf_counter() - started):.0f} docs/s")
    rows = []
    for fmt in registry.formats():
        if fmt.write is None:
            continue
        out = target(work, fmt)
        seconds, memory = export_timed(source, out, fmt.name, n)
        imported = None
        if fmt.read is not None:
            with Project.create(work / f"in-{fmt.name}.sqlite", annotator="bench") as again:
                started = time.perf_counter()
                report = import_paths(again, [out], format=fmt.name)
                imported = time.perf_counter() - started
                assert not report.errors, report.errors[:2]
        rows.append((fmt.name, n / seconds, n / imported if imported else None, memory))
        shutil.rmtree(out) if out.is_dir() else out.unlink()
    source.close()
    base_out, base_in = rows[[r[0] for r in rows].index("jsonl")][1:3]
    print(f"{'format':<12}{'export docs/s':>14}{'x JSONL':>9}{'import docs/s':>15}{'x JSONL':>9}"
          f"   export memory MB at 1/4, 1/2, 3/4")  # fmt: skip
    for name, out_rate, in_rate, memory in rows:
        in_text = f"{in_rate:>15.0f}{base_in / in_rate:>9.2f}" if in_rate else f"{'-':>15}{'':>9}"
        print(f"{name:<12}{out_rate:>14.0f}{base_out / out_rate:>9.2f}{in_text}   "
              + ", ".join(f"{m:.1f}" for m in memory))  # fmt: skip
    print("x JSONL: how many times slower than our JSONL (target: at most 2)")


if __name__ == "__main__":
    main()
