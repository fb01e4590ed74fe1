"""Accessibility: every control named and reached by Tab, focus shown, text that follows the
system font size, and the app's own colours legible on dark and high-contrast palettes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.core.storage import Store
from reader.ui.add_feed_dialog import AddFeedDialog
from reader.ui.annotations import Annotations
from reader.ui.article_list import ArticleRole
from reader.ui.brief_composer import BriefComposer
from reader.ui.feed_tree import FeedRole
from reader.ui.highlights_view import HighlightsWindow
from reader.ui.mainwindow import MainWindow
from reader.ui.search_marks import search_selections
from reader.ui.settings import AppSettings, Preferences
from reader.ui.settings_dialog import SettingsDialog
from tests.ui.pictures import assert_not_blank
from tests.ui.windows import make_window, open_first_article, select_row

# -- helpers ----------------------------------------------------------------------------------


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (color.redF(), color.greenF(), color.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def needed(font: QFont) -> float:
    """4.5:1 for body text, 3:1 for large text (18 pt, or 14 pt bold)."""
    size = font.pointSizeF()
    large = size >= 18 or (size >= 14 and font.bold())
    return 3.0 if large else 4.5


def part_of_a_box(widget: QWidget) -> bool:
    """The line edit inside a combo or spin box: the box takes its focus and holds its name."""
    box = widget.parentWidget()
    return isinstance(box, QComboBox | QAbstractSpinBox) and widget.focusProxy() is box


def tab_stops(window: QWidget) -> list[QWidget]:
    """The visible, enabled widgets of the window's focus chain that Tab may stop at."""
    stops: list[QWidget] = []
    widget = window.nextInFocusChain()
    for _ in range(1000):
        if widget is window:
            return stops
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
            and not part_of_a_box(widget)
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    raise AssertionError("the focus chain does not come back to the window")


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()!r})"


def press_tab(qtbot: QtBot, *, backwards: bool = False) -> QWidget:
    """Press Tab (Shift+Tab) where the focus is; the widget that has the focus then."""
    focused = QApplication.focusWidget()
    assert focused is not None
    if backwards:
        qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    else:
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    now = QApplication.focusWidget()
    assert now is not None
    return now.parentWidget() if part_of_a_box(now) else now  # type: ignore[return-value]


def tab_round(qtbot: QtBot, start: QWidget, *, backwards: bool = False) -> list[QWidget]:
    """Focus ``start``, then press Tab until the focus comes back to it: each stop, in order
    (consecutive stops in one widget, such as the links of a text, counted once)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    stops: list[QWidget] = []
    for _ in range(200):
        widget = press_tab(qtbot, backwards=backwards)
        if not stops or stops[-1] is not widget:
            stops.append(widget)
        if widget is start:
            return stops
    raise AssertionError(f"Tab never comes back to {describe(start)}: {stops[-5:]}")


def check_keyboard_reach(qtbot: QtBot, window: QWidget) -> None:
    """Every Tab stop has a name, and Tab (and Shift+Tab) visits every one of them."""
    stops = tab_stops(window)
    assert stops
    assert [describe(w) for w in stops if not w.accessibleName().strip()] == []
    forwards = tab_round(qtbot, stops[0])
    assert {describe(w) for w in forwards} == {describe(w) for w in stops}
    backwards = tab_round(qtbot, stops[0], backwards=True)
    assert [describe(w) for w in backwards[:-1]] == [describe(w) for w in forwards[-2::-1]]


def show(qtbot: QtBot, window: QWidget) -> None:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def highlight_and_select(window: MainWindow) -> None:
    """Open the first article with one highlight selected in the panel, so the panel's
    editor is shown and enabled."""
    article = open_first_article(window)
    window.reader_pane.show_annotation_panel()
    sentence = article.text.split(". ")[0]
    highlight = window.annotations.add_highlight(article.id, sentence, note="Why it matters")
    assert window.annotation_panel.select_highlight(highlight.id)


# -- every control named and reached by Tab ---------------------------------------------------


def test_every_tab_stop_of_the_main_window_is_named_and_reached(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    highlight_and_select(demo_window)
    check_keyboard_reach(qtbot, demo_window)


def test_every_tab_stop_of_the_welcome_page_is_named_and_reached(
    qtbot: QtBot, store: Store, app_settings: AppSettings
) -> None:
    window = make_window(qtbot, store, app_settings)
    assert window.pages.currentWidget() is window.welcome
    check_keyboard_reach(qtbot, window)
    assert {
        window.welcome.add_button,
        window.welcome.import_button,
        window.welcome.demo_button,
    } <= set(tab_stops(window))


def test_tab_goes_through_the_panes_in_order_and_shift_tab_back(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    highlight_and_select(window)
    panel = window.annotation_panel
    expected = [
        window.article_view,
        window.reader_view,
        panel.list_view,
        panel.color_box,
        panel.delete_button,
        panel.note_edit,
        panel.tags_edit,
        window.search_box,
        window.feed_view,
    ]
    assert tab_round(qtbot, window.feed_view) == expected
    assert tab_round(qtbot, window.feed_view, backwards=True) == [*expected[-2::-1], expected[-1]]


def test_the_article_list_lets_tab_leave(qtbot: QtBot, demo_window: MainWindow) -> None:
    open_first_article(demo_window)
    demo_window.article_view.setFocus(Qt.FocusReason.TabFocusReason)
    assert press_tab(qtbot) is demo_window.reader_view


def test_every_tab_stop_of_the_brief_composer_is_named_and_reached(
    qtbot: QtBot, demo_store: Store
) -> None:
    composer = BriefComposer(demo_store)
    qtbot.addWidget(
        composer,
        before_close_func=lambda w: setattr(
            w, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard
        ),
    )
    composer.show()
    qtbot.waitExposed(composer)
    composer.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is composer)
    composer.model.add_section("Mali")
    composer.tree.setCurrentIndex(composer.model.index_at(0))
    check_keyboard_reach(qtbot, composer)
    # Tab follows the screen: the buttons over the sections come before the sections.
    stops = tab_stops(composer)
    add_section = composer.findChild(QAbstractButton, "add-section")
    assert stops.index(composer.intro_edit) < stops.index(add_section) < stops.index(composer.tree)


def test_every_tab_stop_of_the_highlights_window_is_named_and_reached(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = HighlightsWindow(demo_store, Annotations(demo_store))
    show(qtbot, window)
    window.since_check.setChecked(True)
    window.until_check.setChecked(True)
    check_keyboard_reach(qtbot, window)


def test_every_tab_stop_of_the_settings_dialog_is_named_and_reached(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = SettingsDialog(Preferences(), tmp_path)
    show(qtbot, dialog)
    check_keyboard_reach(qtbot, dialog)


def test_every_tab_stop_of_the_add_feed_dialog_is_named_and_reached(qtbot: QtBot) -> None:
    QApplication.clipboard().setText("")
    dialog = AddFeedDialog(folders=["Sahel"])
    show(qtbot, dialog)
    dialog.url_edit().setText("https://courrier-sahel.example/rss")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    check_keyboard_reach(qtbot, dialog)


# -- the focus is visible ---------------------------------------------------------------------


def test_no_style_sheet_hides_the_focus(demo_window: MainWindow) -> None:
    sheets = [QApplication.instance().styleSheet()]  # type: ignore[union-attr]
    sheets += [w.styleSheet() for w in demo_window.findChildren(QWidget)]
    assert not [s for s in sheets if re.search(r"outline\s*:\s*(none|0)", s)]


def focus_shows(qtbot: QtBot, widget: QWidget, before: QWidget) -> None:
    """``widget`` looks different once Tab (from ``before``) gives it the focus."""
    unfocused = widget.grab().toImage()
    before.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(before.hasFocus)
    assert press_tab(qtbot) is widget
    focused = widget.grab().toImage()
    assert focused != unfocused, describe(widget)


def test_the_focus_is_visible_on_buttons_and_lists(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    open_first_article(demo_window)
    demo_window.search_box.setFocus()
    focus_shows(qtbot, demo_window.article_view, demo_window.feed_view)
    dialog = SettingsDialog(Preferences(), tmp_path)
    show(qtbot, dialog)
    stops = tab_stops(dialog)
    button = next(w for w in stops if isinstance(w, QAbstractButton))
    focus_shows(qtbot, button, stops[stops.index(button) - 1])


# -- text follows the system font size --------------------------------------------------------


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[Callable[[float], None]]:
    """Set the application's font size (as the system would); put back afterwards."""
    original = QApplication.font()

    def set_size(points: float) -> None:
        font = QFont(original)
        font.setPointSizeF(points)
        QApplication.setFont(font)

    yield set_size
    QApplication.setFont(original)


def first_row(window: MainWindow) -> tuple[int, int]:
    """The heights of the first row of the feed tree and of the article list."""
    feed = window.feed_view.visualRect(window.feed_model.index(0, 0)).height()
    return feed, window.article_view.rowHeight(0)


def test_text_follows_the_system_font_size(
    qtbot: QtBot, demo_store: Store, app_settings: AppSettings, app_font: Callable[[float], None]
) -> None:
    app_font(9)
    small = make_window(qtbot, demo_store, app_settings)
    open_first_article(small)
    small_rows = first_row(small)
    small.close()

    app_font(16)
    window = make_window(qtbot, demo_store, app_settings)
    open_first_article(window)
    assert window.reader_view.document().defaultFont().pointSizeF() == 16
    assert window.article_view.font().pointSizeF() == 16
    assert window.feed_view.font().pointSizeF() == 16
    rows = first_row(window)
    assert rows[0] > small_rows[0] and rows[1] > small_rows[1]
    bold = QFont(window.article_view.font())
    bold.setBold(True)
    assert min(rows) >= QFontMetrics(bold).height()

    text_widgets = QLabel | QLineEdit | QAbstractButton | QComboBox | QPlainTextEdit | QTextEdit
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, text_widgets):
            continue
        font = widget.font()
        assert font.pixelSize() == -1, f"{describe(widget)} has a font sized in pixels"
        assert font.pointSizeF() >= 16 * 0.8, describe(widget)
        if widget.minimumHeight() == widget.maximumHeight():
            assert widget.height() >= QFontMetrics(font).height(), describe(widget)


def test_the_reading_size_preference_wins_over_the_system_size(
    qtbot: QtBot, demo_store: Store, app_settings: AppSettings, app_font: Callable[[float], None]
) -> None:
    app_font(16)
    window = make_window(qtbot, demo_store, app_settings, font_size=12)
    open_first_article(window)
    assert window.reader_view.document().defaultFont().pointSizeF() == 12
    assert window.article_view.font().pointSizeF() == 16


# -- legible on dark and high-contrast palettes -----------------------------------------------


def make_palette(colors: dict[QPalette.ColorRole, str], disabled: str | None = None) -> QPalette:
    palette = QPalette(QApplication.style().standardPalette())
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    if disabled is not None:
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


R = QPalette.ColorRole
#: A dark theme that sets only the main colours and keeps the rest (its blue links among them).
DARK = {R.Window: "#2b2b2b", R.Base: "#1e1e1e", R.Text: "#e6e6e6", R.WindowText: "#e6e6e6"}
#: Windows' "High Contrast Black" and "High Contrast White".
HIGH_CONTRAST_BLACK = {
    R.Window: "#000000",
    R.Base: "#000000",
    R.AlternateBase: "#000000",
    R.Button: "#000000",
    R.Text: "#ffffff",
    R.WindowText: "#ffffff",
    R.ButtonText: "#ffffff",
    R.Highlight: "#1aebff",
    R.HighlightedText: "#000000",
    R.Link: "#ffff00",
    R.PlaceholderText: "#c0c0c0",
}
HIGH_CONTRAST_WHITE = {
    R.Window: "#ffffff",
    R.Base: "#ffffff",
    R.AlternateBase: "#ffffff",
    R.Button: "#ffffff",
    R.Text: "#000000",
    R.WindowText: "#000000",
    R.ButtonText: "#000000",
    R.Highlight: "#37006e",
    R.HighlightedText: "#ffffff",
    R.Link: "#00009f",
    R.PlaceholderText: "#404040",
}
PALETTES = {
    "light": ({}, None),
    "dark": (DARK, None),
    "high-contrast-black": (HIGH_CONTRAST_BLACK, "#3ff23f"),
    "high-contrast-white": (HIGH_CONTRAST_WHITE, "#600000"),
}


@pytest.fixture(params=list(PALETTES))
def palette_name(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application in each palette, set before the window is built."""
    original = QApplication.palette()
    colors, disabled = PALETTES[request.param]
    QApplication.setPalette(make_palette(colors, disabled))
    yield request.param
    QApplication.setPalette(original)


def text_background(cursor: QTextCursor, fmt: QTextCharFormat, page: QColor) -> QColor:
    """What a fragment of the reader's document is drawn on."""
    if fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush):
        return fmt.background().color()
    table = cursor.currentTable()
    if table is not None:
        cell = table.cellAt(cursor).format()
        if cell.hasProperty(QTextCharFormat.Property.BackgroundBrush):
            return cell.background().color()
    block = cursor.blockFormat()
    if block.hasProperty(QTextCharFormat.Property.BackgroundBrush):
        return block.background().color()
    return page


def illegible_text(window: MainWindow) -> list[str]:
    """Each fragment of the reader's document below the contrast its size needs."""
    view = window.reader_view
    document = view.document()
    page = view.palette().color(QPalette.ColorRole.Base)
    ink = view.palette().color(QPalette.ColorRole.Text)
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            text = fragment.text().replace("\ufffc", "").strip()
            if text:
                fmt = fragment.charFormat()
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                fg = (
                    fmt.foreground().color()
                    if fmt.hasProperty(QTextCharFormat.Property.ForegroundBrush)
                    else ink
                )
                bg = text_background(cursor, fmt, page)
                font = fmt.font()
                if font.pointSizeF() <= 0:
                    font = document.defaultFont()
                if contrast(fg, bg) < needed(font):
                    found.append(f"{text[:30]!r}: {fg.name()} on {bg.name()}")
            it += 1
        block = block.next()
    return found


def rows(model: object, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):  # type: ignore[attr-defined]
        index = model.index(row, 0, parent)  # type: ignore[attr-defined]
        yield index
        yield from rows(model, index)


def richness(store: Store, window: MainWindow, row: int) -> tuple[bool, int]:
    article = store.get_article(window.article_model.index(row, 0).data(ArticleRole.ArticleId))
    return "<img" in article.html, len(article.text.split(". "))


def test_the_apps_own_colours_are_legible_on_every_palette(
    qtbot: QtBot,
    palette_name: str,
    demo_store: Store,
    app_settings: AppSettings,
    tmp_path: Path,
) -> None:
    failing, gone = demo_store.list_feeds()[:2]
    demo_store.record_error(failing.id, "HTTP 500")
    demo_store.record_error(gone.id, "HTTP 410 Gone", disable=True)
    window = make_window(qtbot, demo_store, app_settings)
    # An article with images (so the banner offering to load them) and enough sentences
    # for a highlight of each colour.
    row = max(range(window.article_model.rowCount()), key=lambda r: richness(demo_store, window, r))
    select_row(window, row)
    article = window.reader_pane.current_article
    assert article is not None and "<img" in article.html
    window.reader_pane.show_annotation_panel()
    sentences = [s for s in article.text.split(". ") if len(s) > 20][:5]
    assert len(sentences) == 5
    for sentence, color in zip(
        sentences, ("yellow", "green", "blue", "pink", "orange"), strict=True
    ):
        window.annotations.add_highlight(article.id, sentence, color=color)
    window.annotations.tag_article(article.id, ["country/Mali"])
    qtbot.waitUntil(lambda: len(window.reader_view.extraSelections()) >= len(sentences))
    shot = tmp_path / f"main-{palette_name}.png"
    assert window.grab().save(str(shot))
    assert_not_blank(QImage(str(shot)))

    # The article: its meta line, links, tag chips, quotes and banners.
    assert illegible_text(window) == []
    # Highlight and search marks keep dark text on their light swatches.
    document = window.reader_view.document()
    word = sentences[0].split()[-1]
    marks = window.reader_view.extraSelections() + search_selections(document, word)
    assert len(marks) > len(sentences)
    for mark in marks:
        fg, bg = mark.format.foreground().color(), mark.format.background().color()
        assert contrast(fg, bg) >= 4.5, f"{fg.name()} on {bg.name()}"

    # The feed tree: red for a failing feed, grey for a disabled one, the unread badge.
    view = window.feed_view
    base = view.palette().color(QPalette.ColorRole.Base)
    coloured = 0
    for index in rows(window.feed_model):
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if brush is not None:
            coloured += 1
            assert contrast(brush.color(), base) >= 4.5, index.data()
    assert coloured >= 2

    # The annotation panel's own labels.
    panel = window.annotation_panel
    behind = panel.palette().color(QPalette.ColorRole.Window)
    for label in (panel.empty_label, panel.message_label):
        color = label.palette().color(QPalette.ColorRole.WindowText)
        assert contrast(color, behind) >= 4.5, label.accessibleName()

    # Unread articles in bold, in the palette's own text colour.
    unread = [
        window.article_model.index(row, 0)
        for row in range(window.article_model.rowCount())
        if not window.article_model.index(row, 0).data(ArticleRole.Article).read
    ]
    assert unread and all(i.data(Qt.ItemDataRole.FontRole).bold() for i in unread)
    assert all(i.data(Qt.ItemDataRole.ForegroundRole) is None for i in unread)


def test_the_unread_badge_reads_on_every_palette(
    qtbot: QtBot, palette_name: str, demo_window: MainWindow, tmp_path: Path
) -> None:
    view = demo_window.feed_view
    base = view.palette().color(QPalette.ColorRole.Base).rgb()
    current = view.currentIndex()
    index = next(
        i for i in rows(demo_window.feed_model) if i.data(FeedRole.Unread) and i != current
    )
    rect = view.visualRect(index)
    image = view.viewport().grab(rect).toImage()
    image.save(str(tmp_path / f"badge-{palette_name}.png"))
    # The badge is at the right end of the row: its pill is the commonest colour there that
    # is not the row's, its digits the colour standing out most from the pill.
    counts: dict[int, int] = {}
    for x in range(image.width() - 40, image.width()):
        for y in range(image.height()):
            pixel = image.pixel(x, y)
            if pixel != base:
                counts[pixel] = counts.get(pixel, 0) + 1
    pill = QColor(max(counts, key=counts.__getitem__))
    digits = max((QColor(p) for p, n in counts.items() if n >= 3), key=lambda c: contrast(c, pill))
    assert contrast(digits, pill) >= 4.5, f"{digits.name()} on {pill.name()}"


def test_dialog_errors_are_legible_on_every_palette(qtbot: QtBot, palette_name: str) -> None:
    QApplication.clipboard().setText("")
    dialog = AddFeedDialog()
    show(qtbot, dialog)
    dialog.url_edit().setText("ftp://courrier-sahel.example/rss")
    error = dialog._url_error
    qtbot.waitUntil(error.isVisible)
    match = re.search(r"color:\s*(#[0-9a-fA-F]{6})", error.styleSheet())
    assert match is not None
    behind = dialog.palette().color(QPalette.ColorRole.Window)
    assert contrast(QColor(match.group(1)), behind) >= 4.5
