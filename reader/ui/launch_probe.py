"""The launch probe: how long a start takes, as the user sees it, told by the window itself.

With ``PRESS_READER_LAUNCH_PROBE=FILE`` in the environment, the window writes to FILE, once
the feed tree and a filled article list have both been painted, one line of JSON: the
system's monotonic clock at that frame (``time.monotonic()``, one clock for every process of
the machine, so a launcher that read it before starting the program can subtract), the rows
the list held, and the same clock at each step of the start (see ``reader.ui.app``). It then
closes the window, as the user would. Without the variable nothing here runs.

Launch benchmarks start the installed ``press-reader`` with it, under a real X server.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow

ENVIRONMENT = "PRESS_READER_LAUNCH_PROBE"


class LaunchProbe(QObject):
    """Watches the paint events of the feed tree and the article list until both have painted
    with the list filled (or the library shows its welcome page)."""

    def __init__(self, window: MainWindow, target: Path, marks: dict[str, float]) -> None:
        super().__init__(window)
        self._window = window
        self._target = target
        self._marks = marks
        self._painted: set[str] = set()
        self._done = False
        self._watched = {
            "feeds": window.feed_view.viewport(),
            "articles": window.article_view.viewport(),
            "welcome": window.welcome,
        }
        for widget in self._watched.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            for name, widget in self._watched.items():
                if widget is watched:
                    self._note(name)
        return False

    def _note(self, name: str) -> None:
        window = self._window
        if (
            name == "articles"
            and window.article_model.rowCount() == 0
            and self._waiting_for_articles()
        ):
            return  # a frame of the empty list, before its first page came in
        self._painted.add(name)
        if {"feeds", "articles"} <= self._painted or "welcome" in self._painted:
            self._done = True
            rows = window.article_model.rowCount()
            record = {"monotonic": time.monotonic(), "rows": rows, "marks": self._marks}
            self._target.write_text(json.dumps(record) + "\n", encoding="utf-8")
            # After this frame is on the screen: the close saves state like any close.
            QTimer.singleShot(0, window.close)

    def _waiting_for_articles(self) -> bool:
        """Whether the library has articles the list does not show yet (feeds never
        refreshed show an empty list that is already complete)."""
        return self._window.store.count_articles() > 0


def install(window: MainWindow, marks: dict[str, float]) -> LaunchProbe | None:
    """A probe on ``window`` when the environment asks for one; ``marks`` are monotonic
    times of the start's steps, written with the frame's."""
    target = os.environ.get(ENVIRONMENT)
    if not target:
        return None
    return LaunchProbe(window, Path(target), marks)
