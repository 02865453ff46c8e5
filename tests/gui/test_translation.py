"""The translation catalogues against the code: pyside6-lupdate run on the sources now
finds exactly the committed messages, every Arabic message is translated, placeholders
survive translation, and the compiled catalogue gives the window these translations."""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

import annotator.gui
from annotator.app import titles
from annotator.gui import i18n
from annotator.gui.edit_titles import SAYINGS, edit_title
from annotator.gui.language import (
    DIGITS_SETTING,
    LANGUAGE_SETTING,
    Digits,
    Interface,
    Language,
    chosen_interface,
    current,
    install,
)
from annotator.gui.numbers import decimal, number
from tests.gui.conftest import translations

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
COUNT = re.compile(r"%L?n")
ARABIC_FORMS = 6  # zero, one, two, few (3-10), many (11-99), other (100+)
# Arabic and English plural forms that may say the count in words (مستند واحد، مستندان)
COUNT_IN_WORDS = {"ar": {0, 1, 2}, "en": {0}}
# contexts marked with QT_TRANSLATE_NOOP in tables (the others are Texts subclasses)
TABLE_CONTEXTS = {
    "Actions",
    "Menus",
    "ModeKeys",
    "KeyHelp",
    "Terms",
    "Decisions",
    "LeftOut",
    "Policies",
}


def messages(ts_path):
    """{(context, source, comment): message element} of a .ts file."""
    root = ET.parse(ts_path).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            found[key] = message
    return found


def catalogue(language: str):
    return translations.CATALOGUES / f"annotator_{language}.ts"


def forms(message) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_lupdate_on_the_sources_finds_exactly_the_committed_messages(language, tmp_path):
    """A text added to the window and not to the catalogue, or a catalogue entry the
    code no longer has, fails here: run `make translations` and translate."""
    fresh = tmp_path / catalogue(language).name
    shutil.copy(catalogue(language), fresh)
    translations.update(fresh, language)
    committed, current_code = messages(catalogue(language)), messages(fresh)
    assert set(current_code) - set(committed) == set(), "new texts missing from the catalogue"
    assert set(committed) - set(current_code) == set(), "texts the code no longer has"
    for key, message in current_code.items():
        assert message.find("translation").get("type") is None, (key, "unfinished or obsolete")
        assert message.get("numerus") == committed[key].get("numerus"), key


def test_every_arabic_message_is_translated_with_six_plural_forms():
    found = messages(catalogue("ar"))
    assert len(found) > 300
    for key, message in found.items():
        translation = message.find("translation")
        assert translation.get("type") is None, (key, translation.get("type"))
        shown = forms(message)
        assert all(text.strip() for text in shown), (key, "empty")
        if message.get("numerus") == "yes":
            assert len(shown) == ARABIC_FORMS, key
    # the English catalogue holds only plural forms, one and other
    english = messages(catalogue("en"))
    assert english and all(m.get("numerus") == "yes" for m in english.values())
    assert all(len(forms(m)) == 2 and all(forms(m)) for m in english.values())


@pytest.mark.parametrize("language", ["ar", "en"])
def test_placeholders_survive_translation(language):
    """Named fields ({label}) appear in every form exactly as in the source; the count
    (%Ln) in every form but those that say it in words (one, two…); no other % code."""
    for (context, source, _), message in messages(catalogue(language)).items():
        wanted = sorted(PLACEHOLDER.findall(source))
        counts = COUNT.findall(source)
        for index, text in enumerate(forms(message)):
            assert sorted(PLACEHOLDER.findall(text)) == wanted, (context, source, text)
            if counts and index not in COUNT_IN_WORDS[language]:
                assert COUNT.findall(text) == counts, (context, source, index, text)
            assert set(re.findall(r"%[A-Za-z]+", text)) <= set(re.findall(r"%[A-Za-z]+", source)), (
                context,
                source,
                text,
            )


def test_arabic_text_is_arabic_and_uses_the_glossary_terms():
    """Each translation has Arabic letters (an untranslated English sentence would not),
    and the glossary's words are used for its terms."""
    glossary = (translations.CATALOGUES / "glossary_ar.md").read_text(encoding="utf-8")
    for term in ("كيان", "علاقة", "وسم", "مرشّح", "معتمَد", "مرفوض", "مُوسِّم", "تنقيح", "خلاف"):
        assert term in glossary
    latin_only = {"annotator — {project}", "HTML (*.html)", "{head} → {tail}"}
    found = messages(catalogue("ar"))
    for (context, source, _), message in found.items():
        for text in forms(message):
            if source not in latin_only:
                assert re.search("[\u0600-\u06ff]", text), (context, source, text)
    by_source = {(c, s): forms(m)[0] for (c, s, _), m in found.items()}
    assert by_source[("Terms", "candidate")] == "مرشّح"
    assert by_source[("Terms", "accepted")] == "معتمَد"
    assert by_source[("Terms", "rejected")] == "مرفوض"
    assert by_source[("Menus", "Labels")] == "الوسوم"
    assert by_source[("WindowText", "Entities")] == "الكيانات"


def test_contexts_are_the_classes_that_look_them_up():
    """A Texts subclass's name is its context: the names are unique, and every context
    lupdate found is one of them or a table's."""

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    for module in pkgutil.iter_modules(annotator.gui.__path__):
        importlib.import_module(f"annotator.gui.{module.name}")
    names = [cls.__name__ for cls in subclasses(i18n.Texts)]
    assert len(names) == len(set(names))
    contexts = {context for context, _, _ in messages(catalogue("ar"))}
    assert contexts <= set(names) | TABLE_CONTEXTS, contexts - set(names) - TABLE_CONTEXTS


def test_the_compiled_catalogue_gives_every_translation(arabic_interface):
    """Loaded from what lrelease built: each message reads as the catalogue says."""
    for (context, source, comment), message in messages(catalogue("ar")).items():
        if message.get("numerus") == "yes":
            for count, form in ((1, 1), (2, 2), (5, 3), (11, 4), (100, 5)):
                expected = forms(message)[form].replace("%Ln", number(count))
                got = QCoreApplication.translate(context, source, comment or None, count)
                assert got == expected, (context, source, count)
        else:
            got = QCoreApplication.translate(context, source, comment or None)
            assert got == forms(message)[0], (context, source)


def test_every_edit_title_of_the_application_layer_is_said_in_arabic(arabic_interface):
    from annotator.model import default_schema

    assert set(SAYINGS) == titles.TEMPLATES
    schema = default_schema()
    title = titles.Title(titles.PROPOSE_MATCHES, count=3, label="PERS")
    assert str(title) == "Propose 3 PERS matches"
    assert edit_title(title, schema) == "اقتراح ٣ تطابقات بوسم شخص"
    assert edit_title(titles.Title(titles.RETYPE, type="located_in"), schema) == (
        "تغيير نوع العلاقة إلى «يقع في»"
    )
    assert edit_title("Resize by a word", schema) == "Resize by a word"  # said by the window


def test_digits_follow_the_setting(arabic_interface):
    assert number(1234) == "١٢٣٤" and decimal(0.5, 3) == "٠٫٥٠٠"
    arabic_interface(digits=Digits.WESTERN)
    assert number(1234) == "1234"
    arabic_interface(language=Language.ENGLISH)
    assert number(1234) == "1234" and decimal(0.5, 2) == "0.50"


def test_the_language_comes_from_the_command_line_then_the_settings_then_the_system(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    arabic, english = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt), QLocale("en_GB")
    assert chosen_interface(settings, None, arabic) == Interface(
        Language.ARABIC, Digits.ARABIC_INDIC
    )
    assert chosen_interface(settings, None, english).language == Language.ENGLISH
    # Morocco writes Western digits: the Arabic interface follows it unless told
    morocco = QLocale(QLocale.Language.Arabic, QLocale.Country.Morocco)
    assert chosen_interface(settings, None, morocco).digits == Digits.WESTERN
    settings.setValue(LANGUAGE_SETTING, "ar")
    settings.setValue(DIGITS_SETTING, "western")
    assert chosen_interface(settings, None, english) == Interface(Language.ARABIC, Digits.WESTERN)
    assert chosen_interface(settings, "en", arabic).language == Language.ENGLISH


def test_a_missing_arabic_catalogue_is_said_once_and_the_window_stays_english(
    tmp_path, capsys, catalogues
):
    app = QApplication.instance()
    installed, missing = install(app, Interface(Language.ARABIC, Digits.ARABIC_INDIC), tmp_path)
    assert installed.language == Language.ENGLISH and current() == installed
    assert "translation is missing" in missing and "stays in English" in missing
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    install(app, Interface(Language.ARABIC, Digits.ARABIC_INDIC), tmp_path)
    assert capsys.readouterr().err.count("translation is missing") == 1
    installed, missing = install(app, Interface(Language.ARABIC, Digits.ARABIC_INDIC), catalogues)
    assert missing is None and app.layoutDirection() == Qt.LayoutDirection.RightToLeft


@pytest.mark.parametrize(
    ("arguments", "language"),
    [(["gui", "--lang", "ar"], "ar"), (["--lang", "ar"], "ar"), (["gui"], None)],
)
def test_lang_on_the_command_line_reaches_the_window(arguments, language, monkeypatch):
    import annotator.gui.app as gui_app
    from annotator.cli import main

    asked = {}
    monkeypatch.setattr(gui_app, "run", lambda *a, **k: asked.update(k) or 0)
    monkeypatch.setattr(gui_app, "has_display", lambda: True)
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert asked["language"] == language


def test_an_unknown_language_is_refused_in_english():
    from annotator.cli import main

    result = CliRunner().invoke(main, ["gui", "--lang", "fr"])
    assert result.exit_code == 2 and "'fr' is not one of 'ar', 'en'" in result.output
