"""A small real BERT token classifier trained offline on the sample article's first sentence.

It has camel-tools' label set and is loaded through the real NERecognizer path, so the tests
can assert real labels (see shared/docs/camel-tools.md for the recipe and its pitfalls).
"""

from __future__ import annotations

import json
from pathlib import Path

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]

FIRST_SENTENCE = [
    ("أعلنت", "O"),
    ("وزارة", "B-ORG"),
    ("الخارجية", "I-ORG"),
    ("الكورية", "I-ORG"),
    ("الشمالية", "I-ORG"),
    ("أن", "O"),
    ("بيونغ", "B-LOC"),
    ("يانغ", "I-LOC"),
    ("مستعدة", "O"),
    ("للترحيب", "O"),
    ("بحرارة", "O"),
    ("بالرئيس", "O"),
    ("الروسي", "O"),
    ("فلاديمير", "B-PERS"),
    ("بوتين", "I-PERS"),
    ("كصديق", "O"),
    ("مقرب", "O"),
    (".", "O"),
]


def write_bert_vocab(folder: Path, text: str, size: int = 0) -> list[str]:
    """A BERT WordPiece vocabulary for `text`: special tokens, every character, `##` +
    every character, every word; padded with [unusedN] up to `size`. Written with the
    tokenizer_config.json that makes transformers read it (see shared docs' pitfall)."""
    folder.mkdir(parents=True, exist_ok=True)
    characters = sorted(set(text) - {" ", "\n"})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    seen = set(vocab)
    for token in characters + ["##" + c for c in characters] + sorted(set(text.split())):
        if token not in seen:
            seen.add(token)
            vocab.append(token)
    vocab += [f"[unused{n}]" for n in range(max(0, size - len(vocab)))]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    (folder / "tokenizer_config.json").write_text(
        json.dumps(
            {"do_lower_case": False, "tokenizer_class": "BertTokenizer", "model_max_length": 512}
        ),
        encoding="utf-8",
    )
    return vocab


def build_tiny_model(folder: Path, sample_text: str, steps: int = 80) -> Path:
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    text = sample_text + " " + " ".join(word for word, _ in FIRST_SENTENCE)
    vocab = write_bert_vocab(folder, text)
    tokenizer = BertTokenizer.from_pretrained(str(folder))
    assert len(tokenizer) == len(vocab), "the tokenizer did not read vocab.txt"
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    pieces, label_ids = ["[CLS]"], [-100]
    for word, label in FIRST_SENTENCE:
        word_pieces = tokenizer.tokenize(word)
        pieces += word_pieces
        label_ids += [LABELS.index(label)] + [-100] * (len(word_pieces) - 1)
    pieces.append("[SEP]")
    label_ids.append(-100)
    inputs = torch.tensor([tokenizer.convert_tokens_to_ids(pieces)])
    targets = torch.tensor([label_ids])
    optimiser = torch.optim.AdamW(model.parameters(), lr=5e-3)
    model.train()
    for _ in range(steps):
        optimiser.zero_grad()
        loss = model(input_ids=inputs, labels=targets).loss
        loss.backward()
        optimiser.step()
    model.eval()
    model.save_pretrained(str(folder))
    return folder
