"""The launch benchmarks' baseline: a bare PySide6 window (a QMainWindow with an empty central
widget, 1280×800), told to its launcher the way Press Reader's launch probe tells it: the
monotonic clock at its first painted frame, written to ``$PRESS_READER_LAUNCH_PROBE``, then
the window closes."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class FirstPaint(QObject):
    def __init__(self, window: QMainWindow, target: Path) -> None:
        super().__init__(window)
        self._window = window
        self._target = target
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            record = {"monotonic": time.monotonic(), "rows": 0, "marks": {}}
            self._target.write_text(json.dumps(record) + "\n", encoding="utf-8")
            QTimer.singleShot(0, self._window.close)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    central = QWidget()
    window.setCentralWidget(central)
    window.resize(1280, 800)
    central.installEventFilter(FirstPaint(window, Path(os.environ["PRESS_READER_LAUNCH_PROBE"])))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
