"""Import and export throughput of the project store (issue: foundation).

Generates 10,000 Arabic articles of about 4,000 characters with 50 entities and 10 relations
each, imports them into a fresh project file and exports them, several rounds, and prints
medians and p95 against a baseline measured in the same run (plain json.loads/json.dumps of
the same lines: the floor any JSONL importer/exporter pays). Then measures Python memory
during export at several points, to show it does not grow with the number of documents.

    .venv/bin/python benchmarks/store_throughput.py [--documents 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.app.exporting import export_project  # noqa: E402
from annotator.app.importing import import_paths  # noqa: E402
from annotator.formats.json_lines import read_json_lines  # noqa: E402
from annotator.model.drafts import check_draft  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.store.bulk import insert_drafts, iter_annotated_documents  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402
from benchmarks.figures import p95  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    n = args.documents
    work = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    corpus = write_corpus(work / "corpus.jsonl", n)
    size_mb = corpus.stat().st_size / 1e6
    print(f"corpus: {n} documents, {size_mb:.1f} MB, 50 entities and 10 relations each")

    baseline, imports, exports, parse_check, inserts, fetches = [], [], [], [], [], []
    for round_number in range(args.rounds):
        started = time.perf_counter()
        lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
        for line in lines:
            json.dumps(line, ensure_ascii=False)
        baseline.append(time.perf_counter() - started)
        del lines

        path = work / f"project{round_number}.sqlite"
        project = Project.create(path, annotator="bench")
        started = time.perf_counter()
        report = import_paths(project, [corpus])
        imports.append(time.perf_counter() - started)
        assert report.imported == n and not report.errors, report.errors[:3]

        started = time.perf_counter()
        summary = export_project(project, work / "out.jsonl")
        exports.append(time.perf_counter() - started)
        assert summary.documents == n and summary.entities == 50 * n

        # Where the time goes: the store's own parts, measured alone.
        started = time.perf_counter()
        count = sum(1 for _ in iter_annotated_documents(project, annotation_status="accepted"))
        fetches.append(time.perf_counter() - started)
        assert count == n
        project.close()
        started = time.perf_counter()
        drafts = list(read_json_lines(corpus))
        schema = project.schema
        for draft in drafts:
            check_draft(draft, schema)
        parse_check.append(time.perf_counter() - started)
        with Project.create(work / f"insert{round_number}.sqlite") as bare:
            started = time.perf_counter()
            insert_drafts(bare, drafts, origin="bench")
            inserts.append(time.perf_counter() - started)
        del drafts

    def rate(seconds: float) -> float:
        return n / seconds

    print(f"{'':28}{'median docs/s':>14}{'p95 time s':>12}{'target':>10}")
    print(
        f"{'baseline json parse+dump':28}{rate(statistics.median(baseline)):>14.0f}"
        f"{p95(baseline):>12.2f}{'':>10}"
    )
    print(
        f"{'import (fresh project file)':28}{rate(statistics.median(imports)):>14.0f}"
        f"{p95(imports):>12.2f}{'>= 2000':>10}"
    )
    print(
        f"{'export (JSONL, gold)':28}{rate(statistics.median(exports)):>14.0f}"
        f"{p95(exports):>12.2f}{'>= 5000':>10}"
    )
    print(
        f"{'  parse + check alone':28}{rate(statistics.median(parse_check)):>14.0f}"
        f"{p95(parse_check):>12.2f}"
    )
    print(
        f"{'  SQLite insert alone':28}{rate(statistics.median(inserts)):>14.0f}"
        f"{p95(inserts):>12.2f}"
    )
    print(
        f"{'  SQLite fetch alone':28}{rate(statistics.median(fetches)):>14.0f}{p95(fetches):>12.2f}"
    )
    floor = statistics.median(baseline)
    print(f"import / baseline time ratio: {statistics.median(imports) / floor:.2f}")
    print(f"export / baseline time ratio: {statistics.median(exports) / floor:.2f}")

    # Memory during export: Python allocations at 10%, 50% and 100% of the documents.
    project = Project.open(work / "project0.sqlite")
    samples: dict[int, float] = {}
    done = 0
    marks = {max(1, n // 10), max(1, n // 2), n}

    def progress(step: int) -> None:
        nonlocal done
        done += step
        if done in marks:
            samples[done] = tracemalloc.get_traced_memory()[0] / 1e6

    tracemalloc.start()
    export_project(project, work / "out.jsonl", progress=progress)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    project.close()
    points = ", ".join(f"{count} docs: {mb:.2f} MB" for count, mb in sorted(samples.items()))
    print(f"export memory in use (tracemalloc) at {points}; peak {peak:.2f} MB")


if __name__ == "__main__":
    main()
