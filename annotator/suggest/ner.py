"""The camel-tools NER suggester: real NERecognizer loading, words mapped back to offsets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.model import Schema
from annotator.paths import user_data_dir
from annotator.suggest.base import Candidate, SuggesterUnavailable
from annotator.suggest.ner_model import (
    model_fingerprint,
    prepare_offline_camel_import,
    read_model_labels,
)
from annotator.text.bio import bio_to_spans
from annotator.text.words import Word, sentences

SOURCE = "camel-ner"


class CamelNerSuggester:
    name = SOURCE

    def __init__(
        self, model_path: Path, schema: Schema, batch_size: int = 16, fast: bool = True
    ) -> None:
        self.model_path = Path(model_path)
        self.id2label = read_model_labels(self.model_path, schema)
        self.batch_size = batch_size
        self.fast = fast
        self._fingerprint = model_fingerprint(self.model_path)
        self._recognizer: Any = None

    def fingerprint(self) -> str:
        return self._fingerprint

    def recognizer(self) -> Any:
        """Load camel-tools' NERecognizer on first use (torch and transformers with it)."""
        if self._recognizer is None:
            prepare_offline_camel_import(user_data_dir() / "camel_tools")
            try:
                from camel_tools.ner import NERecognizer  # noqa: F401 - checked below
            except ImportError as error:
                raise SuggesterUnavailable(
                    "this annotator build has no NER runtime (torch and transformers); use "
                    f"the NER build (make package-ner) or a source install ({error.name})"
                ) from error
            try:
                from camel_tools.ner import NERecognizer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()
                recognizer = NERecognizer(str(self.model_path), use_gpu=False)
            except Exception as error:  # noqa: BLE001 - any loading failure is reported
                raise SuggesterUnavailable(
                    f"NER model {self.model_path} could not be loaded: "
                    f"{type(error).__name__}: {error}"
                ) from error
            vocab_size = recognizer.model.config.vocab_size
            if len(recognizer.tokenizer) != vocab_size:
                raise SuggesterUnavailable(
                    f"NER model {self.model_path}: its tokenizer has {len(recognizer.tokenizer)} "
                    f"entries but the model expects {vocab_size}; vocab.txt does not belong "
                    "to these weights"
                )
            self._recognizer = recognizer
        return self._recognizer

    def label_sentences(self, word_lists: list[list[str]]) -> list[list[str]]:
        recognizer = self.recognizer()
        if self.fast:
            from annotator.suggest.fast_ner import predict_fast

            return predict_fast(recognizer, word_lists, self.batch_size)
        return recognizer.predict(word_lists, batch_size=self.batch_size)

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        recognizer = self.recognizer()
        tokenize = recognizer.tokenizer.tokenize
        kept: list[list[Word]] = []
        for sentence in sentences(text):
            # camel-tools silently drops a word that tokenises to nothing (a lone RLM or
            # diacritic), which would shift every later label: leave such words out here.
            useful = [word for word in sentence if tokenize(word.text)]
            if useful:
                kept.append(useful)
        labelled = self.label_sentences([[word.text for word in s] for s in kept])
        candidates = []
        for sentence, labels in zip(kept, labelled, strict=True):
            if len(labels) != len(sentence):
                raise SuggesterUnavailable(
                    f"NER model {self.model_path} returned {len(labels)} labels for "
                    f"{len(sentence)} words"
                )
            for start, end, kind in bio_to_spans(sentence, labels):
                candidates.append(Candidate(start, end, kind, SOURCE))
        return candidates
