"""The Settings dialog: refresh, reading, images, language, where the library lives."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui.icons import icon
from reader.ui.settings import (
    COLUMN_WIDTH,
    LINE_SPACING,
    ImagePolicy,
    InterfaceLanguage,
    Preferences,
    ReadingFont,
)

#: Opens a URL with the system; dialogs keep it as an attribute so tests can replace it.
UrlOpener = Callable[[QUrl], object]


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
