"""The user's preferences, kept with QSettings, with their defaults and limits in one place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QByteArray, QSettings


class ImagePolicy(StrEnum):
    """Whether the reader view may load an article's remote images."""

    ASK = "ask"  # placeholders, with an action to load them for one article
    ALWAYS = "always"


class ArticleLayout(StrEnum):
    """Where the article list sits in the window."""

    COLUMNS = "columns"  # feeds, articles and the reader side by side
    WIDE = "wide"  # the article list above the reader, both as wide as the window allows


class ReadingFont(StrEnum):
    """The kind of typeface articles are read in."""

    SANS = "sans"  # the application's own font
    SERIF = "serif"


#: Limits of the reading column's width, in characters of body text, and its default: a
#: comfortable line holds about 70 to 80 characters.
COLUMN_WIDTH = (50, 120)
DEFAULT_COLUMN_WIDTH = 75
#: Limits of the distance between lines, in percent of the font's height, and its default.
LINE_SPACING = (100, 220)
DEFAULT_LINE_SPACING = 145


@dataclass(frozen=True, slots=True)
class ReadingStyle:
    """How the reader view sets articles: the part of the preferences it is given."""

    #: Points; 0 follows the application font.
    font_size: int = 0
    font: ReadingFont = ReadingFont.SANS
    #: Distance from one line to the next, in percent of the font's height.
    line_spacing: int = DEFAULT_LINE_SPACING
    #: The widest the text column gets, in characters; a narrower window makes it narrower.
    column_width: int = DEFAULT_COLUMN_WIDTH


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
    #: The reader view's typeface, line spacing (percent) and column width (characters).
    font: ReadingFont = ReadingFont.SANS
    line_spacing: int = DEFAULT_LINE_SPACING
    column_width: int = DEFAULT_COLUMN_WIDTH

    def reading_style(self) -> ReadingStyle:
        """What the reader view needs of these preferences."""
        return ReadingStyle(self.font_size, self.font, self.line_spacing, self.column_width)


@dataclass
class ViewLayout:
    """How the window is laid out, as the View menu and the column headers leave it."""

    articles: ArticleLayout = ArticleLayout.COLUMNS
    #: Whether the annotations panel is shown beside the reader.
    annotation_panel: bool = True
    #: Whether the panel steps aside for an article without highlights.
    hide_empty_panel: bool = True
    #: The width the user gave the Source and Date columns; 0 sizes them to their content.
    source_width: int = 0
    date_width: int = 0


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
            font=_font(s.value("reading/font", default.font.value)),
            line_spacing=_number(
                s.value("reading/line_spacing"), default.line_spacing, *LINE_SPACING
            ),
            column_width=_number(
                s.value("reading/column_width"), default.column_width, *COLUMN_WIDTH
            ),
        )

    def save_preferences(self, prefs: Preferences) -> None:
        s = self._settings
        s.setValue("refresh/interval", prefs.refresh_interval)
        s.setValue("reading/mark_read_delay", prefs.mark_read_delay)
        s.setValue("reading/font_size", prefs.font_size)
        s.setValue("reading/images", prefs.images.value)
        s.setValue("interface/language", prefs.language.value)
        s.setValue("reading/font", prefs.font.value)
        s.setValue("reading/line_spacing", prefs.line_spacing)
        s.setValue("reading/column_width", prefs.column_width)
        s.sync()

    def window_state(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window_state(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{name}", value)

    def view_layout(self) -> ViewLayout:
        default = ViewLayout()
        s = self._settings
        return ViewLayout(
            articles=_layout(s.value("view/articles", default.articles.value)),
            annotation_panel=_bool(s.value("view/annotation_panel"), default.annotation_panel),
            hide_empty_panel=_bool(s.value("view/hide_empty_panel"), default.hide_empty_panel),
            source_width=_int(s.value("view/source_width", default.source_width), 0, 2000),
            date_width=_int(s.value("view/date_width", default.date_width), 0, 2000),
        )

    def save_view_layout(self, layout: ViewLayout) -> None:
        s = self._settings
        s.setValue("view/articles", layout.articles.value)
        s.setValue("view/annotation_panel", layout.annotation_panel)
        s.setValue("view/hide_empty_panel", layout.hide_empty_panel)
        s.setValue("view/source_width", layout.source_width)
        s.setValue("view/date_width", layout.date_width)


def _int(value: object, low: int, high: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return max(low, 0)
    return max(low, min(high, number))


def _bool(value: object, default: bool) -> bool:
    # INI files give back "true"/"false"; other formats give back a bool.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default


def _layout(value: object) -> ArticleLayout:
    try:
        return ArticleLayout(str(value))
    except ValueError:
        return ArticleLayout.COLUMNS


def _number(value: object, default: int, low: int, high: int) -> int:
    """A whole number kept within its limits; the default when missing or unreadable."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(low, min(high, number))


def _font(value: object) -> ReadingFont:
    try:
        return ReadingFont(str(value))
    except ValueError:
        return ReadingFont.SANS


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
