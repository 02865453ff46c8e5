"""Built-in NER quality on the Wojood sample, cold start (issue: built-in NER suggester).

Scores PERS, ORG and LOC (Wojood GPE | LOC | FAC) as exact spans at every nesting level,
and clitic-tolerant (a candidate that differs from a gold span only by leading proclitics
و ف ب ك ل ال counts), on val.txt for:
  - rules: today's gazetteer + cue suggesters;
  - crf: the shipped CRF model alone (annotator/resources/models/builtin-ner);
  - crf+rules: all three, and when two propose different labels on the same span the
    higher confidence wins (a gazetteer candidate has none: taken as 0.5, the cues' value);
  - crf+rules (proposed): see `proposed_combination`.
Then 5-fold cross-validation of the CRF on train.txt (contiguous folds), with the
confidence thresholds, the nesting strategies (per-type vs flat), and the training time
on train.txt plus simulated project data.
Nesting strategies: per-type (shipped: one CRF per label), flat (one CRF, outermost spans
only) and layered (one flat CRF for outermost spans, one for the spans nested in them).
Targets: precision >= 0.80 and recall >= 0.55.

    .venv/bin/python benchmarks/ner_quality.py [--folds 5] [--quick]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.suggest.base import Candidate  # noqa: E402
from annotator.suggest.builtin_ner import BuiltinNerSuggester  # noqa: E402
from annotator.suggest.crf.corpus import Sentence, read_nested_conll  # noqa: E402
from annotator.suggest.crf.model import (  # noqa: E402
    CrfNerModel,
    TrainingParameters,
    outermost,
    resolve_conflicts,
)
from annotator.suggest.crf.scoring import (  # noqa: E402
    Tally,
    held_out_predictions,
    score,
    score_predictions,
    sentence_text,
    to_char_spans,
)
from annotator.suggest.crf.tokens import Word  # noqa: E402

DATA = ROOT / "resources" / "wojood"
LABELS = ("PERS", "ORG", "LOC")
UNSCORED_CONFIDENCE = 0.5
#: (text, words, the CRF's candidates for the text) -> a system's candidates
System = Callable[[str, list[Word], list[Candidate]], list[Candidate]]


def gold_texts(sentences: list[Sentence]) -> list[tuple[str, list[Word], set]]:
    """Each sentence as (text, words, gold code-point spans)."""
    result = []
    for sentence in sentences:
        text, words = sentence_text(sentence)
        result.append((text, words, to_char_spans(words, sentence.spans)))
    return result


def evaluate(system: System, texts, crf_candidates) -> tuple[Tally, Tally]:
    """(exact, clitic-tolerant) scores of one system over the texts; `crf_candidates` holds
    the CRF's candidates for each text (the shipped model's, or held-out ones)."""
    exact, tolerant = Tally(), Tally()
    for (text, words, gold), crf in zip(texts, crf_candidates, strict=True):
        found = system(text, words, crf)
        predicted = {(c.start, c.end, c.label) for c in found if c.label in LABELS}
        score(exact, gold, predicted)
        score(tolerant, gold, predicted, text)
    return exact, tolerant


def higher_confidence_wins(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per span: the highest confidence (None counts as 0.5)."""
    best: dict[tuple[int, int], Candidate] = {}
    for candidate in candidates:
        key = (candidate.start, candidate.end)
        if key not in best or _confidence(candidate) > _confidence(best[key]):
            best[key] = candidate
    return list(best.values())


def _confidence(candidate: Candidate) -> float:
    return UNSCORED_CONFIDENCE if candidate.confidence is None else candidate.confidence


def widen_to_words(candidate: Candidate, words: list[Word]) -> Candidate:
    """Move a candidate's start back to the start of its word, so a name the matcher found
    inside `وموسكو` keeps its proclitics as the Wojood gold does."""
    for word in words:
        if word.start <= candidate.start < word.end:
            return replace(candidate, start=word.start)
    return candidate


def systems() -> dict[str, System]:
    from annotator.suggest.cues import CueSuggester
    from annotator.suggest.gazetteer import GazetteerSuggester

    gazetteer, cues = GazetteerSuggester(), CueSuggester()

    def rules(text, words):
        return gazetteer.suggest(text, words) + cues.suggest(text, words)

    def proposed(text, words, crf, with_titles=False):
        extra = gazetteer.suggest(text, words)
        if with_titles:
            extra += [c for c in cues.suggest(text, words) if c.source == "cues:title"]
        extra = [widen_to_words(c, words) for c in extra]
        extra = [c for c in extra if not any(_overlap(c, other) for other in crf)]
        return higher_confidence_wins(crf + extra)

    return {
        "rules: gazetteer + cues": lambda text, words, crf: higher_confidence_wins(
            rules(text, words)
        ),
        "crf alone": lambda text, words, crf: crf,
        "crf + gazetteer + cues (higher confidence wins on a span)": (
            lambda text, words, crf: higher_confidence_wins(crf + rules(text, words))
        ),
        "proposed: crf + gazetteer widened to whole words where the crf has nothing": proposed,
        "proposed + cue titles (PERS after a title) where the crf has nothing": (
            lambda text, words, crf: proposed(text, words, crf, with_titles=True)
        ),
    }


def _overlap(one: Candidate, other: Candidate) -> bool:
    return one.start < other.end and other.start < one.end


def print_table(title: str, exact: Tally, tolerant: Tally) -> None:
    print(f"\n{title}")
    print(f"  {'label':<8}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}   tolerant{'P':>6}{'R':>7}{'F1':>7}")
    for label in (*LABELS, None):
        tp, _, fn, p, r, f = exact.row(label)
        tolerant_p, tolerant_r, tolerant_f = tolerant.row(label)[3:]
        name = label or "overall"
        print(
            f"  {name:<8}{tp + fn:>6}{p:>7.2f}{r:>7.2f}{f:>7.2f}   {'':8}"
            f"{tolerant_p:>6.2f}{tolerant_r:>7.2f}{tolerant_f:>7.2f}"
        )


def print_systems(where: str, texts, crf_candidates) -> None:
    for title, system in systems().items():
        print_table(f"{where}, {title}", *evaluate(system, texts, crf_candidates))


def held_out_candidates(sentences, texts, predictions, min_confidence) -> list[list[Candidate]]:
    """Cross-validation predictions as code-point candidates, as the suggester gives them."""
    result = []
    for (_, words, _), predicted in zip(texts, predictions, strict=True):
        result.append(
            [
                Candidate(words[p.start].start, words[p.end - 1].end, p.label, "crf", p.confidence)
                for p in predicted
                if p.confidence >= min_confidence
            ]
        )
    return result


def cross_validation(sentences: list[Sentence], folds: int, strategy: str) -> list:
    parameters = _shipped_parameters()
    if strategy == "layered":
        return held_out_predictions(sentences, folds, lambda part: Layered(part, parameters))
    return held_out_predictions(
        sentences,
        folds,
        lambda part: CrfNerModel.train(part, strategy=strategy, parameters=parameters),
    )


class Layered:
    """Layering (Alex, Haddow & Grover 2007): a flat CRF over all labels for the outermost
    spans and another for the spans nested inside them; kept here for comparison only."""

    def __init__(self, sentences: list[Sentence], parameters: TrainingParameters) -> None:
        inner = [
            replace(s, spans=tuple(x for x in s.spans if x not in outermost(s.spans, LABELS)))
            for s in sentences
        ]
        self.outer = CrfNerModel.train(sentences, strategy="flat", parameters=parameters)
        self.inner = CrfNerModel.train(inner, strategy="flat", parameters=parameters)

    def predict(self, words):
        return resolve_conflicts(self.outer.predict(words) + self.inner.predict(words))


def _shipped_parameters() -> TrainingParameters:
    sys.path.insert(0, str(ROOT / "build_scripts"))
    from train_model import PARAMETERS

    return PARAMETERS


def print_cross_validation(sentences, folds: int, strategies: list[str]) -> dict[str, list]:
    """Prints a threshold table per strategy; returns each strategy's held-out predictions."""
    found = {}
    for strategy in strategies:
        started = time.perf_counter()
        predictions = found[strategy] = cross_validation(sentences, folds, strategy)
        seconds = time.perf_counter() - started
        print(
            f"\n{folds}-fold cross-validation on train.txt, strategy {strategy} ({seconds:.0f} s)"
        )
        print(f"  {'min conf':<9}" + "".join(f"{label:>16}" for label in (*LABELS, "overall")))
        for threshold in (0.0, 0.3, 0.5, 0.7, 0.9):
            tally = score_predictions(sentences, predictions, threshold)
            cells = "".join(
                "   P {:.2f} R {:.2f}".format(*tally.row(label)[3:5]) for label in (*LABELS, None)
            )
            print(f"  {threshold:<9}{cells}")
    return found


def training_time(train: list[Sentence], extra: list[Sentence], copies: int, weight: int):
    """Seconds to train the shipped configuration on the sample plus `copies` copies of
    `extra`, each given `weight`."""
    project = [Sentence(s.words, s.spans, weight) for _ in range(copies) for s in extra]
    started = time.perf_counter()
    CrfNerModel.train(train + project, parameters=_shipped_parameters())
    return time.perf_counter() - started, len(project)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="val.txt tables only")
    args = parser.parse_args()
    train = read_nested_conll(DATA / "train.txt")
    val = read_nested_conll(DATA / "val.txt")
    suggester = BuiltinNerSuggester()
    val_texts = gold_texts(val)
    print(f"CRF candidates at confidence >= {suggester.min_confidence} (the suggester's default)")
    print_systems(
        "val.txt", val_texts, [suggester.suggest(text, words) for text, words, _ in val_texts]
    )
    if args.quick:
        return 0
    predictions = print_cross_validation(train, args.folds, ["per-type", "flat", "layered"])
    train_texts = gold_texts(train)
    held_out = held_out_candidates(
        train, train_texts, predictions["per-type"], suggester.min_confidence
    )
    print_systems(f"train.txt {args.folds}-fold cross-validation", train_texts, held_out)
    for copies, weight in ((1, 3), (10, 2)):
        seconds, count = training_time(train, val, copies, weight)
        print(
            f"\ntraining on train.txt + {count} project sentences (val.txt x{copies}, "
            f"weight {weight}): {seconds:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
