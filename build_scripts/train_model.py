"""Train the built-in NER model from the Wojood sample (any current directory).

    python build_scripts/train_model.py [--data resources/wojood/train.txt] [--out DIR]

Reads nested CoNLL, maps PERS -> PERS, ORG -> ORG, GPE | LOC | FAC -> LOC, trains one CRF
per label with CRFsuite (deterministic: same data, same bytes) and writes the layers and
metadata.json (data SHA-256, feature version, library versions, type mapping, parameters)
into annotator/resources/models/builtin-ner/. Prints the training time and model size.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.suggest.builtin_ner import MODEL_DIR  # noqa: E402
from annotator.suggest.crf.corpus import DEFAULT_TYPE_MAP, read_nested_conll  # noqa: E402
from annotator.suggest.crf.model import CrfNerModel, TrainingParameters  # noqa: E402

DEFAULT_DATA = ROOT / "resources" / "wojood" / "train.txt"
#: chosen by 5-fold cross-validation on train.txt (benchmarks/ner_quality.py): overall
#: precision and recall move by 0.01 at most for c1 in 0.02-0.3, c2 in 0.01-0.1 and 50-150
#: iterations; 50 iterations keep retraining with project data under 10 s
PARAMETERS = TrainingParameters(c1=0.05, c2=0.01, max_iterations=50)
STRATEGY = "per-type"


def train(data: Path, out: Path) -> CrfNerModel:
    """Train on `data` and save into `out`; the metadata names the data by its SHA-256."""
    sentences = read_nested_conll(data, DEFAULT_TYPE_MAP)
    model = CrfNerModel.train(
        sentences,
        strategy=STRATEGY,
        parameters=PARAMETERS,
        extra_metadata={
            "data": {
                "file": data.name,
                "sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
                "corpus": "Wojood sample (Jarrar et al., LREC 2022), MIT licence",
            },
            "type_map": dict(DEFAULT_TYPE_MAP),
        },
    )
    for old in out.glob("*.crfsuite"):
        old.unlink()
    model.save(out)
    return model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    started = time.perf_counter()
    model = train(args.data, args.out)
    seconds = time.perf_counter() - started
    size = sum(path.stat().st_size for path in args.out.iterdir() if path.is_file())
    print(
        f"trained {model.metadata['sentences']} sentences, layers {', '.join(model.layers)} "
        f"in {seconds:.1f} s; {args.out} holds {size / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
