"""Keys per gold entity: a linguist's keystrokes, replayed through the real window, that turn
pre-annotated documents into their gold (issue: Arabic NER out of the box).

Documents: Wojood's val.txt imported with the CoNLL format (8 sentences a document, GPE
and FAC as LOC, the other types dropped: options {"map": ..., "drop": ...}). The second
half of the documents is annotated twice:
  - before: cold start, candidates from the default suggesters with no project gold;
  - after: the first half accepted and marked done, the project learner trained on it,
    then the default suggesters' candidates.
Each document is opened in the MainWindow (`annotator.gui.app.open_window`, offscreen) and
worked through with QTest key clicks on the article, in reading order, by a planner that
takes the cheapest keys for each entity as a linguist would:
  - a candidate that is gold: Enter (accept, on to the next candidate);
  - a gold span with another label: its label's digit, then Enter;
  - a candidate of the right label with the wrong extent: Ctrl+Alt+arrows (by a word,
    +Shift to shrink) and Shift / Ctrl+Shift+arrows (by a character), then Enter, when
    that is cheaper than rejecting it and selecting the name anew;
  - any other candidate: Delete (reject, on to the next);
  - a gold entity no candidate gives: keyboard selection (Alt+Left / Alt+Right to the
    word, Alt+Shift+Left to extend, C to leave proclitics out) and the label's digit;
  - Tab when the focus is not on the candidate to decide.
After each document the accepted entities must equal the gold exactly (checked); project
memory's refresh after each edit and the background learner are off during the replay,
so the count is deterministic. Prints keys per gold entity before and after.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/keys_per_entity.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from annotator.app import evaluating  # noqa: E402
from annotator.app.learning import learn  # noqa: E402
from annotator.app.suggesting import DEFAULT_SUGGESTERS  # noqa: E402
from annotator.model import Status, default_schema  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.store.bulk import insert_drafts  # noqa: E402
from annotator.suggest.runner import build_suggesters, run_suggesters  # noqa: E402
from benchmarks.ner_targets import OPTIONS  # noqa: E402

K = Qt.Key
M = Qt.KeyboardModifier
ALT, SHIFT, CTRL = M.AltModifier, M.ShiftModifier, M.ControlModifier
MOVES = {  # (start step, end step) of resize_focused_by_word -> its keys
    (-1, 0): (K.Key_Right, CTRL | ALT),
    (0, 1): (K.Key_Left, CTRL | ALT),
    (1, 0): (K.Key_Right, CTRL | ALT | SHIFT),
    (0, -1): (K.Key_Left, CTRL | ALT | SHIFT),
}
CHAR_MOVES = {  # (start delta, end delta) of resize_focused -> its keys
    (-1, 0): (K.Key_Right, SHIFT),
    (0, 1): (K.Key_Left, SHIFT),
    (1, 0): (K.Key_Right, CTRL | SHIFT),
    (0, -1): (K.Key_Left, CTRL | SHIFT),
}


@dataclass
class Tally:
    keys: Counter = field(default_factory=Counter)
    gold: int = 0
    unreached: int = 0  # gold the planner could not make by keys (fixed without counting)

    @property
    def total(self) -> int:
        return sum(self.keys.values())


class Replay:
    """Works one open document to its gold with real key clicks on the article."""

    def __init__(self, window, gold: set[tuple[int, int, str]], tally: Tally) -> None:
        self.window, self.view, self.gold, self.tally = window, window.view, gold, tally
        self.hotkeys = {label.name: label.hotkey for label in window.project.schema.labels}

    # --- keys ------------------------------------------------------------------------
    def press(self, name: str, key, modifiers=M.NoModifier) -> None:
        if os.environ.get("KEYS_DEBUG"):
            f = self.view.focused_entity()
            print(name, key, f and (f.start, f.end, f.label, f.status), self.view.selection)
        QTest.keyClick(self.view, key, modifiers)
        self.tally.keys[name] += 1

    def digit(self, label: str) -> None:
        self.press("digit", getattr(K, f"Key_{self.hotkeys[label]}"))

    # --- state -----------------------------------------------------------------------
    def entities(self, status):
        return [e for e in self.view.session.reading_order() if e.status == status]

    def accepted(self) -> set[tuple[int, int, str]]:
        return {(e.start, e.end, e.label) for e in self.entities(Status.ACCEPTED)}

    def missing(self) -> list[tuple[int, int, str]]:
        return sorted(self.gold - self.accepted())

    # --- the plan --------------------------------------------------------------------
    def run(self) -> None:
        for _ in range(10 * (len(self.gold) + 50)):
            candidates = [e for e in self.entities(Status.CANDIDATE) if self.view.is_visible(e)]
            missing = [g for g in self.missing() if not self._fixable(g, candidates)]
            first_candidate = candidates[0] if candidates else None
            first_missing = missing[0] if missing else None
            if first_candidate is None and first_missing is None:
                return
            if first_missing is not None and (
                first_candidate is None
                or (first_missing[0], first_missing[1])
                < (first_candidate.start, first_candidate.end)
            ):
                self.create(first_missing)
            else:
                self.decide(first_candidate)
        raise RuntimeError("the replay does not converge")

    def _fixable(self, gold, candidates) -> bool:
        """A candidate will become this gold entity (exact span, relabel or resize)."""
        return any(self._target(c) == gold for c in candidates)

    def _target(self, candidate):
        """The gold entity a candidate should become, or None (reject it)."""
        span = (candidate.start, candidate.end)
        accepted = self.accepted()
        open_gold = [g for g in self.gold if g not in accepted]
        if (*span, candidate.label) in open_gold:
            return (*span, candidate.label)
        exact = [g for g in open_gold if g[:2] == span]
        if exact:
            return exact[0]
        overlapping = [
            g
            for g in open_gold
            if g[2] == candidate.label and g[0] < candidate.end and candidate.start < g[1]
        ]
        taken = {(c.start, c.end, c.label) for c in self.entities(Status.CANDIDATE)}
        for g in overlapping:
            if g not in taken and self._resize_keys(candidate, g) is not None:
                return g
        return None

    def focus(self, candidate) -> None:
        for _ in range(200):
            focused = self.view.focused_entity()
            if focused is not None and focused.id == candidate.id:
                return
            self.press("Tab", K.Key_Tab)
        raise RuntimeError("Tab never reached the candidate")

    def decide(self, candidate) -> None:
        target = self._target(candidate)
        self.focus(candidate)
        if target is None:
            self.press("Delete", K.Key_Delete)
            return
        if target[2] != candidate.label:
            self.digit(target[2])
        if target[:2] != (candidate.start, candidate.end):
            for name, (key, modifiers) in self._resize_keys(candidate, target):
                self.press(name, key, modifiers)
            focused = self.view.focused_entity()
            if focused is None or (focused.start, focused.end) != target[:2]:
                self.press("Delete", K.Key_Delete)  # the planner was wrong: reject it
                return
        self.press("Enter", K.Key_Return)

    def _resize_keys(self, candidate, target):
        """Word moves then character moves from the candidate's span to the target's;
        None when that costs more than rejecting and selecting anew."""
        start, end = candidate.start, candidate.end
        taken = {(e.start, e.end, e.label) for e in self.view.session.entities.values()}
        keys = []
        for _ in range(40):
            if (start, end) != (candidate.start, candidate.end) and (
                (start, end, candidate.label) in taken
            ):
                return None  # the store refuses a second entity of a span and label
            if (start, end) == target[:2]:
                break
            step = None
            if start > target[0]:
                step = (-1, 0)
            elif start < target[0]:
                step = (1, 0)
            elif end < target[1]:
                step = (0, 1)
            elif end > target[1]:
                step = (0, -1)
            moved = self.view.word_boundary_moves(start, end, *step)
            overshoot = (
                (step[0] < 0 and moved[0] < target[0])
                or (step[0] > 0 and moved[0] > target[0])
                or (step[1] > 0 and moved[1] > target[1])
                or (step[1] < 0 and moved[1] < target[1])
            )
            if moved != (start, end) and moved[0] < moved[1] and not overshoot:
                keys.append(("word resize", MOVES[step]))
                start, end = moved
                continue
            keys.append(("character resize", CHAR_MOVES[step]))
            start, end = start + step[0], end + step[1]
        if (start, end) != target[:2]:
            return None
        create = self._selection_keys(target, anchor_entity=candidate)
        if create is not None and len(create) + 1 < len(keys):
            return None
        return keys

    def create(self, gold) -> None:
        keys = self._selection_keys(gold)
        # or first Up (the previous entity, whatever its status) and select forward from it
        before = [e for e in self.view.session.reading_order() if self.view.is_visible(e)]
        focused = self.view.focused_entity()
        if focused is not None and focused in before:
            position = before.index(focused)
            for ups in range(1, 4):
                if position - ups < 0:
                    break
                previous = before[position - ups]
                other = self._selection_keys(gold, anchor_entity=previous)
                if other is not None and (keys is None or ups + len(other) < len(keys)):
                    keys = [("Up (previous entity)", (K.Key_Up, M.NoModifier))] * ups + other
        if keys is None:
            self.tally.unreached += 1
            self._fix_without_keys(gold)
            return
        for name, (key, modifiers) in keys:
            self.press(name, key, modifiers)
        if self.view.selection != gold[:2]:
            self.tally.unreached += 1
            self._fix_without_keys(gold)
            return
        self.digit(gold[2])

    def _selection_keys(self, gold, anchor_entity=None):
        """Alt+arrows to the gold's first word from where the keys are now, Alt+Shift+Left
        to its last, C for its proclitics; None if the words do not give its span."""
        words = self.view.word_selection
        selection = self.view.selection
        entity = anchor_entity or self.view.focused_entity()
        if selection is None and entity is None:
            anchor_next, anchor_previous = 0, len(self.view.session.document.text)
        elif selection is not None:
            anchor_next, anchor_previous = selection[1], selection[0]
        else:
            anchor_next, anchor_previous = entity.end, entity.start
        first = next((w for w in words.words if w.start <= gold[0] < w.end), None)
        if first is None:
            return None
        keys = []
        forward = first.start >= anchor_next
        anchor = anchor_next if forward else anchor_previous
        span = None
        for _ in range(500):
            span = words.step(anchor, 1 if forward else -1)
            if span is None:
                return None
            keys.append(
                ("Alt+arrow (select a word)", (K.Key_Left if forward else K.Key_Right, ALT))
            )
            if span[0] == first.start:
                break
            anchor = span[1] if forward else span[0]
        for _ in range(30):
            if span[1] >= gold[1]:
                break
            grown = words.extended(*span, 1)
            if grown is None:
                return None
            keys.append(("Alt+Shift+Left (extend)", (K.Key_Left, ALT | SHIFT)))
            span = grown
        if span[1] != gold[1]:
            return None
        for _ in range(4):
            if span[0] == gold[0]:
                break
            stripped = words.without_proclitic(*span)
            if stripped is None:
                return None
            keys.append(("C (proclitic)", (K.Key_C, M.NoModifier)))
            span = stripped
        return keys if span == gold[:2] else None

    def _fix_without_keys(self, gold) -> None:
        from annotator.app import operations

        document_id = self.view.session.document.id
        self.view.session.perform(operations.AddEntity(document_id, gold[0], gold[1], gold[2]))
        self.view.selection = None


def prepare(project: Project, drafts, annotated: int) -> list[int]:
    """The documents in the project; the first `annotated` with their gold, done."""
    import copy

    from annotator.model import DocumentStatus

    prepared = []
    for index, draft in enumerate(drafts):
        draft = copy.deepcopy(draft)
        draft.relations = []
        if index >= annotated:
            draft.entities = []
        draft.status = DocumentStatus.DONE if index < annotated else DocumentStatus.NEW
        prepared.append(draft)
    ids = [o.document_id for o in insert_drafts(project, prepared, origin="benchmark")]
    for document_id in ids[:annotated]:
        project.set_document_status(document_id, DocumentStatus.DONE)
    return ids


def measure(drafts, annotated: int, test: range, folder: Path, qt_app) -> Tally:
    from annotator.gui.app import open_window

    path = folder / f"keys-{annotated}.sqlite"
    project = Project.create(path, default_schema(), annotator="linguist")
    ids = prepare(project, drafts, annotated)
    if annotated:
        print(f"  {learn(project).summary()}")
    run_suggesters(project, build_suggesters(project, DEFAULT_SUGGESTERS), [ids[i] for i in test])
    window = open_window(project)
    window.suggestions.learner_enabled = False
    window.suggestions.memory_timer.setInterval(10**9)  # no refresh mid-replay
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    tally = Tally()
    for index in test:
        window.open_document(ids[index])
        window.view.setFocus()
        qt_app.processEvents()
        gold = evaluating.gold_spans(drafts[index], project.schema.label_names)
        tally.gold += len(gold)
        replay = Replay(window, gold, tally)
        replay.run()
        if replay.accepted() != gold:
            text = drafts[index].text
            wrong = [
                (s, e, lab, text[s:e], (s, e, lab) in gold)
                for s, e, lab in replay.accepted() ^ gold
            ]
            raise RuntimeError(f"document {index}: accepted and gold differ: {wrong}")
    window.close()
    project.close()
    return tally


def report(title: str, tally: Tally) -> None:
    print(
        f"{title}: {tally.total} keys for {tally.gold} gold entities = "
        f"{tally.total / tally.gold:.2f} keys per entity"
        + (f" ({tally.unreached} made without keys)" if tally.unreached else "")
    )
    for name, count in tally.keys.most_common():
        print(f"    {name:<28}{count:>6}")


def main() -> int:
    from annotator.gui.app import application

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "resources" / "wojood" / "val.txt")
    args = parser.parse_args()
    qt_app = application()
    drafts, _ = evaluating.read_gold(args.data, default_schema(), "conll", OPTIONS)
    half = len(drafts) // 2
    test = range(half, len(drafts))
    print(f"{len(drafts)} documents from {args.data.name}; keys counted on the last {len(test)}")
    with tempfile.TemporaryDirectory(prefix="annotator-keys-") as folder:
        started = time.perf_counter()
        before = measure(drafts, 0, test, Path(folder), qt_app)
        report("before (cold start, no project gold)", before)
        after = measure(drafts, half, test, Path(folder), qt_app)
        report(f"after (the learner has seen the first {half} documents)", after)
        print(f"({time.perf_counter() - started:.0f} s; target after: <= 2.0 keys per entity)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
