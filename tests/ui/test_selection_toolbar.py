"""The floating bar over a text selection: when it shows, where, what its buttons say, and that
it never takes the focus from the text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from reader.core.types import HighlightColor
from reader.ui.selection_toolbar import SelectionToolbar
from tests.ui.pictures import assert_not_blank

PALETTE = [
    HighlightColor("yellow", "key fact"),
    HighlightColor("green", "context"),
    HighlightColor("blue", "quote"),
    HighlightColor("pink", "claim to verify"),
    HighlightColor("orange", "follow up"),
]

PARAGRAPH = (
    "À Tombouctou, la rentrée scolaire a été repoussée d'une semaine : les enseignants "
    "réclament le versement des primes promises en août. « Nous ne demandons que ce qui "
    "nous est dû », résume une institutrice du quartier Abaradjou."
)
#: Where the second paragraph starts (after the first one's paragraph break).
SECOND = len(PARAGRAPH) + 1

#: QTest warns that a plain QTextBrowser does not accept mouse releases away from links;
#: the view's own behaviour, not the bar's.
ignore_unaccepted_release = pytest.mark.qt_log_ignore('Mouse event "MouseRelease" not accepted')


@pytest.fixture
def view(qtbot: QtBot) -> QTextBrowser:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    # A reader that can select with the keyboard (Shift+arrows), as with caret browsing.
    browser.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextBrowserInteraction
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    browser.resize(640, 360)
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(12))
    browser.setHtml(body)
    browser.show()
    qtbot.waitExposed(browser)
    browser.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is browser)
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    return browser


@pytest.fixture
def bar(view: QTextBrowser) -> SelectionToolbar:
    toolbar = SelectionToolbar(view)
    toolbar.set_colors(PALETTE)
    toolbar.attach(view)
    return toolbar


def select_by_keyboard(qtbot: QtBot, view: QTextBrowser, start: int, count: int) -> None:
    cursor = view.textCursor()
    cursor.setPosition(start)
    view.setTextCursor(cursor)
    for _ in range(count):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def point_of(view: QTextBrowser, position: int) -> QPoint:
    """Where a character of the text is, in the viewport."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor).center()


def test_keyboard_selection_shows_the_bar_above_its_end(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    assert bar.isHidden()
    start = SECOND + PARAGRAPH.index("la rentrée")
    select_by_keyboard(qtbot, view, start, len("la rentrée"))
    assert view.textCursor().selectedText() == "la rentrée"
    qtbot.waitUntil(bar.isVisible)
    # Just above the selected line, around the selection's end, inside the viewport.
    viewport = view.viewport()
    geometry = bar.geometry().translated(-viewport.x(), -viewport.y())
    end = view.cursorRect(view.textCursor())
    assert viewport.rect().contains(geometry)
    assert geometry.bottom() <= end.top()
    assert end.top() - geometry.bottom() < 16
    assert geometry.left() <= end.center().x() <= geometry.right()
    # The text keeps the focus; nothing in the bar can take it.
    assert view.hasFocus()
    assert QApplication.focusWidget() is view
    assert all(
        b.focusPolicy() == Qt.FocusPolicy.NoFocus
        for b in [*bar.color_buttons(), bar.note_button, bar.tags_button]
    )


def test_without_room_above_the_bar_goes_below_the_line(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    select_by_keyboard(qtbot, view, 0, len("À Tombouctou"))
    qtbot.waitUntil(bar.isVisible)
    viewport = view.viewport()
    geometry = bar.geometry().translated(-viewport.x(), -viewport.y())
    line = view.cursorRect(view.textCursor())
    assert geometry.top() >= line.bottom()
    assert viewport.rect().contains(geometry)


def test_a_selection_over_several_lines_gets_the_bar_below_its_end(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    start = SECOND + PARAGRAPH.index("les enseignants")
    select_by_keyboard(qtbot, view, start, len(PARAGRAPH) - PARAGRAPH.index("les enseignants"))
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    first = view.cursorRect(cursor)
    end = view.cursorRect(view.textCursor())
    assert end.top() > first.top()  # the selection wraps
    qtbot.waitUntil(bar.isVisible)
    viewport = view.viewport()
    geometry = bar.geometry().translated(-viewport.x(), -viewport.y())
    # Not over the selected lines: below the last one.
    assert geometry.top() >= end.bottom()


@ignore_unaccepted_release
def test_hidden_while_dragging_and_shown_on_release(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    viewport = view.viewport()
    start = point_of(view, PARAGRAPH.index("les enseignants"))
    end = point_of(view, PARAGRAPH.index("réclament"))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    # However the drag arrived at the view, while the button is down the bar stays away.
    cursor = view.textCursor()
    cursor.setPosition(PARAGRAPH.index("les enseignants"))
    cursor.setPosition(PARAGRAPH.index("réclament"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.textCursor().hasSelection()
    QApplication.processEvents()  # let a wrongly scheduled show happen, if any
    assert bar.isHidden()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(bar.isVisible)


def test_colour_buttons_say_what_they_mean_and_emit_their_colour(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    buttons = bar.color_buttons()
    assert [b.toolTip() for b in buttons] == [f"Highlight: {c.meaning}" for c in PALETTE]
    select_by_keyboard(qtbot, view, PARAGRAPH.index("primes"), len("primes"))
    qtbot.waitUntil(bar.isVisible)
    with qtbot.waitSignal(bar.color_chosen) as chosen:
        qtbot.mouseClick(buttons[3], Qt.MouseButton.LeftButton)
    assert chosen.args == ["pink"]
    assert view.hasFocus()
    assert view.textCursor().selectedText() == "primes"


@pytest.mark.parametrize(
    ("button", "signal"), [("note", "note_requested"), ("tags", "tags_requested")]
)
def test_note_and_tags_buttons(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar, button: str, signal: str
) -> None:
    select_by_keyboard(qtbot, view, PARAGRAPH.index("primes"), len("primes"))
    qtbot.waitUntil(bar.isVisible)
    widget = bar.note_button if button == "note" else bar.tags_button
    with qtbot.waitSignal(getattr(bar, signal)):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    assert view.hasFocus()


def test_hides_when_the_selection_goes(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    select_by_keyboard(qtbot, view, 10, 5)
    qtbot.waitUntil(bar.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # moves the cursor, selection gone
    assert not view.textCursor().hasSelection()
    qtbot.waitUntil(bar.isHidden)


def test_hides_on_scroll(qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar) -> None:
    select_by_keyboard(qtbot, view, 10, 5)
    qtbot.waitUntil(bar.isVisible)
    scrollbar = view.verticalScrollBar()
    assert scrollbar.maximum() > 0
    scrollbar.setValue(scrollbar.value() + 40)
    assert bar.isHidden()


def test_hides_when_the_document_is_replaced(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    select_by_keyboard(qtbot, view, 10, 5)
    qtbot.waitUntil(bar.isVisible)
    view.setHtml("<p>Un autre article, sans rapport.</p>")
    assert bar.isHidden()
    QApplication.processEvents()
    assert bar.isHidden()


def test_escape_hides_until_the_selection_changes(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    select_by_keyboard(qtbot, view, 10, 5)
    qtbot.waitUntil(bar.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert view.textCursor().hasSelection() and view.hasFocus()
    QApplication.processEvents()
    assert bar.isHidden()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(bar.isVisible)


@ignore_unaccepted_release
def test_a_click_without_drag_shows_nothing(
    qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar
) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, 30))
    QApplication.processEvents()
    assert bar.isHidden()


def test_no_colours_no_bar(qtbot: QtBot, view: QTextBrowser) -> None:
    toolbar = SelectionToolbar(view)
    toolbar.attach(view)
    select_by_keyboard(qtbot, view, 10, 5)
    QApplication.processEvents()
    assert toolbar.isHidden()


def test_the_bar_is_drawn(qtbot: QtBot, view: QTextBrowser, bar: SelectionToolbar) -> None:
    select_by_keyboard(qtbot, view, PARAGRAPH.index("primes promises"), len("primes promises"))
    qtbot.waitUntil(bar.isVisible)
    assert_not_blank(bar.grab().toImage())
