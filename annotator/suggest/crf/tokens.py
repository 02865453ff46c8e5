"""The one place this package imports the word tokenizer from (it is moving to
`annotator.text.words`; only this import changes then)."""

from __future__ import annotations

from annotator.suggest.words import Word, sentences, words_with_offsets

__all__ = ["Word", "sentences", "words_with_offsets"]
