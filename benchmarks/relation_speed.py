"""Relation arcs on a long document (issue: relations).

The window benchmark's 6,000-word document with 1,000 entities, plus 200 relations among
its gold entities (many across lines). Prints repaint times while scrolling (median, p95,
against the same document without arcs, measured in the same run), the repaint right after a
relation was added, and the whole keyboard add (Enter, type key: command + commit + layout +
the panels' and the article's paint).
Target: repaint p95 < 16 ms while scrolling and after adding a relation.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/relation_speed.py
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

from benchmarks.figures import p95  # noqa: E402
from benchmarks.window_speed import build_document  # noqa: E402


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.gui.app import application, open_window
    from annotator.model import default_schema
    from annotator.store import Project

    app = application()
    rng = random.Random(5)
    text, spans = build_document(rng)
    project = Project.create(Path(tempfile.mkdtemp()) / "relations-bench.sqlite")
    document = project.add_document("long.txt", text)
    schema = default_schema()
    entities = []
    for start, end, label in spans:
        status = "accepted" if rng.random() < 0.6 else "candidate"
        entities.append(project.add_entity(document.id, start, end, label, status=status))
    gold = [e for e in entities if e.status == "accepted"]
    added = 0
    while added < 200:
        head = rng.choice(gold)
        near = [e for e in gold if e.id != head.id and abs(e.start - head.start) < 600]
        if not near:
            continue
        tail = rng.choice(near)
        types = schema.types_allowed_between(head.label, tail.label)
        if not types:
            continue
        try:
            project.add_relation(head.id, tail.id, types[0].name)
            added += 1
        except Exception:  # noqa: BLE001 - the same pair twice: pick another
            continue
    print(f"document: {len(text.split())} words, {len(entities)} entities, {added} relations")

    window = open_window(project)
    window.owns_project = False
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    window.view.setFocus()
    app.processEvents()
    view = window.view

    def scroll_repaints() -> list[float]:
        bar = view.verticalScrollBar()
        times = []
        step = max(1, bar.maximum() // 100)
        for position in range(0, bar.maximum(), step):
            bar.setValue(position)
            started = time.perf_counter()
            view.viewport().repaint()
            times.append((time.perf_counter() - started) * 1000)
        return times

    with_arcs = scroll_repaints()
    view.show_arcs = False
    view.refresh_entities()
    without_arcs = scroll_repaints()
    view.show_arcs = True
    view.refresh_entities()

    adds, repaints_after_add = [], []
    view.verticalScrollBar().setValue(0)
    for _ in range(120):
        view.next_entity(1, None)
        entity = view.focused_entity()
        QTest.keyClick(view, Qt.Key.Key_R)
        if view.link is None:
            continue
        started = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_Return)
        if view.link is None or not view.link.types:
            QTest.keyClick(view, Qt.Key.Key_Escape)
            continue
        before = len(window.session.relations)
        QTest.keyClick(view, Qt.Key.Key_1)
        app.processEvents()
        if len(window.session.relations) > before:
            adds.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            view.viewport().repaint()
            repaints_after_add.append((time.perf_counter() - started) * 1000)
        del entity

    print(f"{'':34}{'median ms':>10}{'p95 ms':>9}{'target':>11}")
    print(
        f"{'scroll repaint with arcs':34}{statistics.median(with_arcs):>10.1f}"
        f"{p95(with_arcs):>9.1f}{'< 16 p95':>11}"
    )
    print(
        f"{'baseline: same, arcs hidden':34}{statistics.median(without_arcs):>10.1f}"
        f"{p95(without_arcs):>9.1f}"
    )
    if adds:
        print(
            f"{'repaint after adding a relation':34}"
            f"{statistics.median(repaints_after_add):>10.1f}"
            f"{p95(repaints_after_add):>9.1f}{'< 16 p95':>11}  ({len(adds)} added)"
        )
        print(
            f"{'adding one: Enter, type key, paint':34}{statistics.median(adds):>10.1f}"
            f"{p95(adds):>9.1f}"
        )
    project.close()


if __name__ == "__main__":
    main()
