"""HighlightsModel: every highlight of the library as a table model, filtered and sorted in
memory."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
)

from reader.core import Store
from reader.core.errors import ArticleNotFoundError
from reader.core.types import Highlight, HighlightColor
from reader.ui.highlight_filter import (
    ARTICLE_COLUMN,
    COLUMN_COUNT,
    DATE_COLUMN,
    NOTE_COLUMN,
    PASSAGE_COLUMN,
    SOURCE_COLUMN,
    TAGS_COLUMN,
    FilterColumns,
    HighlightEntry,
    HighlightFilter,
    one_line,
)
from reader.ui.highlight_marks import color_meaning, color_name, swatch_icon
from reader.ui.i18n import short_date

AnyIndex = QModelIndex | QPersistentModelIndex
#: The invisible root, as the default parent of the model methods.
_ROOT = QModelIndex()


#: The data role that gives the row's Highlight value.
HighlightRole: Final = int(Qt.ItemDataRole.UserRole) + 1


class HighlightsModel(QAbstractTableModel):
    """Every highlight of the library (Passage, Note, Tags, Article, Source, Date), read by
    :meth:`reload` and filtered in memory by :meth:`set_filter`.

    Each highlight comes with everything the filter and the view need, computed once (folded
    search text, tag prefixes, day, display strings) and kept while the highlight is
    unchanged, so filtering is one pass over plain lists and ``data()`` never touches the
    database. :meth:`refresh_articles` reads again only the highlights of some articles.
    Filtering resets the model; sorting changes its layout.
    """

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = HighlightFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._colors: list[HighlightColor] = []
        self._meanings: dict[str, str] = {}
        #: Every highlight, in the library's order, and by id.
        self._entries: list[HighlightEntry] = []
        self._entry_of_id: dict[int, HighlightEntry] = {}
        #: What the filter reads, by index into _entries.
        self._columns = FilterColumns.of([])
        #: Indexes into _entries, in the current sort order, then those the filter keeps.
        self._order: list[int] = []
        self._rows: list[int] = []
        self._row_of_id: dict[int, int] | None = None
        self._date_texts: dict[int, str] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self.reload()

    # -- state ------------------------------------------------------------------------------

    @property
    def filter(self) -> HighlightFilter:
        return self._filter

    @property
    def total(self) -> int:
        """How many highlights the library has (the filter aside)."""
        return len(self._entries)

    @property
    def colors(self) -> list[HighlightColor]:
        """The palette as read by the last reload."""
        return list(self._colors)

    def color_label(self, color: str) -> str:
        """A colour with what it means: "Yellow — key fact"."""
        meaning = self._meanings.get(color)
        name = color_name(color)
        return self.tr("{0} — {1}").format(name, color_meaning(meaning)) if meaning else name

    def set_store(self, store: Store) -> None:
        """Show another library's highlights (the filter and sort order are kept)."""
        self._store = store
        self._entry_of_id = {}
        self.reload()

    def highlight_at(self, row: int) -> Highlight | None:
        """The highlight shown on ``row``, or None."""
        if not 0 <= row < len(self._rows):
            return None
        return self._entries[self._rows[row]].highlight

    def row_of(self, highlight_id: int) -> int:
        """The row showing a highlight, or -1 when it is filtered out or does not exist."""
        if self._row_of_id is None:
            entries = self._entries
            ids = [entries[i].highlight.id for i in self._rows]
            self._row_of_id = {hid: row for row, hid in enumerate(ids)}
        return self._row_of_id.get(highlight_id, -1)

    def day_range(self) -> tuple[date, date] | None:
        """The oldest and newest days highlights are dated by, or None without highlights."""
        days = self._columns.days
        if not days:
            return None
        return date.fromordinal(min(days)), date.fromordinal(max(days))

    def contains(self, highlight_id: int) -> bool:
        """Whether the library had this highlight when last read (filter aside)."""
        return highlight_id in self._entry_of_id

    # -- loading and filtering --------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read every highlight and the palette again; the filter and sort stay."""
        highlights = self._store.highlights.list()
        self._colors = self._store.highlights.colors()
        self._meanings = {c.name: c.meaning for c in self._colors}
        self._load([self._entry(h) for h in highlights])

    def refresh_articles(self, article_ids: Iterable[int]) -> None:
        """Read again the highlights of some articles only (after they were edited); the
        filter and sort stay. An article that has gone makes it read everything."""
        wanted = set(article_ids)
        fresh: list[HighlightEntry] = []
        for article_id in sorted(wanted):
            try:
                fresh += map(self._entry, self._store.highlights.list(article_id=article_id))
            except ArticleNotFoundError:
                self.reload()
                return
        kept = [e for e in self._entries if e.highlight.article_id not in wanted]
        self._load(sorted(kept + fresh, key=lambda e: e.order))

    def _entry(self, highlight: Highlight) -> HighlightEntry:
        known = self._entry_of_id.get(highlight.id)
        if known is not None and known.highlight == highlight:
            return known
        return HighlightEntry.of(highlight)

    def _load(self, entries: list[HighlightEntry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._entry_of_id = {e.highlight.id: e for e in entries}
        self._columns = FilterColumns.of(entries)
        self._order = self._sorted_order()
        self._rows = self._filtered(self._filter)
        self._row_of_id = None
        self.endResetModel()

    def set_filter(self, wanted: HighlightFilter) -> None:
        """Show the highlights that match ``wanted``."""
        rows = self._filtered(wanted)
        self.beginResetModel()
        self._filter = wanted
        self._rows = rows
        self._row_of_id = None
        self.endResetModel()

    def _filtered(self, wanted: HighlightFilter) -> list[int]:
        return self._columns.keep(self._order, wanted)

    # -- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the date by time; text without case or accents); rows that tie
        keep the library's order: newest articles first, reading order within one."""
        if not 0 <= column < COLUMN_COUNT:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._entries[self._rows[index.row()]].highlight.id for index in before]
        self._sort = (column, order)
        self._order = self._sorted_order()
        self._rows = self._filtered(self._filter)
        self._row_of_id = None
        self.changePersistentIndexList(
            before,
            [
                self.index(self.row_of(hid), index.column())
                for hid, index in zip(ids, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sorted_order(self) -> list[int]:
        everything = range(len(self._entries))
        if self._sort is None:
            return list(everything)
        column, order = self._sort
        keys = [e.sort_key(column) for e in self._entries]
        return sorted(
            everything, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder
        )

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Passage"),
            self.tr("Note"),
            self.tr("Tags"),
            self.tr("Article"),
            self.tr("Source"),
            self.tr("Date"),
        )
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._entries[self._rows[index.row()]]
        highlight = entry.highlight
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == HighlightRole:
            return highlight
        if role == Qt.ItemDataRole.DecorationRole:
            if column == PASSAGE_COLUMN and QGuiApplication.instance() is not None:
                return swatch_icon(highlight.color)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(highlight, column)
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if highlight.orphaned and column == PASSAGE_COLUMN else None
        return None

    # -- presentation -----------------------------------------------------------------------

    def _display(self, entry: HighlightEntry, column: int) -> str:
        if column == PASSAGE_COLUMN:
            return entry.quote
        if column == NOTE_COLUMN:
            return entry.note
        if column == TAGS_COLUMN:
            return entry.tag_text
        if column == ARTICLE_COLUMN:
            return entry.highlight.article_title or self.tr("(untitled)")
        if column == SOURCE_COLUMN:
            return entry.highlight.feed_title
        return self._date_text(entry.day)

    def _date_text(self, day: int) -> str:
        text = self._date_texts.get(day)
        if text is None:
            d = date.fromordinal(day)
            text = short_date(d)
            self._date_texts[day] = text
        return text

    def _tooltip(self, highlight: Highlight, column: int) -> str | None:
        if column == PASSAGE_COLUMN:
            lines = [self.color_label(highlight.color)]
            if highlight.article_id is None:
                lines.append(self.tr("Article deleted: the quote, note and tags are kept."))
            elif highlight.orphaned:
                lines.append(self.tr("Article changed: this passage is no longer in it."))
            # The whole passage, which the cell elides.
            lines += ["", self.tr("“{0}”").format(one_line(highlight.exact))]
            return "\n".join(lines)
        if column == NOTE_COLUMN:
            return highlight.note or None
        if column == ARTICLE_COLUMN:
            return highlight.article_title or None
        if column == DATE_COLUMN and highlight.published is None:
            return self.tr("Date of the highlight (its article is gone)")
        return None
