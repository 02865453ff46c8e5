"""Shared text handling for formats and suggesters: words and sentences with code-point
offsets (camel-tools' tokenizer), Arabic normalisation and proclitics, BIO tags <-> spans."""
