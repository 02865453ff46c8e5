"""The Arabic font that ships inside the package (Amiri, SIL OFL): never a system font."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from annotator.paths import RESOURCES_DIR

FONT_FILES = ("Amiri-Regular.ttf", "Amiri-Bold.ttf")


@lru_cache(maxsize=1)
def article_font_family() -> str:
    """Register the bundled font (needs a QGuiApplication) and return its family."""
    family = ""
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(RESOURCES_DIR / "fonts" / name))
        if font_id < 0:
            raise RuntimeError(f"the bundled font {name} could not be loaded")
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def article_font(point_size: float) -> QFont:
    font = QFont(article_font_family())
    font.setPointSizeF(point_size)
    return font


def ui_font(point_size: float = 10) -> QFont:
    """Labels, lists and tags use the bundled font too, so nothing depends on the system."""
    return article_font(point_size)
