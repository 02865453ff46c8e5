"""The project learner (source `project-ner`): the built-in CRF retrained on the Wojood
sample plus the project's own gold, which weighs more.

Training data (`training_sentences`):
- the sample (`annotator.paths.wojood_sample`), its types mapped to the project's labels
  through the built-in NER's label map (Wojood GPE | LOC | FAC -> LOC -> the project's
  label); left out when the map reaches none of the schema's labels, so a project with
  another schema learns from its own gold alone;
- each sentence of a document marked done, completely annotated: its accepted entities
  are the gold, every other word is O, repeated GOLD_WEIGHT times;
- in a document still in progress, a sentence with decisions counts for the labels whose
  candidates there are all decided (the rest of the sentence is not yet reviewed);
- a rejected candidate is negative evidence: its words are O for its label.

The model is versioned by `training_fingerprint`, a digest of everything it is trained
on: the same data never trains twice. Training, storing and the trigger live in
`annotator.app.learning`; the model is stored in the project file (`store.learner`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from functools import lru_cache

from annotator.suggest.builtin_ner import DEFAULT_LABEL_MAP, BuiltinNerSuggester
from annotator.suggest.crf.corpus import DEFAULT_TYPE_MAP, Sentence, sentence_from_text

SOURCE = "project-ner"
#: a project sentence counts this many times against one of the sample's
GOLD_WEIGHT = 3
#: CRFsuite settings: the shipped model's (build_scripts/train_model.py)
C1, C2, ITERATIONS = 0.05, 0.01, 50


def _parameters():
    from annotator.suggest.crf.model import TrainingParameters

    return TrainingParameters(c1=C1, c2=C2, max_iterations=ITERATIONS)


def sample_type_map(label_map: Mapping[str, str], schema_labels: Iterable[str]) -> dict:
    """Wojood type -> project label, through the model's labels and `label_map`; only
    targets the schema has."""
    allowed = set(schema_labels)
    return {
        wojood: label_map[model_label]
        for wojood, model_label in DEFAULT_TYPE_MAP.items()
        if model_label in label_map and label_map[model_label] in allowed
    }


@lru_cache(maxsize=4)
def _sample_sentences(type_map: tuple[tuple[str, str], ...]) -> tuple[Sentence, ...]:
    from annotator.paths import wojood_sample
    from annotator.suggest.crf.corpus import read_nested_conll

    return tuple(read_nested_conll(wojood_sample(), dict(type_map)))


def sample_sentences(type_map: Mapping[str, str]) -> list[Sentence]:
    """The Wojood sample with `type_map`'s types (empty map: no sample)."""
    if not type_map:
        return []
    return list(_sample_sentences(tuple(sorted(type_map.items()))))


def sample_digest() -> str:
    from annotator.paths import wojood_sample

    return hashlib.sha256(wojood_sample().read_bytes()).hexdigest()[:16]


def document_sentences(documents, labels: Iterable[str]) -> list[Sentence]:
    """The project's gold as training sentences (see the module); `documents` are
    `annotator.store.learner.TrainingDocument`s, `labels` the labels the model learns."""
    from annotator.text.words import sentences as split_sentences

    wanted = frozenset(labels)
    result = []
    for document in documents:
        for words in split_sentences(document.text):
            if not words:
                continue
            start, end = words[0].start, words[-1].end
            inside = [
                (s - start, e - start, label, status)
                for s, e, label, status in document.entities
                if start <= s and e <= end and label in wanted
            ]
            accepted = [(s, e, label) for s, e, label, status in inside if status == "accepted"]
            if document.done:
                complete = wanted
            else:
                decided = {label for _, _, label, status in inside if status != "candidate"}
                pending = {label for _, _, label, status in inside if status == "candidate"}
                complete = frozenset(decided - pending)
            if not complete:
                continue
            text = document.text[start:end]
            spans = [span for span in accepted if span[2] in complete]
            result.append(
                sentence_from_text(
                    text, spans, GOLD_WEIGHT, None if complete == wanted else frozenset(complete)
                )
            )
    return result


def model_labels(documents, type_map: Mapping[str, str], schema_labels) -> tuple[str, ...]:
    """The labels the learner tags: the schema's labels that the sample (through
    `type_map`) or the project's accepted gold uses, in the schema's order."""
    used = set(type_map.values())
    for document in documents:
        used.update(label for _, _, label, status in document.entities if status == "accepted")
    return tuple(label for label in schema_labels if label in used)


def training_fingerprint(
    sentences: list[Sentence], labels: tuple[str, ...], type_map: Mapping[str, str]
) -> str:
    """A digest of everything a model would be trained on (sample digest, project
    sentences, labels, parameters, features and their word lists)."""
    from annotator.suggest.crf.features import FEATURE_VERSION, lexicon_version

    digest = hashlib.sha256()
    digest.update(f"{FEATURE_VERSION}|{lexicon_version()}|{_parameters()}".encode())
    digest.update(repr((labels, sorted(type_map.items()))).encode())
    if type_map:
        digest.update(sample_digest().encode())
    for sentence in sentences:
        labels_part = "*" if sentence.labels is None else ",".join(sorted(sentence.labels))
        digest.update(repr((sentence.words, sentence.spans, sentence.weight, labels_part)).encode())
    return digest.hexdigest()[:16]


def train(sentences: list[Sentence], labels: tuple[str, ...], extra_metadata: dict):
    """A `CrfNerModel` with one CRF per label."""
    from annotator.suggest.crf.model import CrfNerModel

    return CrfNerModel.train(
        sentences,
        strategy="per-type",
        labels=labels,
        parameters=_parameters(),
        extra_metadata=extra_metadata,
    )


class ProjectNerSuggester(BuiltinNerSuggester):
    """The project learner's model as a suggester: its labels are the project's own."""

    name = SOURCE

    def __init__(self, model, fingerprint: str, schema_labels: Iterable[str], **options):
        labels = {label: label for label in model.labels}
        super().__init__(labels, schema_labels=schema_labels, **options)
        self._model = model
        self.training_fingerprint = fingerprint

    def fingerprint(self) -> str:
        digest = hashlib.sha256(
            f"{self.training_fingerprint}|{sorted(self.label_map.items())}|"
            f"{self.min_confidence}".encode()
        )
        return f"{SOURCE}-{digest.hexdigest()[:16]}"

    def model(self):
        return self._model


__all__ = [
    "DEFAULT_LABEL_MAP",
    "GOLD_WEIGHT",
    "SOURCE",
    "ProjectNerSuggester",
    "document_sentences",
    "model_labels",
    "sample_sentences",
    "sample_type_map",
    "train",
    "training_fingerprint",
]
