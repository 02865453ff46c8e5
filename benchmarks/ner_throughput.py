"""camel-tools NER: stock NERecognizer against annotator's fast path (issue: suggestions).

Builds a randomly initialised BERT of the real model's shape (12 layers, hidden 768, 12
heads, a 64,000-entry vocabulary, camel-tools' label set), saves it, loads it through
camel-tools' NERecognizer, and labels the same news sentences with stock `predict` and with
`annotator.suggest.fast_ner.predict_fast`. Prints words/s for each (median and p95 over
rounds), the ratio, and label agreement. Target: ratio >= 5 with 100% agreement.

    .venv/bin/python benchmarks/ner_throughput.py [--sentences 60] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from annotator.paths import user_data_dir  # noqa: E402
from annotator.suggest.ner_model import prepare_offline_camel_import  # noqa: E402
from annotator.text.words import sentences as split_sentences  # noqa: E402
from benchmarks.corpus import WORDS  # noqa: E402
from benchmarks.figures import p95  # noqa: E402
from tests.suggest.tiny_model import write_bert_vocab  # noqa: E402

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
VOCAB_SIZE = 64_000


def news_sentences(count: int) -> list[list[str]]:
    """The sample article's sentences, then generated ones of news length (12-45 words)."""
    text = (ROOT / "seeds" / "000_5071a1cf7d2feefb.txt").read_text(encoding="utf-8")
    found = [[w.text for w in s] for s in split_sentences(text) if len(s) >= 5]
    rng = random.Random(3)
    while len(found) < count:
        found.append([rng.choice(WORDS) for _ in range(rng.randint(12, 45))] + ["."])
    return found[:count]


def build_model(folder: Path, sentences: list[list[str]]) -> None:
    import torch
    from transformers import BertConfig, BertForTokenClassification

    text = " ".join(" ".join(s) for s in sentences)
    write_bert_vocab(folder, text, size=VOCAB_SIZE)
    config = BertConfig(
        vocab_size=VOCAB_SIZE,
        hidden_size=768,
        num_hidden_layers=12,
        num_attention_heads=12,
        intermediate_size=3072,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    BertForTokenClassification(config).eval().save_pretrained(str(folder))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--stock-batch",
        type=int,
        default=8,
        help="stock predict's batch size (8 is its fastest here)",
    )
    parser.add_argument("--fast-batch", type=int, default=16)
    args = parser.parse_args()

    sentences = news_sentences(args.sentences)
    words = sum(len(s) for s in sentences)
    work = Path(tempfile.mkdtemp(prefix="annotator-ner-bench-"))
    started = time.perf_counter()
    build_model(work / "model", sentences)
    print(f"model: BERT-base shape, random weights, built in {time.perf_counter() - started:.1f} s")

    prepare_offline_camel_import(user_data_dir() / "camel_tools")
    from camel_tools.ner import NERecognizer

    from annotator.suggest.fast_ner import predict_fast

    recognizer = NERecognizer(str(work / "model"), use_gpu=False)
    assert len(recognizer.tokenizer) == VOCAB_SIZE
    print(f"sentences: {len(sentences)}, words: {words}")

    stock_times, fast_times = [], []
    stock_labels = fast_labels = None
    for _ in range(args.rounds):
        started = time.perf_counter()
        stock_labels = recognizer.predict(sentences, batch_size=args.stock_batch)
        stock_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        fast_labels = predict_fast(recognizer, sentences, batch_size=args.fast_batch)
        fast_times.append(time.perf_counter() - started)

    agree = sum(
        a == b
        for s, f in zip(stock_labels, fast_labels, strict=True)
        for a, b in zip(s, f, strict=True)
    )
    total = sum(len(s) for s in stock_labels)
    same_sentences = sum(s == f for s, f in zip(stock_labels, fast_labels, strict=True))
    stock_rate = words / statistics.median(stock_times)
    fast_rate = words / statistics.median(fast_times)
    print(f"{'':34}{'median words/s':>16}{'p95 time s':>12}")
    print(
        f"{'stock NERecognizer.predict (b=' + str(args.stock_batch) + ')':34}"
        f"{stock_rate:>16.0f}{p95(stock_times):>12.2f}"
    )
    print(
        f"{'fast path (b=' + str(args.fast_batch) + ')':34}"
        f"{fast_rate:>16.0f}{p95(fast_times):>12.2f}"
    )
    print(f"ratio fast/stock: {fast_rate / stock_rate:.1f}x (target >= 5)")
    print(
        f"label agreement: {agree}/{total} words ({100 * agree / total:.1f}%), "
        f"{same_sentences}/{len(sentences)} sentences identical (target 100%)"
    )


if __name__ == "__main__":
    main()
