"""Importing an OPML file off the GUI thread, reporting its progress through signals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from reader.core import Store
from reader.core.errors import ReaderError
from reader.ui.threads import ThreadController, Worker

if TYPE_CHECKING:
    from reader.core.types import ImportReport


class _ImportWorker(Worker):
    """Lives on the import thread; reads and parses the file, then imports it into a Store
    of its own on the library file (a Store belongs to the thread that opened it).

    Signals:
        progress(int, int): (feeds handled, feeds in the file).
        finished(ImportReport): the import is committed.
        failed(object): the OSError or ReaderError that stopped it; nothing was written.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, library: Path, source: Path, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self._library = library
        self._source = source
        self._clock = clock

    def run(self) -> None:
        from reader.core import parse_opml

        try:
            document = parse_opml(self._source.read_bytes())
            with Store(self._library, clock=self._clock) as store:
                report = store.import_opml(document, progress=self.progress.emit)
        except (OSError, ReaderError) as error:
            self.failed.emit(error)
            return
        self.finished.emit(report)


class OPMLImporter(ThreadController):
    """Imports OPML files into the library on a thread of its own, one at a time, so that
    a file of 50 000 feeds leaves the window responsive while it shows its progress.

    Signals:
        progress(str, int, int): (file, feeds handled, feeds in the file).
        finished(str, ImportReport): the file was imported.
        failed(str, object): (file, the OSError or ReaderError); nothing was imported.
        running_changed(bool): whether an import is under way.
    """

    progress = Signal(str, int, int)
    finished = Signal(str, object)
    failed = Signal(str, object)

    thread_name = "opml-import"

    def __init__(
        self, library: Path, clock: Callable[[], datetime], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._clock = clock
        self._source = ""

    def set_library(self, library: Path) -> None:
        """Import later files into another library (an import under way finishes first)."""
        self._library = library

    def start(self, source: str) -> bool:
        """Import the OPML file at ``source``; False (nothing started) if one is running."""
        if self.running:
            return False
        self._source = source
        worker = _ImportWorker(self._library, Path(source), self._clock)
        worker.progress.connect(self._on_worker_progress)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        self._start_worker(worker, run=True)
        return True

    @Slot(int, int)
    def _on_worker_progress(self, done: int, total: int) -> None:
        self.progress.emit(self._source, done, total)

    @Slot(object)
    def _on_worker_finished(self, report: ImportReport) -> None:
        self._stop_worker()
        self.finished.emit(self._source, report)

    @Slot(object)
    def _on_worker_failed(self, error: OSError | ReaderError) -> None:
        self._stop_worker()
        self.failed.emit(self._source, error)
