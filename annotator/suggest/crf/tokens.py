"""The one place this package imports the word tokenizer from (annotator.text.words)."""

from __future__ import annotations

from annotator.text.words import Word, sentences, words_with_offsets

__all__ = ["Word", "sentences", "words_with_offsets"]
