"""The NER targets, measured through the real runner on the Wojood sample's val.txt.

val.txt is imported with the CoNLL format (GPE, FAC -> LOC; other types dropped), 8
sentences a document; the suggesters run through `build_suggesters` / `run_suggesters`
into an in-memory project (`annotator.app.evaluating`), exactly as `annotator evaluate
--gold` does. Prints:
  - cold start: each suggester alone and the default set (targets P >= 0.80, R >= 0.55);
  - half the documents annotated (done), the project learner trained on them, the default
    set on the other half (targets P >= 0.85, R >= 0.70, PERS P >= 0.75);
  - the learner's training time on the sample plus the annotated half.

    .venv/bin/python benchmarks/ner_targets.py [--data resources/wojood/val.txt] [--quick]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.app import evaluating  # noqa: E402
from annotator.model import default_schema  # noqa: E402

OPTIONS = {
    "map": {"GPE": "LOC", "FAC": "LOC"},
    "drop": {
        "OCC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY",
        "EVENT", "LANGUAGE", "LAW", "PRODUCT", "WEBSITE", "CURR", "UNIT",
    },
    "sentences_per_document": 8,
}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "resources" / "wojood" / "val.txt")
    parser.add_argument("--quick", action="store_true", help="the default set only")
    args = parser.parse_args()
    schema = default_schema()
    drafts, _ = evaluating.read_gold(args.data, schema, "conll", OPTIONS)
    labels = ["PERS", "ORG", "LOC"]
    started = time.perf_counter()
    names = () if args.quick else ("builtin-ner", "memory", "gazetteer", "cues")
    cold = evaluating.cold_start(schema, drafts, names)
    print("\n".join(evaluating.table_lines(cold, labels)))
    print(f"  ({time.perf_counter() - started:.0f} s)")
    half = evaluating.annotated_first(schema, drafts, len(drafts) // 2)
    print("\n".join(evaluating.table_lines(half, labels)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
