"""The one way non-GUI code tells the user something: a bridge of signals the window shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class MessageBridge(QObject):
    """Carries messages to whatever shows them (the status bar, a non-modal notice).

    Signals:
        info(str): something finished or changed; shown briefly in the status bar.
        warning(str): something the user should notice; stays until the next message.
        error(str): something failed; shown as a notice the user dismisses.
    """

    info = Signal(str)
    warning = Signal(str)
    error = Signal(str)
