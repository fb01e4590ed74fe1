"""Guards against a Qt binding that corrupts the interpreter (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(bool)


def test_void_calls_and_emits_keep_reference_counts() -> None:
    """Calls returning nothing must not drop references to None, nor emits to True: a binding
    that does aborts the whole app later, far from the cause."""
    emitter = _Emitter()
    received: list[bool] = []
    emitter.fired.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        emitter.setObjectName("probe")
        emitter.fired.emit(True)
    assert len(received) == 200
    # Other threads may take or drop a few references meanwhile; 200 lost ones is the bug.
    assert sys.getrefcount(None) > none_before - 100
    assert sys.getrefcount(True) > true_before - 100
