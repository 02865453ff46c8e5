"""Suggesting on one long document that already holds many accepted entities.

A generated news-like document of ~600,000 characters with 30,000 accepted entities is
imported (our JSONL), then the default suggesters run on it (memory, gazetteer, cues), as
`annotator suggest` does. Prints both times over a few rounds (median) and suggest divided
by import, measured in the same run. Target: under 5 (it was 208 s of suggest, most of it
the containment check of every candidate against every accepted entity).

    .venv/bin/python benchmarks/suggest_scaling.py [--entities 30000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import document  # noqa: E402


def one_round(source: Path, folder: Path, number: int) -> tuple[float, float, int]:
    from annotator.app.importing import import_paths
    from annotator.app.suggesting import DEFAULT_SUGGESTERS, suggest
    from annotator.app.workspace import Workspace
    from annotator.store import Project

    with Project.create(folder / f"p{number}.sqlite", annotator="bench") as project:
        started = time.perf_counter()
        report = import_paths(project, [source])
        imported = time.perf_counter() - started
        assert report.errors == [], report.errors
        started = time.perf_counter()
        result = suggest(Workspace(project), DEFAULT_SUGGESTERS)
        suggested = time.perf_counter() - started
    return imported, suggested, result.added


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entities", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="suggest-scaling-"))
    line = document(
        0, random.Random(3), size=args.entities * 20, entities=args.entities, relations=0
    )
    source = folder / "long.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"document: {len(line['text']):,} characters, {len(line['entities']):,} accepted entities"
    )
    imports, suggests = [], []
    for number in range(args.rounds):
        imported, suggested, added = one_round(source, folder, number)
        imports.append(imported)
        suggests.append(suggested)
    ratio = statistics.median(suggests) / statistics.median(imports)
    print(f"{'':28}{'median s':>10}")
    print(f"{'import (JSONL)':28}{statistics.median(imports):>10.2f}")
    median = statistics.median(suggests)
    print(f"{'suggest (memory, gazetteer, cues)':28}{median:>10.2f}  ({added} candidates)")
    print(f"suggest / import: {ratio:.2f}  (target < 5)")


if __name__ == "__main__":
    main()
