"""Refreshing feeds off the GUI thread, reporting through signals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from reader.core import reopen_library
from reader.core.errors import ReaderError
from reader.ui.threads import ThreadController, Worker

if TYPE_CHECKING:
    from reader.core.types import RefreshProgress, RefreshSummary


class _RefreshWorker(Worker):
    """Lives on the refresh thread; opens its own Store on the same library file.

    Signals:
        progress(RefreshProgress): after each feed.
        finished(RefreshSummary): the refresh is over (also after a cancel).
        failed(str): the refresh could not run at all (the library could not be opened).
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Path, feed_ids: Sequence[int] | None, jobs: int) -> None:
        super().__init__()
        self._library = library
        self._feed_ids = None if feed_ids is None else list(feed_ids)
        self._jobs = jobs

    def run(self) -> None:
        # Imported here, on the refresh thread: the HTTP and parsing stack is not needed to
        # show the window, and importing it would slow every start.
        from reader.core import refresh_feeds

        try:
            with reopen_library(self._library) as store:
                summary = refresh_feeds(
                    store,
                    self._feed_ids,
                    jobs=self._jobs,
                    on_progress=self.progress.emit,
                    cancel=self.cancelled,
                )
        except ReaderError as error:
            self.failed.emit(str(error))
            return
        self.finished.emit(summary)


class RefreshController(ThreadController):
    """Starts and cancels background refreshes; one at a time.

    Signals:
        started(): a refresh began.
        progress(RefreshProgress): one more feed is done (with its outcome).
        finished(RefreshSummary): the refresh ended, normally or cancelled.
        failed(str): the refresh could not run.
        running_changed(bool): whether a refresh is under way.
    """

    started = Signal()
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    thread_name = "refresh"

    def __init__(self, library: Path, parent: QObject | None = None, *, jobs: int = 8) -> None:
        super().__init__(parent)
        self._library = library
        self._jobs = jobs

    def set_library(self, library: Path) -> None:
        """Point later refreshes at another library file (the current one finishes first)."""
        self._library = library

    def start(self, feed_ids: Sequence[int] | None = None) -> bool:
        """Refresh the given feeds (all due feeds by default); False if one is running."""
        if self.running:
            return False
        worker = _RefreshWorker(self._library, feed_ids, self._jobs)
        worker.progress.connect(self._on_worker_progress)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        self._start_worker(worker, run=True)
        self.started.emit()
        return True

    @Slot(object)
    def _on_worker_progress(self, step: RefreshProgress) -> None:
        self.progress.emit(step)

    @Slot(object)
    def _on_worker_finished(self, summary: RefreshSummary) -> None:
        self._stop_worker()
        self.finished.emit(summary)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        self._stop_worker()
        self.failed.emit(message)
