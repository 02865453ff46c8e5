"""The project learner: when to retrain it, and retraining it (the window runs this in
another process, `annotator learn`; `annotator suggest` runs it first when it is due).

Retraining is due after every N newly accepted or corrected entities (the project setting
`learner_every`, default 20) and whenever a document is marked done, counted against the
gold the stored model saw. It is idempotent: the model is versioned by the fingerprint of
its training data, and the same data is never trained twice.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from annotator.store.learner import (
    GoldMark,
    gold_mark,
    learned_mark,
    mark_gold_seen,
    save_learned_model,
    training_documents,
)
from annotator.store.project import Project

EVERY_SETTING = "learner_every"
DEFAULT_EVERY = 20


@dataclass(frozen=True, slots=True)
class LearnResult:
    trained: bool
    reason: str  # why it trained, or why not
    fingerprint: str | None = None
    seconds: float = 0.0
    sentences: int = 0  # project sentences (the sample's are not counted)
    labels: tuple[str, ...] = ()

    def summary(self) -> str:
        if not self.trained:
            return f"Project model: {self.reason}"
        return (
            f"Project model retrained ({self.reason}) on {self.sentences} project sentences "
            f"plus the sample, labels {', '.join(self.labels)}, in {self.seconds:.1f} s"
        )


def every(project: Project) -> int:
    value = project.setting(EVERY_SETTING)
    try:
        return max(1, int(value)) if value is not None else DEFAULT_EVERY
    except ValueError:
        return DEFAULT_EVERY


def learner_due(project: Project) -> str | None:
    """Why the project learner should retrain now, or None if its model is up to date
    with the gold (or there is no gold to learn from)."""
    from annotator.suggest.crf.features import FEATURE_VERSION

    now = gold_mark(project)
    stored = learned_mark(project)
    seen = stored[2] if stored is not None else GoldMark()
    if stored is not None and stored[1].get("feature_version") != FEATURE_VERSION:
        return "its model was made for other features"
    new = len(now.accepted - seen.accepted)
    if new >= every(project):
        return f"{new} entities accepted or corrected since it last learned"
    if now.done - seen.done:
        return "a document was marked done"
    return None


def label_map(project: Project) -> dict[str, str]:
    from annotator.suggest.builtin_ner import LABEL_MAP_SETTING, label_map_from_setting

    return label_map_from_setting(project.setting(LABEL_MAP_SETTING))


def learn(project: Project, *, force: bool = False) -> LearnResult:
    """Retrain the project learner if it is due (or with `force`, whenever its training
    data changed), and store the model in the project. Training the same data twice never
    happens: a model whose fingerprint matches is kept."""
    from annotator.suggest import project_ner

    reason = learner_due(project)
    if reason is None and not force:
        return LearnResult(False, "up to date")
    mark = gold_mark(project)
    documents = training_documents(project)
    schema_labels = project.schema.label_names
    type_map = project_ner.sample_type_map(label_map(project), schema_labels)
    labels = project_ner.model_labels(documents, type_map, schema_labels)
    sentences = project_ner.document_sentences(documents, labels)
    if not sentences or not labels:
        return LearnResult(False, "no gold to learn from yet")
    fingerprint = project_ner.training_fingerprint(sentences, labels, type_map)
    stored = learned_mark(project)
    if stored is not None and stored[0] == fingerprint:
        mark_gold_seen(project, mark)
        return LearnResult(False, "its training data has not changed", fingerprint)
    started = time.perf_counter()
    training = project_ner.sample_sentences(type_map) + sentences
    model = project_ner.train(
        training,
        labels,
        {
            "training_fingerprint": fingerprint,
            "type_map": type_map,
            "project_sentences": len(sentences),
            "gold_weight": project_ner.GOLD_WEIGHT,
        },
    )
    seconds = time.perf_counter() - started
    save_learned_model(project, fingerprint, model.to_bytes(), model.metadata, mark, seconds)
    return LearnResult(True, reason or "asked to", fingerprint, seconds, len(sentences), labels)
