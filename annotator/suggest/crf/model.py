"""`CrfNerModel`: linear-chain CRFs (CRFsuite, through python-crfsuite) that tag entity spans.

Method: first-order linear-chain CRFs (Lafferty, McCallum & Pereira, ICML 2001) trained by
L-BFGS with elastic-net (L1 + L2) regularisation, as implemented by CRFsuite (Okazaki 2007,
http://www.chokkan.org/software/crfsuite/). Each *layer* is one CRF with BIO tags over the
labels it owns; a span's confidence comes from the CRF's token marginals (forward-backward).

Nesting (Alex, Haddow & Grover, "Recognising Nested Named Entities in Biomedical Text",
BioNLP 2007): strategy "per-type" trains one CRF per label (their "cascading" without the
cascade), so an ORG and the LOC inside it are both found; "flat" trains one CRF over all
labels on the outermost spans and finds one level only.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from annotator.suggest.crf.corpus import Sentence, Span
from annotator.suggest.crf.features import FEATURE_VERSION, lexicon_version, sentence_features

LABELS = ("PERS", "ORG", "LOC")
STRATEGIES = ("per-type", "flat")
FORMAT = "annotator-crf-ner"
FORMAT_VERSION = 1
METADATA_FILE = "metadata.json"


class ModelError(Exception):
    """A saved model is missing, damaged, or was made for other features or code."""


@dataclass(frozen=True, slots=True)
class TrainingParameters:
    """CRFsuite L-BFGS settings: c1 (L1), c2 (L2), iterations, feature.minfreq."""

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 150
    min_frequency: int = 1

    def crfsuite(self) -> dict:
        return {
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "feature.minfreq": self.min_frequency,
            "feature.possible_transitions": True,
        }


@dataclass(frozen=True, slots=True, order=True)
class PredictedSpan:
    """A predicted entity over word indices (end exclusive), with its confidence in [0, 1]."""

    start: int
    end: int
    label: str
    confidence: float


def layer_labels(strategy: str, labels: Sequence[str] = LABELS) -> dict[str, tuple[str, ...]]:
    """Layer name -> the labels that layer's CRF tags. Raises ValueError for an unknown
    strategy."""
    if strategy == "per-type":
        return {label: (label,) for label in labels}
    if strategy == "flat":
        return {"all": tuple(labels)}
    raise ValueError(f"unknown strategy {strategy!r}; choose from {', '.join(STRATEGIES)}")


def outermost(spans: Iterable[Span], labels: Sequence[str]) -> list[Span]:
    """The spans of `labels` that no other span of `labels` contains; of identical spans,
    the label listed first wins."""
    kept = sorted(
        (s for s in spans if s.label in labels),
        key=lambda s: (s.start, -s.end, labels.index(s.label)),
    )
    result: list[Span] = []
    for span in kept:
        if not result or span.start >= result[-1].end:
            result.append(span)
    return result


def bio_tags(length: int, spans: Iterable[Span]) -> list[str]:
    """BIO tags of non-overlapping spans over `length` words."""
    tags = ["O"] * length
    for span in spans:
        tags[span.start] = "B-" + span.label
        for index in range(span.start + 1, span.end):
            tags[index] = "I-" + span.label
    return tags


class CrfNerModel:
    """One CRF per layer (see `layer_labels`), held as CRFsuite model bytes, plus metadata.

    Build with `CrfNerModel.train` or `CrfNerModel.load`; `predict` tags a sentence.
    """

    def __init__(self, layers: dict[str, bytes], metadata: dict) -> None:
        self.layers = dict(layers)
        self.metadata = dict(metadata)
        self._taggers: dict = {}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.metadata["labels"])

    @classmethod
    def train(
        cls,
        sentences: Iterable[Sentence],
        *,
        strategy: str = "per-type",
        labels: Sequence[str] = LABELS,
        parameters: TrainingParameters | None = None,
        extra_metadata: dict | None = None,
    ) -> CrfNerModel:
        """Train every layer on `sentences` (each repeated `weight` times, and left out of a
        layer whose labels it is not fully annotated for). Deterministic: the same sentences
        in the same order give the same model bytes. Raises ValueError for an unknown
        strategy, pycrfsuite.CRFSuiteError if CRFsuite fails."""
        parameters = parameters or TrainingParameters()
        sentences = list(sentences)
        features = _item_sequences(sentences)
        layers = {
            name: _train_layer(sentences, features, owned, parameters)
            for name, owned in layer_labels(strategy, labels).items()
        }
        metadata = _metadata(strategy, labels, parameters, sentences, layers)
        metadata.update(extra_metadata or {})
        return cls(layers, metadata)

    def predict(self, words: Sequence[str]) -> list[PredictedSpan]:
        """Entities in one sentence of words: every layer's Viterbi spans with confidences,
        then the conflicts between layers resolved (`resolve_conflicts`)."""
        if not words:
            return []
        items = sentence_features(words)
        found: list[PredictedSpan] = []
        for name in self.layers:
            found.extend(self._predict_layer(name, items))
        return resolve_conflicts(found)

    def marginals(self, words: Sequence[str], label: str) -> list[tuple[float, float]]:
        """(P(B-label), P(I-label)) for each word, from the CRF that tags `label` (forward-
        backward marginals); [] if no layer tags it or `words` is empty."""
        layer = next((n for n, owned in self._owned().items() if label in owned), None)
        if layer is None or not words:
            return []
        tagger = self._tagger(layer)
        tagger.set(sentence_features(words))
        known = set(tagger.labels())
        result = []
        for index in range(len(words)):
            begin = tagger.marginal("B-" + label, index) if "B-" + label in known else 0.0
            inside = tagger.marginal("I-" + label, index) if "I-" + label in known else 0.0
            result.append((begin, inside))
        return result

    def _owned(self) -> dict[str, tuple[str, ...]]:
        layers = self.metadata.get("layers", {})
        return {name: tuple(layers.get(name, {}).get("labels", ())) for name in self.layers}

    def _predict_layer(self, name: str, items: list[list[str]]) -> list[PredictedSpan]:
        tagger = self._tagger(name)
        tagger.set(items)
        tags = tagger.tag()
        return [
            PredictedSpan(start, end, label, span_confidence(tagger, tags, start, end))
            for start, end, label in decode_bio(tags)
        ]

    def _tagger(self, name: str):
        if name not in self._taggers:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.layers[name])
            self._taggers[name] = tagger
        return self._taggers[name]

    def save(self, folder: str | Path) -> None:
        """Write `<layer>.crfsuite` files and metadata.json (sorted keys) into `folder`."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.layers.items():
            (folder / f"{name}.crfsuite").write_bytes(data)
        text = json.dumps(self.metadata, ensure_ascii=False, indent=2, sort_keys=True)
        (folder / METADATA_FILE).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> CrfNerModel:
        """Read a model written by `save`. Raises ModelError if a file is missing or
        damaged, or the model was trained with another feature version or format."""
        folder = Path(folder)
        try:
            metadata = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
            layers = {
                name: (folder / f"{name}.crfsuite").read_bytes() for name in metadata["layers"]
            }
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(f"no usable CRF model in {folder}: {error}") from error
        _check_metadata(folder, metadata, layers)
        return cls(layers, metadata)

    def to_bytes(self) -> bytes:
        """The model as one zip (the files `save` writes), e.g. for a blob in a project."""
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(self.layers):
                archive.writestr(f"{name}.crfsuite", self.layers[name])
            text = json.dumps(self.metadata, ensure_ascii=False, indent=2, sort_keys=True)
            archive.writestr(METADATA_FILE, text + "\n")
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> CrfNerModel:
        """Read `to_bytes`' zip. Raises ModelError as `load` does."""
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                metadata = json.loads(archive.read(METADATA_FILE).decode("utf-8"))
                layers = {name: archive.read(f"{name}.crfsuite") for name in metadata["layers"]}
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            raise ModelError(f"no usable CRF model in the stored bytes: {error}") from error
        _check_metadata(Path("<stored model>"), metadata, layers)
        return cls(layers, metadata)

    def fingerprint(self) -> str:
        """Changes with any layer's bytes, the features' version and the lexicons."""
        digest = hashlib.sha256()
        for name in sorted(self.layers):
            digest.update(name.encode() + b"\0" + self.layers[name])
        digest.update(f"{FEATURE_VERSION}|{lexicon_version()}".encode())
        return digest.hexdigest()[:16]


def _item_sequences(sentences: list[Sentence]) -> list:
    """Each sentence's features, converted once for CRFsuite (shared by layers and repeats)."""
    import pycrfsuite

    return [pycrfsuite.ItemSequence(sentence_features(s.words)) for s in sentences]


def _train_layer(
    sentences: list[Sentence],
    features: list,
    owned: tuple[str, ...],
    parameters: TrainingParameters,
) -> bytes:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(parameters.crfsuite())
    for sentence, items in zip(sentences, features, strict=True):
        if not sentence.annotated_for(owned):
            continue
        tags = bio_tags(len(sentence.words), outermost(sentence.spans, owned))
        for _ in range(sentence.weight):
            trainer.append(items, tags)
    with tempfile.TemporaryDirectory(prefix="annotator-crf-") as folder:
        path = Path(folder) / "layer.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def decode_bio(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> (start, end, label) over word indices; a stray I- starts a span."""
    spans: list[tuple[int, int, str]] = []
    for index, tag in enumerate(tags):
        if tag == "O":
            continue
        label = tag[2:]
        if tag.startswith("I-") and spans and spans[-1][1] == index and spans[-1][2] == label:
            spans[-1] = (spans[-1][0], index + 1, label)
        else:
            spans.append((index, index + 1, label))
    return spans


def span_confidence(tagger, tags: Sequence[str], start: int, end: int) -> float:
    """The lowest marginal along the span: P(B at start), P(I inside), and P(not I of the
    label) just after it. An upper bound of the exact span probability, from CRFsuite's
    forward-backward marginals (`Tagger.marginal`)."""
    label = tags[start][2:]
    values = [tagger.marginal("B-" + label, start)]
    values += [tagger.marginal("I-" + label, index) for index in range(start + 1, end)]
    if end < len(tags) and "I-" + label in tagger.labels():
        values.append(1.0 - tagger.marginal("I-" + label, end))
    return round(max(0.0, min(values)), 4)


def resolve_conflicts(found: Iterable[PredictedSpan]) -> list[PredictedSpan]:
    """Keep spans by decreasing confidence; drop a span already taken with another label,
    or crossing a kept one (nesting is kept: an ORG and the LOC inside it)."""
    kept: list[PredictedSpan] = []
    for span in sorted(found, key=lambda s: (-s.confidence, s.start, s.end, s.label)):
        clash = any(
            (other.start, other.end) == (span.start, span.end)
            or other.start < span.start < other.end < span.end
            or span.start < other.start < span.end < other.end
            for other in kept
        )
        if not clash:
            kept.append(span)
    return sorted(kept)


def _metadata(strategy, labels, parameters, sentences, layers) -> dict:
    import pycrfsuite

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "feature_version": FEATURE_VERSION,
        "lexicons": lexicon_version(),
        "library": f"python-crfsuite {_crfsuite_version()}",
        "crfsuite": pycrfsuite.CRFSUITE_VERSION,
        "strategy": strategy,
        "labels": list(labels),
        "parameters": asdict(parameters),
        "layers": {
            name: {
                "labels": list(owned),
                "sha256": hashlib.sha256(layers[name]).hexdigest(),
            }
            for name, owned in layer_labels(strategy, labels).items()
        },
        "sentences": len(sentences),
        "sentences_weighted": sum(s.weight for s in sentences),
    }


def _crfsuite_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("python-crfsuite")
    except PackageNotFoundError:
        return "unknown"


def _check_metadata(folder: Path, metadata: dict, layers: dict[str, bytes]) -> None:
    if metadata.get("format") != FORMAT or metadata.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{folder} is not a {FORMAT} model of version {FORMAT_VERSION}")
    if metadata.get("feature_version") != FEATURE_VERSION:
        raise ModelError(
            f"{folder} was trained with features version {metadata.get('feature_version')}, "
            f"this code computes version {FEATURE_VERSION}: retrain it"
        )
    for name, data in layers.items():
        if hashlib.sha256(data).hexdigest() != metadata["layers"][name]["sha256"]:
            raise ModelError(f"{folder}/{name}.crfsuite does not match its metadata checksum")
