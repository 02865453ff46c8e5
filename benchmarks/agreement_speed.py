"""Speed of the agreement computation against serialising the same layers as JSON lines.

1,000 generated Arabic-like documents of about 300 words, 3 annotators with about 50
entities and 10 relations each per document: a shared layer perturbed per annotator (labels
changed, boundaries moved, entities dropped or added, relations dropped). Prints the median
of a few runs of compute_agreement (tokenising every text, and with the words handed in),
the tokenizer alone, and serialising the same layers as JSON lines with orjson in the shape
of our export (a stand-in for an export; replace it by the real one when integrated).
Target: agreement under 3x the export.

    PYTHONPATH=. .venv/bin/python benchmarks/agreement_speed.py [--documents N] [--runs R]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.app.agreement import LayerDocument, compute_agreement  # noqa: E402
from annotator.text.tokens import words_with_offsets  # noqa: E402
from benchmarks.corpus import document  # noqa: E402

ANNOTATORS = ("amal", "badr", "huda")
LABELS = ("PERS", "LOC", "ORG", "MISC")


def build(count: int, seed: int = 11):
    """Texts, names and per-annotator layers of `count` generated documents."""
    rng = random.Random(seed)
    texts, names, layers = {}, {}, {name: {} for name in ANNOTATORS}
    for number in range(count):
        doc = document(number, rng, size=1900, entities=50, relations=10)
        doc_id = number + 1
        texts[doc_id], names[doc_id] = doc["text"], doc["name"]
        by_id = {e["id"]: (e["start"], e["end"], e["label"]) for e in doc["entities"]}
        relations = [(by_id[r["head"]], by_id[r["tail"]], r["type"]) for r in doc["relations"]]
        for name in ANNOTATORS:
            layers[name][doc_id] = perturb(rng, name, doc_id, doc["text"], by_id, relations)
    return texts, names, layers


def perturb(rng, annotator, doc_id, text, entities, relations) -> LayerDocument:
    """The shared layer with about 12% of the entities changed and 10% of relations lost."""
    kept = {}
    for key, (start, end, label) in entities.items():
        roll = rng.random()
        if roll < 0.03:
            continue  # missed
        if roll < 0.06:
            label = rng.choice([x for x in LABELS if x != label])
        elif roll < 0.09 and end - start > 2:
            end -= 1  # boundary one code point short
        kept[key] = (start, end, label)
    for _ in range(rng.randrange(3)):  # a spurious entity on some word
        start = rng.randrange(len(text) - 8)
        kept[-len(kept) - 1] = (start, start + 5, rng.choice(LABELS))
    spans = set(kept.values())
    layer_relations = frozenset(
        r for r in relations if r[0] in spans and r[1] in spans and rng.random() > 0.1
    )
    return LayerDocument(annotator, doc_id, frozenset(spans), layer_relations)


def export_lines(texts, names, layers, out: Path) -> None:
    """One JSON line per (annotator, document), shaped like annotator.formats.export."""
    with out.open("wb") as handle:
        for annotator, by_doc in layers.items():
            for doc_id, layer in by_doc.items():
                text = texts[doc_id]
                entities = sorted(layer.entities)
                local = {entity: i for i, entity in enumerate(entities, start=1)}
                line = {
                    "id": doc_id,
                    "name": names[doc_id],
                    "text": text,
                    "status": "done",
                    "entities": [
                        {
                            "id": local[e],
                            "start": e[0],
                            "end": e[1],
                            "label": e[2],
                            "text": text[e[0] : e[1]],
                            "status": "accepted",
                            "source": "human",
                            "annotator": annotator,
                        }
                        for e in entities
                    ],
                    "relations": [
                        {
                            "id": i,
                            "head": local[head],
                            "tail": local[tail],
                            "type": kind,
                            "status": "accepted",
                            "annotator": annotator,
                        }
                        for i, (head, tail, kind) in enumerate(sorted(layer.relations), start=1)
                    ],
                    "meta": {},
                }
                handle.write(orjson.dumps(line))
                handle.write(b"\n")


def median_seconds(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    texts, names, layers = build(args.documents)
    words_per_doc = statistics.mean(len(t.split()) for t in texts.values())
    entities = statistics.mean(len(lay.entities) for by in layers.values() for lay in by.values())
    print(
        f"{len(texts)} documents x {len(layers)} annotators, {words_per_doc:.0f} words and "
        f"{entities:.1f} entities per layer; median of {args.runs} runs"
    )
    out = Path(tempfile.mkdtemp()) / "layers.jsonl"
    export = median_seconds(lambda: export_lines(texts, names, layers, out), args.runs)
    words = {}
    tokenise = median_seconds(
        lambda: words.update({d: words_with_offsets(t) for d, t in texts.items()}), args.runs
    )
    report = None

    def agreement():
        nonlocal report
        report = compute_agreement(texts, layers, names=names, symmetric_relation_types={"meets"})

    full = median_seconds(agreement, args.runs)
    given = median_seconds(
        lambda: compute_agreement(texts, layers, names=names, words=words), args.runs
    )
    for name, seconds in (
        ("export as JSON lines (orjson)", export),
        ("tokenizer alone (words_with_offsets)", tokenise),
        ("compute_agreement", full),
        ("compute_agreement, words given", given),
    ):
        print(f"{name:38s} {seconds * 1000:7.1f} ms = {seconds / export:4.1f}x export")
    print(
        f"(alpha {report.alpha_micro:.3f}, exact F1 {report.overall.exact_micro.f1:.3f}, "
        f"{report.tokens} tokens; target: under 3x export)"
    )


if __name__ == "__main__":
    main()
