"""The Add Feed dialog: an address or a site, its feeds found, the folder chosen."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCollator, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core import normalize_feed_url
from reader.core.errors import InvalidFeedURLError
from reader.ui.i18n import display_locale
from reader.ui.icons import icon

if TYPE_CHECKING:
    from reader.core.types import Discovery
    from reader.ui.discovery_worker import FeedFinder

from reader.ui.prompts import as_sentence, error_colour


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
        self._url_error.setStyleSheet(f"color: {error_colour(self)};")
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
                problem = as_sentence(str(error))
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
        self._status.setStyleSheet(f"color: {error_colour(self)};" if error else "")

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
            self._show_failure(as_sentence(message))

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
