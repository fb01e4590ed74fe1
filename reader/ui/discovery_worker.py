"""Finding the feeds of an address off the GUI thread, one request at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal, Slot

from reader.core import utc_now
from reader.core.errors import ReaderError
from reader.ui.threads import ThreadController, Worker


class _DiscoveryWorker(Worker):
    """Lives on the discovery thread; each request gets a downloader of its own.

    Signals:
        found(int, Discovery): (request, what was found).
        failed(int, str): (request, message for the user).
    """

    found = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self._clock = clock

    @Slot(int, str)
    def find(self, request: int, address: str) -> None:
        # Imported here, on the worker thread: the HTTP and parsing stack is not needed to
        # show the window.
        from reader.core import Fetcher, discover_feeds

        try:
            with Fetcher(clock=self._clock) as http:
                found = discover_feeds(address, http, now=self._clock())
        except ReaderError as error:
            self.failed.emit(request, str(error))
            return
        self.found.emit(request, found)


class FeedFinder(ThreadController):
    """Looks for the feeds of addresses (``reader.core.discover``) on a thread of its own.
    Requests are answered in turn, each with the number :meth:`find` returned; whoever
    asked ignores answers to requests it gave up on (another address typed, the dialog
    closed). :meth:`stop` waits for the request under way (a download is bounded by its
    timeout) and drops the others.

    Signals:
        found(int, Discovery): the feeds found for request ``int``.
        failed(int, str): request ``int`` failed; the message is for the user.
        running_changed(bool): whether the look-ups' thread is up.
    """

    found = Signal(int, object)
    failed = Signal(int, str)

    #: Hands a request to the worker, across threads.
    _request = Signal(int, str)

    thread_name = "feed-discovery"

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last = 0

    def find(self, address: str) -> int:
        """Start looking for the feeds of ``address``; returns the request's number."""
        if not self.running:
            worker = _DiscoveryWorker(self._clock)
            worker.found.connect(self.found)
            worker.failed.connect(self.failed)
            self._start_worker(worker, requests=[(self._request, worker.find)])
        self._last += 1
        self._request.emit(self._last, address)
        return self._last
