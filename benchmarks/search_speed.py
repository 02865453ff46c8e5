"""Project search through the FTS5 index against reading every text (issue: search).

Imports the 10,000-document corpus of `benchmarks/corpus.py` (about 4,000 characters
each) into a fresh project, which fills the index, then runs several queries (common and
rare words, several words, through proclitics, a word absent from the corpus, a query
written with diacritics) each `--rounds` times, three ways, in the same run:

- **fts, first page**: what the window's results panel shows first: the index's
  documents, then the exact spans of the first 200 matches (`ProjectSearch`).
- **fts, all**: every match through the index.
- **scan, all**: every match by reading every text and finding the query in it
  (`annotator.text.search`, the same matches with their context), no index: the
  baseline.

Prints the median and p95 per query and over all queries. Target: the first page (what
a person waits for) in under 200 ms median.

    .venv/bin/python benchmarks/search_speed.py [--documents 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.app.importing import import_paths  # noqa: E402
from annotator.app.searching import ProjectSearch  # noqa: E402
from annotator.store import Project, search_index  # noqa: E402
from annotator.text.search import Query, index_words  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402
from benchmarks.figures import p95  # noqa: E402

PAGE = 200


def queries(documents: int) -> list[tuple[str, Query]]:
    number = str(documents * 42 // 100)  # each document starts "خبر رقم N:"
    return [
        ("common word", Query("موسكو")),
        ("common, with diacritics", Query("مُوسْكُو")),
        ("common name, 2 words", Query("سيرغي لافروف")),
        ("rare word (one document)", Query(number)),
        ("rare, 2 words", Query(f"رقم {number}")),
        ("absent word", Query("طهران")),
        ("through clitics (بالرئيس)", Query("رئيس", through_clitics=True)),
        ("through clitics (للترحيب)", Query("الترحيب", through_clitics=True)),
        ("through clitics, absent", Query("طهران", through_clitics=True)),
    ]


def fts_page(project: Project, query: Query) -> int:
    return sum(1 for _ in islice(ProjectSearch(project, query).matches(), PAGE))


def fts_all(project: Project, query: Query) -> int:
    return sum(1 for _ in ProjectSearch(project, query).matches())


def scan_all(project: Project, query: Query) -> int:
    """The same matches (with their context) from every document, the index unused."""
    search = ProjectSearch(project, query)
    search.document_ids = project.document_ids()
    return sum(1 for _ in search.matches())


def timed(function, project, query, rounds: int) -> tuple[list[float], int]:
    times, count = [], 0
    for _ in range(rounds):
        started = time.perf_counter()
        count = function(project, query)
        times.append(time.perf_counter() - started)
    return times, count


def build(work: Path, documents: int) -> Project:
    corpus = write_corpus(work / "corpus.jsonl", documents)
    project = Project.create(work / "project.sqlite", annotator="bench")
    started = time.perf_counter()
    report = import_paths(project, [corpus])
    took = time.perf_counter() - started
    assert report.imported == documents and not report.errors, report.errors[:3]
    texts = [t for _, _, t in search_index.texts(project, project.document_ids())]
    started = time.perf_counter()
    for text in texts:
        index_words(text)
    normalising = time.perf_counter() - started
    size = sum(len(t) for t in texts) / 1e6
    print(f"corpus: {documents} documents, {size:.1f} M characters; import {took:.1f} s, of "
          f"which normalising for the index about {normalising:.1f} s")  # fmt: skip
    return project


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    project = build(Path(tempfile.mkdtemp(prefix="annotator-search-")), args.documents)
    ways = {"fts, first page": fts_page, "fts, all": fts_all, "scan, all": scan_all}
    overall: dict[str, list[float]] = {way: [] for way in ways}
    print(f"\n{'query':<28}" + "".join(f"{way:>26}" for way in ways))
    print(f"{'':<28}" + f"{'median / p95 ms (matches)':>26}" * len(ways))
    for title, query in queries(args.documents):
        cells = []
        for way, function in ways.items():
            times, count = timed(function, project, query, args.rounds)
            overall[way].extend(times)
            cells.append(
                f"{statistics.median(times) * 1e3:8.1f} /{p95(times) * 1e3:8.1f} ({count:>6})"
            )
        print(f"{title:<28}" + "".join(f"{cell:>26}" for cell in cells))
    print(f"\n{'all queries':<28}" + "".join(
        f"{statistics.median(t) * 1e3:11.1f} /{p95(t) * 1e3:8.1f} ms   " for t in overall.values()
    ))  # fmt: skip
    first_page = statistics.median(overall["fts, first page"]) * 1e3
    verdict = "met" if first_page < 200 else "NOT met"
    print(f"target (first page < 200 ms median): {verdict} ({first_page:.1f} ms)")
    project.close()


if __name__ == "__main__":
    main()
