"""The feed tree's icons, drawn in code so that they need no resource files: feeds, feeds in
error, smart views, tags in their colour, and an icon marked with an error or unread dot."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QStyle

from reader.ui.article_list import star_icon
from reader.ui.icons import DRAWN_ICON_SIZES, drawn_icon

#: Colour of the text and mark of a feed whose last refresh failed (readable on light and dark).
ERROR_COLOR = QColor(0xD9, 0x48, 0x3B)
FEED_ICON_COLOR = QColor(0xF2, 0x8C, 0x28)


def make_icon(key: str) -> QIcon:
    if key.startswith("tag-") or key == "tags":
        return tag_icon(key.removeprefix("tag-") if key != "tags" else None)
    if key == "folder":
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
    if key == "smart-starred":
        return star_icon()
    painters = {
        "smart-all": _paint_inbox,
        "smart-unread": _paint_unread_dot,
        "feed": _paint_feed,
        "feed-error": _paint_feed_error,
        "feed-disabled": _paint_feed,
    }
    return drawn_icon(painters[key], disabled=key == "feed-disabled")


def tag_icon(color: str | None) -> QIcon:
    """A tag's label shape, in the tag's colour (the text colour, outlined, without one)."""

    def paint(painter: QPainter) -> None:
        palette = QGuiApplication.palette()
        path = QPainterPath()
        path.moveTo(2, 3.5)
        path.lineTo(8.5, 3.5)
        path.lineTo(14, 8)
        path.lineTo(8.5, 12.5)
        path.lineTo(2, 12.5)
        path.closeSubpath()
        if color:
            painter.setPen(QPen(QColor(color).darker(130), 1))
            painter.setBrush(QColor(color))
        else:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(QPointF(5, 8), 1.2, 1.2)

    return drawn_icon(paint)


def _paint_feed(painter: QPainter) -> None:
    """The RSS mark: an orange rounded square, a dot and two arcs (16×16 units)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(FEED_ICON_COLOR)
    painter.drawRoundedRect(QRectF(1, 1, 14, 14), 3, 3)
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawEllipse(QPointF(4.6, 11.4), 1.5, 1.5)
    pen = QPen(Qt.GlobalColor.white, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # Arcs centred on the dot's corner: quarter circles from the top to the right.
    for radius in (4.6, 8.2):
        painter.drawArc(QRectF(3.2 - radius, 12.8 - radius, 2 * radius, 2 * radius), 0, 90 * 16)


def mark_icon(own: QIcon, key: str) -> QIcon:
    """A feed's own icon with the error mark ("feed-error") or greyed out ("feed-disabled")."""
    icon = QIcon()
    for size in DRAWN_ICON_SIZES:
        if key == "feed-disabled":
            icon.addPixmap(own.pixmap(size, size, QIcon.Mode.Disabled))
            continue
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        own.paint(painter, QRect(0, 0, size, size))
        painter.scale(size / 16, size / 16)
        _paint_error_mark(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _paint_feed_error(painter: QPainter) -> None:
    _paint_feed(painter)
    _paint_error_mark(painter)


def _paint_error_mark(painter: QPainter) -> None:
    """A red disc with an exclamation mark in the bottom-right corner (16×16 units)."""
    painter.setPen(QPen(Qt.GlobalColor.white, 1.2))
    painter.setBrush(ERROR_COLOR)
    painter.drawEllipse(QPointF(11.5, 11.5), 4, 4)
    painter.setPen(QPen(Qt.GlobalColor.white, 1.4))
    painter.drawLine(QPointF(11.5, 9.4), QPointF(11.5, 12.0))
    painter.drawPoint(QPointF(11.5, 13.6))


def _paint_inbox(painter: QPainter) -> None:
    """A tray: every article."""
    color = QGuiApplication.palette().color(QPalette.ColorRole.Text)
    pen = QPen(color, 1.4)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    path.moveTo(2, 9)
    path.lineTo(4, 3)
    path.lineTo(12, 3)
    path.lineTo(14, 9)
    path.lineTo(14, 13)
    path.lineTo(2, 13)
    path.closeSubpath()
    painter.drawPath(path)
    notch = QPainterPath()
    notch.moveTo(2, 9)
    notch.lineTo(5.5, 9)
    notch.lineTo(6.5, 10.5)
    notch.lineTo(9.5, 10.5)
    notch.lineTo(10.5, 9)
    notch.lineTo(14, 9)
    painter.drawPath(notch)


def _paint_unread_dot(painter: QPainter) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0x2F, 0x80, 0xED))
    painter.drawEllipse(QPointF(8, 8), 4.5, 4.5)


# -- delegate --------------------------------------------------------------------------------
