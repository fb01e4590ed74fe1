"""Fetching articles' full texts off the GUI thread, one at a time, reporting through signals."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from reader.core import reopen_library
from reader.core.errors import ReaderError
from reader.ui.threads import ThreadController, Worker


class _FullTextWorker(Worker):
    """Lives on the full-text thread; opens its own Store on the library file for each
    article (a Store belongs to the thread that opened it).

    Signals:
        finished(int, int): (generation, article id) the full text was fetched and kept.
        failed(int, int, str): (generation, article id, message) it could not be had.
    """

    finished = Signal(int, int)
    failed = Signal(int, int, str)

    def __init__(self, library: Path, generation: int) -> None:
        super().__init__()
        self._library = library
        self._generation = generation

    @Slot(int)
    def fetch(self, article_id: int) -> None:
        # Imported here, on the worker thread: the HTTP and extraction stack is not needed
        # to show the window.
        from reader.core import fetch_full_text

        try:
            with reopen_library(self._library) as store:
                fetch_full_text(store, article_id)
        except ReaderError as error:
            self.failed.emit(self._generation, article_id, str(error))
            return
        self.finished.emit(self._generation, article_id)


class FullTextController(ThreadController):
    """Fetches full texts on request, one article at a time; further requests wait their
    turn (each article once). A fetch takes up to the download timeout (20 s), so
    :meth:`stop` (on close, or before switching library) waits for the one under way and
    drops the rest.

    Signals:
        started(int): the article's page is being fetched.
        finished(int): the article's full text was fetched and kept in the library.
        failed(int, str): it could not be had; the message is for the user (also recorded
            on the article when the library could be written).
        running_changed(bool): whether fetches are under way or waiting.
    """

    started = Signal(int)
    finished = Signal(int)
    failed = Signal(int, str)

    #: Hands an article id to the worker, across threads.
    _request = Signal(int)

    thread_name = "full-text"

    def __init__(self, library: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._waiting: deque[int] = deque()
        self._current: int | None = None
        #: Bumped by stop(): answers from an earlier worker (another library) are ignored.
        self._generation = 0

    @property
    def running(self) -> bool:
        return self._current is not None or bool(self._waiting)

    def is_pending(self, article_id: int) -> bool:
        """Whether the article's full text is being fetched or waits its turn."""
        return article_id == self._current or article_id in self._waiting

    def fetch(self, article_id: int) -> bool:
        """Fetch an article's full text (after those already asked for); False if it is
        already being fetched or waiting."""
        if self.is_pending(article_id):
            return False
        self._waiting.append(article_id)
        self._next()
        return True

    def set_library(self, library: Path) -> None:
        """Fetch into another library file from now on (stopping what was under way)."""
        self.stop()
        self._library = library

    def stop(self) -> None:
        """Drop the waiting requests, wait for the fetch under way, end the thread."""
        self._waiting.clear()
        self._current = None
        self._generation += 1
        super().stop()

    def _next(self) -> None:
        if self._current is not None or not self._waiting:
            return
        if self._job is None:  # no worker's thread yet (or any more)
            worker = _FullTextWorker(self._library, self._generation)
            worker.finished.connect(self._on_worker_finished)
            worker.failed.connect(self._on_worker_failed)
            self._start_worker(worker, requests=[(self._request, worker.fetch)])
        article_id = self._waiting.popleft()
        self._current = article_id
        self.started.emit(article_id)
        self._request.emit(article_id)

    @Slot(int, int)
    def _on_worker_finished(self, generation: int, article_id: int) -> None:
        if self._done(generation, article_id):
            self.finished.emit(article_id)
            self._after()

    @Slot(int, int, str)
    def _on_worker_failed(self, generation: int, article_id: int, message: str) -> None:
        if self._done(generation, article_id):
            self.failed.emit(article_id, message)
            self._after()

    def _done(self, generation: int, article_id: int) -> bool:
        """Whether an answer is the one awaited (not one from before a stop)."""
        if generation != self._generation or article_id != self._current:
            return False
        self._current = None
        return True

    def _after(self) -> None:
        if self._waiting:
            self._next()
        elif self._current is None:
            # Nothing left: end the thread rather than keep it idle.
            self._stop_worker()
