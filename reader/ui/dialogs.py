"""The application's dialogs: add a feed, settings, shortcuts, error reports, feed problems."""

from __future__ import annotations

import itertools
import platform
import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QItemSelectionModel,
    Qt,
    QUrl,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core.errors import InvalidFeedURLError
from reader.core.types import Feed
from reader.core.urls import normalize_feed_url
from reader.ui.contrast import error_color
from reader.ui.i18n import display_locale, number, short_date_time
from reader.ui.icons import icon
from reader.ui.settings import (
    COLUMN_WIDTH,
    LINE_SPACING,
    ImagePolicy,
    InterfaceLanguage,
    Preferences,
    ReadingFont,
)

if TYPE_CHECKING:
    from reader.core.discover import Discovery
    from reader.ui.discovery_worker import FeedFinder

#: Opens a URL with the system; dialogs keep it as an attribute so tests can replace it.
UrlOpener = Callable[[QUrl], object]

#: What a shortcut may be given as: "Ctrl+R", a QKeySequence or a standard key.
KeysLike = str | QKeySequence | QKeySequence.StandardKey


def _error_colour(widget: QWidget) -> str:
    """A red that reads on the widget's background, light or dark."""
    return error_color(widget.palette().color(QPalette.ColorRole.Window)).name()


def _sentence(message: str) -> str:
    """An engine message as a sentence: capital first letter, final full stop."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def _clipboard_url() -> str | None:
    """The clipboard's text when it is a single http(s) address."""
    clipboard = QApplication.clipboard()
    text = clipboard.text().strip() if clipboard is not None else ""
    if not text or len(text) > 2000 or not text.lower().startswith(("http://", "https://")):
        return None
    try:
        normalize_feed_url(text)
    except InvalidFeedURLError:
        return None
    return text


def _collator() -> QCollator:
    """The user's alphabetical order: case ignored, accented letters beside their letter."""
    collator = QCollator(display_locale())  # not code-point order under LANG=C
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def _normalized(urls: Iterable[str]) -> set[str]:
    result: set[str] = set()
    for url in urls:
        try:
            result.add(normalize_feed_url(url, allow_file=True))
        except InvalidFeedURLError:
            result.add(url.strip())
    return result


# -- adding a feed -------------------------------------------------------------------------


class AddFeedDialog(QDialog):
    """Asks for a feed address, a folder and an optional title; checks the address as typed.

    The address is pre-filled from the clipboard when it holds a web address. The OK button
    stays disabled until the address is one we can subscribe to and is not already in the
    library; the reason is shown under the field.

    Signals:
        (none beyond QDialog's accepted/rejected/finished)
    """

    def __init__(
        self,
        folders: Iterable[str] = (),
        existing_urls: Collection[str] = (),
        parent: QWidget | None = None,
        *,
        folder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Feed"))
        self.setWindowIcon(icon("add-feed"))
        self.setMinimumWidth(520)
        self._existing = _normalized(existing_urls)
        self._url: str | None = None

        self._url_edit = QLineEdit(self)
        self._url_edit.setPlaceholderText("https://example.org/feed.xml")
        self._url_edit.setAccessibleName(self.tr("Feed address"))
        self._url_edit.setClearButtonEnabled(True)

        self._url_error = QLabel(self)
        self._url_error.setWordWrap(True)
        self._url_error.setAccessibleName(self.tr("Feed address problem"))
        self._url_error.setTextFormat(Qt.TextFormat.PlainText)
        small = QFont(self._url_error.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        self._url_error.setFont(small)
        self._url_error.setStyleSheet(f"color: {_error_colour(self)};")
        self._url_error.hide()

        self._folder_combo = QComboBox(self)
        self._folder_combo.setEditable(True)
        self._folder_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._folder_combo.setAccessibleName(self.tr("Folder"))
        self._folder_combo.addItem("")
        collator = _collator()
        for path in sorted(set(folders), key=collator.sortKey):
            if path:
                self._folder_combo.addItem(icon("folder"), path)
        line_edit = self._folder_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Top level (type a new folder to create it)"))
        if folder:
            self._folder_combo.setCurrentText(folder)

        self._title_edit = QLineEdit(self)
        self._title_edit.setPlaceholderText(self.tr("Optional: the feed's own title is used"))
        self._title_edit.setAccessibleName(self.tr("Title"))

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self._ok_button()
        ok.setText(self.tr("Subscribe"))
        ok.setAccessibleName(self.tr("Subscribe"))
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        url_column = QVBoxLayout()
        url_column.setSpacing(3)
        url_column.addWidget(self._url_edit)
        url_column.addWidget(self._url_error)
        form = QFormLayout()
        url_label = QLabel(self.tr("&Address:"), self)
        url_label.setBuddy(self._url_edit)
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self._folder_combo)
        title_label = QLabel(self.tr("&Title:"), self)
        title_label.setBuddy(self._title_edit)
        form.addRow(url_label, url_column)
        form.addRow(folder_label, self._folder_combo)
        form.addRow(title_label, self._title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self._buttons)

        QWidget.setTabOrder(self._url_edit, self._folder_combo)
        QWidget.setTabOrder(self._folder_combo, self._title_edit)
        QWidget.setTabOrder(self._title_edit, self._buttons)

        self._url_edit.textChanged.connect(self._on_url_changed)
        self._url_edit.setText(_clipboard_url() or "")
        self._on_url_changed(self._url_edit.text())
        self._url_edit.setFocus()

    def _ok_button(self) -> QPushButton:
        return self._buttons.button(QDialogButtonBox.StandardButton.Ok)

    def url_edit(self) -> QLineEdit:
        """The address field (for the window to pre-fill and for tests)."""
        return self._url_edit

    def set_url(self, url: str) -> None:
        """Put ``url`` in the address field (a link dropped on the window, a command line)."""
        self._url_edit.setText(url)

    def folder_combo(self) -> QComboBox:
        return self._folder_combo

    def title_edit(self) -> QLineEdit:
        return self._title_edit

    def error_text(self) -> str:
        """The problem with the address shown under the field, or "" when there is none."""
        return self._url_error.text() if not self._url_error.isHidden() else ""

    def can_accept(self) -> bool:
        return self._ok_button().isEnabled()

    @Slot(str)
    def _on_url_changed(self, text: str) -> None:
        problem = ""
        self._url = None
        if text.strip():
            try:
                url = normalize_feed_url(text)
            except InvalidFeedURLError as error:
                problem = _sentence(str(error))
            else:
                if url in self._existing:
                    problem = self.tr("You are already subscribed to this feed.")
                else:
                    self._url = url
        self._url_error.setText(problem)
        self._url_error.setVisible(bool(problem))
        self._url_edit.setAccessibleDescription(problem)
        self._ok_button().setEnabled(self._url is not None)

    def accept(self) -> None:
        if self._url is None:
            return  # Enter in a field while the address is not valid
        super().accept()

    def result_values(self) -> tuple[str, str | None, str | None]:
        """(normalized address, folder or None for the top level, title or None)."""
        if self._url is None:
            raise ValueError("the dialog holds no valid feed address")
        folder = self._folder_combo.currentText().strip().strip("/").strip()
        title = self._title_edit.text().strip()
        return self._url, folder or None, title or None


# -- settings ------------------------------------------------------------------------------


class SettingsDialog(QDialog):
    """Edits the preferences; shows where the library lives.

    Signals:
        reading_style_changed(ReadingStyle): the font, size, line spacing or column width
            was changed, for the reader to show at once (the caller puts its own back when
            the dialog is cancelled).
    """

    reading_style_changed = Signal(object)

    def __init__(self, prefs: Preferences, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowIcon(icon("settings"))
        self.setMinimumWidth(480)
        #: Opens the data folder in the file manager; replaced in tests.
        self.open_url: UrlOpener = QDesktopServices.openUrl
        self._data_dir = data_dir

        self._refresh = QSpinBox(self)
        self._refresh.setRange(0, 24 * 60)
        self._refresh.setSingleStep(5)
        self._refresh.setSuffix(self.tr(" min"))
        self._refresh.setSpecialValueText(self.tr("Off"))
        self._refresh.setAccessibleName(self.tr("Refresh every (minutes)"))
        self._refresh.setToolTip(
            self.tr("Minutes between automatic refreshes; Off refreshes only on request.")
        )
        self._refresh.setValue(prefs.refresh_interval)

        self._mark_read = QCheckBox(self.tr("Mark articles read after"), self)
        self._mark_read.setAccessibleName(self.tr("Mark articles read when shown"))
        self._mark_delay = QSpinBox(self)
        self._mark_delay.setRange(0, 60_000)
        self._mark_delay.setSingleStep(100)
        self._mark_delay.setSuffix(self.tr(" ms"))
        self._mark_delay.setAccessibleName(self.tr("Delay before marking read (milliseconds)"))
        never = prefs.mark_read_delay < 0
        self._mark_read.setChecked(not never)
        self._mark_delay.setValue(Preferences().mark_read_delay if never else prefs.mark_read_delay)
        self._mark_delay.setEnabled(not never)
        self._mark_read.toggled.connect(self._mark_delay.setEnabled)

        self._font_size = QSpinBox(self)
        self._font_size.setRange(0, 48)
        self._font_size.setSuffix(self.tr(" pt"))
        self._font_size.setSpecialValueText(self.tr("System default"))
        self._font_size.setAccessibleName(self.tr("Reading font size (points)"))
        self._font_size.setValue(prefs.font_size)

        self._font = QComboBox(self)
        self._font.addItem(self.tr("Sans serif"), ReadingFont.SANS.value)
        self._font.addItem(self.tr("Serif"), ReadingFont.SERIF.value)
        self._font.setAccessibleName(self.tr("Reading font"))
        self._font.setCurrentIndex(max(0, self._font.findData(prefs.font.value)))

        self._line_spacing = QSpinBox(self)
        self._line_spacing.setRange(*LINE_SPACING)
        self._line_spacing.setSingleStep(5)
        self._line_spacing.setSuffix(self.tr(" %"))
        self._line_spacing.setAccessibleName(self.tr("Line spacing (percent of the font size)"))
        self._line_spacing.setToolTip(
            self.tr("Distance from one line to the next, in percent of the font's height.")
        )
        self._line_spacing.setValue(prefs.line_spacing)

        self._column_width = QSpinBox(self)
        self._column_width.setRange(*COLUMN_WIDTH)
        self._column_width.setSingleStep(5)
        self._column_width.setSuffix(self.tr(" characters"))
        self._column_width.setAccessibleName(self.tr("Column width (characters)"))
        self._column_width.setToolTip(
            self.tr("The widest the text gets; lines of 70 to 80 characters read best.")
        )
        self._column_width.setValue(prefs.column_width)

        for box in (self._font_size, self._line_spacing, self._column_width):
            box.valueChanged.connect(self.on_reading_style_edited)
        self._font.currentIndexChanged.connect(self.on_reading_style_edited)

        self._images = QComboBox(self)
        self._images.addItem(self.tr("Ask for each article"), ImagePolicy.ASK.value)
        self._images.addItem(self.tr("Always load"), ImagePolicy.ALWAYS.value)
        self._images.setAccessibleName(self.tr("Remote images"))
        self._images.setToolTip(
            self.tr("Loading an article's images tells its publisher that you read it.")
        )
        self._images.setCurrentIndex(max(0, self._images.findData(prefs.images.value)))

        self._language = QComboBox(self)
        self._language.addItem(self.tr("System default"), InterfaceLanguage.SYSTEM.value)
        # Each language is named in itself, so that whoever reads it can find their own.
        self._language.addItem("English", InterfaceLanguage.ENGLISH.value)
        self._language.addItem("Français", InterfaceLanguage.FRENCH.value)
        self._language.setAccessibleName(self.tr("Interface language"))
        self._language.setCurrentIndex(max(0, self._language.findData(prefs.language.value)))
        self._language_note = QLabel(
            self.tr("A new language applies the next time Press Reader starts."), self
        )
        self._language_note.setWordWrap(True)
        self._language_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._language.setAccessibleDescription(self._language_note.text())

        self._data_path = QLineEdit(str(data_dir), self)
        self._data_path.setReadOnly(True)
        self._data_path.setAccessibleName(self.tr("Data folder"))
        self._open_folder = QPushButton(icon("folder"), self.tr("Open folder"), self)
        self._open_folder.setAccessibleName(self.tr("Open the data folder"))
        self._open_folder.clicked.connect(self.on_open_folder)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        mark_row = QHBoxLayout()
        mark_row.addWidget(self._mark_read)
        mark_row.addWidget(self._mark_delay)
        mark_row.addStretch(1)
        data_row = QHBoxLayout()
        data_row.addWidget(self._data_path, 1)
        data_row.addWidget(self._open_folder)

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Refresh every:"), self._refresh), self._refresh)
        form.addRow(self.tr("Reading:"), mark_row)
        form.addRow(self._label(self.tr("&Font size:"), self._font_size), self._font_size)
        form.addRow(self._label(self.tr("Font f&amily:"), self._font), self._font)
        form.addRow(self._label(self.tr("Line &spacing:"), self._line_spacing), self._line_spacing)
        form.addRow(self._label(self.tr("&Column width:"), self._column_width), self._column_width)
        form.addRow(self._label(self.tr("&Images:"), self._images), self._images)
        language_column = QVBoxLayout()
        language_column.setSpacing(3)
        language_column.addWidget(self._language)
        language_column.addWidget(self._language_note)
        form.addRow(self._label(self.tr("&Language:"), self._language), language_column)
        form.addRow(self._label(self.tr("&Data folder:"), self._data_path), data_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)

        order: list[QWidget] = [
            self._refresh,
            self._mark_read,
            self._mark_delay,
            self._font_size,
            self._font,
            self._line_spacing,
            self._column_width,
            self._images,
            self._language,
            self._data_path,
            self._open_folder,
            buttons,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def language_box(self) -> QComboBox:
        """The interface language's choices (for tests)."""
        return self._language

    @Slot()
    def on_open_folder(self) -> None:
        self.open_url(QUrl.fromLocalFile(str(self._data_dir)))

    @Slot()
    def on_reading_style_edited(self) -> None:
        self.reading_style_changed.emit(self.preferences().reading_style())

    def preferences(self) -> Preferences:
        """The preferences as edited."""
        return Preferences(
            refresh_interval=self._refresh.value(),
            mark_read_delay=self._mark_delay.value() if self._mark_read.isChecked() else -1,
            font_size=self._font_size.value(),
            images=ImagePolicy(self._images.currentData()),
            language=InterfaceLanguage(self._language.currentData()),
            font=ReadingFont(self._font.currentData()),
            line_spacing=self._line_spacing.value(),
            column_width=self._column_width.value(),
        )


# -- keyboard shortcuts --------------------------------------------------------------------


def _native_keys(keys: KeysLike) -> str:
    """Keys as the platform writes them ("Ctrl+R" becomes "⌘R" on macOS).

    A string may list alternatives ("O, Return"): each is converted on its own, and one
    that does not read as portable text is taken to be native text already and kept.
    """
    native = QKeySequence.SequenceFormat.NativeText
    if not isinstance(keys, str):
        sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
        return sequence.toString(native)
    shown = []
    for part in (p.strip() for p in keys.split(", ")):
        sequence = QKeySequence.fromString(part, QKeySequence.SequenceFormat.PortableText)
        portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        shown.append(sequence.toString(native) if portable.casefold() == part.casefold() else part)
    return ", ".join(p for p in shown if p)


class ShortcutsDialog(QDialog):
    """Lists the keyboard shortcuts the window really has (it passes its own list).

    Signals:
        (none beyond QDialog's accepted/rejected/finished)
    """

    def __init__(
        self, shortcuts: Sequence[tuple[KeysLike, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(640, 560)

        self._table = QTableWidget(len(shortcuts), 2, self)
        self._table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self._table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setTabKeyNavigation(False)  # Tab goes on to the Close button
        self._table.setAlternatingRowColors(True)
        self._table.setShowGrid(False)
        self._table.verticalHeader().hide()
        header = self._table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (keys, description) in enumerate(shortcuts):
            keys_item = QTableWidgetItem(_native_keys(keys))
            keys_item.setToolTip(keys_item.text())  # a long list of keys is elided
            keys_font = QFont(keys_item.font())
            keys_font.setBold(True)
            keys_item.setFont(keys_font)
            self._table.setItem(row, 0, keys_item)
            self._table.setItem(row, 1, QTableWidgetItem(description))
        self._table.resizeColumnToContents(0)
        # Air before the action; the action keeps at least half of the width.
        self._table.setColumnWidth(0, min(self._table.columnWidth(0) + 24, 300))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._table)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, as (keys, description)."""
        table = self._table

        def text(row: int, column: int) -> str:
            item = table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(row, 0), text(row, 1)) for row in range(table.rowCount())]


# -- unexpected errors ---------------------------------------------------------------------


def error_report(traceback_text: str, app_version: str = __version__) -> str:
    """The text of an error report: versions first, then the traceback."""
    return "\n".join(
        [
            f"Press Reader {app_version}",
            f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
            f"Python {sys.version.split()[0]} ({platform.python_implementation()})",
            f"Platform {platform.platform()}",
            "",
            traceback_text.rstrip(),
            "",
        ]
    )


class ErrorReportDialog(QDialog):
    """Tells the user an unexpected error happened and offers a report to copy.

    Signals:
        (none beyond QDialog's accepted/rejected/finished)
    """

    def __init__(
        self,
        traceback_text: str,
        parent: QWidget | None = None,
        *,
        app_version: str = __version__,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected Error"))
        self.setWindowIcon(icon("error"))
        self.resize(620, 420)
        self._report = error_report(traceback_text, app_version)

        glyph = QLabel(self)
        glyph.setPixmap(icon("error").pixmap(32, 32))
        glyph.setAccessibleName(self.tr("Error"))
        message = QLabel(
            self.tr("Something went wrong. Your library is safe; you can keep working."), self
        )
        message.setWordWrap(True)
        message.setAccessibleName(self.tr("What happened"))
        hint = QLabel(
            self.tr("If it happens again, please send this report to the developers."), self
        )
        hint.setWordWrap(True)
        hint.setAccessibleName(self.tr("What to do"))

        self._text = QPlainTextEdit(self._report, self)
        self._text.setReadOnly(True)
        self._text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._text.setAccessibleName(self.tr("Error report"))

        self._status = QLabel(self)
        self._status.setAccessibleName(self.tr("Copy status"))
        self._copy = QPushButton(self.tr("&Copy report"), self)
        self._copy.setAccessibleName(self.tr("Copy report"))
        self._copy.clicked.connect(self.on_copy)
        self._close = QPushButton(self.tr("Close"), self)
        self._close.setAccessibleName(self.tr("Close"))
        self._close.setDefault(True)
        self._close.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.addWidget(message)
        texts.addWidget(hint)
        top.addLayout(texts, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._status, 1)
        bottom.addWidget(self._copy)
        bottom.addWidget(self._close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._text, 1)
        layout.addLayout(bottom)

        QWidget.setTabOrder(self._close, self._copy)
        QWidget.setTabOrder(self._copy, self._text)
        self._close.setFocus()

    def report(self) -> str:
        return self._report

    @Slot()
    def on_copy(self) -> None:
        clipboard = QApplication.clipboard()
        clipboard.setText(self._report)
        self._status.setText(self.tr("Report copied to the clipboard."))


# -- feeds with problems -------------------------------------------------------------------


class FeedErrorsDialog(QDialog):
    """Lists feeds that failed or warned at their last refresh, and offers to retry them.

    Signals:
        retry_requested(list[int]): ids of the selected feeds (all listed when none selected).
    """

    retry_requested = Signal(list)

    FEED_ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, feeds: Sequence[Feed], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Feeds with Problems"))
        self.setWindowIcon(icon("error"))
        self.resize(820, 380)

        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._intro.setAccessibleName(self.tr("Summary"))

        self._tree = QTreeWidget(self)
        self._tree.setRootIsDecorated(False)
        self._tree.setAlternatingRowColors(True)
        self._tree.setUniformRowHeights(True)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._tree.setAccessibleName(self.tr("Feeds with problems"))
        self._tree.setHeaderLabels(
            [
                self.tr("Feed"),
                self.tr("Address"),
                self.tr("Problem"),
                self.tr("Last checked"),
                self.tr("Errors in a row"),
            ]
        )
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the problem's text
        self._tree.itemSelectionChanged.connect(self._update_retry_text)

        self._retry = QPushButton(icon("refresh"), self.tr("Retry all"), self)
        self._retry.setAccessibleName(self.tr("Retry"))
        self._retry.clicked.connect(self.on_retry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.addButton(self._retry, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._tree, 1)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self._tree, self._retry)

        self.set_feeds(feeds)

    def set_feeds(self, feeds: Sequence[Feed]) -> None:
        """Show ``feeds`` (after a retry the window passes the new state)."""
        self._tree.clear()
        style = self.style()
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for feed in feeds:
            if feed.last_error:
                problem, glyph = feed.last_error, icon("error")
            elif feed.warning:
                problem, glyph = feed.warning, warning_icon
            else:
                problem, glyph = "", icon("feed")
            item = QTreeWidgetItem(
                [
                    feed.title,
                    feed.url,
                    problem,
                    self._format_time(feed.last_checked),
                    number(feed.error_count),
                ]
            )
            item.setIcon(0, glyph)
            item.setData(0, self.FEED_ID_ROLE, feed.id)
            item.setToolTip(1, feed.url)
            item.setToolTip(2, problem)
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._tree.addTopLevelItem(item)
        for column in (0, 3, 4):
            self._tree.resizeColumnToContents(column)
        self._tree.setColumnWidth(0, min(self._tree.columnWidth(0), 220))
        self._tree.setColumnWidth(1, 220)
        count = len(feeds)
        self._intro.setText(
            self.tr("%Ln feed could not be refreshed or reported a problem.", "", count)
            if count == 1
            else self.tr("%Ln feeds could not be refreshed or reported a problem.", "", count)
        )
        self._retry.setEnabled(count > 0)
        self._update_retry_text()

    def tree(self) -> QTreeWidget:
        return self._tree

    def feed_ids(self, *, selected_only: bool = False) -> list[int]:
        """The ids of the feeds listed (or only of those selected), in the list's order."""
        tree = self._tree
        listed = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        return [
            int(item.data(0, self.FEED_ID_ROLE))
            for item in listed
            if item is not None and (item.isSelected() or not selected_only)
        ]

    @Slot()
    def on_retry(self) -> None:
        ids = self.feed_ids(selected_only=True) or self.feed_ids()
        if ids:
            self.retry_requested.emit(ids)

    @Slot()
    def _update_retry_text(self) -> None:
        selected = bool(self._tree.selectedItems())
        self._retry.setText(self.tr("Retry selected") if selected else self.tr("Retry all"))

    def _format_time(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("Never")
        return short_date_time(moment)


# -- confirmations -------------------------------------------------------------------------


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    """Ask before something that cannot be undone; Cancel is the default (Enter cancels)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.DestructiveRole)
    ok.setAccessibleName(ok_text)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(QCoreApplication.translate("confirm", "Cancel"))
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def choose(
    parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]]
) -> str | None:
    """Ask which of several ways to go (``choices``: (key, button text), the first being the
    safest); returns the chosen key, or None for Cancel, which is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    buttons = {}
    for key, label in choices:
        button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        button.setAccessibleName(label)
        buttons[key] = button
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(QCoreApplication.translate("confirm", "Cancel"))
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), None)
