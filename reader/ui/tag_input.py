"""A line edit for several tags at once ("country/Mali, theme/security"), completing the tag
being typed from the library's tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QStringListModel, Qt, Slot
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

SEPARATOR = ","


def split_tags(text: str) -> list[str]:
    """The tags written in ``text``, in order, without blanks or repeats (case-insensitive).
    Names are not validated here: the store refuses bad ones with a message."""
    seen: set[str] = set()
    tags = []
    for part in text.split(SEPARATOR):
        name = part.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            tags.append(name)
    return tags


def join_tags(tags: Iterable[str]) -> str:
    return f"{SEPARATOR} ".join(tags)


class TagLineEdit(QLineEdit):
    """Tags separated by commas; the completer offers the known tags that contain what is
    being typed after the last comma, and choosing one replaces only that part."""

    def __init__(self, known: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("country/Mali, theme/security"))
        self._names = QStringListModel(list(known), self)
        self._completer = QCompleter(self._names, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._update_completion)

    def set_known_tags(self, names: Sequence[str]) -> None:
        self._names.setStringList(list(names))

    def completer_popup_visible(self) -> bool:
        popup = self._completer.popup()
        return popup is not None and popup.isVisible()

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def set_tags(self, tags: Iterable[str]) -> None:
        self.setText(join_tags(tags))

    def _current_part(self) -> str:
        before_cursor = self.text()[: self.cursorPosition()]
        return before_cursor.rsplit(SEPARATOR, 1)[-1].lstrip()

    @Slot(str)
    def _update_completion(self, _text: str) -> None:
        part = self._current_part()
        if not part:
            self._hide_popup()
            return
        self._completer.setCompletionPrefix(part)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._hide_popup()

    @Slot(str)
    def _insert_completion(self, name: str) -> None:
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(SEPARATOR, 0, cursor) + 1
        end = text.find(SEPARATOR, cursor)
        end = len(text) if end < 0 else end
        head = text[:start] + (" " if start else "")
        tail = text[end:]
        self.setText(head + name + tail)
        self.setCursorPosition(len(head) + len(name))
