"""Exporting a brief off the GUI thread (a long PDF takes seconds), reporting through signals.

The worker runs the writing half of the publishing pipeline, :mod:`reader.export.publish`
(check the target, render, write atomically). Keeping the brief and marking its articles
used needs the library, so the composer does it on the GUI thread once ``finished`` comes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal, Slot

from reader.core.errors import ReaderError
from reader.core.types import Brief, HighlightColor
from reader.export.publish import export_brief
from reader.ui.threads import ThreadController, Worker


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


class _ExportWorker(Worker):
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


class BriefExporter(ThreadController):
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

    thread_name = "brief-export"
    #: A long PDF takes seconds; the window waits for it before it closes.
    wait_msecs = 60_000

    def start(self, job: ExportJob) -> bool:
        """Export in the background; False (and nothing done) while another one runs."""
        if self.running:
            return False
        worker = _ExportWorker(job)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        worker.crashed.connect(self._on_worker_crashed)
        self._start_worker(worker, run=True)
        self.started.emit(job)
        return True

    @Slot(object)
    def _on_worker_finished(self, job: ExportJob) -> None:
        self._stop_worker()
        self.finished.emit(job)

    @Slot(object, str)
    def _on_worker_failed(self, job: ExportJob, message: str) -> None:
        self._stop_worker()
        self.failed.emit(job, message)

    @Slot(object, object)
    def _on_worker_crashed(self, job: ExportJob, error: BaseException) -> None:
        self._stop_worker()
        self.failed.emit(job, self.tr("the export stopped on an unexpected error"))
        raise error  # to the application's crash handler, on this (the GUI) thread
