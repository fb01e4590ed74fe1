"""The Keyboard Shortcuts list, and the report offered after an unexpected error."""

from __future__ import annotations

import platform
import sys
from collections.abc import Sequence

import PySide6
from PySide6.QtCore import Qt, Slot, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.ui.icons import icon

#: What a shortcut may be given as: "Ctrl+R", a QKeySequence or a standard key.
KeysLike = str | QKeySequence | QKeySequence.StandardKey


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
