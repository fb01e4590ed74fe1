"""Reading all day: headlines that can be read, the two layouts of the article list, the
annotations panel that steps aside, and a window that fits the screen it opens on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
)
from pytestqt.qtbot import QtBot

from reader.core.storage import Store
from reader.ui.article_list import DATE_COLUMN, SOURCE_COLUMN, TITLE_COLUMN
from reader.ui.mainwindow import MainWindow
from reader.ui.settings import AppSettings, ArticleLayout
from tests.ui.pictures import assert_not_blank
from tests.ui.windows import make_window, open_first_article, select_in_reader, select_row

LAYOUTS = [ArticleLayout.COLUMNS, ArticleLayout.WIDE]


def laid_out(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width)
    # Let the splitters and the header take the new size before measuring.
    qtbot.wait(50)


def visible_title_characters(window: MainWindow, row: int) -> int:
    """How many characters of a row's title the list shows: the text the view would draw,
    elided in the font of the row, in the text rectangle the style gives the cell."""
    view = window.article_view
    index = window.article_model.index(row, TITLE_COLUMN)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    delegate = view.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    text_rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    # Only what lies inside the viewport can be seen.
    text_rect = text_rect.intersected(QRect(0, text_rect.y(), view.viewport().width(), 1000))
    font = index.data(Qt.ItemDataRole.FontRole) or view.font()
    title = index.data(Qt.ItemDataRole.DisplayRole)
    elided = QFontMetrics(QFont(font)).elidedText(
        title, Qt.TextElideMode.ElideRight, text_rect.width()
    )
    return len(title) if elided == title else len(elided) - 1  # less the ellipsis


def longest_title_row(window: MainWindow) -> int:
    model = window.article_model
    lengths = [len(model.index(row, 0).data()) for row in range(model.rowCount())]
    return lengths.index(max(lengths))


def column_fully_shown(window: MainWindow, column: int) -> bool:
    header = window.article_view.horizontalHeader()
    start = header.sectionViewportPosition(column)
    return (
        not header.isSectionHidden(column)
        and start >= 0
        and start + header.sectionSize(column) <= window.article_view.viewport().width()
    )


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "first_size",
    [(1152, 648), (1728, 972)],
    ids=["opened-on-1280x720", "opened-on-1920x1080"],
)
def test_headlines_can_be_read_at_1280_by_720(
    qtbot: QtBot, demo_window: MainWindow, layout: ArticleLayout, first_size: tuple[int, int]
) -> None:
    """Whether the window first opened on this screen (at 90% of it, then maximised) or
    on a larger one."""
    window = demo_window
    window.set_article_layout(layout)
    laid_out(qtbot, window, *first_size)
    window.reset_pane_sizes()  # the pane sizes of a first start at that size
    laid_out(qtbot, window, 1280, 720)
    select_row(window, 0)
    row = longest_title_row(window)
    title = window.article_model.index(row, 0).data()
    assert len(title) > 60  # long enough to be cut: the measure can fail
    # Unread rows are bold, the widest case.
    assert window.article_model.index(row, 0).data(Qt.ItemDataRole.FontRole) is not None
    assert visible_title_characters(window, row) >= 45
    assert column_fully_shown(window, SOURCE_COLUMN)
    assert column_fully_shown(window, DATE_COLUMN)
    # The date is never cut: its column fits the widest date the list writes.
    header = window.article_view.horizontalHeader()
    bold = QFont(window.article_view.font())
    bold.setBold(True)
    date = window.article_model.index(row, DATE_COLUMN).data()
    assert QFontMetrics(bold).horizontalAdvance(date) < header.sectionSize(DATE_COLUMN)


def test_the_title_takes_the_width_the_other_columns_leave(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    window.set_article_layout(ArticleLayout.WIDE)
    laid_out(qtbot, window, 1920, 1080)
    header = window.article_view.horizontalHeader()
    widths = sum(header.sectionSize(c) for c in (TITLE_COLUMN, SOURCE_COLUMN, DATE_COLUMN))
    assert widths == window.article_view.viewport().width()
    # With room to spare the longest source is shown whole.
    bold = QFont(window.article_view.font())
    bold.setBold(True)
    widest = max(QFontMetrics(bold).horizontalAdvance(t) for t in window.article_model.sources())
    assert header.sectionSize(SOURCE_COLUMN) > widest


def test_the_user_column_widths_are_kept(
    qtbot: QtBot, demo_store: Store, app_settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_store, app_settings)
    header = window.article_view.horizontalHeader()
    header.resizeSection(SOURCE_COLUMN, 211)  # as a drag of the column's edge does
    laid_out(qtbot, window, 700, 600)  # a narrower list does not shrink the user's width
    assert header.sectionSize(SOURCE_COLUMN) == 211
    window.close()
    again = make_window(qtbot, demo_store, app_settings)
    assert again.article_view.horizontalHeader().sectionSize(SOURCE_COLUMN) == 211


def test_the_layout_is_chosen_in_the_view_menu_applied_at_once_and_kept(
    qtbot: QtBot, demo_store: Store, app_settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_store, app_settings)
    assert window.acts.act_layout_columns.isChecked()
    assert window.content_splitter.orientation() == Qt.Orientation.Horizontal
    assert window.acts.act_layout_wide in window.acts.layout_group.actions()
    assert window.acts.layout_group.isExclusive()

    window.acts.act_layout_wide.trigger()
    assert (
        window.acts.act_layout_wide.isChecked() and not window.acts.act_layout_columns.isChecked()
    )
    assert window.content_splitter.orientation() == Qt.Orientation.Vertical
    laid_out(qtbot, window, 760, 600)
    list_top = window.article_view.mapTo(window, window.article_view.rect().topLeft())
    reader_top = window.reader_view.mapTo(window, window.reader_view.rect().topLeft())
    assert reader_top.y() > list_top.y() + window.article_view.height() - 1
    wide_sizes = window.content_splitter.sizes()
    window.close()

    again = make_window(qtbot, demo_store, app_settings)
    assert again.acts.act_layout_wide.isChecked()
    assert again.content_splitter.orientation() == Qt.Orientation.Vertical
    assert again.content_splitter.sizes() == wide_sizes
    again.acts.act_layout_columns.trigger()
    assert again.content_splitter.orientation() == Qt.Orientation.Horizontal
    reader_left = again.reader_view.mapTo(again, again.reader_view.rect().topLeft()).x()
    assert reader_left >= again.article_view.mapTo(again, again.article_view.rect().topRight()).x()


# -- the annotations panel ---------------------------------------------------------------------


def test_the_panel_steps_aside_for_articles_without_highlights(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    article = open_first_article(window)
    assert not window.annotation_panel.isVisible()
    select_in_reader(window, " ".join(article.text.split()[:4]))
    qtbot.keyClick(window.reader_view, Qt.Key.Key_H)
    assert window.annotation_panel.isVisible()
    select_row(window, 1)
    assert not window.annotation_panel.isVisible()
    select_row(window, 0)
    assert window.annotation_panel.isVisible()

    window.acts.act_hide_empty_panel.trigger()  # off: the panel stays, highlights or not
    select_row(window, 1)
    assert window.annotation_panel.isVisible()


def test_the_panel_has_its_own_shortcut_which_shows_it_even_without_highlights(
    qtbot: QtBot, demo_store: Store, app_settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_store, app_settings)
    open_first_article(window)
    keys = window.acts.act_annotations.shortcuts()
    assert keys and QKeySequence("H") not in keys
    others = [a for a in window.actions() if a is not window.acts.act_annotations]
    assert not any(set(keys) & set(a.shortcuts()) for a in others)
    listed = dict((label, k) for k, label in window.acts.shortcut_list())
    assert listed["Annotations Panel"] == keys[0].toString(QKeySequence.SequenceFormat.NativeText)

    window.reader_view.setFocus()
    qtbot.keySequence(window, keys[0])
    assert window.annotation_panel.isVisible()  # asked for: shown beside this article
    qtbot.keySequence(window, keys[0])
    assert not window.annotation_panel.isVisible() and not window.acts.act_annotations.isChecked()
    window.close()

    again = make_window(qtbot, demo_store, app_settings)
    assert not again.acts.act_annotations.isChecked()
    assert again.acts.act_hide_empty_panel.isChecked()
    select_row(again, 0)
    assert not again.annotation_panel.isVisible()


# -- the window and the screen -----------------------------------------------------------------


def test_a_first_start_takes_most_of_the_screen_and_is_centred(demo_window: MainWindow) -> None:
    area = QGuiApplication.primaryScreen().availableGeometry()
    geometry = demo_window.geometry()
    assert area.contains(geometry)
    assert geometry.width() >= area.width() * 0.8 and geometry.height() >= area.height() * 0.8
    assert abs(geometry.center().x() - area.center().x()) <= 2
    assert abs(geometry.center().y() - area.center().y()) <= 2


def test_a_restored_window_fits_a_smaller_screen(
    qtbot: QtBot, demo_store: Store, app_settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_store, app_settings)
    area = QGuiApplication.primaryScreen().availableGeometry()
    # As closed on a larger screen, partly beyond this one's edges.
    window.setGeometry(area.x() + 300, area.y() + 200, area.width() + 600, area.height() + 300)
    window.close()
    again = make_window(qtbot, demo_store, app_settings)
    assert area.contains(again.geometry())


def test_nothing_holds_the_window_wider_than_1280(demo_window: MainWindow) -> None:
    window = demo_window
    for layout in LAYOUTS:
        window.set_article_layout(layout)
        window.acts.act_annotations.setChecked(True)
        window.acts.act_hide_empty_panel.setChecked(False)
        window.reader_pane.update_annotation_panel()
        assert window.minimumSizeHint().width() <= 1280
        assert window.minimumSize().width() <= 1280
    toolbar = window.findChild(QToolBar, "toolbar")
    assert toolbar is not None and toolbar.minimumSizeHint().width() < 640
    assert window.search_box.minimumWidth() <= 200


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_screenshots_of_both_layouts(
    qtbot: QtBot,
    demo_window: MainWindow,
    tmp_path: Path,
    layout: ArticleLayout,
    size: tuple[int, int],
) -> None:
    window = demo_window
    window.set_article_layout(layout)
    laid_out(qtbot, window, *size)
    select_row(window, 0)
    path = tmp_path / f"layout-{size[0]}-{layout.value}.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    assert_not_blank(image)
    assert image.width() == size[0]
    assert QApplication.activeWindow() is window


@pytest.mark.parametrize("width", [1280, 1024, 760])
def test_the_search_box_and_status_bar_stay_in_a_narrow_window(
    qtbot: QtBot, demo_window: MainWindow, width: int
) -> None:
    window = demo_window
    laid_out(qtbot, window, width, 600)
    for widget in (window.search_box, window.statusBar(), window.counts_label):
        assert widget.isVisible()
        right = widget.mapTo(window, widget.rect().topRight()).x()
        assert right < width
