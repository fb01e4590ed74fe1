"""The open article's highlights as a list: HighlightListModel and the delegate painting each
entry (colour bar, quote, note, tag chips)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from reader.core.types import Highlight, HighlightColor
from reader.ui.contrast import mix
from reader.ui.highlight_marks import color_meaning, paint_color

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


#: Lines of a highlight's quote, and of its note, shown in the list before eliding.
QUOTE_LINES = 3
NOTE_LINES = 2


class HighlightRole(IntEnum):
    """Item data roles of :class:`HighlightListModel`."""

    #: The row's Highlight, or None on the heading of the orphaned ones.
    Highlight = Qt.ItemDataRole.UserRole + 1
    #: True on the heading row.
    Heading = Qt.ItemDataRole.UserRole + 2


class HighlightListModel(QAbstractListModel):
    """One article's highlights: the placed ones in reading order, then a heading, then the
    orphaned ones (no longer found in the article's text).

    Signals: only those of QAbstractListModel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Highlights and, before the orphaned ones, None for their heading.
        self._rows: list[Highlight | None] = []
        self._meanings: dict[str, str] = {}

    def set_meanings(self, colors: Sequence[HighlightColor]) -> None:
        """What each colour means, for the entries' accessible text."""
        self._meanings = {color.name: color_meaning(color.meaning) for color in colors}

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Show these highlights; when the same ones come back (edited), rows are updated in
        place so the view keeps its selection and position."""
        placed = [h for h in highlights if not h.orphaned]
        orphaned = [h for h in highlights if h.orphaned]
        rows: list[Highlight | None] = [*placed, *([None] if orphaned else []), *orphaned]
        if [_id_of(row) for row in rows] == [_id_of(row) for row in self._rows]:
            # Heights may change with the text: a layout change makes the view measure again.
            self.layoutAboutToBeChanged.emit()
            self._rows = rows
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def highlights(self) -> list[Highlight]:
        return [row for row in self._rows if row is not None]

    def highlight_at(self, row: int) -> Highlight | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, highlight_id: int) -> int:
        """The row showing a highlight, or -1."""
        for row, highlight in enumerate(self._rows):
            if highlight is not None and highlight.id == highlight_id:
                return row
        return -1

    def heading_text(self) -> str:
        return self.tr("Orphaned — no longer in the article")

    # -- Qt overrides ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()] is None:
            # Neither selectable nor enabled, so the keyboard steps over the heading.
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        highlight = self._rows[index.row()]
        if role == HighlightRole.Highlight:
            return highlight
        if role == HighlightRole.Heading:
            return highlight is None
        if highlight is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.heading_text()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(highlight.exact.split())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(highlight)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = " ".join(highlight.exact.split())
            if highlight.note:
                tip += "\n\n" + highlight.note
            return tip
        return None

    def _spoken(self, highlight: Highlight) -> str:
        meaning = self._meanings.get(highlight.color, highlight.color)
        kind = self.tr("Orphaned highlight") if highlight.orphaned else self.tr("Highlight")
        parts = [self.tr("{0} ({1}): {2}").format(kind, meaning, " ".join(highlight.exact.split()))]
        if highlight.note:
            parts.append(self.tr("Note: {0}").format(highlight.note))
        if highlight.tags:
            parts.append(self.tr("Tags: {0}").format(", ".join(highlight.tags)))
        return ". ".join(parts)


def _id_of(row: Highlight | None) -> int | None:
    return None if row is None else row.id


class HighlightDelegate(QStyledItemDelegate):
    """Paints an entry: a bar in the highlight's colour (hatched when orphaned), the quote on
    up to three lines, the note on up to two, and the tags as small chips; and the heading of
    the orphaned ones. Heights follow the list's width; wrapped lines are cached.

    Signals: none of its own.
    """

    PAD_X = 10
    PAD_Y = 8
    BAR_WIDTH = 4
    GAP = 4
    CHIP_PAD = 6
    CHIP_SPACING = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: dict[tuple[str, str, int, int], list[str]] = {}

    # -- measuring -------------------------------------------------------------------------

    def _wrapped(self, text: str, font: QFont, width: int, max_lines: int) -> list[str]:
        """``text`` on at most ``max_lines`` lines of ``width`` pixels, the last one elided."""
        key = (text, font.key(), width, max_lines)
        cached = self._lines.get(key)
        if cached is not None:
            return cached
        flat = " ".join(text.split())
        metrics = QFontMetrics(font)
        layout = QTextLayout(flat, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        lines: list[str] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            start = line.textStart()
            if len(lines) == max_lines - 1:
                rest = flat[start:]
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            lines.append(flat[start : start + line.textLength()].rstrip())
        layout.endLayout()
        if len(self._lines) > 4000:
            self._lines.clear()
        self._lines[key] = lines
        return lines

    @staticmethod
    def _note_font(font: QFont) -> QFont:
        note = QFont(font)
        note.setItalic(True)
        return note

    @staticmethod
    def _chip_font(font: QFont) -> QFont:
        chip = QFont(font)
        if chip.pointSizeF() > 0:
            chip.setPointSizeF(max(6.0, chip.pointSizeF() * 0.85))
        else:
            chip.setPixelSize(max(8, round(chip.pixelSize() * 0.85)))
        return chip

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        # The same width when measuring and painting: the list's, as rows span it.
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        if width <= 0:
            width = option.rect.width()
        return max(40, width - 2 * self.PAD_X - self.BAR_WIDTH - self.PAD_X)

    def _heading_height(self, font: QFont) -> int:
        return QFontMetrics(self._chip_font(font)).height() + 2 * self.PAD_Y + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        font = option.font
        highlight = index.data(HighlightRole.Highlight)
        if not isinstance(highlight, Highlight):
            return QSize(100, self._heading_height(font))
        width = self._text_width(option)
        height = 2 * self.PAD_Y
        height += len(self._wrapped(highlight.exact, font, width, QUOTE_LINES)) * (
            QFontMetrics(font).lineSpacing()
        )
        if highlight.note:
            note_font = self._note_font(font)
            lines = self._wrapped(highlight.note, note_font, width, NOTE_LINES)
            height += self.GAP + len(lines) * QFontMetrics(note_font).lineSpacing()
        if highlight.tags:
            height += self.GAP + 2 + QFontMetrics(self._chip_font(font)).height() + 2
        return QSize(width, height)

    # -- painting --------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        highlight = index.data(HighlightRole.Highlight)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if isinstance(highlight, Highlight):
            self._paint_entry(painter, opt, highlight)
        else:
            self._paint_heading(painter, opt, str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.restore()

    def _paint_heading(self, painter: QPainter, opt: QStyleOptionViewItem, text: str) -> None:
        # The heading is a disabled item; its text is muted on purpose, not greyed out.
        palette = opt.palette
        base = palette.color(QPalette.ColorGroup.Normal, QPalette.ColorRole.Base)
        fg = palette.color(QPalette.ColorGroup.Normal, QPalette.ColorRole.Text)
        rect = opt.rect
        painter.setPen(QPen(mix(base, fg, 0.15), 1))
        painter.drawLine(rect.left() + self.PAD_X, rect.top() + 4, rect.right() - 4, rect.top() + 4)
        font = self._chip_font(opt.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(mix(fg, base, 0.3))
        text_rect = rect.adjusted(self.PAD_X, 6, -self.PAD_X, 0)
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
        )

    def _paint_entry(
        self, painter: QPainter, opt: QStyleOptionViewItem, highlight: Highlight
    ) -> None:
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        opt.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        palette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        if selected:
            fg = palette.color(group, QPalette.ColorRole.HighlightedText)
            bg = palette.color(group, QPalette.ColorRole.Highlight)
        else:
            fg = palette.color(group, QPalette.ColorRole.Text)
            bg = palette.color(group, QPalette.ColorRole.Base)
        muted = mix(fg, bg, 0.35)
        rect = opt.rect

        if not selected:
            painter.setPen(QPen(mix(bg, fg, 0.08), 1))
            painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())

        # The colour bar, hatched when the passage can no longer be found.
        color = paint_color(highlight.color)
        bar = QRectF(
            rect.left() + self.PAD_X,
            rect.top() + self.PAD_Y,
            self.BAR_WIDTH,
            rect.height() - 2 * self.PAD_Y,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        if highlight.orphaned:
            painter.setBrush(mix(color, bg, 0.45))
            painter.drawRoundedRect(bar, 2, 2)
            painter.setBrush(QBrush(color.darker(140), Qt.BrushStyle.BDiagPattern))
        else:
            painter.setBrush(color)
        painter.drawRoundedRect(bar, 2, 2)

        left = rect.left() + self.PAD_X + self.BAR_WIDTH + self.PAD_X
        width = self._text_width(opt)
        y = rect.top() + self.PAD_Y

        font = opt.font
        painter.setFont(font)
        painter.setPen(muted if highlight.orphaned else fg)
        metrics = QFontMetrics(font)
        for line in self._wrapped(highlight.exact, font, width, QUOTE_LINES):
            painter.drawText(left, y + metrics.ascent(), line)
            y += metrics.lineSpacing()

        if highlight.note:
            note_font = self._note_font(font)
            note_metrics = QFontMetrics(note_font)
            painter.setFont(note_font)
            painter.setPen(muted)
            y += self.GAP
            for line in self._wrapped(highlight.note, note_font, width, NOTE_LINES):
                painter.drawText(left, y + note_metrics.ascent(), line)
                y += note_metrics.lineSpacing()

        if highlight.tags:
            y += self.GAP
            self._paint_chips(painter, highlight.tags, QRect(left, y, width, 0), fg, bg)

    def _paint_chips(
        self,
        painter: QPainter,
        tags: Sequence[str],
        area: QRect,
        fg: QColor,
        bg: QColor,
    ) -> None:
        font = self._chip_font(painter.font())
        font.setItalic(False)
        metrics = QFontMetrics(font)
        height = metrics.height() + 4
        painter.setFont(font)
        x = area.left()
        right = area.left() + area.width()
        for position, tag in enumerate(tags):
            left_over = len(tags) - position - 1
            more = f"+{left_over}" if left_over else ""
            room = right - x - (metrics.horizontalAdvance(more) + 2 * self.CHIP_PAD if more else 0)
            text_width = metrics.horizontalAdvance(tag)
            chip_width = text_width + 2 * self.CHIP_PAD
            if chip_width > room:
                if position == 0:
                    # Not even one whole tag fits: elide it rather than show nothing.
                    text_width = max(0, room - 2 * self.CHIP_PAD)
                    tag = metrics.elidedText(tag, Qt.TextElideMode.ElideRight, text_width)
                    chip_width = room
                    self._chip(painter, QRect(x, area.top(), chip_width, height), tag, fg, bg)
                    x += chip_width + self.CHIP_SPACING
                    if not left_over:
                        return
                    more = f"+{left_over}"
                else:
                    more = f"+{len(tags) - position}"
                chip_width = metrics.horizontalAdvance(more) + 2 * self.CHIP_PAD
                self._chip(painter, QRect(x, area.top(), chip_width, height), more, fg, bg)
                return
            self._chip(painter, QRect(x, area.top(), chip_width, height), tag, fg, bg)
            x += chip_width + self.CHIP_SPACING

    @staticmethod
    def _chip(painter: QPainter, rect: QRect, text: str, fg: QColor, bg: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(bg, fg, 0.12))
        radius = rect.height() / 2
        painter.drawRoundedRect(QRectF(rect), radius, radius)
        painter.setPen(fg)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
