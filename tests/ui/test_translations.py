"""The French interface: a French locale gets French menus, dates and numbers; every message
of the code is translated; the language chosen in the settings wins over the system's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reader.core.storage import Store
from reader.ui.brief_composer import BriefComposer
from reader.ui.i18n import (
    InstalledLanguage,
    install_language,
    interface_locale,
    long_date,
    number,
    short_date,
)
from reader.ui.reader_view import ReaderView
from reader.ui.settings import AppSettings, InterfaceLanguage, Preferences
from reader.ui.settings_dialog import SettingsDialog
from tests.ui.test_reader_view import make_article
from tests.ui.windows import make_window

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "translations" / "press_reader_fr.ts"

FRENCH_MENUS = ["&Fichier", "É&dition", "F&lux", "&Article", "Affic&hage", "&Réglages", "A&ide"]
ENGLISH_MENUS = ["&File", "&Edit", "F&eeds", "&Article", "&View", "&Settings", "&Help"]

Install = Callable[[InterfaceLanguage, QLocale], InstalledLanguage]


def qt_tool(name: str) -> str | None:
    """A PySide6 tool beside the running Python (the virtual environment), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


@pytest.fixture(scope="module")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with press_reader_fr.qm compiled from the .ts as it is now (the build's .qm
    when pyside6-lrelease is missing)."""
    tool = qt_tool("pyside6-lrelease")
    if tool is None:
        if SOURCE.with_suffix(".qm").is_file():
            return SOURCE.parent
        pytest.skip("pyside6-lrelease is not installed and no .qm was built")
    folder = tmp_path_factory.mktemp("translations")
    subprocess.run(
        [tool, "-silent", str(SOURCE), "-qm", str(folder / "press_reader_fr.qm")],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture
def install(translations: Path) -> Iterator[Install]:
    """Install a language as the application does at start; the rest of the suite runs in
    English again afterwards."""
    installed: list[InstalledLanguage] = []

    def install_(choice: InterfaceLanguage, system: QLocale) -> InstalledLanguage:
        result = install_language(choice, system=system, folder=translations)
        installed.append(result)
        return result

    yield install_
    for result in reversed(installed):
        result.uninstall()
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def menu_titles(window: object) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]  # type: ignore[attr-defined]


# -- a French system ---------------------------------------------------------------------------


def test_a_french_locale_gets_french_menus(
    qtbot: QtBot, install: Install, demo_store: Store, app_settings: AppSettings
) -> None:
    installed = install(InterfaceLanguage.SYSTEM, QLocale("fr_FR"))
    assert installed.translated and installed.locale.name() == "fr_FR"
    window = make_window(qtbot, demo_store, app_settings)
    assert menu_titles(window) == FRENCH_MENUS
    for action in window.menuBar().actions():
        entries = [a.text() for a in action.menu().actions() if not a.isSeparator()]
        keys = [text[text.index("&") + 1].casefold() for text in entries if "&" in text]
        assert len(keys) == len(set(keys)), f"mnemonics repeat in {action.text()}: {entries}"
    assert window.article_model.headerData(0, Qt.Orientation.Horizontal) == "Titre"
    assert window.search_box.placeholderText() == "Rechercher des articles (/)"
    # Qt's own words come in French too.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_launched_with_lang_fr_the_app_shows_french_menus(
    translations: Path, tmp_path: Path
) -> None:
    """What ``LANG=fr_FR.UTF-8 press-reader`` does: Qt reads the locale from the environment."""
    script = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from reader.core.storage import Store
from reader.ui.app import make_application
from reader.ui.i18n import install_language
from reader.ui.settings import AppSettings, InterfaceLanguage

app = make_application()
folder, data = Path(sys.argv[1]), Path(sys.argv[2])
install_language(InterfaceLanguage.SYSTEM, folder=folder)
from reader.ui.mainwindow import MainWindow

with Store(data / "library.sqlite3") as store:
    settings = AppSettings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings, cache_dir=data / "cache")
    print("|".join(action.text() for action in window.menuBar().actions()))
"""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    env.update(LANG="fr_FR.UTF-8", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script, str(translations), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().split("|") == FRENCH_MENUS


def test_the_reader_writes_dates_in_french(qtbot: QtBot, install: Install) -> None:
    install(InterfaceLanguage.SYSTEM, QLocale("fr_FR"))
    view = ReaderView()
    qtbot.addWidget(view)
    view.show_article(make_article(published=datetime(2026, 11, 28, 12, 0, tzinfo=UTC)))
    text = view.toPlainText()
    assert "28 novembre 2026 à " in text
    assert "Ouvrir l’original" in text
    assert "Aussi dans" in text  # toPlainText() turns the no-break space into a space


def test_numbers_and_short_dates_follow_the_locale(install: Install) -> None:
    install(InterfaceLanguage.SYSTEM, QLocale("fr_FR"))
    assert number(1234) == "1\u202f234"
    assert short_date(date(2026, 11, 28)) == "28/11/2026"
    articles = QCoreApplication.translate("Navigation", "%Ln articles", "", 1234)
    assert articles == "1\u202f234 articles"
    # French says "0 article", English "0 articles": the numerus forms decide.
    assert QCoreApplication.translate("Navigation", "%Ln articles", "", 0) == "0 article"


def test_a_new_brief_is_titled_and_written_in_french(
    qtbot: QtBot, install: Install, demo_store: Store
) -> None:
    install(InterfaceLanguage.SYSTEM, QLocale("fr_FR"))
    composer = BriefComposer(demo_store)

    def discard(window: QWidget) -> None:
        window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[attr-defined]

    qtbot.addWidget(composer, before_close_func=discard)
    today = demo_store.now().astimezone().date()
    assert composer.title_edit.text() == f"Revue de presse du {long_date(today)}"
    assert composer.language_box.currentData() == "fr"
    assert composer.criteria_panel.since_edit.displayFormat() == "dd/MM/yyyy"


# -- the language setting ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "system", "menus"),
    [
        (InterfaceLanguage.FRENCH, QLocale.c(), FRENCH_MENUS),
        (InterfaceLanguage.ENGLISH, QLocale("fr_FR"), ENGLISH_MENUS),
        (InterfaceLanguage.SYSTEM, QLocale("fr_FR"), FRENCH_MENUS),
        (InterfaceLanguage.SYSTEM, QLocale.c(), ENGLISH_MENUS),
    ],
)
def test_the_language_chosen_in_the_settings_wins_over_the_system(
    qtbot: QtBot,
    install: Install,
    demo_store: Store,
    app_settings: AppSettings,
    choice: InterfaceLanguage,
    system: QLocale,
    menus: list[str],
) -> None:
    app_settings.save_preferences(Preferences(language=choice))
    install(app_settings.preferences().language, system)
    window = make_window(qtbot, demo_store, app_settings, language=choice)
    assert menu_titles(window) == menus


@pytest.mark.parametrize(
    ("choice", "system", "expected"),
    [
        (InterfaceLanguage.SYSTEM, "fr_FR", "fr_FR"),
        (InterfaceLanguage.SYSTEM, "fr_CA", "fr_CA"),  # Canadian dates stay Canadian
        (InterfaceLanguage.SYSTEM, "de_DE", "en_DE"),  # no German: English, German territory
        (InterfaceLanguage.SYSTEM, "C", "en_GB"),
        (InterfaceLanguage.FRENCH, "en_US", "fr_FR"),
        (InterfaceLanguage.FRENCH, "fr_BE", "fr_BE"),
        (InterfaceLanguage.ENGLISH, "fr_FR", "en_FR"),
        (InterfaceLanguage.ENGLISH, "en_US", "en_US"),
    ],
)
def test_the_interface_locale(choice: InterfaceLanguage, system: str, expected: str) -> None:
    locale = QLocale.c() if system == "C" else QLocale(system)
    assert interface_locale(choice, locale).name() == expected


def test_the_settings_dialog_offers_the_language(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Preferences(language=InterfaceLanguage.FRENCH), tmp_path)
    qtbot.addWidget(dialog)
    box = dialog.language_box()
    assert [box.itemText(i) for i in range(box.count())] == [
        "System default",
        "English",
        "Français",
    ]
    assert dialog.preferences().language is InterfaceLanguage.FRENCH
    box.setCurrentIndex(1)
    assert dialog.preferences().language is InterfaceLanguage.ENGLISH
    assert "next time Press Reader starts" in box.accessibleDescription()


def test_the_language_is_kept_in_the_settings(app_settings: AppSettings) -> None:
    assert app_settings.preferences().language is InterfaceLanguage.SYSTEM
    app_settings.save_preferences(Preferences(language=InterfaceLanguage.FRENCH))
    assert app_settings.preferences().language is InterfaceLanguage.FRENCH
    app_settings.qsettings.setValue("interface/language", "klingon")
    assert app_settings.preferences().language is InterfaceLanguage.SYSTEM


def test_a_missing_translation_leaves_the_interface_in_english(tmp_path: Path) -> None:
    installed = install_language(InterfaceLanguage.FRENCH, system=QLocale.c(), folder=tmp_path)
    try:
        assert not installed.translated
        assert installed.locale.language() == QLocale.Language.English
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        installed.uninstall()


def test_under_the_c_locale_dates_read_as_english(qtbot: QtBot) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        assert long_date(date(2026, 11, 28)) == "28 November 2026"
        assert short_date(date(2026, 11, 28)) == "28/11/2026"
        assert number(1234) == "1,234"
        view = ReaderView()
        qtbot.addWidget(view)
        view.show_article(make_article(published=datetime(2026, 11, 28, 12, 0, tzinfo=UTC)))
        assert "28 November 2026, " in view.toPlainText()
    finally:
        QLocale.setDefault(previous)


# -- the translation file ----------------------------------------------------------------------

#: What a translation must carry over from its source: Python and Qt placeholders, HTML tags.
PLACEHOLDER = re.compile(r"\{\w*\}|%L?n|%[vmp]|%\d|</?\w+>|\[\*\]")


def messages(path: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def test_every_message_is_translated_with_its_placeholders() -> None:
    problems = []
    count = 0
    for context, message in messages(SOURCE):
        count += 1
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        where = f"{context}: {source!r}"
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where} is {translation.get('type')}")
            continue
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if len(forms) != 2:
                problems.append(f"{where} has {len(forms)} plural forms, French has 2")
        else:
            forms = [translation.text or ""]
        wanted = Counter(PLACEHOLDER.findall(source))
        for form in forms:
            if not form.strip():
                problems.append(f"{where} has an empty translation")
            elif Counter(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"{where}: placeholders differ in {form!r}")
            elif source.replace("&&", "").count("&") != form.replace("&&", "").count("&"):
                problems.append(f"{where}: the mnemonic is lost in {form!r}")
    assert not problems, "\n".join(problems)
    assert count > 500


def test_the_translation_holds_every_message_of_the_code(tmp_path: Path) -> None:
    """lupdate run again over the code finds nothing new and nothing gone: the .ts is in step
    with the interface (run lupdate, then translate, after changing a message)."""
    tool = qt_tool("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / SOURCE.name
    shutil.copyfile(SOURCE, copy)
    sources = sorted(str(path) for path in (ROOT / "reader" / "ui").glob("*.py"))
    subprocess.run([tool, *sources, "-ts", str(copy)], check=True, capture_output=True)
    stale = [
        f"{context}: {message.findtext('source')!r} ({translation.get('type')})"
        for context, message in messages(copy)
        if (translation := message.find("translation")) is not None
        and translation.get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert not stale, "\n".join(stale)
