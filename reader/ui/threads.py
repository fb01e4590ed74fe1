"""Running a worker on a thread of its own: starting it, asking it to stop, joining it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QThread, Signal, SignalInstance, Slot

#: A controller's signal and the worker's slot it is connected to while the worker lives.
Request = tuple[SignalInstance, Callable[..., Any]]


class Worker(QObject):
    """Lives on its controller's thread and reports through its own signals.

    A worker does one job, :meth:`run`, as soon as its thread starts (then ends the thread's
    event loop itself), or answers requests sent to its slots until the controller stops it.
    Long work looks at :attr:`cancelled` and returns early once it is set.
    """

    def __init__(self) -> None:
        super().__init__()
        #: Set from the GUI thread by :meth:`ThreadController.cancel`.
        self.cancelled = threading.Event()

    def run(self) -> None:
        """The one job of a worker started with ``run=True``; on the worker's thread."""
        raise NotImplementedError

    @Slot()
    def _run_then_quit(self) -> None:
        try:
            self.run()
        finally:
            # The thread's event loop ends with the work, so waiting for the thread (when the
            # window closes) does not depend on the GUI thread, blocked in that wait, to quit it.
            thread = QThread.currentThread()
            if thread is not None:
                thread.quit()


class ThreadController(QObject):
    """Owns at most one :class:`Worker` at a time, on a thread of its own.

    A subclass makes a worker, connects the worker's signals to its own slots and hands it to
    :meth:`_start_worker`; it calls :meth:`_stop_worker` once the worker's answer is in (or to
    drop it). The thread and the worker are deleted by Qt after the thread has ended.

    Signals:
        running_changed(bool): a worker's thread started (True) or was joined (False).
    """

    running_changed = Signal(bool)

    #: The thread's name, as debuggers and crash reports show it.
    thread_name: ClassVar[str] = "worker"
    #: How long :meth:`wait` waits by default, in milliseconds.
    wait_msecs: ClassVar[int] = 30_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The thread and the worker on it, while one is running.
        self._job: tuple[QThread, Worker] | None = None
        self._requests: list[Request] = []

    @property
    def running(self) -> bool:
        """Whether a worker's thread is up (its work under way, or its answer on the way)."""
        return self._job is not None

    def cancel(self) -> None:
        """Ask the worker under way to stop early (those that look at ``cancelled`` do)."""
        if self._job is not None:
            self._job[1].cancelled.set()

    def wait(self, msecs: int | None = None) -> bool:
        """Block until the worker's thread ends (for shutdown); False if it did not in time."""
        if self._job is None:
            return True
        return self._job[0].wait(self.wait_msecs if msecs is None else msecs)

    def stop(self) -> None:
        """Ask the worker to stop early, wait for its work under way, end its thread. An
        answer the worker sent before it stopped may still arrive: whoever asked ignores it."""
        self.cancel()
        self._stop_worker()

    def _start_worker(
        self, worker: Worker, *, run: bool = False, requests: Iterable[Request] = ()
    ) -> None:
        """Move ``worker`` onto a new thread and start it: with ``run``, the thread does the
        worker's :meth:`Worker.run` at once; each of ``requests`` (a signal of this controller
        and a slot of the worker) is connected until the worker is stopped."""
        if self._job is not None:
            raise RuntimeError(f"the {self.thread_name} thread already has a worker")
        thread = QThread(self)
        thread.setObjectName(self.thread_name)  # named for debuggers and crash reports
        worker.moveToThread(thread)
        if run:
            thread.started.connect(worker._run_then_quit)
        self._requests = list(requests)
        for signal, slot in self._requests:
            signal.connect(slot)
        self._job = thread, worker
        thread.start()
        self.running_changed.emit(True)

    def _stop_worker(self) -> None:
        """Join the worker's thread (after the work under way returns) and let Qt delete
        both; nothing when no worker is running."""
        if self._job is None:
            return
        thread, worker = self._job
        self._job = None
        for signal, slot in self._requests:
            signal.disconnect(slot)
        self._requests = []
        thread.quit()
        thread.wait()
        thread.deleteLater()
        worker.deleteLater()
        self.running_changed.emit(False)
