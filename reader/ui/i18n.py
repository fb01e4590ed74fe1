"""The interface's language: which one, its translations, and dates and numbers written for it."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from reader import paths
from reader.ui.settings import InterfaceLanguage

log = logging.getLogger(__name__)

#: The compiled translations are ``press_reader_<language>.qm``.
TRANSLATION_NAME = "press_reader"

#: The languages the interface is written in; English is the source, the others are files.
LANGUAGES: dict[InterfaceLanguage, QLocale.Language] = {
    InterfaceLanguage.ENGLISH: QLocale.Language.English,
    InterfaceLanguage.FRENCH: QLocale.Language.French,
}

#: Where a language is taken from when the system's territory does not speak it.
_HOME = {
    QLocale.Language.English: QLocale.Country.UnitedKingdom,
    QLocale.Language.French: QLocale.Country.France,
}

#: A weekday name and what separates it from the rest of a long date format.
_WEEKDAY = re.compile(r"^\s*dddd[\s,.]*|[\s,.]*dddd\s*$")


def translations_dir() -> Path:
    """The folder holding the compiled ``.qm`` files."""
    return paths.resources_dir() / "translations"


def interface_locale(choice: InterfaceLanguage, system: QLocale | None = None) -> QLocale:
    """The locale the interface speaks and writes dates in: the language chosen in the
    settings, or the system's when it is one the interface is written in (English
    otherwise), with the system's territory when that territory has a locale in the
    language (fr_CA, en_IE), else the language's home (fr_FR, en_GB)."""
    system = QLocale.system() if system is None else system
    if choice is InterfaceLanguage.SYSTEM:
        spoken = [lang for lang in LANGUAGES.values() if lang == system.language()]
        language = spoken[0] if spoken else QLocale.Language.English
    else:
        language = LANGUAGES[choice]
    if system.language() == language:
        return system
    territory = system.territory()
    if territory != QLocale.Country.AnyTerritory:
        local = QLocale(language, territory)
        if local.language() == language and local.territory() == territory:
            return local
    return QLocale(language, _HOME[language])


@dataclass
class InstalledLanguage:
    """The translators and default locale put in place by :func:`install_language`."""

    locale: QLocale
    #: Whether the interface's own translation was found (always True for English).
    translated: bool
    translators: list[QTranslator] = field(default_factory=list)
    previous_locale: QLocale = field(default_factory=QLocale)

    def uninstall(self) -> None:
        """Back to the untranslated interface and the previous default locale."""
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        self.translators.clear()
        QLocale.setDefault(self.previous_locale)


def install_language(
    choice: InterfaceLanguage,
    *,
    system: QLocale | None = None,
    folder: Path | None = None,
) -> InstalledLanguage:
    """Translate the interface (Qt's own dialogs and buttons too) and make the chosen locale
    the default, so that dates and numbers follow it. Call it once the application exists
    and before any window is made; a language whose translation is missing falls back to
    English, with a message in the log."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs the QApplication")
    locale = interface_locale(choice, system)
    installed = InstalledLanguage(locale=locale, translated=True)
    if locale.language() != QLocale.Language.English:
        ours = QTranslator(app)
        if ours.load(locale, TRANSLATION_NAME, "_", str(folder or translations_dir())):
            installed.translators.append(ours)
        else:
            log.warning(
                "no %s translation in %s: the interface stays in English",
                QLocale.languageToString(locale.language()),
                folder or translations_dir(),
            )
            installed.translated = False
            locale = interface_locale(InterfaceLanguage.ENGLISH, system)
            installed.locale = locale
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if locale.language() != QLocale.Language.English and qt.load(locale, "qtbase", "_", qt_folder):
        installed.translators.append(qt)
    # Qt's translations first, ours last: the last installed is searched first.
    for translator in reversed(installed.translators):
        QCoreApplication.installTranslator(translator)
    QLocale.setDefault(locale)
    return installed


# -- dates and numbers -----------------------------------------------------------------------


def display_locale() -> QLocale:
    """The locale dates and numbers are written in: the default one, except that the bare C
    locale (LANG=C, tests) writes like British English rather than "28 11 2026"."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale


def _qdate(day: date | datetime | QDate) -> QDate:
    if isinstance(day, QDate):
        return day
    if isinstance(day, datetime):
        return _qdatetime(day).date()
    return QDate(day.year, day.month, day.day)


def _qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime in local time (a naive one is taken as local already)."""
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))


def long_date_format(locale: QLocale | None = None) -> str:
    """The locale's long date without the weekday: "d MMMM yyyy" in French and British
    English, "MMMM d, yyyy" in American English."""
    locale = locale or display_locale()
    text = _WEEKDAY.sub("", locale.dateFormat(QLocale.FormatType.LongFormat)).strip()
    return text or "d MMMM yyyy"


def long_date(day: date | datetime | QDate) -> str:
    """A date in words, local time: « 28 novembre 2026 », "28 November 2026"."""
    locale = display_locale()
    return locale.toString(_qdate(day), long_date_format(locale))


def short_date(day: date | datetime | QDate) -> str:
    """A date in figures, local time: 28/11/2026."""
    return display_locale().toString(_qdate(day), QLocale.FormatType.ShortFormat)


def short_time(moment: datetime) -> str:
    """The time of day, local time: 14:30."""
    return display_locale().toString(_qdatetime(moment).time(), QLocale.FormatType.ShortFormat)


def short_date_time(moment: datetime) -> str:
    """A date in figures and a time, local time: 28/11/2026 14:30."""
    return display_locale().toString(_qdatetime(moment), QLocale.FormatType.ShortFormat)


def day_and_month(moment: datetime) -> str:
    """A day of this year, local time: « 28 nov. », "28 Nov"."""
    return display_locale().toString(_qdatetime(moment).date(), "d MMM")


def date_edit_format() -> str:
    """The display format of a date field: the short date with a four-digit year."""
    text = display_locale().dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def number(value: int) -> str:
    """A count with the locale's digit grouping: « 1 234 », "1,234"."""
    return display_locale().toString(value)
