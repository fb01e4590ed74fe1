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
from reader.core import normalize_feed_url
from reader.core.errors import InvalidFeedURLError
from reader.core.types import Feed
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
    from reader.core.types import Discovery
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
    """Asks for an address, a folder and an optional title; checks the address as typed.

    The address is pre-filled from the clipboard when it holds a web address. The Subscribe
    button stays disabled until the address is one we can subscribe to and is not already in
    the library; the reason is shown under the field.

    With a ``finder``, Subscribe first looks up the address off the GUI thread: a feed is
    subscribed to at once; a web page's feeds are listed to pick from (JSON Feeds shown,
    not yet selectable); a failure is shown in the dialog, with Subscribe Anyway to take the
    address as given. Without one, the address is taken as given.

    Signals:
        (none beyond QDialog's accepted/rejected/finished)
    """

    URL_ROLE = Qt.ItemDataRole.UserRole

    def __init__(
        self,
        folders: Iterable[str] = (),
        existing_urls: Collection[str] = (),
        parent: QWidget | None = None,
        *,
        folder: str | None = None,
        finder: FeedFinder | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Feed"))
        self.setWindowIcon(icon("add-feed"))
        self.setMinimumWidth(560)
        self._existing = _normalized(existing_urls)
        self._url: str | None = None
        self._finder = finder
        #: The finder's request this dialog waits for (0: none).
        self._request = 0
        #: The address to subscribe to once chosen (a feed found, or the address as given).
        self._chosen: str | None = None

        self._url_edit = QLineEdit(self)
        self._url_edit.setPlaceholderText("https://example.org/ or https://example.org/feed.xml")
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

        # What the look-up found or why it failed; page text is shown as plain text only.
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._status.setAccessibleName(self.tr("Feed search"))
        self._status.hide()

        self._found = QTreeWidget(self)
        self._found.setRootIsDecorated(False)
        self._found.setUniformRowHeights(True)
        self._found.setHeaderLabels([self.tr("Feed"), self.tr("Address")])
        self._found.setAccessibleName(self.tr("Feeds found"))
        self._found.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._found.header().setStretchLastSection(True)
        self._found.setMinimumHeight(110)
        self._found.hide()
        self._found.itemSelectionChanged.connect(self._update_buttons)
        self._found.itemDoubleClicked.connect(lambda _item, _column: self.accept())

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
        self._anyway = QPushButton(self.tr("Subscribe &Anyway"), self)
        self._anyway.setAccessibleName(self.tr("Subscribe anyway"))
        self._anyway.setToolTip(self.tr("Subscribe to the address as typed, without checking it"))
        self._anyway.setAutoDefault(False)
        self._anyway.hide()
        self._buttons.addButton(self._anyway, QDialogButtonBox.ButtonRole.ActionRole)
        self._anyway.clicked.connect(self.on_subscribe_anyway)
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
        layout.addWidget(self._status)
        layout.addWidget(self._found, 1)
        layout.addStretch(0)
        layout.addWidget(self._buttons)

        QWidget.setTabOrder(self._url_edit, self._folder_combo)
        QWidget.setTabOrder(self._folder_combo, self._title_edit)
        QWidget.setTabOrder(self._title_edit, self._found)
        QWidget.setTabOrder(self._found, self._buttons)

        if finder is not None:
            finder.found.connect(self._on_found)
            finder.failed.connect(self._on_failed)
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

    def found_list(self) -> QTreeWidget:
        """The feeds the look-up found, to pick from."""
        return self._found

    def error_text(self) -> str:
        """The problem with the address shown under the field, or "" when there is none."""
        return self._url_error.text() if not self._url_error.isHidden() else ""

    def status_text(self) -> str:
        """What the look-up is doing, found or why it failed; "" before any."""
        return self._status.text() if not self._status.isHidden() else ""

    def checking(self) -> bool:
        """Whether the address is being looked up."""
        return self._request != 0

    def can_accept(self) -> bool:
        return self._ok_button().isEnabled()

    def can_subscribe_anyway(self) -> bool:
        """Whether the look-up failed and the address may be taken as given."""
        return not self._anyway.isHidden() and self._anyway.isEnabled()

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
        # Another address: what was found for the previous one no longer applies.
        self._request = 0
        self._found.clear()
        self._found.hide()
        self._show_status("")
        self._anyway.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ok = self._ok_button()
        if self._found.isHidden():
            ok.setEnabled(self._url is not None and not self.checking())
        else:
            ok.setEnabled(self._picked() is not None)

    def _picked(self) -> str | None:
        items = self._found.selectedItems()
        if not items or not items[0].flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        url = items[0].data(0, self.URL_ROLE)
        return str(url) if url else None

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self._status.setText(text)
        self._status.setVisible(bool(text))
        self._status.setStyleSheet(f"color: {_error_colour(self)};" if error else "")

    def accept(self) -> None:
        if self._url is None or self.checking():
            return  # Enter in a field while the address is not valid, or being checked
        if not self._found.isHidden():
            picked = self._picked()
            if picked is None:
                return
            self._chosen = picked
            super().accept()
            return
        if self._finder is None:
            self._chosen = self._url
            super().accept()
            return
        self._anyway.hide()
        self._show_status(self.tr("Looking for feeds at this address…"))
        self._request = self._finder.find(self._url)
        self._update_buttons()

    @Slot()
    def on_subscribe_anyway(self) -> None:
        if self._url is None:
            return
        self._request = 0
        self._chosen = self._url
        super().accept()

    @Slot(int, object)
    def _on_found(self, request: int, found: Discovery) -> None:
        if request != self._request:
            return  # an answer for an address since edited, or for another dialog
        self._request = 0
        usable = found.usable
        if found.source == "feed" and usable:
            self._chosen = usable[0].url
            super().accept()
            return
        if not usable:
            self._show_failure(self.tr("Only a JSON Feed was found, which is not yet supported."))
            return
        self._found.clear()
        first: QTreeWidgetItem | None = None
        for candidate in found.candidates:
            title = candidate.title or self.tr("(untitled)")
            item = QTreeWidgetItem([title, candidate.url])
            item.setToolTip(0, title)
            item.setToolTip(1, candidate.url)
            if not candidate.supported:
                item.setText(0, self.tr("{0} (JSON Feed: not yet supported)").format(title))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            elif candidate.url in self._existing:
                item.setText(0, self.tr("{0} (already subscribed)").format(title))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setData(0, self.URL_ROLE, candidate.url)
                first = first or item
            self._found.addTopLevelItem(item)
        self._found.resizeColumnToContents(0)
        self._found.setColumnWidth(0, min(self._found.columnWidth(0), 260))
        self._found.show()
        if first is not None:
            self._found.setCurrentItem(first)
        count = len(found.candidates)
        if found.source == "guess":
            text = self.tr("The page names no feed, but the site has this one:")
        elif count == 1:
            text = self.tr("The page names this feed:")
        else:
            text = self.tr("The page names %n feeds; pick one:", "", count)
        self._show_status(text)
        self._update_buttons()

    @Slot(int, str)
    def _on_failed(self, request: int, message: str) -> None:
        if request == self._request:
            self._request = 0
            self._show_failure(_sentence(message))

    def _show_failure(self, message: str) -> None:
        self._show_status(message, error=True)
        self._anyway.show()
        self._update_buttons()

    def done(self, result: int) -> None:
        self._request = 0  # a look-up still under way now answers no one
        super().done(result)

    def result_values(self) -> tuple[str, str | None, str | None]:
        """(address to subscribe to, folder or None for the top level, title or None)."""
        url = self._chosen or self._url
        if url is None:
            raise ValueError("the dialog holds no valid feed address")
        folder = self._folder_combo.currentText().strip().strip("/").strip()
        title = self._title_edit.text().strip()
        return url, folder or None, title or None


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
    """Lists feeds that failed or warned at their last refresh; shows the current feed's
    whole message, and lets the user correct its address, retry or remove it.

    The dialog only asks: the window changes the library and passes the new state back
    with :meth:`set_feeds` (or a problem with :meth:`show_message`).

    Signals:
        retry_requested(list[int]): ids of the selected feeds (all listed when none selected).
        address_changed(int, str): the feed's address as the user corrected it.
        remove_requested(int): the user asks to remove the feed.
    """

    retry_requested = Signal(list)
    address_changed = Signal(int, str)
    remove_requested = Signal(int)

    FEED_ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, feeds: Sequence[Feed], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Feeds with Problems"))
        self.setWindowIcon(icon("error"))
        self.resize(820, 460)
        self._feeds: dict[int, Feed] = {}

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
        self._tree.currentItemChanged.connect(self._show_current)

        # The current feed: its whole message (a row cuts it), its address to correct.
        self._problem = QPlainTextEdit(self)
        self._problem.setReadOnly(True)
        self._problem.setAccessibleName(self.tr("Problem of the feed"))
        self._problem.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        margins = 2 * (self._problem.frameWidth() + self._problem.document().documentMargin())
        self._problem.setFixedHeight(int(self.fontMetrics().lineSpacing() * 4 + margins + 2))
        self._problem.setTabChangesFocus(True)
        self._address = QLineEdit(self)
        self._address.setAccessibleName(self.tr("Address of the feed"))
        self._address.textEdited.connect(self._update_address_button)
        self._address.returnPressed.connect(self.on_save_address)
        self._save_address = QPushButton(self.tr("&Change Address"), self)
        self._save_address.setAccessibleName(self.tr("Change address"))
        self._save_address.setAutoDefault(False)
        self._save_address.clicked.connect(self.on_save_address)
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setAccessibleName(self.tr("Message"))
        self._message.hide()
        address_row = QHBoxLayout()
        address_row.addWidget(self._address, 1)
        address_row.addWidget(self._save_address)
        details = QFormLayout()
        problem_label = QLabel(self.tr("&Problem:"), self)
        problem_label.setBuddy(self._problem)
        address_label = QLabel(self.tr("A&ddress:"), self)
        address_label.setBuddy(self._address)
        details.addRow(problem_label, self._problem)
        details.addRow(address_label, address_row)
        details.addRow("", self._message)

        self._retry = QPushButton(icon("refresh"), self.tr("Retry all"), self)
        self._retry.setAccessibleName(self.tr("Retry"))
        self._retry.setAutoDefault(False)
        self._retry.clicked.connect(self.on_retry)
        # Wide enough for both of its texts, so "Retry selected" is never cut.
        self._retry.setText(self.tr("Retry selected"))
        self._retry.setMinimumWidth(self._retry.sizeHint().width())
        self._retry.setText(self.tr("Retry all"))
        self._remove = QPushButton(self.tr("&Remove Feed…"), self)
        self._remove.setAccessibleName(self.tr("Remove feed"))
        self._remove.setAutoDefault(False)
        self._remove.clicked.connect(self.on_remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.addButton(self._retry, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self._remove, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._tree, 1)
        layout.addLayout(details)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self._tree, self._problem)
        QWidget.setTabOrder(self._problem, self._address)
        QWidget.setTabOrder(self._address, self._save_address)
        QWidget.setTabOrder(self._save_address, self._retry)
        QWidget.setTabOrder(self._retry, self._remove)

        self.set_feeds(feeds)

    def set_feeds(self, feeds: Sequence[Feed]) -> None:
        """Show ``feeds`` (after a retry the window passes the new state); the current feed
        stays current when it is still listed."""
        current = self.current_feed_id()
        self._feeds = {feed.id: feed for feed in feeds}
        self._tree.clear()
        style = self.style()
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for feed in feeds:
            problem = self._problem_of(feed)
            if feed.last_error:
                glyph = icon("error")
            elif feed.warning:
                glyph = warning_icon
            else:
                glyph = icon("feed")
            item = QTreeWidgetItem(
                [
                    feed.title,
                    feed.url,
                    # One line in the row; the whole message is shown below the list.
                    " ".join(problem.split()),
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
            if feed.id == current:
                self._tree.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
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
        first = self._tree.topLevelItem(0)
        if self._tree.currentItem() is None and first is not None:
            self._tree.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._show_current()
        self._update_retry_text()

    def _problem_of(self, feed: Feed) -> str:
        """The feed's whole message: its error, else its warning, else why it is off."""
        if feed.last_error:
            return feed.last_error
        if feed.warning:
            return feed.warning
        if not feed.enabled:
            return self.tr("The feed is disabled: it is no longer refreshed.")
        return ""

    def tree(self) -> QTreeWidget:
        return self._tree

    def problem_text(self) -> str:
        """The current feed's whole problem, as shown below the list."""
        return self._problem.toPlainText()

    def address_edit(self) -> QLineEdit:
        """The current feed's address, to correct."""
        return self._address

    def message_text(self) -> str:
        """What the window last said about a change ("" when nothing)."""
        return self._message.text() if not self._message.isHidden() else ""

    def show_message(self, text: str, *, error: bool = False) -> None:
        """Say how a change went (an address refused, a retry started)."""
        self._message.setText(_sentence(text) if error else text)
        self._message.setStyleSheet(f"color: {_error_colour(self)};" if error else "")
        self._message.setVisible(bool(text))

    def current_feed_id(self) -> int | None:
        item = self._tree.currentItem()
        return None if item is None else int(item.data(0, self.FEED_ID_ROLE))

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
    def on_save_address(self) -> None:
        feed_id = self.current_feed_id()
        address = self._address.text().strip()
        if feed_id is None or not address or address == self._feeds[feed_id].url:
            return
        self.address_changed.emit(feed_id, address)

    @Slot()
    def on_remove(self) -> None:
        feed_id = self.current_feed_id()
        if feed_id is not None:
            self.remove_requested.emit(feed_id)

    @Slot()
    def _show_current(self) -> None:
        feed = self._feeds.get(self.current_feed_id() or 0)
        problem = self._problem_of(feed) if feed is not None else ""
        self._problem.setPlainText(problem or (self.tr("No problem.") if feed else ""))
        self._address.setText(feed.url if feed is not None else "")
        self._address.setCursorPosition(0)
        for widget in (self._problem, self._address, self._remove):
            widget.setEnabled(feed is not None)
        self._update_address_button()

    @Slot()
    def _update_address_button(self) -> None:
        feed = self._feeds.get(self.current_feed_id() or 0)
        address = self._address.text().strip()
        self._save_address.setEnabled(feed is not None and bool(address) and address != feed.url)

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
