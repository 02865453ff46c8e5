"""Which language and digits the window uses, and installing them in Qt.

The language: `annotator gui --lang ar|en` wins, then the choice made in the window (kept
in the settings), then the system locale (Arabic if the system speaks Arabic, else
English). The digits of the Arabic interface: the choice made in the window, else the
system locale's own digits when it is an Arabic locale (ar_EG: ٠١٢٣, ar_MA: 0123), else
Arabic-Indic. The English interface writes Western digits.

Installing puts the compiled catalogue (annotator/resources/i18n/annotator_<lang>.qm,
built from the .ts by `make setup` and the package build) and Qt's own (its buttons and
standard dialogs) into the application, sets the layout direction (the whole window is
mirrored in Arabic) and makes the digits Qt's default locale (`gui.numbers`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.paths import RESOURCES_DIR

CATALOGUES = RESOURCES_DIR / "i18n"
LANGUAGE_SETTING = "interface/language"
DIGITS_SETTING = "interface/digits"


class Language(StrEnum):
    """The window's languages, by ISO 639 code (the schema's display names use it too)."""

    ARABIC = "ar"
    ENGLISH = "en"


class Digits(StrEnum):
    """How the Arabic interface writes numbers."""

    ARABIC_INDIC = "arabic-indic"  # ٠١٢٣٤٥٦٧٨٩
    WESTERN = "western"  # 0123456789


@dataclass(frozen=True)
class Interface:
    """The language of the window's texts and the digits of its numbers."""

    language: Language
    digits: Digits

    @property
    def right_to_left(self) -> bool:
        """The window is mirrored (Arabic)."""
        return self.language == Language.ARABIC

    def number_locale(self) -> QLocale:
        """The locale numbers are written in: Egyptian Arabic's digits are Arabic-Indic,
        Modern Standard Arabic's (ar_001) Western; English for the English interface."""
        if self.language == Language.ARABIC:
            country = (
                QLocale.Country.Egypt
                if self.digits == Digits.ARABIC_INDIC
                else QLocale.Country.World
            )
            locale = QLocale(QLocale.Language.Arabic, country)
        else:
            locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        return locale


def system_language(system: QLocale | None = None) -> Language:
    """Arabic when the system locale is an Arabic one, else English."""
    system = system or QLocale.system()
    return Language.ARABIC if system.language() == QLocale.Language.Arabic else Language.ENGLISH


def system_digits(system: QLocale | None = None) -> Digits:
    """The system's own digits when it is an Arabic locale; Arabic-Indic otherwise."""
    system = system or QLocale.system()
    if system.language() == QLocale.Language.Arabic and system.zeroDigit() == "0":
        return Digits.WESTERN
    return Digits.ARABIC_INDIC


def chosen_interface(
    settings: QSettings | None, command_line: str | None = None, system: QLocale | None = None
) -> Interface:
    """The interface to use: --lang, then the settings, then the system locale."""
    stored = settings.value(LANGUAGE_SETTING) if settings is not None else None
    language = command_line or stored
    languages = {member.value for member in Language}
    language = Language(language) if language in languages else system_language(system)
    digits = settings.value(DIGITS_SETTING) if settings is not None else None
    digits = Digits(digits) if digits in {member.value for member in Digits} else None
    return Interface(language, digits or system_digits(system))


def remember(settings: QSettings, interface: Interface) -> None:
    """Keep the window's choice for the next start."""
    settings.setValue(LANGUAGE_SETTING, interface.language.value)
    settings.setValue(DIGITS_SETTING, interface.digits.value)


class _Installed:
    """What is installed in the application now (one interface per process)."""

    interface = Interface(Language.ENGLISH, Digits.WESTERN)
    folder = CATALOGUES  # where the catalogues were last installed from
    translators: list[QTranslator] = []
    reported: set[str] = set()


def current() -> Interface:
    """The interface installed now (English until `install` is called)."""
    return _Installed.interface


def display_language() -> str:
    """The language code the schema's display names are looked up in ("ar", "en")."""
    return _Installed.interface.language.value


def catalogue_path(language: Language, folder: Path = CATALOGUES) -> Path:
    """Where the compiled catalogue of `language` is (annotator_ar.qm)."""
    return folder / f"annotator_{language.value}.qm"


def install(
    app: QCoreApplication, interface: Interface, folder: Path | None = None
) -> tuple[Interface, str | None]:
    """Install `interface` in `app`: the catalogue from `folder` (default: where the last
    one came from, at first the package's resources; the English catalogue holds the
    plural forms of the English texts), Qt's own catalogue for Arabic, the layout
    direction and the digits. Returns the interface installed and, when a catalogue is
    missing, a message saying so (printed once to stderr): without the Arabic catalogue
    the window stays English and left to right."""
    folder = _Installed.folder if folder is None else folder
    _Installed.folder = folder
    for translator in _Installed.translators:
        app.removeTranslator(translator)
    _Installed.translators = []
    problem = None
    ours = QTranslator()
    path = catalogue_path(interface.language, folder)
    if ours.load(str(path)):
        app.installTranslator(ours)
        _Installed.translators.append(ours)
    else:
        problem = f"the {interface.language.value} translation is missing ({path}): "
        if interface.language == Language.ARABIC:
            problem += "the window stays in English (make setup builds it)"
            interface = Interface(Language.ENGLISH, Digits.WESTERN)
        else:
            problem += "counts read in the plural (make setup builds it)"
    if interface.language == Language.ARABIC:
        qt_own = QTranslator()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{interface.language.value}", qt_folder):
            app.installTranslator(qt_own)
            _Installed.translators.append(qt_own)
    QLocale.setDefault(interface.number_locale())
    if isinstance(app, QApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if interface.right_to_left
            else Qt.LayoutDirection.LeftToRight
        )
    _Installed.interface = interface
    if problem is not None and problem not in _Installed.reported:
        _Installed.reported.add(problem)
        print(f"annotator: {problem}", file=sys.stderr, flush=True)
    return interface, problem
