"""Numbers in the window's messages, written with the interface's digits.

The digits are a setting of the Arabic interface (Arabic-Indic ٠١٢٣ or Western 0123);
`gui.language` makes them Qt's default locale, which this module and the `%Ln` of
translated plurals both use, so a count reads the same wherever it appears.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def number(value: int) -> str:
    """A whole number (a count, an offset in code points) in the interface's digits."""
    return QLocale().toString(int(value))


def decimal(value: float, places: int = 3) -> str:
    """A decimal (an F1 score, a kappa) with `places` decimals, in the interface's digits
    and decimal separator."""
    return QLocale().toString(float(value), "f", places)
