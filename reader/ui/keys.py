"""Turning the shortcuts an action is declared with into key sequences."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def key_sequences(*shortcuts: Shortcut) -> list[QKeySequence]:
    """The key sequences of ``shortcuts``: a standard key gives the platform's bindings (often
    several), a string or sequence itself; each once, in order."""
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys.extend(QKeySequence.keyBindings(shortcut))
        else:
            keys.append(QKeySequence(shortcut))
    return list(dict.fromkeys(keys))
