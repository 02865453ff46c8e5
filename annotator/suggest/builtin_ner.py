"""The built-in NER suggester: a CRF model shipped with annotator, no torch, works offline.

The model (`annotator/resources/models/builtin-ner/`, written by build_scripts/
train_model.py from the Wojood sample) is read on first use. Each sentence's words are
tagged by one CRF per label (see annotator.suggest.crf.model); a candidate's confidence is
the lowest CRF marginal along its span.

Its labels reach the project's schema through a map, model label -> project label: by
default PERS, ORG and LOC (Wojood's GPE, LOC and FAC) to the labels of the same name; a
project with other labels sets `builtin_ner_map` (JSON, e.g. `{"PERS": "شخص", "LOC":
"مكان"}`). A model label the map does not reach is never proposed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from annotator.paths import RESOURCES_DIR
from annotator.suggest.base import Candidate, SuggesterUnavailable
from annotator.suggest.crf.tokens import Word, sentences
from annotator.text.arabic import INVISIBLE

SOURCE = "builtin-ner"
MODEL_DIR = RESOURCES_DIR / "models" / "builtin-ner"
#: model label -> project label; a model label missing here is never proposed
DEFAULT_LABEL_MAP: Mapping[str, str] = {"PERS": "PERS", "ORG": "ORG", "LOC": "LOC"}
#: candidates below this confidence are not proposed (chosen by cross-validation on the
#: Wojood training sample: benchmarks/ner_quality.py)
DEFAULT_MIN_CONFIDENCE = 0.5
#: the project setting that holds the label map (JSON object)
LABEL_MAP_SETTING = "builtin_ner_map"


def label_map_from_setting(value: str | None) -> dict[str, str]:
    """The `builtin_ner_map` setting's map, or the default one when it is not set. Raises
    SuggesterUnavailable, saying what is wrong, for a value that is no JSON object of
    label names."""
    if value is None or not value.strip():
        return dict(DEFAULT_LABEL_MAP)
    try:
        mapping = json.loads(value)
    except ValueError as error:
        raise SuggesterUnavailable(
            f"the {LABEL_MAP_SETTING} setting is not JSON: {error}"
        ) from None
    if not isinstance(mapping, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in mapping.items()
    ):
        raise SuggesterUnavailable(
            f"the {LABEL_MAP_SETTING} setting must map model labels to project labels, "
            'e.g. {"PERS": "PERS", "ORG": "ORG", "LOC": "LOC"}'
        )
    return mapping


class BuiltinNerSuggester:
    """Proposes PERS, ORG and LOC (through `label_map`) with the shipped CRF model.

    `label_map` maps model labels to project labels; `schema_labels`, when given, keeps only
    targets the project's schema has (a schema without PERS/ORG/LOC gets no candidates).
    Candidates: code-point offsets on the exact text, whole words (proclitics included),
    source "builtin-ner", confidence in [0, 1].
    """

    name = SOURCE

    def __init__(
        self,
        label_map: Mapping[str, str] | None = None,
        *,
        schema_labels: Iterable[str] | None = None,
        model_dir: str | Path | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        superseded_by: str | None = None,
    ) -> None:
        """`superseded_by`: the fingerprint of the project learner's model, when the
        project has one: it learned from the sample and the project's own gold, so this
        suggester then proposes nothing (and its earlier candidates are withdrawn)."""
        label_map = dict(DEFAULT_LABEL_MAP if label_map is None else label_map)
        if schema_labels is not None:
            allowed = set(schema_labels)
            label_map = {
                source: target for source, target in label_map.items() if target in allowed
            }
        self.label_map = label_map
        self.model_dir = Path(model_dir) if model_dir is not None else MODEL_DIR
        self.min_confidence = min_confidence
        self.superseded_by = superseded_by
        self._model = None
        self._last: tuple[str, list[Candidate]] | None = None

    @classmethod
    def for_schema(cls, schema, label_map: Mapping[str, str] | None = None, **options):
        """The suggester for a project's `annotator.model.Schema`."""
        return cls(label_map, schema_labels=schema.label_names, **options)

    def fingerprint(self) -> str:
        """Model checksums (from its metadata, without loading it), the lexicons' version
        (babel's CLDR data feeds the features), label map, threshold. Raises
        SuggesterUnavailable if the model's metadata is missing."""
        from annotator.suggest.crf.features import lexicon_version

        if self.superseded_by is not None:
            return f"{self.name}-superseded-{self.superseded_by}"
        digest = hashlib.sha256()
        digest.update(self._metadata_bytes())
        digest.update(lexicon_version().encode())
        digest.update(repr(sorted(self.label_map.items())).encode())
        digest.update(f"{self.min_confidence}".encode())
        return f"{self.name}-{digest.hexdigest()[:16]}"

    def model(self):
        """The CRF model, loaded on first use. Raises SuggesterUnavailable if it is missing,
        damaged, or made for other features, or if python-crfsuite is not installed."""
        if self._model is None:
            try:
                from annotator.suggest.crf.model import CrfNerModel, ModelError
            except ImportError as error:  # pragma: no cover - depends on the installation
                raise SuggesterUnavailable(f"python-crfsuite is not installed: {error}") from error
            try:
                self._model = CrfNerModel.load(self.model_dir)
            except ModelError as error:
                raise SuggesterUnavailable(
                    f"{error}; rebuild it with build_scripts/train_model.py"
                ) from error
        return self._model

    def suggest(self, text: str, words: list[Word] | None = None) -> list[Candidate]:
        """Candidates for `text` (code points). `words` is accepted for the runner's
        interface; sentences are split afresh from the text. The last text's candidates are
        kept, so the rule suggesters that yield to this one ask for them at no cost."""
        if not self.label_map or self.superseded_by is not None:
            return []
        if self._last is not None and self._last[0] == text:
            return list(self._last[1])
        model = self.model()
        found = []
        for sentence in sentences(text):
            for span in model.predict([word.text for word in sentence]):
                candidate = self._candidate(text, sentence, span)
                if candidate is not None:
                    found.append(candidate)
        self._last = (text, found)
        return list(found)

    def _candidate(self, text: str, sentence: list[Word], span) -> Candidate | None:
        label = self.label_map.get(span.label)
        if label is None or span.confidence < self.min_confidence:
            return None
        start, end = sentence[span.start].start, sentence[span.end - 1].end
        while start < end and text[start] in INVISIBLE:
            start += 1
        while end > start and text[end - 1] in INVISIBLE:
            end -= 1
        if start == end:
            return None
        return Candidate(start, end, label, self.name, span.confidence)

    def _metadata_bytes(self) -> bytes:
        from annotator.suggest.crf.model import METADATA_FILE

        try:
            return (self.model_dir / METADATA_FILE).read_bytes()
        except OSError as error:
            raise SuggesterUnavailable(
                f"the built-in NER model is missing from {self.model_dir}: {error}"
            ) from error
