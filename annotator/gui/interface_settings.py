"""View > Interface language and digits…: the window's language (Arabic, mirrored right to
left, or English) and the digits of the Arabic interface (Arabic-Indic or Western).

The choice is kept in the settings for the next start and applies at once: the
translations are installed again and the window is built again on the same project, with
the same document, undo history, zoom and size (`MainWindow.rebuild`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from annotator.gui.i18n import Texts
from annotator.gui.language import Digits, Interface, Language, current, install, remember

#: each language is named in itself, so a person who cannot read the other one finds theirs
LANGUAGE_NAMES = {Language.ARABIC: "العربية", Language.ENGLISH: "English"}


class InterfaceText(Texts):
    """The interface settings dialog's texts."""


class InterfaceDialog(QDialog):
    """Asks for the language and the digits; `choice()` once accepted."""

    def __init__(self, parent: QWidget, now: Interface) -> None:
        super().__init__(parent)
        self.setWindowTitle(InterfaceText.tr("Interface language and digits"))
        self.language = QComboBox()
        for language, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, language)
        self.language.setCurrentIndex(self.language.findData(now.language))
        self.digits = QComboBox()
        self.digits.addItem(InterfaceText.tr("Arabic-Indic (٠١٢٣)"), Digits.ARABIC_INDIC)
        self.digits.addItem(InterfaceText.tr("Western (0123)"), Digits.WESTERN)
        self.digits.setCurrentIndex(self.digits.findData(now.digits))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(InterfaceText.tr("Language"), self.language)
        form.addRow(InterfaceText.tr("Digits in the Arabic interface"), self.digits)
        form.addRow(buttons)

    def choice(self) -> Interface:
        """The language and digits chosen."""
        return Interface(Language(self.language.currentData()), Digits(self.digits.currentData()))


class InterfaceSettings:
    """The window's part for the interface. window: the dialog's parent; settings: where
    the choice is kept (None in tests); rebuild(): builds the window again in the
    interface just installed; tell(message): the status bar."""

    def __init__(
        self,
        window: QWidget,
        settings: QSettings | None,
        rebuild: Callable[[], QWidget],
        tell: Callable[[str], None],
    ) -> None:
        self.window = window
        self.settings = settings
        self.rebuild = rebuild
        self.tell = tell
        self.dialog: InterfaceDialog | None = None

    def choose(self) -> None:
        """Show the dialog (it does not block); `apply` follows when it is accepted."""
        self.dialog = InterfaceDialog(self.window, current())
        self.dialog.accepted.connect(lambda: self.apply(self.dialog.choice()))
        self.dialog.open()

    def apply(self, interface: Interface) -> QWidget | None:
        """Keep `interface`, install it and build the window again in it; the new window
        (None when nothing changed)."""
        if self.settings is not None:
            remember(self.settings, interface)
        if interface == current():
            return None
        _, missing = install(QCoreApplication.instance(), interface)
        window = self.rebuild()
        if missing:
            window.tell(missing, 20_000)
        return window
