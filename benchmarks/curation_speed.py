"""Curation from the keyboard (issue: curation), in the real window.

1. Keys per disagreement: a generated document with 20 disagreements of each kind (same
   span with another label; overlapping different spans; a span only some annotators
   have; relations of another type; relations only some have) between three annotators.
   The replay presses N to reach each disagreement and the annotator's number to take a
   version, counts every key, and checks the gold that results. Target: at most 2 keys
   per disagreement taken from one annotator, navigation included.
2. Latency of a decision (the key, the commit, the events and the repaint) on a 6,000-word
   document with three layers of 1,000 entities each, median and p95 over 100 decisions,
   against accepting a candidate in the same document outside curation, measured in the
   same run. Target: the same frame budget as accepting a candidate (p95 < 16 ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/curation_speed.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.corpus import NAMES, WORDS  # noqa: E402
from benchmarks.figures import p95  # noqa: E402
from benchmarks.window_speed import build_document  # noqa: E402

ANNOTATORS = ("amal", "badr", "huda")
KINDS = ("label", "boundary", "missing", "relation type", "relation missing")


def team_project(path: Path, text: str, layers: dict):
    """A team project with one document and three finished layers."""
    from annotator.model import DocumentStatus
    from annotator.model.drafts import DocumentDraft, EntityDraft, RelationDraft
    from annotator.store import Project
    from annotator.store.layers import replace_layer

    project = Project.create(path, annotator="lead")
    document = project.add_document("bench.txt", text)
    for name, (entities, relations) in layers.items():
        draft = DocumentDraft(
            "bench.txt",
            text,
            DocumentStatus.DONE,
            entities=[EntityDraft(span, *span, source="human") for span in entities],
            relations=[RelationDraft(i, h, t, kind) for i, (h, t, kind) in enumerate(relations)],
        )
        replace_layer(project, document.id, name, draft)
    project.set_setting("team", '{"annotators": ["amal", "badr", "huda"]}')
    return project


def designed_document(rng: random.Random):
    """Text and three layers with 20 disagreements of each kind of KINDS."""
    parts: list[str] = []
    offset = 0

    def add(word: str) -> tuple[int, int]:
        nonlocal offset
        start = offset
        parts.append(word)
        offset += len(word) + 1
        return (start, start + len(word))

    people = [n for n, label in NAMES if label == "PERS"]
    places = [n for n, label in NAMES if label == "LOC"]
    layers = {name: (set(), set()) for name in ANNOTATORS}
    for kind in KINDS:
        for _ in range(20):
            for _ in range(rng.randint(3, 8)):
                add(rng.choice(WORDS))
            title = add("الرئيس")
            start, end = add(rng.choice(people))
            person = (start, end, "PERS")
            if kind == "label":
                for who, label in zip(ANNOTATORS, ("PERS", "PERS", "ORG"), strict=True):
                    layers[who][0].add((start, end, label))
            elif kind == "boundary":
                for who, span in zip(ANNOTATORS, ((title[0], end, "PERS"), person, person),
                                     strict=True):  # fmt: skip
                    layers[who][0].add(span)
            elif kind == "missing":
                for who in ANNOTATORS[:2]:
                    layers[who][0].add(person)
            elif kind == "relation type":  # a person and a place all three have
                place = (*add(rng.choice(places)), "LOC")
                for who, type_name in zip(
                    ANNOTATORS, ("located_in", "located_in", "affiliated_with"), strict=True
                ):
                    layers[who][0].update({person, place})
                    layers[who][1].add((person, place, type_name))
            else:  # two people all three have; only amal says they met
                other = (*add(rng.choice(people)), "PERS")
                for who in ANNOTATORS:
                    layers[who][0].update({person, other})
                layers["amal"][1].add((person, other, "meets"))
    return " ".join(parts), {n: (sorted(e), sorted(r)) for n, (e, r) in layers.items()}


def keys_per_disagreement(app, workdir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.gui.app import open_window

    rng = random.Random(3)
    text, layers = designed_document(rng)
    project = team_project(workdir / "keys.sqlite", text, layers)
    window = open_window(project)
    window.resize(1280, 800)
    window.show()
    window.curation.set_active(True)
    app.processEvents()
    state = window.curation.state
    total = len(state.disagreements)
    by_kind = {}
    for d in state.disagreements:
        by_kind[d.kind] = by_kind.get(d.kind, 0) + 1
    keys = 0
    rng = random.Random(4)
    taken = {}
    for index in range(total):
        if window.curation.index != index:
            QTest.keyClick(window.view, Qt.Key.Key_N)
            keys += 1
        disagreement = window.curation.state.disagreements[index]
        # an annotator whose version is not empty, so a version is really taken
        holders = [n for n, items in disagreement.versions if items] or list(ANNOTATORS)
        who = rng.choice(holders)
        QTest.keyClick(window.view, getattr(Qt.Key, f"Key_{ANNOTATORS.index(who) + 1}"))
        keys += 1
        taken[disagreement.key] = who
        app.processEvents()
    state = window.curation.state
    settled = sum(
        1
        for d in state.disagreements
        if state.settled.get(d.key) and state.settled[d.key].annotator == taken[d.key]
    )
    print(f"disagreements: {total} ({', '.join(f'{n} {k}' for k, n in sorted(by_kind.items()))})")
    print(f"settled from the chosen annotator: {settled} of {total}")
    print(f"keys pressed: {keys}, per disagreement: {keys / total:.2f} (target <= 2)")
    window.owns_project = True
    window.close()


def decision_latency(app, workdir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.gui.app import open_window

    rng = random.Random(5)
    text, spans = build_document(rng)
    base = set(spans)
    layers = {}
    for number, name in enumerate(ANNOTATORS):
        own = random.Random(10 + number)
        entities = set()
        for start, end, label in base:
            roll = own.random()
            if roll < 0.06:
                label = "LOC" if label != "LOC" else "ORG"
            elif roll < 0.09:
                continue
            entities.add((start, end, label))
        layers[name] = (sorted(entities), [])
    print(f"document: {len(text.split())} words; layers: "
          + ", ".join(f"{n} {len(layers[n][0])}" for n in ANNOTATORS))  # fmt: skip

    # the baseline: accepting candidates in the same document, outside curation
    from annotator.store import Project

    solo = Project.create(workdir / "solo.sqlite", annotator="bench")
    document = solo.add_document("bench.txt", text)
    from annotator.store.suggestions import store_candidates
    from annotator.suggest.base import Candidate

    store_candidates(solo, document.id, "bench", "1",
                     [Candidate(s, e, label, "bench") for s, e, label in spans])  # fmt: skip
    window = open_window(solo)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    window.view.setFocus()
    app.processEvents()
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    accepts = []
    for _ in range(100):
        started = time.perf_counter()
        QTest.keyClick(window.view, Qt.Key.Key_Return)
        app.processEvents()
        accepts.append((time.perf_counter() - started) * 1000)
    window.wait_for_suggestions()
    window.owns_project = True
    window.close()

    project = team_project(workdir / "team.sqlite", text, layers)
    window = open_window(project)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    started = time.perf_counter()
    window.curation.set_active(True)
    app.processEvents()
    opening = (time.perf_counter() - started) * 1000
    window.view.setFocus()
    app.processEvents()
    state = window.curation.state
    decisions, moves = [], []
    for step in range(min(100, len(state.disagreements))):
        if step:
            started = time.perf_counter()
            QTest.keyClick(window.view, Qt.Key.Key_N)
            app.processEvents()
            moves.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        QTest.keyClick(window.view, Qt.Key.Key_2)
        app.processEvents()
        decisions.append((time.perf_counter() - started) * 1000)
    state = window.curation.state
    print(f"disagreements: {len(state.disagreements)}; settled after the run: "
          f"{state.settled_count} (stored)")  # fmt: skip
    print(f"{'':44}{'median ms':>10}{'p95 ms':>9}")
    print(f"{'open curation (pre-merge, tracks, panel)':44}{opening:>10.1f}")
    for title, values in (
        ("decision: take a version (key+commit+paint)", decisions),
        ("N: next disagreement (scroll+outline)", moves),
        ("baseline: accept a candidate, same document", accepts),
    ):
        print(f"{title:44}{statistics.median(values):>10.1f}{p95(values):>9.1f}")
    print(f"decision p95 / accept p95: {p95(decisions) / p95(accepts):.2f}")
    window.owns_project = True
    window.close()


def main() -> None:
    from annotator.gui.app import application

    app = application()
    workdir = Path(tempfile.mkdtemp())
    keys_per_disagreement(app, workdir)
    decision_latency(app, workdir)


if __name__ == "__main__":
    main()
