"""Speed of `annotator agreement` against one `annotator export` of the same project.

Builds a real project file in a temporary folder: 1,000 generated Arabic-like documents of
about 300 words (benchmarks/corpus.py), each with about 50 accepted entities and 10
relations in the gold layer (as an import leaves them: what the export writes), and three
annotators' layers, perturbed copies of the gold (labels changed, boundaries moved,
entities dropped or added, relations dropped) stored with `replace_layer` as `annotator
merge` stores them, every document marked done in every layer.

The gold layer is marked done on every document, so gold counts as curated: `annotator
agreement` then also scores each annotator against gold.

Then, after one run of each (which pays the lazy imports; printed apart), alternating in
the same run, several times each:

- agreement as the `annotator agreement` command computes it: open the project,
  `team_agreement` (read the layers and texts once; the annotators with each other on the
  documents at least two marked done, and each annotator against the curated gold) and
  `progress_by_annotator`; printing left out;
- the agreement between annotators alone (`project_agreement` and
  `progress_by_annotator`), what earlier runs of this benchmark timed;
- one export as `annotator export DB out.jsonl` does it: open the project, `export_project`
  to JSONL (gold, accepted only), atomically.

Prints median and p95 of each and the ratio of the medians (target from the team-agreement
issue: agreement under 3x an export), and, as extra lines, the pure computation
(`compute_agreement` on values already read from the store) and the tokenizer alone: the
array form the agreement uses (`word_edges` on the texts joined) and a `Word` per token
(`words_with_offsets`, document by document).

    PYTHONPATH=. .venv/bin/python benchmarks/agreement_speed.py [--documents N] [--runs R]
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.app.agreement import LayerDocument, compute_agreement  # noqa: E402
from annotator.app.exporting import export_project  # noqa: E402
from annotator.app.project_agreement import (  # noqa: E402
    annotator_names,
    progress_by_annotator,
    project_agreement,
    team_agreement,
)
from annotator.model import DocumentStatus  # noqa: E402
from annotator.model.drafts import (  # noqa: E402
    DocumentDraft,
    EntityDraft,
    RelationDraft,
    check_draft,
)
from annotator.store import Project  # noqa: E402
from annotator.store.bulk import insert_drafts  # noqa: E402
from annotator.store.layers import accepted_by_layer, replace_layer  # noqa: E402
from annotator.text.tokens import word_edges, words_with_offsets  # noqa: E402
from benchmarks.corpus import document  # noqa: E402
from benchmarks.figures import p95  # noqa: E402

ANNOTATORS = ("amal", "badr", "huda")
LABELS = ("PERS", "LOC", "ORG", "MISC")


def gold_draft(number: int, rng: random.Random) -> DocumentDraft:
    """One generated document of about 300 words with 50 entities and 10 relations."""
    doc = document(number, rng, size=1900, entities=50, relations=10)
    entities = [
        EntityDraft(e["id"], e["start"], e["end"], e["label"], source="human")
        for e in doc["entities"]
    ]
    relations = [RelationDraft(r["id"], r["head"], r["tail"], r["type"]) for r in doc["relations"]]
    return DocumentDraft(doc["name"], doc["text"], DocumentStatus.DONE, {}, entities, relations)


def perturb(rng: random.Random, annotator: str, gold: DocumentDraft) -> DocumentDraft:
    """The gold with about 12% of the entities changed and 10% of the relations lost: 3%
    missed, 3% relabelled, 3% one code point short, 0 to 2 spurious five-character
    entities; a relation survives only if both its ends are unchanged. Marked done."""
    kept: dict[object, EntityDraft] = {}
    unchanged = set()
    for entity in gold.entities:
        start, end, label = entity.start, entity.end, entity.label
        roll = rng.random()
        if roll < 0.03:
            continue  # missed
        if roll < 0.06:
            label = rng.choice([x for x in LABELS if x != label])
        elif roll < 0.09 and end - start > 2:
            end -= 1  # boundary one code point short
        else:
            unchanged.add(entity.key)
        kept[entity.key] = EntityDraft(entity.key, start, end, label, annotator=annotator)
    for number in range(rng.randrange(3)):  # a spurious entity somewhere
        start = rng.randrange(len(gold.text) - 8)
        key = f"extra-{number}"
        kept[key] = EntityDraft(key, start, start + 5, rng.choice(LABELS), annotator=annotator)
    spans: dict[tuple[int, int, str], EntityDraft] = {}
    for entity in kept.values():  # one entity per span and label, as the store requires
        spans.setdefault((entity.start, entity.end, entity.label), entity)
    entities = list(spans.values())
    keys = {e.key for e in entities}
    relations = [
        RelationDraft(r.key, r.head_key, r.tail_key, r.type, annotator=annotator)
        for r in gold.relations
        if {r.head_key, r.tail_key} <= unchanged & keys and rng.random() > 0.1
    ]
    return DocumentDraft(gold.name, gold.text, DocumentStatus.DONE, {}, entities, relations)


def build_project(path: Path, count: int, seed: int = 11) -> None:
    """The gold layer (imported) and three annotators' layers (merged), all done."""
    rng = random.Random(seed)
    golds = [gold_draft(number, rng) for number in range(count)]
    with Project.create(path, annotator="lead") as project:
        for draft in golds:
            check_draft(draft, project.schema)
        outcomes = insert_drafts(project, golds, origin="benchmark")
        with project.transaction():
            for outcome in outcomes:
                for name in ANNOTATORS:
                    layer = perturb(rng, name, outcome.draft)
                    check_draft(layer, project.schema)
                    replace_layer(project, outcome.document_id, name, layer)


def cli_agreement(path: Path):
    """What `annotator agreement DB` computes before it prints."""
    with Project.open(path) as project:
        report, with_gold = team_agreement(project, None, None)
        progress_by_annotator(project, report.annotators)
    return report, with_gold


def annotators_only(path: Path):
    """`project_agreement`: the annotators with each other, without gold."""
    with Project.open(path) as project:
        report = project_agreement(project, None, None)
        progress_by_annotator(project, report.annotators)
    return report


def cli_export(path: Path, out: Path) -> None:
    """What `annotator export DB out.jsonl` does (without the progress bar)."""
    with Project.open(path) as project:
        export_project(project, out, format="jsonl")


def read_values(path: Path):
    """The texts, names, layers and symmetric relation types `project_agreement` hands to
    `compute_agreement`."""
    with Project.open(path) as project:
        names = annotator_names(project)
        ids = project.document_ids()
        annotations = accepted_by_layer(project, ids, names)
        layers = {
            name: {
                d: LayerDocument(name, d, found.entities, found.relations)
                for d, found in annotations[name].items()
            }
            for name in names
        }
        documents = [project.document(d) for d in ids]
        symmetric = {t.name for t in project.schema.relation_types if t.symmetric}
    texts, names = {d.id: d.text for d in documents}, {d.id: d.name for d in documents}
    return texts, names, layers, symmetric


def timed(run: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def line(name: str, times: list[float], baseline: float) -> str:
    median = statistics.median(times)
    return (
        f"{name:44s} median {median * 1000:7.0f} ms  p95 {p95(times) * 1000:7.0f} ms"
        f"  = {median / baseline:4.2f}x export"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="annotator-agreement-bench-"))
    try:
        measure(work, args.documents, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def time_parts(path: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Times of the pure computation on values already read, of `word_edges` on the texts
    joined and of `words_with_offsets` document by document."""
    texts, names, layers, symmetric = read_values(path)
    compute, edges, tokenise = [], [], []
    joined = "".join(text + "\n" for text in texts.values())
    for _ in range(runs):
        compute.append(
            timed(
                lambda: compute_agreement(
                    texts, layers, names=names, symmetric_relation_types=symmetric
                )
            )
        )
        tokenise.append(timed(lambda: [words_with_offsets(text) for text in texts.values()]))
        edges.append(timed(lambda: word_edges(joined)))
    return compute, edges, tokenise


def measure(work: Path, documents: int, runs: int) -> None:
    """Build the project in `work`, time the commands alternating, print the figures."""
    path, out = work / "team.sqlite", work / "export.jsonl"
    started = time.perf_counter()
    build_project(path, documents)
    print(
        f"project: {documents} documents x {len(ANNOTATORS)} annotators (+ gold), ~50 "
        f"entities and ~10 relations per layer; built in {time.perf_counter() - started:.0f} s; "
        f"{runs} runs each, alternating"
    )
    first_export = timed(lambda: cli_export(path, out))
    first_agreement = timed(lambda: cli_agreement(path))
    agreement, between, export = [], [], []
    for _ in range(runs):
        export.append(timed(lambda: cli_export(path, out)))
        agreement.append(timed(lambda: cli_agreement(path)))
        between.append(timed(lambda: annotators_only(path)))
    report, with_gold = cli_agreement(path)
    compute, edges, tokenise = time_parts(path, runs)
    baseline = statistics.median(export)
    print(line("export, JSONL (`annotator export`)", export, baseline))
    print(line("agreement (`annotator agreement`)", agreement, baseline))
    print(line("  annotators only (project_agreement)", between, baseline))
    print(line("  compute_agreement on values already read", compute, baseline))
    print(line("  tokens: word_edges, texts joined", edges, baseline))
    print(line("  tokens: words_with_offsets per document", tokenise, baseline))
    print(
        f"first runs, not counted above (lazy imports: formats; numpy, scipy, scikit-learn, "
        f"krippendorff): export {first_export * 1000:.0f} ms, agreement "
        f"{first_agreement * 1000:.0f} ms"
    )
    print(
        f"agreement / export = {statistics.median(agreement) / baseline:.2f} (target: under 3); "
        f"{len(report.documents)} documents compared, {report.tokens} tokens, alpha "
        f"{report.alpha_micro:.3f}, exact F1 {report.overall.exact_micro.f1:.3f}, against "
        f"gold {len(with_gold)} annotators on {sum(s.documents for s in with_gold.values())} "
        f"documents; export {out.stat().st_size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
