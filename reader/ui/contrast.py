"""Legible colours: mixing two colours, the WCAG contrast of two colours, and a colour nudged
until it reads."""

from __future__ import annotations

from PySide6.QtGui import QColor

#: WCAG 2 level AA: body text needs 4.5:1 against its background, large text 3:1.
TEXT_CONTRAST = 4.5


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved towards ``b`` by ``amount`` (0 = a, 1 = b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    """The relative luminance of a colour (0 black, 1 white), as WCAG defines it."""
    return (
        0.2126 * _linear(color.redF())
        + 0.7152 * _linear(color.greenF())
        + 0.0722 * _linear(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """How far apart two colours are, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legible(color: QColor, background: QColor, minimum: float = TEXT_CONTRAST) -> QColor:
    """``color`` when it reads on ``background``; otherwise ``color`` moved towards black or
    white (whichever stands out more there) just far enough that it does.

    Palettes the app does not choose (a dark theme that keeps the light theme's blue links, a
    high-contrast scheme) would otherwise leave its own tints unreadable."""
    if contrast_ratio(color, background) >= minimum:
        return color
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    lighter = contrast_ratio(white, background) > contrast_ratio(black, background)
    target = white if lighter else black
    for step in range(1, 21):
        mixed = mix(color, target, step / 20)
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return target


def error_color(background: QColor) -> QColor:
    """A red for error text that reads on ``background``, light or dark."""
    red = QColor("#ff8a80" if background.lightnessF() < 0.5 else "#b3261e")
    return legible(red, background)
