"""The sections of a brief being composed, as a tree model: sections, and their articles below,
reordered by drag and drop or the keyboard, with every change undoable."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QUndoCommand, QUndoStack

from reader.core.types import BriefItem, BriefSection
from reader.ui.i18n import number

AnyIndex = QModelIndex | QPersistentModelIndex
#: The invisible root, as the default parent of the model methods.
_ROOT = QModelIndex()

TITLE_COLUMN: Final = 0
SOURCE_COLUMN: Final = 1
PASSAGES_COLUMN: Final = 2
COLUMN_COUNT: Final = 3

#: The data role that gives an item's BriefItem (None on a section row).
ItemRole: Final = int(Qt.ItemDataRole.UserRole) + 1

#: What a drag of rows of this model carries: where the dragged row was.
MIME_TYPE: Final = "application/x-press-reader-brief-row"

#: Undo commands with this id merge while they edit the same item's summary.
_SUMMARY_MERGE_ID: Final = 1

#: A section as kept for undo: its uid, heading and items.
_SectionState = tuple[int, str, tuple[BriefItem, ...]]
_State = tuple[_SectionState, ...]


@dataclass(eq=False, slots=True)
class _Section:
    uid: int
    heading: str
    items: list[BriefItem]


class _Edit(QUndoCommand):
    """One change to the sections, undone and redone by restoring the state before and after
    it (the states share their frozen items, so keeping them is cheap)."""

    def __init__(
        self,
        model: BriefSectionsModel,
        text: str,
        before: _State,
        after: _State,
        merge_key: object = None,
    ) -> None:
        super().__init__(text)
        self._model = model
        self._before = before
        self._after = after
        self._merge_key = merge_key
        #: The change is already made when the command is pushed.
        self._fresh = True

    def id(self) -> int:
        return _SUMMARY_MERGE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Edit) or other._merge_key != self._merge_key:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self._model._restore(self._after)

    def undo(self) -> None:
        self._model._restore(self._before)


class BriefSectionsModel(QAbstractItemModel):
    """A brief's sections (top-level rows) and their items (rows below), in three columns:
    title (the heading of a section), source, and number of passages.

    Section headings are edited in place; items move within and between sections and
    sections move among themselves, by drag and drop (``MoveAction``) or with
    :meth:`move_up`/:meth:`move_down`. Every change is a command on :attr:`undo_stack`;
    :meth:`set_sections` starts afresh (and clears the stack).

    Signals:
        edited(): the sections changed by an edit, an undo or a redo (not by set_sections).
    """

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sections: list[_Section] = []
        self._next_uid = 1
        self._bold = QFont()
        self._bold.setBold(True)
        self.undo_stack = QUndoStack(self)

    # -- the sections as values ---------------------------------------------------------------

    def sections(self) -> tuple[BriefSection, ...]:
        """The sections as they are now, in order."""
        return tuple(BriefSection(s.heading, tuple(s.items)) for s in self._sections)

    def set_sections(self, sections: Sequence[BriefSection]) -> None:
        """Show these sections; nothing to undo before them."""
        self.beginResetModel()
        self._sections = [self._new_section(s.heading, s.items) for s in sections]
        self.endResetModel()
        self.undo_stack.clear()

    def replace_sections(self, sections: Sequence[BriefSection], text: str) -> None:
        """Show these sections instead, as one change that can be undone."""
        before = self._state()
        self.beginResetModel()
        self._sections = [self._new_section(s.heading, s.items) for s in sections]
        self.endResetModel()
        self._push(text, before)

    def item_count(self) -> int:
        """How many items the sections hold together."""
        return sum(len(s.items) for s in self._sections)

    def _new_section(self, heading: str, items: Sequence[BriefItem] = ()) -> _Section:
        section = _Section(self._next_uid, heading, list(items))
        self._next_uid += 1
        return section

    def _state(self) -> _State:
        return tuple((s.uid, s.heading, tuple(s.items)) for s in self._sections)

    def _restore(self, state: _State) -> None:
        self.beginResetModel()
        self._sections = [_Section(uid, heading, list(items)) for uid, heading, items in state]
        self.endResetModel()
        self.edited.emit()

    def _push(self, text: str, before: _State, merge_key: object = None) -> None:
        self.undo_stack.push(_Edit(self, text, before, self._state(), merge_key))
        self.edited.emit()

    # -- finding rows ---------------------------------------------------------------------------

    def _section_of(self, index: AnyIndex) -> _Section | None:
        """The section a row is (a top-level row), or None."""
        if not index.isValid() or index.model() is not self or index.internalId() != 0:
            return None
        row = index.row()
        return self._sections[row] if 0 <= row < len(self._sections) else None

    def _parent_row(self, index: AnyIndex) -> int:
        """The row of the section holding an item row; -1 for anything else."""
        if not index.isValid() or index.model() is not self or index.internalId() == 0:
            return -1
        uid = index.internalId()
        return next((row for row, s in enumerate(self._sections) if s.uid == uid), -1)

    def is_section(self, index: AnyIndex) -> bool:
        return self._section_of(index) is not None

    def item_at(self, index: AnyIndex) -> BriefItem | None:
        """The item a row shows; None for a section or an invalid index."""
        row = self._parent_row(index)
        if row < 0:
            return None
        items = self._sections[row].items
        return items[index.row()] if 0 <= index.row() < len(items) else None

    def position(self, index: AnyIndex) -> tuple[int, int] | None:
        """(section row, item row) of an item, (section row, -1) of a section, or None."""
        if self._section_of(index) is not None:
            return index.row(), -1
        row = self._parent_row(index)
        return (row, index.row()) if row >= 0 else None

    def index_at(self, section: int, row: int = -1, column: int = 0) -> QModelIndex:
        """The index of a section (``row`` -1) or of one of its items."""
        if not 0 <= section < len(self._sections):
            return QModelIndex()
        section_index = self.index(section, column if row < 0 else 0)
        return section_index if row < 0 else self.index(row, column, section_index)

    # -- editing --------------------------------------------------------------------------------

    def add_section(self, heading: str, row: int | None = None) -> QModelIndex:
        """A new empty section at ``row`` (the end by default); returns its index."""
        row = len(self._sections) if row is None else max(0, min(row, len(self._sections)))
        before = self._state()
        self.beginInsertRows(_ROOT, row, row)
        self._sections.insert(row, self._new_section(heading))
        self.endInsertRows()
        self._push(self.tr("Add section"), before)
        return self.index(row, 0)

    def rename_section(self, section: int, heading: str) -> bool:
        """Give a section another heading (blank headings are refused)."""
        heading = " ".join(heading.split())
        if not heading or not 0 <= section < len(self._sections):
            return False
        if self._sections[section].heading == heading:
            return True
        before = self._state()
        self._sections[section].heading = heading
        index = self.index(section, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        self._push(self.tr("Rename section"), before)
        return True

    def set_summary(self, section: int, row: int, summary: str) -> bool:
        """Give an item its one-line summary; successive edits of one item undo together."""
        if not 0 <= section < len(self._sections):
            return False
        items = self._sections[section].items
        if not 0 <= row < len(items):
            return False
        if not summary.strip():
            summary = ""
        if items[row].summary == summary:
            return True
        before = self._state()
        items[row] = replace(items[row], summary=summary)
        index = self.index(row, 0, self.index(section, 0))
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])
        key = ("summary", self._sections[section].uid, items[row].article_id, row)
        self._push(self.tr("Edit summary"), before, merge_key=key)
        return True

    def remove(self, index: AnyIndex) -> str | None:
        """Remove a section (with its items) or an item; returns what was removed, in words
        (for the status line), or None when nothing was."""
        position = self.position(index)
        if position is None:
            return None
        section, row = position
        before = self._state()
        if row < 0:
            removed = self._sections[section]
            self.beginRemoveRows(_ROOT, section, section)
            del self._sections[section]
            self.endRemoveRows()
            self._push(self.tr("Remove section"), before)
            return self.tr("Section “{0}” removed").format(removed.heading)
        item = self._sections[section].items[row]
        self.beginRemoveRows(self.index(section, 0), row, row)
        del self._sections[section].items[row]
        self.endRemoveRows()
        self._push(self.tr("Remove article"), before)
        return self.tr("“{0}” removed").format(item.title)

    def move_item(self, section: int, row: int, to_section: int, to_row: int) -> bool:
        """Move an item before ``to_row`` of ``to_section`` (numbered as before the move;
        the end when ``to_row`` is -1 or past the end)."""
        if not (0 <= section < len(self._sections) and 0 <= to_section < len(self._sections)):
            return False
        source = self._sections[section]
        target = self._sections[to_section]
        if not 0 <= row < len(source.items):
            return False
        if not 0 <= to_row <= len(target.items):
            to_row = len(target.items)
        if section == to_section and to_row in (row, row + 1):
            return False  # already there
        before = self._state()
        source_parent = self.index(section, 0)
        target_parent = self.index(to_section, 0)
        if not self.beginMoveRows(source_parent, row, row, target_parent, to_row):
            return False
        item = source.items.pop(row)
        if section == to_section and to_row > row:
            to_row -= 1
        target.items.insert(to_row, item)
        self.endMoveRows()
        for parent in {section, to_section}:
            summary = self.index(parent, SOURCE_COLUMN)
            self.dataChanged.emit(summary, self.index(parent, PASSAGES_COLUMN))
        self._push(self.tr("Move article"), before)
        return True

    def move_section(self, section: int, to_row: int) -> bool:
        """Move a section before the section at ``to_row`` (numbered as before the move;
        the end when it is -1 or past the end)."""
        count = len(self._sections)
        if not 0 <= section < count:
            return False
        if not 0 <= to_row <= count:
            to_row = count
        if to_row in (section, section + 1):
            return False
        before = self._state()
        if not self.beginMoveRows(_ROOT, section, section, _ROOT, to_row):
            return False
        moved = self._sections.pop(section)
        self._sections.insert(to_row - 1 if to_row > section else to_row, moved)
        self.endMoveRows()
        self._push(self.tr("Move section"), before)
        return True

    def move_up(self, index: AnyIndex) -> QModelIndex:
        """Move a row one place up; an item at the top of its section goes to the end of the
        section above. Returns the row's new index (invalid when it could not move)."""
        return self._move_by(index, -1)

    def move_down(self, index: AnyIndex) -> QModelIndex:
        """Move a row one place down; an item at the end of its section goes to the top of
        the section below. Returns the row's new index (invalid when it could not move)."""
        return self._move_by(index, 1)

    def _move_by(self, index: AnyIndex, step: int) -> QModelIndex:
        position = self.position(index)
        if position is None:
            return QModelIndex()
        section, row = position
        if row < 0:
            target = section + step
            if not 0 <= target < len(self._sections):
                return QModelIndex()
            self.move_section(section, target if step < 0 else target + 1)
            return self.index_at(target)
        size = len(self._sections[section].items)
        if 0 <= row + step < size:
            self.move_item(section, row, section, row + step if step < 0 else row + 2)
            return self.index_at(section, row + step)
        neighbour = section + step
        if not 0 <= neighbour < len(self._sections):
            return QModelIndex()
        at = len(self._sections[neighbour].items) if step < 0 else 0
        self.move_item(section, row, neighbour, at)
        return self.index_at(neighbour, at)

    # -- Qt model interface ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not 0 <= column < COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._sections) else QModelIndex()
        section = self._section_of(parent)
        if section is None or parent.column() != 0 or row >= len(section.items):
            return QModelIndex()
        return self.createIndex(row, column, section.uid)

    def parent(self, index: AnyIndex | None = None) -> Any:
        if index is None:
            return QObject.parent(self)  # the QObject overload: model.parent() is its owner
        row = self._parent_row(index)
        return self.createIndex(row, 0, 0) if row >= 0 else QModelIndex()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._sections)
        section = self._section_of(parent)
        return len(section.items) if section is not None and parent.column() == 0 else 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # sections are dropped between sections
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if self._section_of(index) is not None:
            base |= Qt.ItemFlag.ItemIsDropEnabled
            if index.column() == TITLE_COLUMN:
                base |= Qt.ItemFlag.ItemIsEditable
            return base
        return base | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Section / article"), self.tr("Source"), self.tr("Passages"))
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        section = self._section_of(index)
        if section is not None:
            return self._section_data(section, index.column(), role)
        item = self.item_at(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE_COLUMN:
                return item.title or self.tr("(untitled)")
            if column == SOURCE_COLUMN:
                return item.source
            return number(len(item.highlights))
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE_COLUMN:
            lines = [item.title]
            if item.summary.strip():
                lines.append(self.tr("Summary: {0}").format(item.summary.strip()))
            if item.article_id is None:
                lines.append(self.tr("The article is no longer in the library."))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PASSAGES_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _section_data(self, section: _Section, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == TITLE_COLUMN:
                return section.heading
            if role == Qt.ItemDataRole.EditRole:
                return None
            if column == SOURCE_COLUMN:
                count = len(section.items)
                if count == 1:
                    return self.tr("%Ln article", "", count)
                return self.tr("%Ln articles", "", count)
            return number(sum(len(item.highlights) for item in section.items))
        if role == Qt.ItemDataRole.FontRole and column == TITLE_COLUMN:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE_COLUMN:
            return self.tr("{0} — double-click or F2 to rename").format(section.heading)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PASSAGES_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or index.column() != TITLE_COLUMN
            or self._section_of(index) is None
        ):
            return False
        return self.rename_section(index.row(), str(value))

    # -- drag and drop ----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The first dragged row's position (one row is dragged at a time); nothing for
        indexes not of this model."""
        mime = QMimeData()
        for index in indexes:
            position = self.position(index)
            if position is not None:
                payload = {"owner": self._owner(), "section": position[0], "row": position[1]}
                mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
                break
        return mime

    def _owner(self) -> str:
        """Names this model among every model of every process, so a drop from elsewhere is
        refused rather than read as positions of this one."""
        return f"{os.getpid()}:{id(self)}"

    def _dragged(self, mime: QMimeData | None) -> tuple[int, int] | None:
        if mime is None or not mime.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
            if payload["owner"] != self._owner():
                return None
            section, row = int(payload["section"]), int(payload["row"])
        except (ValueError, KeyError, TypeError):
            return None
        if not 0 <= section < len(self._sections):
            return None
        if row >= len(self._sections[section].items):
            return None
        return section, row

    def _drop_target(
        self, dragged: tuple[int, int], row: int, parent: AnyIndex
    ) -> tuple[int, int] | None:
        """Where a drop puts the dragged row: (section, item row) for an item, (section row,
        -1) for a section; None where it cannot go."""
        _section, item_row = dragged
        if item_row < 0:
            # A section goes between sections, or where the section it is dropped on is.
            if not parent.isValid():
                return (len(self._sections) if row < 0 else row), -1
            if self._section_of(parent) is not None and row < 0:
                return parent.row(), -1
            return None
        target = self._section_of(parent)
        if target is not None:
            return parent.row(), (len(target.items) if row < 0 else row)
        if not parent.isValid() and self._sections:
            # Between two sections, or below the last: the end of the section above.
            above = len(self._sections) - 1 if row < 0 else row - 1
            if above >= 0:
                return above, len(self._sections[above].items)
        return None

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        dragged = self._dragged(data)
        return dragged is not None and self._drop_target(dragged, row, parent) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        """Move the dragged row where it was dropped. The move is made here (keeping the
        row's identity, selection and undo) rather than as an insert followed by the view's
        removal of the original, so this model has no removeRows for the view to call."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        dragged = self._dragged(data)
        assert dragged is not None
        target = self._drop_target(dragged, row, parent)
        assert target is not None
        section, item_row = dragged
        if item_row < 0:
            self.move_section(section, target[0])
        else:
            self.move_item(section, item_row, target[0], target[1])
        return True

    def moveRows(
        self,
        sourceParent: AnyIndex,
        sourceRow: int,
        count: int,
        destinationParent: AnyIndex,
        destinationChild: int,
    ) -> bool:
        """Qt's way to move rows (one at a time here): sections among sections, items into
        any section."""
        if count != 1:
            return False
        if not sourceParent.isValid() and not destinationParent.isValid():
            return self.move_section(sourceRow, destinationChild)
        source = self._section_of(sourceParent)
        target = self._section_of(destinationParent)
        if source is None or target is None:
            return False
        return self.move_item(
            sourceParent.row(), sourceRow, destinationParent.row(), destinationChild
        )
