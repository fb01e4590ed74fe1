"""Waiting for Qt to paint, for the desktop benchmarks (the offscreen platform paints when the
event loop turns, so a measure runs the loop until every widget it watches has painted)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QWidget

#: Longest wait for a paint before a measure is given up (seconds).
PAINT_TIMEOUT = 10.0


def paint_watcher(
    widgets: Sequence[QWidget],
) -> tuple[QObject, Callable[[], bool], Callable[[], None]]:
    """An event filter that notes Paint events on ``widgets``; returns it (keep it alive), a
    test "has every widget painted since the last reset", and the reset."""
    from PySide6.QtCore import QEvent, QObject

    painted: set[int] = set()
    wanted = {id(w) for w in widgets}

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add(id(watched))
            return False

    watcher = Watcher()
    for widget in widgets:
        widget.installEventFilter(watcher)

    def done() -> bool:
        return wanted <= painted

    return watcher, done, painted.clear


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float = PAINT_TIMEOUT) -> bool:
    """Run the event loop until ``done()``; False on timeout."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return True


def settle(app: QApplication, seconds: float = 0.05) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
