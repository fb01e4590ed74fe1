"""The small bar that floats over a text selection in the reader: highlight in a colour, or
start a note or tags on the passage."""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QWidget,
)

from reader.core.types import HighlightColor
from reader.ui.contrast import mix
from reader.ui.highlight_marks import color_meaning, paint_color

#: Room around the bar's body for its shadow, in pixels.
SHADOW = 3
#: Distance between the bar and the selected line, in pixels.
OFFSET = 6
#: Least distance between the bar and the viewport's edges, in pixels.
EDGE = 4


class ColorButton(QAbstractButton):
    """A round button of one palette colour.

    Signals: those of QAbstractButton.
    """

    DIAMETER = 18

    def __init__(self, color: HighlightColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color_name = color.name
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_meaning(color.meaning)

    def set_meaning(self, meaning: str) -> None:
        text = self.tr("Highlight: {0}").format(color_meaning(meaning))
        self.setToolTip(text)
        self.setAccessibleName(text)

    def sizeHint(self) -> QSize:
        return QSize(self.DIAMETER + 8, self.DIAMETER + 8)

    def enterEvent(self, event: QEnterEvent) -> None:
        super().enterEvent(event)
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        fill = paint_color(self.color_name)
        if self.isDown():
            fill = fill.darker(115)
        center = QRectF(self.rect()).center()
        radius = self.DIAMETER / 2
        if self.underMouse():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(center, radius + 2.5, radius + 2.5)
        painter.setPen(QPen(mix(fill, text, 0.35) if window.lightnessF() > 0.5 else fill, 1))
        painter.setBrush(fill)
        painter.drawEllipse(center, radius - 0.5, radius - 0.5)
        painter.end()


class _Separator(QWidget):
    """A thin vertical line between the colours and the other buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(9)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        color = mix(
            palette.color(QPalette.ColorRole.Window),
            palette.color(QPalette.ColorRole.WindowText),
            0.25,
        )
        painter.setPen(QPen(color, 1))
        x = self.width() // 2
        painter.drawLine(x, 4, x, self.height() - 5)
        painter.end()


class SelectionToolbar(QFrame):
    """A floating bar over the reader's text selection: one round button per palette
    colour, then "Note…" and "Tags…".

    Once :meth:`attach`-ed to a text view, it shows itself just above the end of a
    non-empty selection when the mouse button is released (or after selecting with the
    keyboard), below the line when there is no room above, always inside the viewport. It
    hides when the selection becomes empty, when the view scrolls or gets a new document,
    on Escape, while the mouse is pressed in the text, and after one of its buttons is used.
    It never takes the keyboard focus from the view.

    Signals:
        color_chosen(str): highlight the selection in this palette colour (its name).
        note_requested(): highlight the selection and write a note on it.
        tags_requested(): highlight the selection and tag it.
    """

    color_chosen = Signal(str)
    note_requested = Signal()
    tags_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._view: QTextEdit | None = None
        self._mouse_down = False
        #: Escape was pressed: stay hidden until the selection changes.
        self._dismissed = False
        self._color_buttons: list[ColorButton] = []

        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(False)
        self.setAccessibleName(self.tr("Highlight the selection"))

        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(SHADOW + 6, SHADOW + 3, SHADOW + 6, SHADOW + 4)
        self._layout.setSpacing(2)
        self._colors_end = _Separator(self)
        self.note_button = self._tool_button(self.tr("Note…"), self.tr("Highlight with a note"))
        self.tags_button = self._tool_button(self.tr("Tags…"), self.tr("Highlight and tag"))
        self._layout.addWidget(self._colors_end)
        self._layout.addWidget(self.note_button)
        self._layout.addWidget(self.tags_button)
        self.note_button.clicked.connect(self.on_note_clicked)
        self.tags_button.clicked.connect(self.on_tags_clicked)

        #: Placing waits for the view to finish handling the event that changed things
        #: (the mouse release, the key that scrolled to the cursor).
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self.update_position)
        self.hide()

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    # -- what the window calls -------------------------------------------------------------

    def set_colors(self, colors: Sequence[HighlightColor]) -> None:
        """One button per palette colour, in order, with what it means as its tooltip."""
        for button in self._color_buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._color_buttons = []
        for position, color in enumerate(colors):
            button = ColorButton(color, self)
            button.clicked.connect(lambda _checked=False, name=color.name: self._choose(name))
            self._layout.insertWidget(position, button)
            self._color_buttons.append(button)
        self._colors_end.setVisible(bool(colors))
        self.adjustSize()

    def color_buttons(self) -> list[ColorButton]:
        return list(self._color_buttons)

    def attach(self, view: QTextEdit) -> None:
        """Follow the selection of ``view`` (a QTextEdit or QTextBrowser)."""
        if self._view is not None:
            self._view.removeEventFilter(self)
            self._view.viewport().removeEventFilter(self)
            self._view.selectionChanged.disconnect(self.on_selection_changed)
            self._view.textChanged.disconnect(self.dismiss)
            self._view.verticalScrollBar().valueChanged.disconnect(self.on_scrolled)
            self._view.horizontalScrollBar().valueChanged.disconnect(self.on_scrolled)
        self._view = view
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.selectionChanged.connect(self.on_selection_changed)
        # setHtml/setPlainText: the selection went with the old document.
        view.textChanged.connect(self.dismiss)
        view.verticalScrollBar().valueChanged.connect(self.on_scrolled)
        view.horizontalScrollBar().valueChanged.connect(self.on_scrolled)
        self.hide()

    def view(self) -> QTextEdit | None:
        return self._view

    @Slot()
    def dismiss(self) -> None:
        """Hide until the selection changes."""
        self._place_timer.stop()
        self.hide()

    # -- slots ------------------------------------------------------------------------------

    @Slot()
    def on_selection_changed(self) -> None:
        self._dismissed = False
        if self._mouse_down:
            self.hide()
            return
        self._place_timer.start()

    @Slot(int)
    def on_scrolled(self, _value: int) -> None:
        self.hide()

    @Slot()
    def on_note_clicked(self) -> None:
        self.hide()
        self.note_requested.emit()

    @Slot()
    def on_tags_clicked(self) -> None:
        self.hide()
        self.tags_requested.emit()

    def _choose(self, name: str) -> None:
        self.hide()
        self.color_chosen.emit(name)

    @Slot()
    def update_position(self) -> None:
        """Show the bar at the selection, or hide it when there is nothing to act on."""
        view = self._view
        if view is None or self._mouse_down or self._dismissed or not self._color_buttons:
            self.hide()
            return
        cursor = view.textCursor()
        if not cursor.hasSelection() or not cursor.selectedText().strip():
            self.hide()
            return
        self.adjustSize()
        self.move(self._place(view, cursor))
        self.raise_()
        self.show()

    # -- placing ---------------------------------------------------------------------------

    def _place(self, view: QTextEdit, cursor: QTextCursor) -> QPoint:
        """Top-left corner in the parent's coordinates: centred above the selection's end
        (below it when there is no room above, or when the selection spans several lines,
        so the bar never covers the selected text), kept inside the viewport."""
        viewport = view.viewport()
        area = viewport.rect().adjusted(EDGE, EDGE, -EDGE, -EDGE)
        line = self._end_rect(view, cursor)
        if not area.intersects(line):
            # The end is scrolled away (a selection made upwards): go by the moving end.
            line = view.cursorRect(cursor)
        size = self.size()
        x = line.center().x() - size.width() // 2
        above = line.top() - OFFSET - size.height() + SHADOW
        below = line.bottom() + OFFSET - SHADOW
        # Above the end, unless that would cover the selection's own earlier lines.
        first = view.cursorRect(self._at(cursor, cursor.selectionStart()))
        y = below if above < area.top() or first.top() < line.top() else above
        x = max(area.left(), min(x, area.right() - size.width() + 1))
        y = max(area.top(), min(y, area.bottom() - size.height() + 1))
        parent = self.parentWidget()
        if parent is None or parent is viewport:
            return QPoint(x, y)
        if parent.isAncestorOf(viewport):
            return viewport.mapTo(parent, QPoint(x, y))
        return parent.mapFromGlobal(viewport.mapToGlobal(QPoint(x, y)))

    @staticmethod
    def _at(cursor: QTextCursor, position: int) -> QTextCursor:
        moved = QTextCursor(cursor)
        moved.setPosition(position)
        return moved

    def _end_rect(self, view: QTextEdit, cursor: QTextCursor) -> QRect:
        position = cursor.selectionEnd()
        end = self._at(cursor, position)
        if end.atBlockStart() and position > cursor.selectionStart():
            # A selection ending with a paragraph break ends on the line before.
            end.setPosition(position - 1)
        return view.cursorRect(end)

    # -- Qt overrides ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self._view
        if view is None or not shiboken6.isValid(view):
            return False  # the view is being destroyed (and this bar with it)
        kind = event.type()
        if watched is view.viewport():
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
                    self._mouse_down = True
                    self.hide()
            elif kind == QEvent.Type.MouseButtonRelease:
                if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
                    self._mouse_down = False
                    self._place_timer.start()
            elif kind == QEvent.Type.Resize and self.isVisible():
                self._place_timer.start()
        elif watched is view:
            if (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape
                and self.isVisible()
            ):
                self._dismissed = True
                self.dismiss()
                return True
            if kind == QEvent.Type.FocusOut and self._focus_left_for_good(view):
                self.hide()
        return False

    @staticmethod
    def _focus_left_for_good(view: QTextEdit) -> bool:
        """Focus went to another widget of the window (not a menu, not another window)."""
        window = view.window()
        focused = window.focusWidget() if window.isActiveWindow() else None
        return focused is not None and focused is not view and not view.isAncestorOf(focused)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        dark = window.lightnessF() < 0.5
        body = QRectF(self.rect()).adjusted(SHADOW, SHADOW - 1, -SHADOW, -SHADOW - 1)
        radius = body.height() / 2
        # A soft shadow: a few widening, fading outlines below the body.
        for step in range(SHADOW, 0, -1):
            shadow = QColor(0, 0, 0, (60 if dark else 28) // step)
            path = QPainterPath()
            grown = body.adjusted(-step + 1, -step + 2, step - 1, step)
            path.addRoundedRect(grown, radius + step, radius + step)
            painter.fillPath(path, shadow)
        fill = mix(window, text, 0.08) if dark else palette.color(QPalette.ColorRole.Base)
        painter.setPen(QPen(mix(window, text, 0.22 if dark else 0.18), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(body.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.end()
