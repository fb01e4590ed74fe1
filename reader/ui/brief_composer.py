"""The Brief composer window: lays out the brief's fields and criteria, its sections and its
preview, and runs the window's flows (new, open, save, select articles, export)."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path
from typing import Final

from PySide6.QtCore import QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.core import Store, reselect
from reader.core.errors import ReaderError
from reader.core.types import Brief, HighlightColor
from reader.export.labels import leftover_headings
from reader.ui.brief_criteria import CriteriaPanel, local_midnight
from reader.ui.brief_document import BriefDocument, Draft
from reader.ui.brief_export import BriefExporter, ExportJob
from reader.ui.brief_export_panel import ExportControls
from reader.ui.brief_fields import BriefFields
from reader.ui.brief_preview import BriefPreview
from reader.ui.brief_sections import BriefSectionsModel
from reader.ui.brief_sections_pane import SectionsPane
from reader.ui.i18n import display_locale, long_date
from reader.ui.icons import icon
from reader.ui.keys import keyed_action
from reader.ui.overwrite import ask_replace_read_only, consent_to_replace
from reader.ui.prompts import error_colour

#: How long the criteria wait for a pause before the articles are selected again.
SELECT_DELAY_MS: Final = 300
#: How long edits wait for a pause before the preview follows.
PREVIEW_DELAY_MS: Final = 250


def sentence(message: str) -> str:
    """An engine message as a sentence: capital first letter, final full stop."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?", "…")) else message + "."


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
        self.document = BriefDocument(store)
        #: Whether changed criteria select again by themselves: only while nothing arranged
        #: by hand would be lost.
        self._auto_select = True
        self._colors: list[HighlightColor] = []
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
        self.fields = BriefFields()
        self.title_edit = self.fields.title_edit
        self.author_edit = self.fields.author_edit
        self.language_box = self.fields.language_box

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
        left_layout.addWidget(self.fields)
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

        self.sections_pane = SectionsPane(self.model)
        self.intro_edit = self.sections_pane.intro_edit
        self.tree = self.sections_pane.tree
        self.summary_edit = self.sections_pane.summary_edit
        self.act_add_section = self.sections_pane.act_add_section

        self.preview = BriefPreview()
        preview_label = QLabel(self.tr("&Preview:"))
        preview_label.setBuddy(self.preview)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_scroll)
        self.splitter.addWidget(self.sections_pane)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        for pane, stretch in enumerate((0, 1, 1)):
            self.splitter.setStretchFactor(pane, stretch)
        self.splitter.setSizes([340, 520, 540])
        self.setCentralWidget(self.splitter)

    def _build_actions(self) -> None:
        self.act_save = keyed_action(
            self, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save, "Ctrl+S",
            tip=self.tr("Save the brief in the library"),
        )  # fmt: skip
        self.act_export = keyed_action(
            self, self.tr("&Export…"), self.export, "Ctrl+E",
            tip=self.tr("Write the brief to a file in the chosen format"),
        )  # fmt: skip
        self.act_close = keyed_action(
            self, self.tr("&Close"), self.close, QKeySequence.StandardKey.Close, "Ctrl+W"
        )
        self.act_undo = self.sections_pane.act_undo
        self.act_redo = self.sections_pane.act_redo

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
        self.export_controls = ExportControls(self)
        self.format_box = self.export_controls.format_box
        self.paper_box = self.export_controls.paper_box
        self.mark_used_check = self.export_controls.mark_used_check
        self.export_controls.add_to(toolbar, self.act_export)
        self.addToolBar(toolbar)

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
            *self.fields.focus_chain(),
            *self.criteria_panel.focus_chain(),
            self.select_button,
            *self.sections_pane.focus_chain(),
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
        self.sections_pane.message.connect(self.statusBar().showMessage)
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
        return self.document.brief_id

    def draft(self) -> Draft:
        """The brief as the window shows it, valid or not."""
        since, until = self.criteria_panel.period()
        return Draft(
            title=self.title_edit.text(),
            author=self.author_edit.text(),
            language=self.fields.language(),
            since=since,
            until=until,
            introduction=self.intro_edit.toPlainText(),
            sections=self.model.sections(),
        )

    def current_brief(self, *, placeholder_title: bool = False) -> Brief:
        """The brief as the window shows it; raises ReaderError when it is not a valid brief
        yet (no title, a period ending before it starts). ``placeholder_title`` stands in
        for a missing title (for the preview)."""
        placeholder = self.tr("Untitled brief") if placeholder_title else ""
        return self.document.brief(self.draft(), placeholder_title=placeholder)

    def is_modified(self) -> bool:
        """Whether closing would lose something: a change since the brief was saved or
        opened. A new brief's first automatic selection is not a change: closing it loses
        nothing the composer would not make again."""
        return self.document.is_modified(self.draft())

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
        self.document.new()
        self._auto_select = True
        self.model.set_sections([])
        self.select_articles()
        self.document.settle(self.draft())
        self._on_content_changed()

    def open_brief(self, brief_id: int) -> bool:
        """Show a saved brief (after asking about unsaved changes); False, with a message,
        when it could not be read or the user cancelled."""
        if brief_id == self.brief_id and not self.is_modified():
            return True
        if not self.maybe_keep_changes():
            return False
        try:
            brief = self.document.open(brief_id)
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
        self.sections_pane.select_first_row()
        self._on_content_changed()
        self.update_preview()
        return True

    def _fill(self, *, title: str, author: str, language: str, introduction: str) -> None:
        self.fields.set_fields(title=title, author=author, language=language)
        self.intro_edit.blockSignals(True)
        self.intro_edit.setPlainText(introduction)
        self.intro_edit.blockSignals(False)
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
            saved = self.document.save(brief)
        except ReaderError as error:
            self._show_error(self.tr("The brief could not be saved."), str(error))
            return False
        self._on_content_changed()
        self.statusBar().showMessage(self.tr("Saved “{0}”.").format(saved.title), 8000)
        self.saved.emit(saved)
        return True

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
        other, everything = leftover_headings(self.fields.language())
        try:
            criteria = self.criteria_panel.criteria()
            sections = reselect(
                self.store,
                criteria,
                previous=self.model.sections(),
                other=other,
                everything=everything,
            )
        except ReaderError as error:
            self._set_select_message(sentence(str(error)), error=True)
            if self._auto_select:
                self.model.set_sections([])
                self._on_content_changed()
            return False
        if self._auto_select:
            self.model.set_sections(sections)
            self._on_content_changed()
        else:
            self.model.replace_sections(sections, self.tr("Select articles", "undo command"))
        self.sections_pane.select_first_row()
        articles = sum(len(section.items) for section in sections)
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

    def _set_select_message(self, text: str, *, error: bool = False) -> None:
        self.select_message.setText(text)
        self.select_message.setStyleSheet(f"color: {error_colour(self)};" if error else "")

    @Slot()
    def _on_criteria_changed(self) -> None:
        if self._auto_select:
            self._select_timer.start()
        else:
            self._set_select_message(
                self.tr("The criteria changed: Select Articles chooses the articles again.")
            )

    # -- what changed ---------------------------------------------------------------------------

    @Slot()
    def _on_sections_edited(self) -> None:
        self._auto_select = False
        self._on_content_changed()

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

    @Slot()
    def update_preview(self) -> None:
        """Show the brief as it will read (at once; edits call this after a pause)."""
        self._preview_timer.stop()
        try:
            brief = self.current_brief(placeholder_title=True)
        except ReaderError as error:
            self.preview.show_problem(sentence(str(error)))
            return
        self.preview.show_brief(brief, self._colors)

    # -- exporting ------------------------------------------------------------------------------

    @Slot()
    def export(self) -> bool:
        """Ask where to export the brief in the chosen format, then export it."""
        if not self._can_export():
            return False
        fmt = self.export_controls.chosen_format()
        path = self.export_controls.ask_path(fmt, self.title_edit.text())
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
            paper=self.export_controls.paper(),
            mark_used=self.export_controls.mark_used(),
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
        self.export_controls.folder = job.path.parent
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
                published = self.document.keep_exported(job.brief)
            except ReaderError as error:
                self.statusBar().showMessage(text)
                self._show_error(
                    self.tr("The brief was exported, but could not be saved."), str(error)
                )
                self.exported.emit(job.path)
                return
            self._on_content_changed()
            self.saved.emit(published.brief)
            count = published.marked
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
