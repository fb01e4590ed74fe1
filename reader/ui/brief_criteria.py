"""The brief composer's left column: the criteria choosing a brief's articles and how they
are grouped into sections."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Final

from PySide6.QtCore import (
    QDate,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core import Store
from reader.core.types import BriefCriteria, GroupBy, HighlightColor
from reader.ui.highlight_marks import color_meaning, color_name, swatch_icon
from reader.ui.i18n import date_edit_format, display_locale
from reader.ui.tag_input import TagLineEdit

#: The ways a brief is grouped into sections, as the criteria spell them.
GROUPINGS: Final[tuple[GroupBy, ...]] = ("tag", "feed", "none")

_FeedId = int(Qt.ItemDataRole.UserRole) + 1


def local_midnight(day: date) -> datetime:
    """The start of a local day, as an aware datetime."""
    return datetime.combine(day, time(0)).astimezone()


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class CriteriaPanel(QWidget):
    """The controls that choose a brief's articles and how they are grouped into sections.

    Signals:
        changed(): a criterion changed (typing included).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The exact period of an opened brief, while the date controls still show it.
        self._exact_period: tuple[datetime | None, datetime | None] | None = None
        self._exact_controls: tuple[Any, ...] = ()
        self.color_checks: dict[str, QCheckBox] = {}
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.since_check = QCheckBox(self.tr("From"))
        self.since_check.setAccessibleName(self.tr("Only articles published from a date"))
        self.since_edit = self._date_edit(self.tr("First day"))
        self.until_check = QCheckBox(self.tr("To"))
        self.until_check.setAccessibleName(self.tr("Only articles published up to a date"))
        self.until_edit = self._date_edit(self.tr("Last day"))
        period = QGridLayout()
        period.addWidget(self.since_check, 0, 0)
        period.addWidget(self.since_edit, 0, 1)
        period.addWidget(self.until_check, 1, 0)
        period.addWidget(self.until_edit, 1, 1)
        period.setColumnStretch(1, 1)

        self.tags_edit = TagLineEdit()
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setToolTip(
            self.tr(
                "Articles tagged so, themselves or in a highlight; a tag includes those below it"
            )
        )
        self.tag_mode = QComboBox()
        self.tag_mode.addItem(self.tr("Any of these tags"), "any")
        self.tag_mode.addItem(self.tr("All of these tags"), "all")
        self.tag_mode.setAccessibleName(self.tr("Tag match"))

        self.feeds_tree = QTreeWidget()
        self.feeds_tree.setHeaderHidden(True)
        self.feeds_tree.setAccessibleName(self.tr("Feeds and folders"))
        self.feeds_tree.setToolTip(self.tr("Tick feeds or folders; none ticked means every feed"))
        self.feeds_tree.setMinimumHeight(120)
        self.feeds_tree.setMaximumHeight(170)
        self.feeds_tree.setRootIsDecorated(True)

        self.starred_check = QCheckBox(self.tr("Starred articles only"))
        self.starred_check.setAccessibleName(self.tr("Starred articles only"))
        self.colors_box = QWidget()
        self.colors_layout = QGridLayout(self.colors_box)
        self.colors_layout.setContentsMargins(0, 0, 0, 0)
        self.colors_layout.setHorizontalSpacing(10)
        self.unused_check = QCheckBox(self.tr("Not used in a previous brief"))
        self.unused_check.setAccessibleName(self.tr("Not used in a previous brief"))
        self.unused_check.setToolTip(self.tr("Leave out articles sent in a brief already exported"))

        self.group_box = QComboBox()
        self.group_box.addItem(self.tr("By tag"), "tag")
        self.group_box.addItem(self.tr("By source"), "feed")
        self.group_box.addItem(self.tr("One section"), "none")
        self.group_box.setAccessibleName(self.tr("Group articles"))
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setPlaceholderText(self.tr("country"))
        self.prefix_edit.setAccessibleName(self.tr("Tag level making the sections"))
        self.prefix_edit.setToolTip(
            self.tr("“country” makes one section per country/… tag; empty: one per tag")
        )
        self.prefix_edit.setClearButtonEnabled(True)
        self._prefix_levels = QStringListModel(self)
        completer = QCompleter(self._prefix_levels, self.prefix_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.prefix_edit.setCompleter(completer)

        articles = QGroupBox(self.tr("Articles"))
        form = QFormLayout(articles)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Period:"), period)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow("", self.tag_mode)
        form.addRow(self.tr("Feeds:"), self.feeds_tree)
        form.addRow(self.tr("Colours:"), self.colors_box)
        form.addRow("", self.starred_check)
        form.addRow("", self.unused_check)

        sections = QGroupBox(self.tr("Sections"))
        grouping = QFormLayout(sections)
        grouping.addRow(self.tr("Group:"), self.group_box)
        grouping.addRow(self.tr("Tag level:"), self.prefix_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(articles)
        layout.addWidget(sections)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setLocale(display_locale())
        edit.setDisplayFormat(date_edit_format())
        edit.setAccessibleName(name)
        return edit

    def _connect_signals(self) -> None:
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._on_changed)
            edit.dateChanged.connect(self._on_changed)
        self.tags_edit.textChanged.connect(self._on_changed)
        self.tag_mode.currentIndexChanged.connect(self._on_changed)
        self.feeds_tree.itemChanged.connect(self._on_changed)
        self.starred_check.toggled.connect(self._on_changed)
        self.unused_check.toggled.connect(self._on_changed)
        self.group_box.currentIndexChanged.connect(self._on_grouping_changed)
        self.prefix_edit.textChanged.connect(self._on_changed)

    @Slot()
    def _on_changed(self, *_args: object) -> None:
        self.changed.emit()

    @Slot(int)
    def _on_grouping_changed(self, _row: int) -> None:
        self.prefix_edit.setEnabled(self.group_box.currentData() == "tag")
        self.changed.emit()

    # -- choices from the library ---------------------------------------------------------------

    def fill(self, store: Store) -> None:
        """The tags, feeds and colours of the library to choose from (nothing chosen)."""
        names = store.tags.names()
        self.tags_edit.set_known_tags(names)
        levels = sorted({n.split("/")[0] for n in names if "/" in n}, key=str.casefold)
        self._prefix_levels.setStringList(levels)
        if not self.prefix_edit.text() and "country" in levels:
            self.prefix_edit.setText("country")
        self._fill_feeds(store)
        self._fill_colors(store.highlights.colors())

    def _fill_feeds(self, store: Store) -> None:
        self.feeds_tree.blockSignals(True)
        self.feeds_tree.clear()
        folders: dict[tuple[str, ...], QTreeWidgetItem] = {}

        def folder_item(path: tuple[str, ...]) -> QTreeWidgetItem | None:
            if not path:
                return None
            if path not in folders:
                parent = folder_item(path[:-1])
                item = QTreeWidgetItem([path[-1]])
                item.setFlags(
                    item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
                )
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setToolTip(0, self.tr("Every feed of the folder “{0}”").format("/".join(path)))
                if parent is None:
                    self.feeds_tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                folders[path] = item
            return folders[path]

        for path in store.list_folders():
            folder_item(path)
        for feed in store.list_feeds():
            item = QTreeWidgetItem([feed.title])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setData(0, _FeedId, feed.id)
            parent = folder_item(feed.folder_path)
            if parent is None:
                self.feeds_tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
        self.feeds_tree.expandAll()
        self.feeds_tree.blockSignals(False)

    def _fill_colors(self, colors: Sequence[HighlightColor]) -> None:
        for check in self.color_checks.values():
            check.deleteLater()
        self.color_checks = {}
        for number, color in enumerate(colors):
            name, meaning = color_name(color.name), color_meaning(color.meaning)
            check = QCheckBox(meaning or name)
            check.setIcon(swatch_icon(color.name))
            check.setAccessibleName(self.tr("{0} highlights ({1})").format(name, meaning))
            check.setToolTip(self.tr("Only articles with {0} highlights").format(name.lower()))
            check.toggled.connect(self._on_changed)
            self.colors_layout.addWidget(check, number // 2, number % 2)
            self.color_checks[color.name] = check

    # -- the criteria ---------------------------------------------------------------------------

    def _feed_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [
            self.feeds_tree.topLevelItem(i) for i in range(self.feeds_tree.topLevelItemCount())
        ]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            if item.data(0, _FeedId) is not None:
                found.append(item)
            stack += [item.child(i) for i in range(item.childCount())]
        return found

    def feed_ids(self) -> tuple[int, ...]:
        """The ticked feeds; none when every feed (or none) is ticked."""
        items = self._feed_items()
        ticked = [i for i in items if i.checkState(0) == Qt.CheckState.Checked]
        if len(ticked) == len(items):
            return ()
        return tuple(int(i.data(0, _FeedId)) for i in ticked)

    def set_feed_ids(self, feed_ids: Sequence[int]) -> None:
        wanted = set(feed_ids)
        for item in self._feed_items():
            checked = int(item.data(0, _FeedId)) in wanted
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _controls(self) -> tuple[Any, ...]:
        return (
            self.since_check.isChecked(),
            _day(self.since_edit),
            self.until_check.isChecked(),
            _day(self.until_edit),
        )

    def period(self) -> tuple[datetime | None, datetime | None]:
        """The period the dates describe: from the first day's start to the end of the last
        day (the start of the next), either end open when its box is not ticked."""
        if self._exact_period is not None and self._controls() == self._exact_controls:
            return self._exact_period
        since = local_midnight(_day(self.since_edit)) if self.since_check.isChecked() else None
        until = (
            local_midnight(_day(self.until_edit) + timedelta(days=1))
            if self.until_check.isChecked()
            else None
        )
        return since, until

    def set_period(self, since: datetime | None, until: datetime | None, *, today: date) -> None:
        """Show a period (a brief's); the exact times are kept while the dates are not
        changed. ``today`` fills a date whose box is not ticked."""
        first = since.astimezone().date() if since is not None else today
        last = (until.astimezone() - timedelta(microseconds=1)).date() if until else today
        for check, edit, day, on in (
            (self.since_check, self.since_edit, first, since is not None),
            (self.until_check, self.until_edit, last, until is not None),
        ):
            check.setChecked(on)
            edit.setEnabled(on)
            edit.setDate(qdate(day))
        self._exact_period = (since, until)
        self._exact_controls = self._controls()

    def criteria(self) -> BriefCriteria:
        """The criteria the controls describe; raises ReaderError (InvalidDateError for a
        period that ends before it starts)."""
        since, until = self.period()
        grouping = GROUPINGS[max(0, self.group_box.currentIndex())]
        prefix = self.prefix_edit.text().strip().strip("/")
        return BriefCriteria(
            tags=tuple(self.tags_edit.tags()),
            tag_mode="all" if self.tag_mode.currentData() == "all" else "any",
            feed_ids=self.feed_ids(),
            since=since,
            until=until,
            starred_only=self.starred_check.isChecked(),
            colors=tuple(name for name, check in self.color_checks.items() if check.isChecked()),
            unused_only=self.unused_check.isChecked(),
            group_by=grouping,
            tag_prefix=prefix if grouping == "tag" and prefix else None,
        )

    def focus_chain(self) -> list[QWidget]:
        """The controls in the order Tab visits them."""
        return [
            self.since_check,
            self.since_edit,
            self.until_check,
            self.until_edit,
            self.tags_edit,
            self.tag_mode,
            self.feeds_tree,
            *self.color_checks.values(),
            self.starred_check,
            self.unused_check,
            self.group_box,
            self.prefix_edit,
        ]
