"""Refreshing feeds off the GUI thread, reporting through signals."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core import reopen_library
from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.core.types import RefreshProgress, RefreshSummary


def worker_thread(owner: QObject, name: str, worker: QObject) -> QThread:
    """A new thread for ``worker`` (a child of ``owner``, named for debuggers), with the
    worker moved onto it; the caller connects its signals, then starts it."""
    thread = QThread(owner)
    thread.setObjectName(name)
    worker.moveToThread(thread)
    return thread


def stop_worker_thread(thread: QThread | None, worker: QObject | None) -> None:
    """End a worker's thread (after its work has returned) and let Qt delete both."""
    if thread is not None:
        thread.quit()
        thread.wait()
        thread.deleteLater()
    if worker is not None:
        worker.deleteLater()


class _RefreshWorker(QObject):
    """Lives on the refresh thread; opens its own Store on the same library file.

    Signals:
        progress(RefreshProgress): after each feed.
        finished(RefreshSummary): the refresh is over (also after a cancel).
        failed(str): the refresh could not run at all (the library could not be opened).
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, library: Path, feed_ids: Sequence[int] | None, jobs: int, cancel: threading.Event
    ) -> None:
        super().__init__()
        self._library = library
        self._feed_ids = None if feed_ids is None else list(feed_ids)
        self._jobs = jobs
        self._cancel = cancel

    @Slot()
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
                    cancel=self._cancel,
                )
        except ReaderError as error:
            self.failed.emit(str(error))
            return
        self.finished.emit(summary)


class RefreshController(QObject):
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
    running_changed = Signal(bool)

    def __init__(self, library: Path, parent: QObject | None = None, *, jobs: int = 8) -> None:
        super().__init__(parent)
        self._library = library
        self._jobs = jobs
        self._thread: QThread | None = None
        self._worker: _RefreshWorker | None = None
        self._cancel = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def set_library(self, library: Path) -> None:
        """Point later refreshes at another library file (the current one finishes first)."""
        self._library = library

    def start(self, feed_ids: Sequence[int] | None = None) -> bool:
        """Refresh the given feeds (all due feeds by default); False if one is running."""
        if self._thread is not None:
            return False
        self._cancel = threading.Event()
        worker = _RefreshWorker(self._library, feed_ids, self._jobs, self._cancel)
        thread = worker_thread(self, "refresh", worker)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_worker_progress)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        self._thread, self._worker = thread, worker
        thread.start()
        self.started.emit()
        self.running_changed.emit(True)
        return True

    def cancel(self) -> None:
        """Stop after the feeds already being fetched."""
        self._cancel.set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the refresh thread ends (for shutdown)."""
        thread = self._thread
        return True if thread is None else thread.wait(msecs)

    @Slot(object)
    def _on_worker_progress(self, step: RefreshProgress) -> None:
        self.progress.emit(step)

    @Slot(object)
    def _on_worker_finished(self, summary: RefreshSummary) -> None:
        self._stop_thread()
        self.finished.emit(summary)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        self._stop_thread()
        self.failed.emit(message)

    def _stop_thread(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        stop_worker_thread(thread, worker)
        self.running_changed.emit(False)
