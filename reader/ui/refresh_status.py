"""Refreshing from the window: starting a refresh, its progress and summary in the status bar,
and the views caught up with what it brought."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QStatusBar, QToolButton

from reader.ui.annotations import shorten
from reader.ui.feed_tree import FeedRole
from reader.ui.i18n import number

if TYPE_CHECKING:
    from reader.core.types import RefreshProgress, RefreshSummary
    from reader.ui.mainwindow import MainWindow

#: How often the views catch up with a refresh that is bringing articles in.
LIVE_RELOAD_MS = 700


class RefreshStatus(QObject):
    """Starts refreshes and shows them: the progress bar, the status line, the live reload."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.live_reload_timer = QTimer(self, singleShot=True, interval=LIVE_RELOAD_MS)
        #: The articles the running refresh rewrote or gave a full text, as it reports them:
        #: the open article is read again only when it is one of them.
        self._touched: set[int] = set()

    def build_status_widgets(self, status: QStatusBar) -> None:
        """The status bar's refresh widgets: what the refresh is doing, then what it did; its
        progress; a button to cancel it."""
        self.progress = QProgressBar()
        self.progress.setObjectName("refresh-progress")
        self.progress.setAccessibleName(self.tr("Refresh progress"))
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(self._window.acts.act_cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel refresh"))
        self.cancel_button.hide()
        # A widget of the bar, not a temporary message, so a menu's status tip passing over
        # it does not wipe the summary away.
        self.status_label = QLabel()
        self.status_label.setObjectName("refresh-status")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # feed titles are hostile
        # Cut rather than widen the window; the tooltip has the whole text.
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        status.addWidget(self.status_label, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    @Slot()
    def refresh_all(self) -> None:
        if not self._window.refresher.start():
            self._window.messages.info.emit(self.tr("A refresh is already running."))

    @Slot()
    def refresh_selected(self) -> None:
        index = self._window.feed_view.currentIndex()
        kind = index.data(FeedRole.NodeKind) if index.isValid() else None
        if kind == "feed":
            self._window.refresher.start([int(index.data(FeedRole.FeedId))])
        elif kind == "folder":
            prefix = tuple(index.data(FeedRole.FolderPath))
            ids = [
                f.id
                for f in self._window.store.list_feeds()
                if f.folder_path[: len(prefix)] == prefix
            ]
            if ids:
                self._window.refresher.start(ids)
        else:
            self.refresh_all()

    @Slot(bool)
    def on_refresh_running_changed(self, running: bool) -> None:
        self._window.acts.act_refresh.setEnabled(not running)
        self._window.acts.act_refresh_selected.setEnabled(not running)
        self._window.acts.act_cancel.setEnabled(running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self._touched.clear()
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Refreshing…"))
            self._show_refresh_status(self.tr("Refreshing…"))

    @Slot(object)
    def on_refresh_progress(self, step: RefreshProgress) -> None:
        if step.outcome is None:
            # Every feed is in; the new articles' pages are being fetched for full text.
            self.progress.setRange(0, step.full_texts_total)
            self.progress.setValue(step.full_texts_done)
            self.progress.setFormat(self.tr("%v of %m full texts"))
            self._show_refresh_status(
                self.tr("{0} of {1} full texts").format(
                    number(step.full_texts_done), number(step.full_texts_total)
                )
            )
            return
        self.progress.setRange(0, step.total)
        self.progress.setValue(step.done)
        # %v and %m are the progress bar's own: the value and the maximum.
        self.progress.setFormat(self.tr("%v of %m feeds · %Ln new", "", step.new_articles))
        self._show_refresh_status(
            self.tr("{0} of {1} feeds — {2}").format(
                number(step.done), number(step.total), shorten(step.outcome.feed.title, 60)
            )
        )
        self._touched.update(step.outcome.rewritten)
        changed = step.outcome.new or step.outcome.error or step.outcome.updated
        if changed and not self.live_reload_timer.isActive():
            self.live_reload_timer.start()

    @Slot(object)
    def on_refresh_finished(self, summary: RefreshSummary) -> None:
        self.live_reload_timer.stop()
        self._touched.update(summary.rewritten)
        self._touched.update(summary.full_text_ids)
        self.reload_views()
        self._touched.clear()
        # Re-anchoring may have moved or orphaned some highlights.
        self._window.companions.reload_highlights_window()
        new = (
            self.tr("%Ln new article", "", summary.new)
            if summary.new == 1
            else self.tr("%Ln new articles", "", summary.new)
        )
        text = self.tr("{0} from {1}.").format(
            new, self._window.navigation.feeds_text(len(summary.outcomes))
        )
        if summary.full_texts:
            text += " " + self.tr("Full texts fetched: {0}.").format(number(summary.full_texts))
        if summary.full_text_failures:
            text += " " + self.tr("Full texts not available: {0} (each article says why).").format(
                number(len(summary.full_text_failures))
            )
        if self._window.reader_pane.rewrite_notice is not None:
            text += " " + self._window.reader_pane.rewrite_notice
        if summary.failed:
            text += " " + (
                self.tr("%Ln feed failed (see Feeds ▸ Feed Problems).", "", summary.failed)
                if summary.failed == 1
                else self.tr("%Ln feeds failed (see Feeds ▸ Feed Problems).", "", summary.failed)
            )
        self._show_refresh_status(text)  # stays beside the bar's other messages
        if summary.failed or self._window.reader_pane.rewrite_notice is not None:
            self._window.messages.warning.emit(text)  # stays in the status bar until the next one
        else:
            self._window.messages.info.emit(text)

    def _show_refresh_status(self, text: str) -> None:
        """Say what the refresh is doing (or did) in the status bar and the progress tooltip."""
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
        self.progress.setToolTip(text)

    @Slot(str)
    def on_refresh_failed(self, message: str) -> None:
        text = self.tr("The refresh could not run: {0}").format(message)
        self._show_refresh_status(text)
        self._window.messages.error.emit(text)

    @Slot()
    def reload_views(self) -> None:
        """Catch the views up with the library, keeping the selection."""
        self._window.feed_model.reload()
        current = self._window.reader_pane.current_article
        selected = current.id if current else None
        if not self._window.article_model.is_searching:
            self._window.article_model.reload()
        if selected is not None:
            row = self._window.article_model.row_of(selected)
            if row >= 0:
                self._window.article_view.selectionModel().blockSignals(True)
                self._window.article_view.setCurrentIndex(self._window.article_model.index(row, 0))
                self._window.article_view.selectionModel().blockSignals(False)
        self._window.reader_pane.rewrite_notice = None
        if current is not None and current.id in self._touched:
            self._window.reader_pane.rewrite_notice = self._window.reader_pane.show_if_rewritten(
                current
            )
            if self._window.reader_pane.rewrite_notice is not None:
                self._window.messages.warning.emit(self._window.reader_pane.rewrite_notice)
        self._window.navigation.update_counts_label()
