"""Driving the main window in tests: opening it, choosing rows, answering its dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from reader.core.storage import Store
from reader.core.types import Article
from reader.ui.highlight_marks import body_start
from reader.ui.mainwindow import MainWindow
from reader.ui.settings import AppSettings, Preferences


def make_window(
    qtbot: QtBot, store: Store, app_settings: AppSettings, **prefs: object
) -> MainWindow:
    app_settings.save_preferences(Preferences(**{"mark_read_delay": 0, **prefs}))  # type: ignore[arg-type]
    window = MainWindow(store, app_settings, demo_library=lambda: store.path)
    qtbot.addWidget(window)
    window.reader_view.open_url = lambda url: True  # never a real browser in tests
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def select_smart(window: MainWindow, name: str) -> None:
    window.feed_view.setCurrentIndex(window.feed_model.index_for_smart(name))


def select_row(window: MainWindow, row: int) -> None:
    window.article_view.setCurrentIndex(window.article_model.index(row, 0))


def when_dialog_opens(qtbot: QtBot, act: Callable[[QDialog], None]) -> None:
    """Run ``act`` on the next modal dialog, as a user would fill it in."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            act(dialog)
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def select_in_reader(window: MainWindow, passage: str, occurrence: int = 1) -> None:
    """Select a passage of the article's body as a user would with the mouse."""
    document = window.reader_view.document()
    cursor = document.find(passage, body_start(document))
    for _ in range(occurrence - 1):
        cursor = document.find(passage, cursor)
    assert not cursor.isNull(), passage
    window.reader_view.setTextCursor(cursor)


def open_first_article(window: MainWindow) -> Article:
    select_row(window, 0)
    article = window.reader_pane.current_article
    assert article is not None
    return article
