"""The Feed Problems dialog: feeds that failed or warned; an address corrected, a retry, a
removal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.types import Feed
from reader.ui.i18n import number, short_date_time
from reader.ui.icons import icon
from reader.ui.prompts import as_sentence, error_colour

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
        self._message.setText(as_sentence(text) if error else text)
        self._message.setStyleSheet(f"color: {error_colour(self)};" if error else "")
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
