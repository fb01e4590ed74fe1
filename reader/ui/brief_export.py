"""Exporting a brief off the GUI thread (a long PDF takes seconds), reporting through signals.

The worker runs the writing half of the publishing pipeline, :mod:`reader.export.publish`
(check the target, render, write atomically). Keeping the brief and marking its articles
used needs the library, so the composer does it on the GUI thread once ``finished`` comes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.errors import ReaderError
from reader.core.types import Brief, HighlightColor
from reader.export.publish import export_brief
from reader.ui.workers import stop_worker_thread, worker_thread


@dataclass(frozen=True, slots=True)
class ExportJob:
    """One export: the brief as it was when asked for, when it was asked for (the library's
    clock), where and how to write it, and whether its articles are then marked as used."""

    brief: Brief
    colors: tuple[HighlightColor, ...]
    path: Path
    fmt: str
    now: datetime
    paper: str = "a4"
    mark_used: bool = True
    #: The user agreed to replace a read-only file at ``path``.
    replace_read_only: bool = False


class _ExportWorker(QObject):
    """Lives on the export thread; touches no Store (the job carries plain values).

    Signals:
        finished(ExportJob): the file is written.
        failed(ExportJob, str): it could not be written; nothing was (the message is the
            engine's, for the user).
        crashed(ExportJob, BaseException): an unexpected error, carried to the GUI thread so
            the crash handler reports it there.
    """

    finished = Signal(object)
    failed = Signal(object, str)
    crashed = Signal(object, object)

    def __init__(self, job: ExportJob) -> None:
        super().__init__()
        self._job = job

    @Slot()
    def run(self) -> None:
        job = self._job
        try:
            export_brief(
                job.brief,
                job.colors,
                job.path,
                job.fmt,
                now=job.now,
                paper=job.paper,
                replace_read_only=job.replace_read_only,
            )
        except ReaderError as error:
            self.failed.emit(job, str(error))
        except Exception as error:  # noqa: BLE001 - re-raised on the GUI thread, see crashed
            self.crashed.emit(job, error)
        else:
            self.finished.emit(job)
        finally:
            # The thread's event loop ends with the work, so waiting for the thread (when
            # the window closes) does not depend on the GUI thread stopping it.
            self.thread().quit()


class BriefExporter(QObject):
    """Runs one export at a time on its own thread.

    Signals:
        started(ExportJob): an export began.
        finished(ExportJob): the file is written.
        failed(ExportJob, str): the file could not be written (the message is for the user).
        running_changed(bool): whether an export is under way.
    """

    started = Signal(object)
    finished = Signal(object)
    failed = Signal(object, str)
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _ExportWorker | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, job: ExportJob) -> bool:
        """Export in the background; False (and nothing done) while another one runs."""
        if self._thread is not None:
            return False
        worker = _ExportWorker(job)
        thread = worker_thread(self, "brief-export", worker)
        thread.started.connect(worker.run)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        worker.crashed.connect(self._on_worker_crashed)
        self._thread, self._worker = thread, worker
        thread.start()
        self.started.emit(job)
        self.running_changed.emit(True)
        return True

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until the export thread ends (before the window closes)."""
        thread = self._thread
        return True if thread is None else thread.wait(msecs)

    @Slot(object)
    def _on_worker_finished(self, job: ExportJob) -> None:
        self._stop_thread()
        self.finished.emit(job)

    @Slot(object, str)
    def _on_worker_failed(self, job: ExportJob, message: str) -> None:
        self._stop_thread()
        self.failed.emit(job, message)

    @Slot(object, object)
    def _on_worker_crashed(self, job: ExportJob, error: BaseException) -> None:
        self._stop_thread()
        self.failed.emit(job, self.tr("the export stopped on an unexpected error"))
        raise error  # to the application's crash handler, on this (the GUI) thread

    def _stop_thread(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        stop_worker_thread(thread, worker)
        self.running_changed.emit(False)
