"""The window's texts through Qt's translation system (pyside6-lupdate, pyside6-lrelease).

Every text is written in English in the code and looked up in the installed catalogue
when it is shown (`gui.language` installs the catalogue). pyside6-lupdate extracts two
forms, both checked against its Python parser:

- `SomeText.tr("…")`, where `SomeText` is a `Texts` subclass: the context is the class's
  name, both for lupdate (it takes the name before `.tr`) and at run time. Placeholders
  are named and filled after the lookup: `SomeText.tr("Open {path}").format(path=…)`.
  A count is a plural: `SomeText.tr("%Ln documents", "", count)`, with one form per
  plural category of the language (Arabic has six); `%Ln` writes the count with the
  digits of the interface (`gui.numbers`).
- `QT_TRANSLATE_NOOP("Context", "…")` marks a table entry (an action's title, a menu)
  that `translate(context, text)` looks up where it is shown.

`QCoreApplication.translate(context, "%n …", None, n)` is not used: lupdate 6.11 reads a
plain name in the fourth argument as Qt 4's encoding argument and loses the plural.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.gui.language import current

FSI, PDI, RLM = "\u2068", "\u2069", "\u200f"  # Unicode bidi: isolate a run; a RTL mark


class Texts:
    """Base of a translation context: subclass it with the context's name (unique in the
    package) and call `Name.tr(...)`."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """`text` translated in this class's context; `n` >= 0 picks the plural form and
        replaces %n / %Ln in it."""
        return QCoreApplication.translate(cls.__name__, text, disambiguation or None, n)


def translate(context: str, text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP(context, text), translated now."""
    return QCoreApplication.translate(context, text)


def isolate(text: object) -> str:
    """A name, path or other run of user text set apart from the sentence around it in a
    right-to-left interface, so a Latin file name keeps its order inside an Arabic
    sentence and does not decide the sentence's direction (UAX #9 isolates). The English
    interface shows it as it is."""
    return f"{FSI}{text}{PDI}" if current().right_to_left else str(text)
