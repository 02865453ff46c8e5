"""Import and export of the benchmark corpus in every registered format, against our JSONL
measured in the same run.

The corpus of benchmarks/corpus.py (N articles of ~4,000 characters with 50 entities and 10
relations each) is imported from JSONL into a project, exported in each format that writes,
and each export that a format can read is imported into a fresh project. Every format is
first exported and read back once on a one-document project, so one-time costs (importing
spaCy, its Arabic tokenizer) are not counted per document.

Prints, per format:
- export and import in documents per second, the median of `--repeats` runs (formats
  interleaved within each run, so the shared machine's load falls on all of them), and
  the ratio to JSONL's median (target: every format within 2x of JSONL both ways);
- the Python memory in use (tracemalloc) during each export at 1/4, 1/2 and 3/4 of the
  documents, and its peak, in a separate export (tracemalloc slows allocation-heavy code
  several times, so it is never on while timing): flat means documents stream.

Then the floors: work that a token or file-per-document format cannot avoid, timed alone
on the same documents (camel-tools' words for CoNLL; spaCy's tokenizer and the zlib
compression of the DocBin message for spaCy; creating two files a document for brat, one
after another, where its export uses four threads). A format that must do it besides
reading the store as JSONL's export does is at least 1 + (floor x JSONL) times slower
than JSONL.

    .venv/bin/python benchmarks/format_throughput.py [--documents 10000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
import zlib
from collections import deque
from collections.abc import Callable
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.app.exporting import export_project  # noqa: E402
from annotator.app.importing import import_paths  # noqa: E402
from annotator.formats import registry  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.text.words import words_with_offsets  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402


def target(work: Path, fmt: registry.FileFormat, tag: str = "") -> Path:
    """A fresh output path (a new folder for a folder format)."""
    path = work / f"out-{fmt.name}{tag}{'' if fmt.folder else fmt.suffixes[0]}"
    if fmt.folder:
        path.mkdir()
    return path


def remove(path: Path) -> None:
    shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)


def timed_export(project: Project, out: Path, name: str) -> float:
    """Seconds to export the project to `out`."""
    started = time.perf_counter()
    export_project(project, out, format=name)
    return time.perf_counter() - started


def timed_import(work: Path, out: Path, name: str) -> float:
    """Seconds to import `out` into a fresh project (deleted afterwards)."""
    path = work / f"in-{name}.sqlite"
    with Project.create(path, annotator="bench") as again:
        started = time.perf_counter()
        report = import_paths(again, [out], format=name)
        seconds = time.perf_counter() - started
        assert not report.errors, report.errors[:2]
    for leftover in work.glob(f"in-{name}.sqlite*"):
        leftover.unlink()
    return seconds


def export_memory(project: Project, out: Path, name: str, n: int) -> list[float]:
    """MB in use at a quarter, half and three quarters of the documents, and the peak."""
    marks, done = [], 0

    def progress(step: int) -> None:
        nonlocal done
        done += step
        if done in (n // 4, n // 2, 3 * n // 4):
            marks.append(tracemalloc.get_traced_memory()[0] / 1e6)

    tracemalloc.start()
    export_project(project, out, format=name, progress=progress)
    marks.append(tracemalloc.get_traced_memory()[1] / 1e6)
    tracemalloc.stop()
    return marks


def warm_up(work: Path, corpus: Path, writers: list[registry.FileFormat]) -> None:
    """Export and read back one document in every format (imports, caches)."""
    one = work / "one.jsonl"
    with corpus.open("rb") as handle:
        one.write_bytes(handle.readline())
    with Project.create(work / "one.sqlite", annotator="bench") as project:
        assert import_paths(project, [one]).errors == []
        for fmt in writers:
            out = target(work, fmt, "-warm")
            export_project(project, out, format=fmt.name)
            if fmt.read is not None:
                timed_import(work, out, fmt.name)
            remove(out)


def each_alone(work: Callable[[str], object], texts: list[str]) -> float:
    """Seconds to run `work` on every text, keeping none of the results."""
    started = time.perf_counter()
    deque(map(work, texts), maxlen=0)
    return time.perf_counter() - started


def zlib_alone(path: Path) -> float:
    """Seconds to compress a zlib file's content again as `zlib.compress` does (its
    default level), the content fed in 1 MiB pieces: only the compression is timed."""
    expand, squeeze = zlib.decompressobj(), zlib.compressobj()
    seconds = 0.0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            data = expand.decompress(chunk)
            started = time.perf_counter()
            squeeze.compress(data)
            seconds += time.perf_counter() - started
    started = time.perf_counter()
    squeeze.flush()
    return seconds + time.perf_counter() - started


def files_alone(work: Path, texts: list[str]) -> float:
    """Seconds to create a document's .txt (its text) and an empty .ann, for each."""
    folder = work / "files-alone"
    folder.mkdir()
    started = time.perf_counter()
    for number, text in enumerate(texts):
        (folder / f"{number}.txt").write_bytes(text.encode("utf-8"))
        (folder / f"{number}.ann").write_bytes(b"")
    seconds = time.perf_counter() - started
    shutil.rmtree(folder)
    return seconds


def spacy_tokenizer_alone(texts: list[str]) -> float:
    import spacy

    return each_alone(spacy.blank("ar").tokenizer, texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    n = args.documents
    work = Path(tempfile.mkdtemp(prefix="annotator-formats-"))
    corpus = write_corpus(work / "corpus.jsonl", n)
    source = Project.create(work / "source.sqlite", annotator="bench")
    started = time.perf_counter()
    assert import_paths(source, [corpus]).errors == []
    print(f"corpus: {n} documents; JSONL import {n / (time.perf_counter() - started):.0f} docs/s")
    writers = [fmt for fmt in registry.formats() if fmt.write is not None]
    warm_up(work, corpus, writers)

    exports: dict[str, list[float]] = {fmt.name: [] for fmt in writers}
    imports: dict[str, list[float]] = {fmt.name: [] for fmt in writers if fmt.read}
    for _ in range(args.repeats):
        for fmt in writers:
            out = target(work, fmt)
            exports[fmt.name].append(timed_export(source, out, fmt.name))
            if fmt.read is not None:
                imports[fmt.name].append(timed_import(work, out, fmt.name))
            remove(out)

    memory: dict[str, list[float]] = {}
    zlib_seconds = None
    for fmt in writers:
        out = target(work, fmt)
        memory[fmt.name] = export_memory(source, out, fmt.name, n)
        if fmt.name == "spacy":
            zlib_seconds = zlib_alone(out)
        remove(out)
    source.close()

    texts = [orjson.loads(line)["text"] for line in corpus.read_bytes().splitlines()]
    floors = [("camel-tools words (CoNLL)", each_alone(words_with_offsets, texts))]
    if "spacy" in exports:
        floors.append(("spaCy tokenizer (spaCy)", spacy_tokenizer_alone(texts)))
        floors.append(("DocBin zlib (spaCy)", zlib_seconds))
    floors.append(("2 new files a doc, in turn (brat)", files_alone(work, texts)))
    shutil.rmtree(work)
    report(n, args.repeats, exports, imports, memory, floors)


def report(
    n: int,
    repeats: int,
    exports: dict[str, list[float]],
    imports: dict[str, list[float]],
    memory: dict[str, list[float]],
    floors: list[tuple[str, float]],
) -> None:
    """Print the table of formats and the table of floors."""
    rate = {name: n / statistics.median(times) for name, times in exports.items()}
    rate_in = {name: n / statistics.median(times) for name, times in imports.items()}
    base_out, base_in = rate["jsonl"], rate_in["jsonl"]
    print(f"median of {repeats} runs; x JSONL: how many times slower than our JSONL "
          "(target: at most 2)")  # fmt: skip
    print(f"{'format':<12}{'export docs/s':>14}{'x JSONL':>9}{'import docs/s':>15}{'x JSONL':>9}"
          "   export memory MB at 1/4, 1/2, 3/4; peak")  # fmt: skip
    for name, out_rate in rate.items():
        in_rate = rate_in.get(name)
        in_text = f"{in_rate:>15.0f}{base_in / in_rate:>9.2f}" if in_rate else f"{'-':>15}{'':>9}"
        *marks, peak = memory[name]
        print(f"{name:<12}{out_rate:>14.0f}{base_out / out_rate:>9.2f}{in_text}   "
              + ", ".join(f"{m:.1f}" for m in marks) + f"; {peak:.1f}")  # fmt: skip
    spread = max(
        (max(times) - min(times)) / statistics.median(times)
        for times in [*exports.values(), *imports.values()]
    )
    print(f"largest spread between runs of one measurement: {spread:.0%} of its median")
    print(f"\n{'floor: this work alone':<34}{'docs/s':>10}{'x JSONL export':>16}")
    for what, seconds in floors:
        print(f"{what:<34}{n / seconds:>10.0f}{base_out * seconds / n:>16.2f}")
    print("a format doing this work, and reading the store as JSONL does, is at least "
          "1 + that many times slower than JSONL's export")  # fmt: skip


if __name__ == "__main__":
    main()
