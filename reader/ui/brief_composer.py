"""The Brief composer: choose articles by criteria, arrange them in sections, preview the press
review as it will read, save it in the library and export it."""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QPalette,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core import Store, group, select_items
from reader.core.errors import ReaderError
from reader.core.types import Brief, BriefItem, HighlightColor
from reader.export import FORMATS, PAPERS, ExportFormat
from reader.export.labels import LANGUAGES, leftover_headings
from reader.export.markdown import render_markdown
from reader.ui.brief_criteria import CriteriaPanel, local_midnight
from reader.ui.brief_export import BriefExporter, ExportJob
from reader.ui.brief_sections import (
    PASSAGES_COLUMN,
    SOURCE_COLUMN,
    TITLE_COLUMN,
    BriefSectionsModel,
)
from reader.ui.contrast import error_color
from reader.ui.i18n import display_locale, long_date
from reader.ui.icons import icon
from reader.ui.keys import Shortcut, key_sequences
from reader.ui.overwrite import ask_replace_read_only, consent_to_replace

#: How long the criteria wait for a pause before the articles are selected again.
SELECT_DELAY_MS: Final = 300
#: How long edits wait for a pause before the preview follows.
PREVIEW_DELAY_MS: Final = 250
#: The formats laid out on pages, which a paper size applies to.
PAGED_FORMATS: Final = ("pdf", "docx")

_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def sentence(message: str) -> str:
    """An engine message as a sentence: capital first letter, final full stop."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?", "…")) else message + "."


def suggested_file_name(title: str, suffix: str) -> str:
    """A file name from a brief's title: characters file systems refuse become hyphens."""
    stem = _UNSAFE_IN_FILE_NAMES.sub("-", " ".join(title.split())).strip(" .-")
    return f"{stem or 'brief'}{suffix}"


def _error_colour(widget: QWidget) -> str:
    """A red that reads on the widget's background, light or dark."""
    return error_color(widget.palette().color(QPalette.ColorRole.Window)).name()


def _comparable(brief: Brief) -> tuple[Any, ...]:
    """What saving a brief keeps, as saving normalises it: equal values, nothing to save."""
    return (
        " ".join(brief.title.split()),
        brief.author.strip(),
        brief.language,
        brief.since,
        brief.until,
        brief.introduction,
        brief.sections,
    )


class BriefComposer(QMainWindow):
    """A window composing one brief: criteria on the left, the sections in the middle (with
    the introduction and the selected article's summary), a live preview on the right.

    Signals:
        saved(Brief): the brief was saved (by Save, or by an export marking its articles).
        exported(Path): an export finished writing this file.
    """

    saved = Signal(object)
    exported = Signal(object)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, brief_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.briefs = store.briefs
        self._brief_id: int | None = None
        self._created: datetime | None = None
        #: What was last saved or opened (None: the brief was never saved).
        self._saved_state: tuple[Any, ...] | None = None
        #: Whether changed criteria select again by themselves: only while nothing arranged
        #: by hand would be lost.
        self._auto_select = True
        self._colors: list[HighlightColor] = []
        self._html_renderer: Callable[[Brief, Sequence[HighlightColor]], str] | None = None
        self._renderer_checked = False
        self._kept_position: tuple[int, int] | None = None
        self._export_folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        #: The last error shown in a message box (tests and accessibility tools read it).
        self.error_box: QMessageBox | None = None

        self.setObjectName("brief-composer")
        self.model = BriefSectionsModel(self)
        self.exporter = BriefExporter(self)
        self._select_timer = QTimer(self, singleShot=True, interval=SELECT_DELAY_MS)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)

        self._build()
        self._build_actions()
        self._build_toolbar()
        self._build_status_bar()
        self._set_tab_order()
        self._connect_signals()
        self.resize(1400, 900)
        self._reload_choices()
        if brief_id is None or not self.open_brief(brief_id):
            self.new_brief()

    # -- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("Title of the brief"))
        self.author_edit = QLineEdit()
        self.author_edit.setAccessibleName(self.tr("Author"))
        self.author_edit.setPlaceholderText(self.tr("Your name or team (optional)"))
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setAccessibleName(self.tr("Language of the brief"))
        self.language_box.setToolTip(
            self.tr("The language of the brief's headings, labels and dates")
        )
        brief_group = QGroupBox(self.tr("Brief"))
        brief_form = QFormLayout(brief_group)
        brief_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        brief_form.addRow(self.tr("Title:"), self.title_edit)
        brief_form.addRow(self.tr("Author:"), self.author_edit)
        brief_form.addRow(self.tr("Language:"), self.language_box)

        self.criteria_panel = CriteriaPanel()
        self.select_button = QPushButton(self.tr("Select Articles"))
        self.select_button.setAccessibleName(self.tr("Select articles"))
        self.select_button.setToolTip(
            self.tr("Choose the articles the criteria match and group them into sections again")
        )
        self.select_message = QLabel()
        self.select_message.setObjectName("select-message")
        self.select_message.setAccessibleName(self.tr("Selection result"))
        self.select_message.setWordWrap(True)
        self.select_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(brief_group)
        left_layout.addWidget(self.criteria_panel)
        left_layout.addWidget(self.select_button)
        left_layout.addWidget(self.select_message)
        left_layout.addStretch(1)
        self.left_scroll = QScrollArea()
        self.left_scroll.setWidget(left)
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.left_scroll.setMinimumWidth(300)
        self.left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left_scroll.setAccessibleName(self.tr("Brief and selection criteria"))
        # No Tab stop of its own: it scrolls to whichever of its fields has the focus.
        self.left_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.intro_edit = QPlainTextEdit()
        self.intro_edit.setAccessibleName(self.tr("Introduction"))
        self.intro_edit.setPlaceholderText(
            self.tr("The week in a few lines (Markdown: *emphasis*, lists, links)…")
        )
        self.intro_edit.setTabChangesFocus(True)
        self.intro_edit.setMaximumHeight(120)
        intro_label = QLabel(self.tr("&Introduction:"))
        intro_label.setBuddy(self.intro_edit)

        self.tree = QTreeView()
        self.tree.setObjectName("brief-sections")
        self.tree.setAccessibleName(self.tr("Sections and articles"))
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PASSAGES_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SOURCE_COLUMN, 150)
        header.resizeSection(
            PASSAGES_COLUMN, self.tree.fontMetrics().horizontalAdvance(self.tr("Passages")) + 24
        )
        sections_label = QLabel(self.tr("&Sections:"))
        sections_label.setBuddy(self.tree)
        self.tree_buttons = QHBoxLayout()
        # The buttons above the tree, in the order Tab visits them.
        self._tree_button_widgets: list[QToolButton] = []
        self.tree_buttons.setSpacing(2)

        self.summary_edit = QLineEdit()
        self.summary_edit.setAccessibleName(self.tr("Summary of the selected article"))
        self.summary_edit.setPlaceholderText(
            self.tr("One line on why the selected article matters (optional)")
        )
        self.summary_edit.setClearButtonEnabled(True)
        self.summary_edit.setEnabled(False)
        summary_label = QLabel(self.tr("Su&mmary:"))
        summary_label.setBuddy(self.summary_edit)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(intro_label)
        middle_layout.addWidget(self.intro_edit)
        heading_row = QHBoxLayout()
        heading_row.addWidget(sections_label)
        heading_row.addStretch(1)
        heading_row.addLayout(self.tree_buttons)
        middle_layout.addLayout(heading_row)
        middle_layout.addWidget(self.tree, 1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(summary_label)
        summary_row.addWidget(self.summary_edit, 1)
        middle_layout.addLayout(summary_row)

        self.preview = QTextBrowser()
        self.preview.setObjectName("brief-preview")
        self.preview.setAccessibleName(self.tr("Preview of the brief"))
        self.preview.setOpenLinks(False)
        self.preview.document().setDocumentMargin(14)
        preview_label = QLabel(self.tr("&Preview:"))
        preview_label.setBuddy(self.preview)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_scroll)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        for pane, stretch in enumerate((0, 1, 1)):
            self.splitter.setStretchFactor(pane, stretch)
        self.splitter.setSizes([340, 520, 540])
        self.setCentralWidget(self.splitter)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *shortcuts: Shortcut,
        widget: QWidget | None = None,
        tip: str | None = None,
    ) -> QAction:
        """An action with its shortcuts: window-wide, or only while ``widget`` has focus."""
        action = QAction(text, self)
        keys = key_sequences(*shortcuts)
        action.setShortcuts(keys)
        if tip:
            if keys:
                tip += f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        if widget is None:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            widget.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_save = a(
            self.tr("&Save"), self.save, QKeySequence.StandardKey.Save, "Ctrl+S",
            tip=self.tr("Save the brief in the library"),
        )  # fmt: skip
        self.act_export = a(
            self.tr("&Export…"), self.export, "Ctrl+E",
            tip=self.tr("Write the brief to a file in the chosen format"),
        )  # fmt: skip
        self.act_close = a(self.tr("&Close"), self.close, QKeySequence.StandardKey.Close, "Ctrl+W")
        self.act_add_section = a(
            self.tr("&Add Section"), self.add_section, "Ctrl+Shift+N",
            tip=self.tr("Add an empty section at the end"),
        )  # fmt: skip
        self.act_rename = a(
            self.tr("&Rename"), self.rename_selected, "F2", widget=self.tree,
            tip=self.tr("Rename the selected section, or edit the selected article's summary"),
        )  # fmt: skip
        self.act_remove = a(
            self.tr("Re&move"), self.remove_selected, QKeySequence.StandardKey.Delete,
            widget=self.tree,
            tip=self.tr("Remove the selected article or section (Undo brings it back)"),
        )  # fmt: skip
        self.act_move_up = a(
            self.tr("Move &Up"), self.move_selected_up, "Alt+Up", widget=self.tree,
            tip=self.tr("Move the selected article or section up"),
        )  # fmt: skip
        self.act_move_down = a(
            self.tr("Move &Down"), self.move_selected_down, "Alt+Down", widget=self.tree,
            tip=self.tr("Move the selected article or section down"),
        )  # fmt: skip
        stack = self.model.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(
            list(
                dict.fromkeys(
                    [
                        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                        QKeySequence("Ctrl+Shift+Z"),
                    ]
                )
            )
        )
        for action in (self.act_undo, self.act_redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        for action in (self.act_rename, self.act_remove, self.act_move_up, self.act_move_down):
            action.setEnabled(False)
        for action, name in (
            (self.act_add_section, "add-section"),
            (self.act_rename, "rename"),
            (self.act_remove, "remove"),
            (self.act_move_up, "move-up"),
            (self.act_move_down, "move-down"),
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(name)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setAutoRaise(True)
            self.tree_buttons.addWidget(button)
            self._tree_button_widgets.append(button)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Brief"))
        toolbar.setObjectName("brief-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.act_save.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.act_export.setIcon(icon("export"))
        toolbar.addAction(self.act_save)
        toolbar.addSeparator()
        toolbar.addActions([self.act_undo, self.act_redo])
        toolbar.addSeparator()
        self.format_box = QComboBox()
        self.format_box.setAccessibleName(self.tr("Export format"))
        self.format_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.format_box.setMinimumContentsLength(16)
        for fmt in FORMATS.values():
            self.format_box.addItem(self.format_name(fmt), fmt.key)
        formats = self.format_box.model()
        if isinstance(formats, QStandardItemModel):
            for row, fmt in enumerate(FORMATS.values()):
                if importlib.util.find_spec(fmt.module) is None:
                    item = formats.item(row)
                    item.setEnabled(False)
                    item.setToolTip(self.tr("Not available in this version"))
        self.paper_box = QComboBox()
        self.paper_box.setAccessibleName(self.tr("Paper size"))
        self.paper_box.setToolTip(self.tr("The page size of PDF and Word documents"))
        for paper in PAPERS:
            self.paper_box.addItem(self.tr("A4") if paper == "a4" else self.tr("Letter"), paper)
        self.mark_used_check = QCheckBox(self.tr("Mark articles as used"))
        self.mark_used_check.setAccessibleName(self.tr("Mark articles as used"))
        self.mark_used_check.setToolTip(
            self.tr(
                "After exporting, save the brief and remember its articles, so “not used in a "
                "previous brief” leaves them out next time"
            )
        )
        self.mark_used_check.setChecked(True)
        format_label = QLabel(self.tr("Format:"))
        format_label.setBuddy(self.format_box)
        paper_label = QLabel(self.tr("Paper:"))
        paper_label.setBuddy(self.paper_box)
        for widget in (format_label, self.format_box, paper_label, self.paper_box):
            toolbar.addWidget(widget)
        toolbar.addSeparator()
        toolbar.addWidget(self.mark_used_check)
        toolbar.addAction(self.act_export)
        self.addToolBar(toolbar)
        self._on_format_changed()

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.busy = QProgressBar()
        self.busy.setObjectName("export-progress")
        self.busy.setAccessibleName(self.tr("Export progress"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(180)
        self.busy.setFormat(self.tr("Exporting…"))
        self.busy.hide()
        self.modified_label = QLabel(self.tr("Unsaved changes"))
        self.modified_label.setAccessibleName(self.tr("Unsaved changes"))
        self.modified_label.hide()
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.modified_label)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.title_edit,
            self.author_edit,
            self.language_box,
            *self.criteria_panel.focus_chain(),
            self.select_button,
            self.intro_edit,
            *self._tree_button_widgets,
            self.tree,
            self.summary_edit,
            self.preview,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        """Every connection of the window, in one place."""
        self.title_edit.textChanged.connect(self._on_title_changed)
        self.author_edit.textChanged.connect(self._on_content_changed)
        self.language_box.currentIndexChanged.connect(self._on_content_changed)
        # The catch-all sections are headed in the brief's language.
        self.language_box.currentIndexChanged.connect(self._on_criteria_changed)
        self.intro_edit.textChanged.connect(self._on_content_changed)
        self.criteria_panel.changed.connect(self._on_criteria_changed)
        self.select_button.clicked.connect(self.select_articles)
        self._select_timer.timeout.connect(self.select_articles)
        self._preview_timer.timeout.connect(self.update_preview)
        self.model.edited.connect(self._on_sections_edited)
        self.model.modelAboutToBeReset.connect(self._remember_position)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.doubleClicked.connect(self._on_double_clicked)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu)
        self.summary_edit.textEdited.connect(self._on_summary_edited)
        self.preview.anchorClicked.connect(self._on_anchor_clicked)
        self.format_box.currentIndexChanged.connect(lambda _row: self._on_format_changed())
        self.exporter.started.connect(self._on_export_started)
        self.exporter.finished.connect(self._on_export_finished)
        self.exporter.failed.connect(self._on_export_failed)
        self.exporter.running_changed.connect(self._on_export_running)

    def _reload_choices(self) -> None:
        self._colors = self.store.highlights.colors()
        self.criteria_panel.blockSignals(True)
        self.criteria_panel.fill(self.store)
        self.criteria_panel.blockSignals(False)
        self._set_tab_order()

    # -- the brief as a value -------------------------------------------------------------------

    @property
    def brief_id(self) -> int | None:
        """The saved brief this window edits (None until it is saved)."""
        return self._brief_id

    def current_brief(self, *, placeholder_title: bool = False) -> Brief:
        """The brief as the window shows it; raises ReaderError when it is not a valid brief
        yet (no title, a period ending before it starts). ``placeholder_title`` stands in
        for a missing title (for the preview)."""
        title = self.title_edit.text().strip()
        if not title and placeholder_title:
            title = self.tr("Untitled brief")
        since, until = self.criteria_panel.period()
        return Brief(
            title=title,
            author=self.author_edit.text().strip(),
            since=since,
            until=until,
            introduction=self.intro_edit.toPlainText(),
            sections=self.model.sections(),
            language=str(self.language_box.currentData()),
            id=self._brief_id,
            created=self._created,
        )

    def _state(self) -> tuple[Any, ...]:
        since, until = self.criteria_panel.period()
        return (
            " ".join(self.title_edit.text().split()),
            self.author_edit.text().strip(),
            str(self.language_box.currentData()),
            since,
            until,
            self.intro_edit.toPlainText(),
            self.model.sections(),
        )

    def is_modified(self) -> bool:
        """Whether closing would lose something: a change since the brief was saved or
        opened. A new brief's first automatic selection is not a change: closing it loses
        nothing the composer would not make again."""
        if self._saved_state is None:
            return self.model.rowCount() > 0 or bool(self.intro_edit.toPlainText().strip())
        return self._state() != self._saved_state

    # -- new, open, save ------------------------------------------------------------------------

    def new_brief(self) -> None:
        """Start a brief of the last seven days, selected at once."""
        today = self.store.now().astimezone().date()
        french = display_locale().language() == QLocale.Language.French
        self._fill(
            title=self.tr("Press review, {0}").format(long_date(today)),
            author="",
            language="fr" if french else "en",
            introduction="",
        )
        self.criteria_panel.blockSignals(True)
        self.criteria_panel.set_period(
            local_midnight(today - timedelta(days=6)),
            local_midnight(today + timedelta(days=1)),
            today=today,
        )
        self.criteria_panel.blockSignals(False)
        self._brief_id = None
        self._created = None
        self._saved_state = None
        self._auto_select = True
        self.model.set_sections([])
        self.select_articles()
        self._saved_state = self._state()
        self._on_content_changed()

    def open_brief(self, brief_id: int) -> bool:
        """Show a saved brief (after asking about unsaved changes); False, with a message,
        when it could not be read or the user cancelled."""
        if brief_id == self._brief_id and not self.is_modified():
            return True
        if not self.maybe_keep_changes():
            return False
        try:
            brief = self.briefs.get(brief_id)
        except ReaderError as error:
            self._show_error(self.tr("The brief could not be opened."), str(error))
            return False
        self._select_timer.stop()
        self._fill(
            title=brief.title,
            author=brief.author,
            language=brief.language,
            introduction=brief.introduction,
        )
        self.criteria_panel.blockSignals(True)
        self.criteria_panel.set_period(
            brief.since, brief.until, today=self.store.now().astimezone().date()
        )
        self.criteria_panel.blockSignals(False)
        self.model.set_sections(brief.sections)
        self._brief_id = brief.id
        self._created = brief.created
        self._saved_state = _comparable(brief)
        self._auto_select = False
        self._set_select_message("")
        if brief.missing_highlights:
            count = len(brief.missing_highlights)
            text = (
                self.tr("One highlight was deleted since the brief was saved: it is left out.")
                if count == 1
                else self.tr(
                    "%Ln highlights were deleted since the brief was saved: they are left out.",
                    "",
                    count,
                )
            )
            self.statusBar().showMessage(text)
        self._select_first_row()
        self._on_content_changed()
        self.update_preview()
        return True

    def _fill(self, *, title: str, author: str, language: str, introduction: str) -> None:
        widgets = (self.title_edit, self.author_edit, self.language_box, self.intro_edit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.title_edit.setText(title)
            self.author_edit.setText(author)
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
            self.intro_edit.setPlainText(introduction)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._update_title()

    @Slot()
    def save(self) -> bool:
        """Save the brief in the library; False, with the reason shown, when it cannot be."""
        if self.exporter.running:
            self.statusBar().showMessage(self.tr("Wait for the export to finish."), 5000)
            return False
        try:
            brief = self.current_brief()
        except ReaderError as error:
            self.statusBar().showMessage(sentence(str(error)))
            if not self.title_edit.text().strip():
                self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            saved = self.briefs.save(brief)
        except ReaderError as error:
            self._show_error(self.tr("The brief could not be saved."), str(error))
            return False
        self._adopt(saved, brief)
        self.statusBar().showMessage(self.tr("Saved “{0}”.").format(saved.title), 8000)
        self.saved.emit(saved)
        return True

    def _adopt(self, saved: Brief, shown: Brief) -> None:
        """Take a saved brief's id; the window is unmodified if it still shows ``shown``."""
        self._brief_id = saved.id
        self._created = saved.created
        self._saved_state = _comparable(shown)
        self._on_content_changed()

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel, for unsaved changes (tests answer it themselves)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved Brief"),
            self.tr("Save the changes to “{0}”?").format(
                self.title_edit.text().strip() or self.tr("Untitled brief")
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(self.tr("Discarded changes cannot be brought back."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton(box.exec())

    def maybe_keep_changes(self) -> bool:
        """Whether the window may drop what it shows: nothing unsaved, or saved now, or
        discarded by the user."""
        if not self.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- selecting articles ---------------------------------------------------------------------

    @Slot()
    def select_articles(self) -> bool:
        """Select the articles the criteria match and group them into sections, replacing
        the sections (an arrangement made by hand can be brought back with Undo). Summaries
        written for articles still selected are kept. Problems (nothing matched, an unknown
        tag) are shown beside the button."""
        self._select_timer.stop()
        try:
            criteria = self.criteria_panel.criteria()
            items = select_items(self.store, criteria)
        except ReaderError as error:
            self._set_select_message(sentence(str(error)), error=True)
            if self._auto_select:
                self.model.set_sections([])
                self._on_content_changed()
            return False
        summaries = {
            item.article_id: item.summary
            for item in self._items()
            if item.article_id is not None and item.summary
        }
        kept = [
            replace(item, summary=summaries[item.article_id])
            if item.article_id in summaries
            else item
            for item in items
        ]
        other, everything = leftover_headings(str(self.language_box.currentData()))
        sections = group(kept, criteria, other=other, everything=everything)
        if self._auto_select:
            self.model.set_sections(sections)
            self._on_content_changed()
        else:
            self.model.replace_sections(sections, self.tr("Select articles", "undo command"))
        self._select_first_row()
        articles = len(items)
        text = (
            self.tr("%Ln article", "", articles)
            if articles == 1
            else self.tr("%Ln articles", "", articles)
        )
        count = len(sections)
        where = (
            self.tr("in %Ln section.", "", count)
            if count == 1
            else self.tr("in %Ln sections.", "", count)
        )
        self._set_select_message(self.tr("{0} {1}", "articles in sections").format(text, where))
        return True

    def _items(self) -> list[BriefItem]:
        return [item for section in self.model.sections() for item in section.items]

    def _set_select_message(self, text: str, *, error: bool = False) -> None:
        self.select_message.setText(text)
        self.select_message.setStyleSheet(f"color: {_error_colour(self)};" if error else "")

    @Slot()
    def _on_criteria_changed(self) -> None:
        if self._auto_select:
            self._select_timer.start()
        else:
            self._set_select_message(
                self.tr("The criteria changed: Select Articles chooses the articles again.")
            )

    # -- the sections ---------------------------------------------------------------------------

    def _selected(self) -> QModelIndex:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(TITLE_COLUMN) if index.isValid() else index

    def _select(self, index: QModelIndex) -> None:
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def _select_first_row(self) -> None:
        self.tree.expandAll()
        first = self.model.index_at(0, 0) if self.model.rowCount() else QModelIndex()
        self._select(first if first.isValid() else self.model.index_at(0))

    @Slot()
    def add_section(self) -> None:
        """Add an empty section at the end and edit its heading."""
        index = self.model.add_section(self.tr("New section"))
        self._select(index)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tree.edit(index)

    @Slot()
    def rename_selected(self) -> None:
        """Edit the selected section's heading, or the selected article's summary."""
        index = self._selected()
        if self.model.is_section(index):
            self.tree.edit(index)
        elif index.isValid():
            self.summary_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.summary_edit.selectAll()

    @Slot()
    def remove_selected(self) -> None:
        index = self._selected()
        position = self.model.position(index)
        removed = self.model.remove(index)
        if removed is None or position is None:
            return
        keys = self.act_undo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.statusBar().showMessage(
            self.tr("{0}; {1} brings it back.").format(removed, keys), 8000
        )
        section, row = position
        if row >= 0:
            size = self.model.rowCount(self.model.index_at(section))
            self._select(
                self.model.index_at(section, min(row, size - 1))
                if size
                else self.model.index_at(section)
            )
        else:
            self._select(self.model.index_at(min(section, self.model.rowCount() - 1)))

    @Slot()
    def move_selected_up(self) -> None:
        self._select(self.model.move_up(self._selected()))

    @Slot()
    def move_selected_down(self) -> None:
        self._select(self.model.move_down(self._selected()))

    @Slot()
    def _on_sections_edited(self) -> None:
        self._auto_select = False
        self._on_content_changed()

    @Slot()
    def _remember_position(self) -> None:
        self._kept_position = self.model.position(self._selected())

    @Slot()
    def _after_reset(self) -> None:
        self.tree.expandAll()
        kept, self._kept_position = self._kept_position, None
        if kept is not None:
            index = self.model.index_at(*kept)
            if not index.isValid():
                index = self.model.index_at(kept[0])
            self._select(index)
        self._on_current_changed(self.tree.currentIndex(), QModelIndex())

    @Slot(QModelIndex, int, int)
    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.tree.expand(self.model.index_at(row))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.siblingAtColumn(TITLE_COLUMN))
        self.summary_edit.setEnabled(item is not None)
        self.summary_edit.setText(item.summary if item is not None else "")
        valid = current.isValid()
        for action in (self.act_rename, self.act_remove, self.act_move_up, self.act_move_down):
            action.setEnabled(valid)

    @Slot(str)
    def _on_summary_edited(self, text: str) -> None:
        position = self.model.position(self._selected())
        if position is not None and position[1] >= 0:
            self.model.set_summary(position[0], position[1], text)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if not self.model.is_section(index.siblingAtColumn(TITLE_COLUMN)):
            self.rename_selected()

    @Slot(QPoint)
    def _on_tree_context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self._select(index.siblingAtColumn(TITLE_COLUMN))
        menu = QMenu(self)
        menu.addAction(self.act_add_section)
        if index.isValid():
            menu.addActions([self.act_rename, self.act_move_up, self.act_move_down])
            menu.addSeparator()
            menu.addAction(self.act_remove)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- what changed ---------------------------------------------------------------------------

    @Slot()
    def _on_title_changed(self) -> None:
        self._update_title()
        self._on_content_changed()

    def _update_title(self) -> None:
        title = " ".join(self.title_edit.text().split()) or self.tr("untitled")
        self.setWindowTitle(self.tr("Brief — {0}[*]").format(title.replace("[*]", "[ * ]")))

    @Slot()
    def _on_content_changed(self, *_args: object) -> None:
        modified = self.is_modified()
        self.setWindowModified(modified)
        self.modified_label.setVisible(modified)
        self._preview_timer.start()

    # -- the preview ----------------------------------------------------------------------------

    def _preview_renderer(self) -> Callable[[Brief, Sequence[HighlightColor]], str] | None:
        """The HTML export's renderer when that format is installed (else the preview shows
        the Markdown export)."""
        if not self._renderer_checked:
            self._renderer_checked = True
            if importlib.util.find_spec("reader.export.html") is not None:
                try:
                    module = importlib.import_module("reader.export.html")
                except ImportError:
                    module = None
                renderer = getattr(module, "render_html", None)
                self._html_renderer = renderer if callable(renderer) else None
        return self._html_renderer

    @Slot()
    def update_preview(self) -> None:
        """Show the brief as it will read (at once; edits call this after a pause)."""
        self._preview_timer.stop()
        try:
            brief = self.current_brief(placeholder_title=True)
        except ReaderError as error:
            self.preview.setPlainText(sentence(str(error)))
            return
        scroll = self.preview.verticalScrollBar()
        position = scroll.value()
        renderer = self._preview_renderer()
        if renderer is not None:
            self.preview.setHtml(renderer(brief, self._colors))
        else:
            self.preview.setMarkdown(render_markdown(brief, self._colors))
        scroll.setValue(position)

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        """Links within the brief (contents, citations) scroll the preview; others do nothing
        here: the preview is not a browser."""
        if url.hasFragment() and not url.path():
            self.preview.scrollToAnchor(url.fragment())

    # -- exporting ------------------------------------------------------------------------------

    def format_name(self, fmt: ExportFormat) -> str:
        """An export format as the interface names it (the library names it in English)."""
        names = {
            "md": self.tr("Markdown"),
            "pdf": self.tr("PDF"),
            "docx": self.tr("Word document"),
            "html": self.tr("Web page (HTML)"),
            "w3c": self.tr("W3C Web Annotations (JSON-LD)"),
        }
        return names.get(fmt.key, fmt.name)

    def chosen_format(self) -> ExportFormat:
        return FORMATS[str(self.format_box.currentData())]

    @Slot()
    def _on_format_changed(self) -> None:
        self.paper_box.setEnabled(str(self.format_box.currentData()) in PAGED_FORMATS)

    def ask_export_path(self, fmt: ExportFormat) -> Path | None:
        """The file to export to, asked with a save dialog; None when cancelled."""
        suggested = self._export_folder / suggested_file_name(self.title_edit.text(), fmt.suffix)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Brief"),
            str(suggested),
            f"{self.format_name(fmt)} (*{fmt.suffix})",
        )
        if not path:
            return None
        chosen = Path(path)
        if chosen.suffix.casefold() != fmt.suffix:
            chosen = chosen.with_name(chosen.name + fmt.suffix)
        return chosen

    @Slot()
    def export(self) -> bool:
        """Ask where to export the brief in the chosen format, then export it."""
        if not self._can_export():
            return False
        fmt = self.chosen_format()
        path = self.ask_export_path(fmt)
        if path is None:
            return False
        try:
            consent = consent_to_replace(path, self.ask_replace_read_only)
        except ReaderError as error:  # a folder, a pipe, a device…: never replaced
            self._show_error(self.tr("The brief was not exported."), str(error))
            return False
        if consent is None:
            return False
        return self.export_to(
            path,
            fmt.key,
            paper=str(self.paper_box.currentData()),
            mark_used=self.mark_used_check.isChecked(),
            replace_read_only=consent,
        )

    def ask_replace_read_only(self, path: Path) -> bool:
        """Whether to replace the read-only file ``path`` (tests answer it themselves)."""
        return ask_replace_read_only(self, path)

    def _can_export(self) -> bool:
        if self.exporter.running:
            self.statusBar().showMessage(self.tr("An export is already running."), 5000)
            return False
        if not self.model.item_count():
            self.statusBar().showMessage(
                self.tr("Nothing to export yet: select articles first."), 8000
            )
            return False
        try:
            self.current_brief()
        except ReaderError as error:
            self.statusBar().showMessage(sentence(str(error)))
            return False
        return True

    def export_to(
        self,
        path: Path,
        fmt: str,
        *,
        paper: str = "a4",
        mark_used: bool = True,
        replace_read_only: bool = False,
    ) -> bool:
        """Export the brief as it is now to ``path`` on the export thread; afterwards, with
        ``mark_used``, save it and record its articles as used. False when it cannot start.
        A read-only file at ``path`` is replaced only with ``replace_read_only``."""
        if not self._can_export():
            return False
        job = ExportJob(
            brief=self.current_brief(),
            colors=tuple(self._colors),
            path=Path(path),
            fmt=fmt,
            now=self.store.now(),
            paper=paper,
            mark_used=mark_used,
            replace_read_only=replace_read_only,
        )
        self._export_folder = job.path.parent
        return self.exporter.start(job)

    @Slot(object)
    def _on_export_started(self, job: ExportJob) -> None:
        self.statusBar().showMessage(self.tr("Exporting to {0}…").format(job.path))

    @Slot(bool)
    def _on_export_running(self, running: bool) -> None:
        self.busy.setVisible(running)
        self.act_export.setEnabled(not running)
        self.act_save.setEnabled(not running)

    @Slot(object)
    def _on_export_finished(self, job: ExportJob) -> None:
        text = self.tr("Exported to {0}.").format(job.path)
        if job.mark_used:
            try:
                saved = self.briefs.save(job.brief)
                count = self.briefs.mark_exported(saved)
            except ReaderError as error:
                self.statusBar().showMessage(text)
                self._show_error(
                    self.tr("The brief was exported, but could not be saved."), str(error)
                )
                self.exported.emit(job.path)
                return
            self._adopt(saved, job.brief)
            self.saved.emit(saved)
            text += " " + (
                self.tr("One article marked as used.")
                if count == 1
                else self.tr("%Ln articles marked as used.", "", count)
            )
        self.statusBar().showMessage(text)
        self.exported.emit(job.path)

    @Slot(object, str)
    def _on_export_failed(self, job: ExportJob, message: str) -> None:
        self.statusBar().showMessage(self.tr("The export failed."), 8000)
        self._show_error(self.tr("The brief was not exported."), message)

    def _show_error(self, text: str, detail: str) -> None:
        """One non-modal message box saying what failed and why."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Brief"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText(sentence(detail))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.error_box = box

    # -- Qt events ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_keep_changes():
            event.ignore()
            return
        self._select_timer.stop()
        self._preview_timer.stop()
        self.exporter.wait()
        super().closeEvent(event)
