"""The user's preferences, kept with QSettings, with their defaults and limits in one place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QByteArray, QSettings


class ImagePolicy(StrEnum):
    """Whether the reader view may load an article's remote images."""

    ASK = "ask"  # placeholders, with an action to load them for one article
    ALWAYS = "always"


class InterfaceLanguage(StrEnum):
    """The language of menus, dialogs and messages, and of the dates and numbers in them."""

    SYSTEM = "system"  # the system's locale (LANG, LC_ALL), when the interface speaks it
    ENGLISH = "en"
    FRENCH = "fr"


@dataclass
class Preferences:
    """What the settings dialog edits."""

    #: Minutes between automatic refreshes; 0 turns automatic refresh off.
    refresh_interval: int = 0
    #: Milliseconds an article must stay selected before it is marked read; -1 never.
    mark_read_delay: int = 800
    #: Reader view font size in points; 0 follows the system font.
    font_size: int = 0
    images: ImagePolicy = ImagePolicy.ASK
    #: Applied when the application starts.
    language: InterfaceLanguage = InterfaceLanguage.SYSTEM


class AppSettings:
    """Typed access to the application's QSettings (preferences, window state)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    @property
    def qsettings(self) -> QSettings:
        return self._settings

    def preferences(self) -> Preferences:
        default = Preferences()
        s = self._settings
        return Preferences(
            refresh_interval=_int(
                s.value("refresh/interval", default.refresh_interval), 0, 24 * 60
            ),
            mark_read_delay=_int(
                s.value("reading/mark_read_delay", default.mark_read_delay), -1, 60_000
            ),
            font_size=_int(s.value("reading/font_size", default.font_size), 0, 48),
            images=_policy(s.value("reading/images", default.images.value)),
            language=_language(s.value("interface/language", default.language.value)),
        )

    def save_preferences(self, prefs: Preferences) -> None:
        s = self._settings
        s.setValue("refresh/interval", prefs.refresh_interval)
        s.setValue("reading/mark_read_delay", prefs.mark_read_delay)
        s.setValue("reading/font_size", prefs.font_size)
        s.setValue("reading/images", prefs.images.value)
        s.setValue("interface/language", prefs.language.value)
        s.sync()

    def window_state(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window_state(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{name}", value)


def _int(value: object, low: int, high: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return max(low, 0)
    return max(low, min(high, number))


def _policy(value: object) -> ImagePolicy:
    try:
        return ImagePolicy(str(value))
    except ValueError:
        return ImagePolicy.ASK


def _language(value: object) -> InterfaceLanguage:
    try:
        return InterfaceLanguage(str(value))
    except ValueError:
        return InterfaceLanguage.SYSTEM
