"""The Highlights window: every highlight of the library in one table, filtered as you type."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core import Store
from reader.core.errors import ArticleNotFoundError, ReaderError
from reader.core.types import Highlight, HighlightColor
from reader.ui.annotations import Annotations, Change
from reader.ui.highlight_marks import color_meaning, color_name, swatch_icon
from reader.ui.i18n import date_edit_format, display_locale, long_date, number, short_date

AnyIndex = QModelIndex | QPersistentModelIndex
#: The invisible root, as the default parent of the model methods.
_ROOT = QModelIndex()

PASSAGE_COLUMN: Final = 0
NOTE_COLUMN: Final = 1
TAGS_COLUMN: Final = 2
ARTICLE_COLUMN: Final = 3
SOURCE_COLUMN: Final = 4
DATE_COLUMN: Final = 5
COLUMN_COUNT: Final = 6

#: The data role that gives the row's Highlight value.
HighlightRole: Final = int(Qt.ItemDataRole.UserRole) + 1

#: How long typing pauses before the table follows.
FILTER_DELAY_MS: Final = 150
#: Characters of a quote or note kept for display; the view elides the rest anyway.
SHOWN_CHARS: Final = 300

_SEPARATOR = "\x1f"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _marks() -> re.Pattern[str]:
    """Every combining character of the Basic Multilingual Plane (what NFKD splits off
    accented letters) as one character class, which only BMP characters let the regex
    engine compile to a lookup table: removing them is then one fast pass."""
    marks = "".join(chr(c) for c in range(0x10000) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]")


def fold(text: str) -> str:
    """``text`` as the filter compares it: case and accents dropped (« Coopération » →
    « cooperation »)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    folded = _marks().sub("", decomposed)
    if _ASTRAL.search(folded):
        # Beyond the BMP (historic scripts, musical notation): the rare slow way.
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded


def _tag_key(name: str) -> str:
    """A tag as the filter compares it: case dropped, spaces around "/" ignored."""
    return "/".join(" ".join(part.split()) for part in name.split("/") if part.strip()).casefold()


@functools.lru_cache(maxsize=4096)  # a library has far fewer tags than highlights
def _tag_and_parents(name: str) -> tuple[str, ...]:
    """``country/Mali`` → ``country``, ``country/mali``: what a tag filter can name."""
    parts = _tag_key(name).split("/")
    return tuple("/".join(parts[: i + 1]) for i in range(len(parts)))


@functools.lru_cache(maxsize=8192)  # highlights share a few combinations of tags
def _tag_set(tags: tuple[str, ...]) -> frozenset[str]:
    """Every name a tag filter can match these tags by."""
    return frozenset(part for name in tags for part in _tag_and_parents(name))


def highlight_day(highlight: Highlight) -> date:
    """The local day a highlight is dated by: its article's publication, or, when the article
    is gone, the highlight's own creation."""
    return (highlight.published or highlight.created).astimezone().date()


def _one_line(text: str) -> str:
    flat = " ".join(text[: SHOWN_CHARS * 2].split())
    return flat if len(flat) <= SHOWN_CHARS else flat[: SHOWN_CHARS - 1] + "…"


def _library_order(highlight: Highlight) -> tuple[Any, ...]:
    """The store's listing order: newest articles first (gone ones last), then reading
    order within an article."""
    published = highlight.published
    return (
        published is None,
        -published.timestamp() if published is not None else 0.0,
        highlight.article_id or 0,
        highlight.start is None,
        highlight.start or 0,
        highlight.id,
    )


@dataclass(slots=True)
class _Entry:
    """A highlight with what the filter and the table need, computed once per version."""

    highlight: Highlight
    order: tuple[Any, ...]
    search: str
    tags: frozenset[str]
    day: int
    quote: str
    note: str
    tag_text: str
    #: Sort keys by column, computed when the column is first sorted by.
    sort_keys: dict[int, Any]

    @classmethod
    def of(cls, h: Highlight) -> _Entry:
        return cls(
            highlight=h,
            order=_library_order(h),
            search=fold(_SEPARATOR.join((h.exact, h.note, h.article_title, *h.tags))),
            tags=_tag_set(h.tags),
            day=highlight_day(h).toordinal(),
            quote=_one_line(h.exact),
            note=_one_line(h.note),
            tag_text=", ".join(h.tags),
            sort_keys={},
        )

    def sort_key(self, column: int) -> Any:
        key = self.sort_keys.get(column)
        if key is None:
            h = self.highlight
            if column == DATE_COLUMN:
                key = (h.published or h.created).timestamp()
            elif column == PASSAGE_COLUMN:
                key = fold(h.exact)
            elif column == NOTE_COLUMN:
                key = fold(h.note)
            elif column == TAGS_COLUMN:
                key = fold(self.tag_text)
            elif column == ARTICLE_COLUMN:
                key = fold(h.article_title)
            else:
                key = fold(h.feed_title)
            self.sort_keys[column] = key
        return key


@dataclass(frozen=True, slots=True)
class HighlightFilter:
    """Which highlights the window shows; every criterion set must hold.

    ``text``: every word appears in the quote, the note, the article's title or the tags,
    ignoring case and accents. ``tag``: the tag or one below it (``country`` matches
    ``country/Mali``), ignoring case. ``since``/``until``: inclusive days of the article's
    publication (of the highlight's creation when the article is gone).
    """

    text: str = ""
    tag: str | None = None
    color: str | None = None
    feed_id: int | None = None
    since: date | None = None
    until: date | None = None
    orphaned_only: bool = False

    @property
    def is_empty(self) -> bool:
        return self == HighlightFilter()


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
        self._entries: list[_Entry] = []
        self._entry_of_id: dict[int, _Entry] = {}
        # What the filter reads, by index into _entries.
        self._search: list[str] = []
        self._tags: list[frozenset[str]] = []
        self._days: list[int] = []
        self._colors_of: list[str] = []
        self._feeds: list[int | None] = []
        self._orphaned: list[bool] = []
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
        if not self._days:
            return None
        return date.fromordinal(min(self._days)), date.fromordinal(max(self._days))

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
        fresh: list[_Entry] = []
        for article_id in sorted(wanted):
            try:
                fresh += map(self._entry, self._store.highlights.list(article_id=article_id))
            except ArticleNotFoundError:
                self.reload()
                return
        kept = [e for e in self._entries if e.highlight.article_id not in wanted]
        self._load(sorted(kept + fresh, key=lambda e: e.order))

    def _entry(self, highlight: Highlight) -> _Entry:
        known = self._entry_of_id.get(highlight.id)
        if known is not None and known.highlight == highlight:
            return known
        return _Entry.of(highlight)

    def _load(self, entries: list[_Entry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._entry_of_id = {e.highlight.id: e for e in entries}
        self._search = [e.search for e in entries]
        self._tags = [e.tags for e in entries]
        self._days = [e.day for e in entries]
        self._colors_of = [e.highlight.color for e in entries]
        self._feeds = [e.highlight.feed_id for e in entries]
        self._orphaned = [e.highlight.start is None for e in entries]
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
        rows = self._order
        if wanted.orphaned_only:
            orphaned = self._orphaned
            rows = [i for i in rows if orphaned[i]]
        if wanted.color is not None:
            color, colors = wanted.color, self._colors_of
            rows = [i for i in rows if colors[i] == color]
        if wanted.feed_id is not None:
            feed_id, feeds = wanted.feed_id, self._feeds
            rows = [i for i in rows if feeds[i] == feed_id]
        if wanted.since is not None or wanted.until is not None:
            days = self._days
            low = wanted.since.toordinal() if wanted.since is not None else -1
            high = wanted.until.toordinal() if wanted.until is not None else 1 << 30
            rows = [i for i in rows if low <= days[i] <= high]
        name = _tag_key(wanted.tag) if wanted.tag is not None else ""
        if name:
            tags = self._tags
            rows = [i for i in rows if name in tags[i]]
        search = self._search
        for word in fold(wanted.text).split():
            rows = [i for i in rows if word in search[i]]
        return rows if rows is not self._order else list(rows)

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

    def _display(self, entry: _Entry, column: int) -> str:
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
            lines += ["", self.tr("“{0}”").format(_one_line(highlight.exact))]
            return "\n".join(lines)
        if column == NOTE_COLUMN:
            return highlight.note or None
        if column == ARTICLE_COLUMN:
            return highlight.article_title or None
        if column == DATE_COLUMN and highlight.published is None:
            return self.tr("Date of the highlight (its article is gone)")
        return None


class HighlightTable(QTableView):
    """The table of highlights; Enter or Return opens the current one, Delete deletes it.

    Signals:
        open_requested(QModelIndex): Enter or Return on a row.
        delete_requested(QModelIndex): the Delete key on a row.
    """

    open_requested = Signal(QModelIndex)
    delete_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid() and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_requested.emit(index)
                event.accept()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_requested.emit(index)
                event.accept()
                return
        super().keyPressEvent(event)


class HighlightsWindow(QWidget):
    """A window listing every highlight of the library, with a filter bar; edits go through
    :class:`Annotations`, so they are undoable here and everywhere else.

    Signals:
        passageRequested(Highlight): the user wants to read a highlight in its article
            (double click, Enter or "Go to passage"); never sent for one whose article is gone.
    """

    passageRequested = Signal(object)

    def __init__(
        self, store: Store, annotations: Annotations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.annotations = annotations
        self._stale = False
        self._kept_id: int | None = None
        self._kept_row = -1
        self.setWindowTitle(self.tr("Highlights"))
        self.setObjectName("highlights")
        self.resize(1180, 680)
        self.model = HighlightsModel(store, self)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._build()
        self._build_actions()
        self._connect_signals()
        self._fill_choices()
        self._update_count()

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Filter highlights"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Filter highlights"))
        self.search_box.setToolTip(
            self.tr("Words of the passage, note, article title or tags; accents do not matter")
        )

        self.tag_box = QComboBox()
        self.tag_box.setEditable(True)
        self.tag_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag_box.setAccessibleName(self.tr("Tag"))
        self.tag_box.setToolTip(self.tr("A tag, and the tags below it"))
        self.tag_box.setMinimumContentsLength(14)
        completer = QCompleter(self.tag_box.model(), self.tag_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_box.setCompleter(completer)

        self.color_box = QComboBox()
        self.color_box.setAccessibleName(self.tr("Colour"))
        self.feed_box = QComboBox()
        self.feed_box.setAccessibleName(self.tr("Source"))
        self.feed_box.setMinimumContentsLength(14)
        self.feed_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )

        self.since_check = QCheckBox(self.tr("From"))
        self.since_check.setAccessibleName(self.tr("Only from a date"))
        self.since_edit = self._date_edit(self.tr("From date"))
        self.until_check = QCheckBox(self.tr("To"))
        self.until_check.setAccessibleName(self.tr("Only up to a date"))
        self.until_edit = self._date_edit(self.tr("To date"))
        self.orphaned_check = QCheckBox(self.tr("Orphaned only"))
        self.orphaned_check.setAccessibleName(self.tr("Orphaned only"))
        self.orphaned_check.setToolTip(
            self.tr(
                "Highlights whose passage is no longer in their article, or whose article is gone"
            )
        )
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.reset_button.setAccessibleName(self.tr("Clear filters"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Highlights shown"))

        self.view = HighlightTable()
        self.view.setObjectName("highlight-table")
        self.view.setAccessibleName(self.tr("Highlights"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows are read whole: Tab leaves the table instead of walking its cells forever.
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        # Set widths the user can change: "resize to contents" would read every row each time
        # the filter changes.
        for column in range(COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PASSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        header.resizeSection(NOTE_COLUMN, 220)
        header.resizeSection(TAGS_COLUMN, 140)
        header.resizeSection(ARTICLE_COLUMN, 200)
        header.resizeSection(SOURCE_COLUMN, 140)
        header.resizeSection(DATE_COLUMN, metrics.horizontalAdvance("28/11/2026") + 28)
        header.setMinimumSectionSize(48)
        # The indicator first: enabling sorting sorts at once by whatever it shows.
        header.setSortIndicator(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)

        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setWordWrap(True)

        first = QHBoxLayout()
        first.addWidget(self.search_box, 3)
        first.addWidget(self.tag_box, 1)
        first.addWidget(self.color_box, 1)
        first.addWidget(self.feed_box, 1)
        second = QHBoxLayout()
        second.addWidget(self.since_check)
        second.addWidget(self.since_edit)
        second.addSpacing(8)
        second.addWidget(self.until_check)
        second.addWidget(self.until_edit)
        second.addSpacing(8)
        second.addWidget(self.orphaned_check)
        second.addWidget(self.reset_button)
        second.addStretch(1)
        second.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setLocale(display_locale())
        edit.setDisplayFormat(date_edit_format())
        edit.setAccessibleName(name)
        edit.setEnabled(False)
        return edit

    def _build_actions(self) -> None:
        stack = self.annotations.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        for action in (self.undo_action, self.redo_action, find):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def _connect_signals(self) -> None:
        """Every connection of the window, in one place."""
        self.search_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.search_box.returnPressed.connect(self.apply_filter)
        self.tag_box.editTextChanged.connect(lambda _text: self._filter_timer.start())
        self.tag_box.activated.connect(lambda _row: self.apply_filter())
        self._filter_timer.timeout.connect(self.apply_filter)
        for box in (self.color_box, self.feed_box):
            box.currentIndexChanged.connect(lambda _row: self.apply_filter())
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.apply_filter())
            edit.dateChanged.connect(lambda _date: self.apply_filter())
        self.orphaned_check.toggled.connect(lambda _on: self.apply_filter())
        self.reset_button.clicked.connect(self.clear_filters)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._update_count)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.view.doubleClicked.connect(self.on_row_opened)
        self.view.open_requested.connect(self.on_row_opened)
        self.view.delete_requested.connect(lambda index: self.delete_highlight(self._at(index)))
        self.view.customContextMenuRequested.connect(self.on_context_menu)
        self.annotations.changed.connect(self.on_annotations_changed)

    def _fill_choices(self) -> None:
        """The tag, colour and source choices from the library, keeping what is chosen."""
        boxes = (self.tag_box, self.color_box, self.feed_box)
        for box in boxes:
            box.blockSignals(True)
        try:
            tag_text = self.tag_box.currentText()
            tag_text = "" if tag_text == self.tag_box.itemText(0) else tag_text
            self.tag_box.clear()
            self.tag_box.addItem(self.tr("All tags"), None)
            for name in self.store.tags.names():
                self.tag_box.addItem(name, name)
            if tag_text:
                self.tag_box.setEditText(tag_text)

            color = self.color_box.currentData()
            self.color_box.clear()
            self.color_box.addItem(self.tr("All colours"), None)
            for c in self.model.colors:
                self.color_box.addItem(swatch_icon(c.name), self.model.color_label(c.name), c.name)
            self.color_box.setCurrentIndex(max(0, self.color_box.findData(color)))

            feed_id = self.feed_box.currentData()
            self.feed_box.clear()
            self.feed_box.addItem(self.tr("All feeds"), None)
            for feed in self.store.list_feeds():
                self.feed_box.addItem(feed.title, feed.id)
                if feed.folder:
                    self.feed_box.setItemData(
                        self.feed_box.count() - 1, feed.folder, Qt.ItemDataRole.ToolTipRole
                    )
            self.feed_box.setCurrentIndex(max(0, self.feed_box.findData(feed_id)))
        finally:
            for box in boxes:
                box.blockSignals(False)
        self._fill_dates()

    def _fill_dates(self) -> None:
        """Unset date bounds default to the oldest and newest highlighted days."""
        days = self.model.day_range()
        low, high = days if days else (self.store.now().date(),) * 2
        for check, edit, day in (
            (self.since_check, self.since_edit, low),
            (self.until_check, self.until_edit, high),
        ):
            if not check.isChecked():
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)

    # -- filtering --------------------------------------------------------------------------

    def current_filter(self) -> HighlightFilter:
        """The filter the controls describe."""
        tag = self.tag_box.currentText().strip()
        if tag == self.tag_box.itemText(0):
            tag = ""
        return HighlightFilter(
            text=self.search_box.text(),
            tag=tag or None,
            color=self.color_box.currentData(),
            feed_id=self.feed_box.currentData(),
            since=_day(self.since_edit) if self.since_check.isChecked() else None,
            until=_day(self.until_edit) if self.until_check.isChecked() else None,
            orphaned_only=self.orphaned_check.isChecked(),
        )

    @Slot()
    def apply_filter(self) -> None:
        """Filter the table by the controls now (typing waits FILTER_DELAY_MS for a pause)."""
        self._filter_timer.stop()
        wanted = self.current_filter()
        if wanted != self.model.filter:
            self.model.set_filter(wanted)

    def set_filter(self, wanted: HighlightFilter) -> None:
        """Show the controls set to ``wanted`` and filter by it (the main window can open the
        window on a tag or a source this way)."""
        controls: Sequence[QWidget] = (
            self.search_box, self.tag_box, self.color_box, self.feed_box,
            self.since_check, self.since_edit, self.until_check, self.until_edit,
            self.orphaned_check,
        )  # fmt: skip
        for widget in controls:
            widget.blockSignals(True)
        try:
            self.search_box.setText(wanted.text)
            if wanted.tag is None:
                self.tag_box.setCurrentIndex(0)
            else:
                self.tag_box.setEditText(wanted.tag)
            self.color_box.setCurrentIndex(max(0, self.color_box.findData(wanted.color)))
            self.feed_box.setCurrentIndex(max(0, self.feed_box.findData(wanted.feed_id)))
            for check, edit, day in (
                (self.since_check, self.since_edit, wanted.since),
                (self.until_check, self.until_edit, wanted.until),
            ):
                check.setChecked(day is not None)
                edit.setEnabled(day is not None)
                if day is not None:
                    edit.setDate(QDate(day.year, day.month, day.day))
            self.orphaned_check.setChecked(wanted.orphaned_only)
        finally:
            for widget in controls:
                widget.blockSignals(False)
        self.apply_filter()

    @Slot()
    def clear_filters(self) -> None:
        self.set_filter(HighlightFilter())

    @Slot()
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        text = (
            self.tr("{0} of %Ln highlight", "", total)
            if total == 1
            else self.tr("{0} of %Ln highlights", "", total)
        )
        self.count_label.setText(text.format(number(shown)))

    # -- the library ------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        """Show another library (after the main window opened one); the filter is kept, a
        source of the previous library is not."""
        self.store = store
        self.model.set_store(store)
        self._fill_choices()
        self.apply_filter()
        self.status_label.clear()

    @Slot()
    def reload(self) -> None:
        """Read the library's highlights again, keeping the filter and the selected one."""
        self._stale = False
        before = self.current_filter()
        self.model.reload()
        self._fill_choices()
        # A tag or source that went leaves its box, which then filters by something else.
        if self.current_filter() != before:
            self.apply_filter()

    @Slot(object)
    def on_annotations_changed(self, change: Change) -> None:
        # Reading 20 000 highlights again is not free: a hidden window waits to be shown,
        # and a change to some articles' highlights reads those articles' only.
        if not self.isVisible():
            self._stale = True
        elif change.article_ids:
            self.model.refresh_articles(change.article_ids)
            if change.tags:
                self._fill_choices()
        else:
            # Tags renamed or deleted, a highlight whose article is gone: anything may differ.
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    # -- selection --------------------------------------------------------------------------

    def selected_highlight(self) -> Highlight | None:
        return self.model.highlight_at(self.view.currentIndex().row())

    def select_highlight(self, highlight_id: int) -> bool:
        """Make a highlight the current row; False when the filter hides it."""
        row = self.model.row_of(highlight_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    @Slot()
    def _remember_selection(self) -> None:
        current = self.selected_highlight()
        self._kept_id = current.id if current else None
        self._kept_row = self.view.currentIndex().row()

    @Slot()
    def _restore_selection(self) -> None:
        kept, row = self._kept_id, self._kept_row
        self._kept_id, self._kept_row = None, -1
        if kept is None or self.select_highlight(kept):
            return
        if not self.model.contains(kept) and self.model.rowCount():
            # It was deleted: the next one takes its place, so Delete can be pressed again.
            index = self.model.index(min(row, self.model.rowCount() - 1), 0)
            self.view.setCurrentIndex(index)
        else:
            self.status_label.clear()

    def _at(self, index: QModelIndex) -> Highlight | None:
        return self.model.highlight_at(index.row()) if index.isValid() else None

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        highlight = self._at(current)
        self.status_label.setText(self._explanation(highlight) if highlight else "")

    def _explanation(self, highlight: Highlight) -> str:
        if highlight.article_id is None:
            return self.tr(
                "The article of this highlight was deleted: it cannot be opened, but its "
                "quote, note and tags are kept."
            )
        if highlight.orphaned:
            return self.tr(
                "The article changed and no longer contains this passage; "
                "“Go to passage” opens the article."
            )
        return ""

    # -- acting on a highlight --------------------------------------------------------------

    @Slot(QModelIndex)
    def on_row_opened(self, index: QModelIndex) -> None:
        highlight = self._at(index)
        if highlight is not None:
            self.go_to_passage(highlight)

    def go_to_passage(self, highlight: Highlight) -> bool:
        """Ask for the highlight's passage to be shown; False, with the reason in the status
        line, when its article is gone."""
        if highlight.article_id is None:
            self.status_label.setText(self._explanation(highlight))
            return False
        self.passageRequested.emit(highlight)
        return True

    def edit_note(self, highlight: Highlight | None) -> None:
        """Ask for the highlight's note (a dialog) and save it through Annotations."""
        if highlight is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Note"),
            self.tr("Your note on “{0}”:").format(_one_line(highlight.exact)[:80]),
            highlight.note,
        )
        if ok:
            self._edit(lambda: self.annotations.edit_highlight(highlight.id, note=note))

    def set_color(self, highlight: Highlight | None, color: str) -> None:
        if highlight is not None:
            self._edit(lambda: self.annotations.edit_highlight(highlight.id, color=color))

    def delete_highlight(self, highlight: Highlight | None) -> None:
        """Delete a highlight through Annotations (Ctrl+Z brings it back)."""
        if highlight is None:
            return
        if self._edit(lambda: self.annotations.delete_highlight(highlight.id)):
            keys = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.status_label.setText(
                self.tr("Highlight deleted; {0} brings it back.").format(keys)
            )

    def _edit(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except ReaderError as error:
            self.status_label.setText(str(error))
            return False
        return True

    def citation(self, highlight: Highlight) -> str:
        """The quote as it is pasted into a brief: “quote” — Source, date."""
        day = highlight_day(highlight)
        when = long_date(day)
        quote = " ".join(highlight.exact.split())
        source = highlight.feed_title or highlight.article_title
        return self.tr("“{0}” — {1}, {2}").format(quote, source, when)

    def copy_quote(self, highlight: Highlight | None) -> None:
        if highlight is not None:
            QApplication.clipboard().setText(self.citation(highlight))
            self.status_label.setText(self.tr("Quote copied."))

    # -- the context menu -------------------------------------------------------------------

    def context_menu(self, highlight: Highlight) -> QMenu:
        """The actions on one highlight (objects named for tests and accessibility tools)."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        go = menu.addAction(self.tr("Go to passage"), lambda: self.go_to_passage(highlight))
        go.setObjectName("go-to-passage")
        if highlight.article_id is None:
            go.setEnabled(False)
            go.setToolTip(self._explanation(highlight))
        menu.addSeparator()
        note = menu.addAction(self.tr("Edit note…"), lambda: self.edit_note(highlight))
        note.setObjectName("edit-note")
        colors = menu.addMenu(self.tr("Colour"))
        colors.setObjectName("colour")
        group = QActionGroup(colors)
        for c in self.model.colors:
            action = colors.addAction(swatch_icon(c.name), self.model.color_label(c.name))
            action.setObjectName(f"colour-{c.name}")
            action.setCheckable(True)
            action.setChecked(c.name == highlight.color)
            action.setActionGroup(group)
            action.triggered.connect(
                lambda _checked=False, name=c.name: self.set_color(highlight, name)
            )
        copy = menu.addAction(self.tr("Copy quote"), lambda: self.copy_quote(highlight))
        copy.setObjectName("copy-quote")
        menu.addSeparator()
        delete = menu.addAction(
            self.tr("Delete highlight"), lambda: self.delete_highlight(highlight)
        )
        delete.setObjectName("delete-highlight")
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        return menu

    @Slot(QPoint)
    def on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        highlight = self._at(index)
        if highlight is None:
            return
        self.view.setCurrentIndex(index)
        menu = self.context_menu(highlight)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
