"""A top-level window sized to the screen it opens on, and kept within its free area."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def screen_area(window: QWidget) -> QRect:
    """The free area (without panels and docks) of the screen the window is on."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
    return screen.availableGeometry()


def size_to_screen(window: QWidget, share: float) -> None:
    """A first start: ``share`` of the screen's free area, centred on it."""
    area = screen_area(window)
    size = QSize(int(area.width() * share), int(area.height() * share))
    rect = QRect(QPoint(0, 0), size.boundedTo(area.size()))
    rect.moveCenter(area.center())
    window.setGeometry(rect)


def fit_to_screen(window: QWidget) -> None:
    """Restored geometry kept within the free area of the screen it lands on (the screen
    may be smaller than the one the window was closed on), frame included once the
    window has one."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = screen_area(window)
    geometry, frame = window.geometry(), window.frameGeometry()
    # The frame's edges: nothing before the window is first shown.
    left_edge, top_edge = geometry.left() - frame.left(), geometry.top() - frame.top()
    extra = frame.size() - geometry.size()
    size = geometry.size().boundedTo(area.size() - extra)
    width, height = size.width() + extra.width(), size.height() + extra.height()
    left = min(max(frame.left(), area.left()), area.left() + area.width() - width)
    top = min(max(frame.top(), area.top()), area.top() + area.height() - height)
    fitted = QRect(QPoint(left + left_edge, top + top_edge), size)
    if fitted != geometry:
        window.setGeometry(fitted)
