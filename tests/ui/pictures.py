"""Checks on rendered widgets, for the screenshot tests."""

from __future__ import annotations

from PySide6.QtGui import QImage


def assert_not_blank(image: QImage) -> None:
    """A rendered widget shows text and controls: many colours, not one flat fill."""
    assert not image.isNull() and image.width() > 100
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 5)
    }
    assert len(colours) > 10
