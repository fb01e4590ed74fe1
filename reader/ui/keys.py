"""Turning the shortcuts an action is declared with into key sequences and actions, and naming
them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str

#: Keys every keyboard has and whose names a person reads: Escape to Page Down (Tab,
#: Backspace, Return, Delete, Home, the arrows…), then F1 to F12. Printable keys (letters,
#: digits, punctuation, space) come before these codes.
_NAMED_KEYS = (
    range(Qt.Key.Key_Escape.value, Qt.Key.Key_PageDown.value + 1),
    range(Qt.Key.Key_F1.value, Qt.Key.Key_F12.value + 1),
)


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


def is_readable(sequence: QKeySequence) -> bool:
    """Whether ``sequence`` is typed on an ordinary keyboard. The platforms bind standard
    keys to dedicated keys too: the Undo and Find keys of some keyboards, or F14 and F19
    (Sun's), which Qt names "Undo", "Find", "F14": true, but not keys a person has."""
    if sequence.isEmpty():
        return False
    for index in range(sequence.count()):
        # The binding's stubs lack QKeySequence.__getitem__ (operator[] gives a combination).
        key = sequence[index].key().value  # type: ignore[index]
        if key >= Qt.Key.Key_Escape.value and not any(key in keys for keys in _NAMED_KEYS):
            return False
    return True


def shortcut_text(sequences: Iterable[QKeySequence]) -> str:
    """The sequences a person can type, as the platform writes them ("Ctrl+Z, Alt+Backspace";
    "⌘Z" on macOS), one after another; the dedicated keys of :func:`is_readable` are left
    out of the text (the action still answers them)."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(dict.fromkeys(key.toString(native) for key in sequences if is_readable(key)))


def keyed_action(
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    *shortcuts: Shortcut,
    widget: QWidget | None = None,
    tip: str | None = None,
) -> QAction:
    """An action of ``owner`` with its shortcuts: window-wide, or only while ``widget`` has
    focus. Its tip names its first shortcut."""
    action = QAction(text, owner)
    keys = key_sequences(*shortcuts)
    action.setShortcuts(keys)
    if tip:
        if keys:
            tip += f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    if widget is None:
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        owner.addAction(action)
    else:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        widget.addAction(action)
    return action
