"""Guard against a PySide6 that drops a reference to None on void calls.

PySide6-Essentials 6.12.0 on Python 3.11 does (QWidget.update, QTextLine.draw, setPosition):
each call takes one reference from None until the interpreter aborts with
"none_dealloc", which a linguist working for hours would hit. pyproject.toml excludes it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QImage, QPainter, QTextLayout
from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_none_alive(qapp):
    layout = QTextLayout("نص عربي", QFont())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(300)
    layout.endLayout()
    image = QImage(50, 50, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(200):
        line.setPosition(QPointF(0, 0))
        line.draw(painter, QPointF(0, 0))
        widget.update()
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 5, f"None lost {before - after} references in 600 Qt calls"
