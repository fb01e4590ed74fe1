"""The dialogs: what they validate, what they return, and what they emit."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reader.core.types import Feed
from reader.ui.add_feed_dialog import AddFeedDialog
from reader.ui.feed_errors_dialog import FeedErrorsDialog
from reader.ui.help_dialogs import ErrorReportDialog, ShortcutsDialog
from reader.ui.icons import ICON_NAMES, app_icon, icon, icon_path
from reader.ui.prompts import confirm
from reader.ui.settings import ImagePolicy, Preferences
from reader.ui.settings_dialog import SettingsDialog
from tests.ui.pictures import assert_not_blank

# The offscreen platform warns when a top-level window is shown; it says nothing about us.


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: QApplication) -> None:
    QApplication.clipboard().setText("")


def add_feed_dialog(qtbot: QtBot, **kwargs: object) -> AddFeedDialog:
    dialog = AddFeedDialog(**kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def ok_enabled(dialog: AddFeedDialog) -> bool:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    return button.isEnabled()


# -- AddFeedDialog -------------------------------------------------------------------------


def test_add_feed_ok_follows_validity(qtbot: QtBot) -> None:
    dialog = add_feed_dialog(qtbot)
    assert not ok_enabled(dialog)
    assert dialog.error_text() == ""  # nothing typed yet: no reproach

    dialog.url_edit().setText("ftp://x")
    assert not ok_enabled(dialog)
    assert "ftp" in dialog.error_text()
    assert "http" in dialog.error_text()

    dialog.url_edit().setText("https://example.org/rss")
    assert ok_enabled(dialog)
    assert dialog.error_text() == ""


def test_add_feed_error_is_inline_and_visible(qtbot: QtBot) -> None:
    dialog = add_feed_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.url_edit(), "example.org/feed")
    labels = [
        label
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and "http://" in label.text()
    ]
    assert labels, "the reason is shown under the field"
    assert dialog.url_edit().accessibleDescription() == labels[0].text()
    assert not ok_enabled(dialog)


def test_add_feed_already_subscribed(qtbot: QtBot) -> None:
    dialog = add_feed_dialog(qtbot, existing_urls={"https://Example.org/rss"})
    dialog.url_edit().setText("https://example.org/rss")
    assert not ok_enabled(dialog)
    assert "already subscribed" in dialog.error_text()
    dialog.url_edit().setText("https://example.org/other.xml")
    assert ok_enabled(dialog)


def test_add_feed_result_values(qtbot: QtBot) -> None:
    dialog = add_feed_dialog(qtbot, folders=["Sahel/Mali", "Sahel", "Économie"])
    assert [dialog.folder_combo().itemText(i) for i in range(4)] == [
        "",
        "Économie",
        "Sahel",
        "Sahel/Mali",
    ]
    dialog.url_edit().setText("  feed://Example.org/flux.rss ")
    dialog.folder_combo().setCurrentText("Sahel/Mali")
    dialog.title_edit().setText("  Flux test ")
    assert dialog.result_values() == ("http://example.org/flux.rss", "Sahel/Mali", "Flux test")

    dialog.folder_combo().setCurrentText("  ")
    dialog.title_edit().setText("")
    assert dialog.result_values() == ("http://example.org/flux.rss", None, None)


def test_add_feed_accepts_only_valid(qtbot: QtBot) -> None:
    dialog = add_feed_dialog(qtbot)
    dialog.url_edit().setText("nonsense")
    dialog.accept()
    assert dialog.result() == 0 and not dialog.isVisible()
    dialog.url_edit().setText("https://example.org/rss")
    with qtbot.wait_signal(dialog.accepted):
        dialog.accept()


def test_add_feed_prefills_from_clipboard(qtbot: QtBot) -> None:
    QApplication.clipboard().setText("https://courrier-sahel.example/rss.xml")
    dialog = add_feed_dialog(qtbot)
    assert dialog.url_edit().text() == "https://courrier-sahel.example/rss.xml"
    assert ok_enabled(dialog)


@pytest.mark.parametrize("text", ["just some words", "mailto:x@example.org", "ftp://x/feed"])
def test_add_feed_ignores_other_clipboard_text(qtbot: QtBot, text: str) -> None:
    QApplication.clipboard().setText(text)
    dialog = add_feed_dialog(qtbot)
    assert dialog.url_edit().text() == ""


def test_add_feed_controls_have_accessible_names(qtbot: QtBot) -> None:
    dialog = add_feed_dialog(qtbot)
    for widget in (dialog.url_edit(), dialog.folder_combo(), dialog.title_edit()):
        assert widget.accessibleName()


def test_add_feed_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = add_feed_dialog(qtbot, folders=["Sahel/Mali", "Sahel/Niger"])
    dialog.url_edit().setText("ftp://courrier-sahel.example/rss")
    dialog.show()
    qtbot.waitExposed(dialog)
    path = tmp_path / "add_feed_dialog.png"
    assert dialog.grab().save(str(path))
    assert_not_blank(QImage(str(path)))


# -- SettingsDialog ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefs",
    [
        Preferences(),
        Preferences(
            refresh_interval=30, mark_read_delay=-1, font_size=14, images=ImagePolicy.ALWAYS
        ),
        Preferences(refresh_interval=0, mark_read_delay=0, font_size=0, images=ImagePolicy.ASK),
    ],
)
def test_settings_round_trip(qtbot: QtBot, tmp_path: Path, prefs: Preferences) -> None:
    dialog = SettingsDialog(prefs, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.preferences() == prefs


def test_settings_special_values(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Preferences(refresh_interval=0, font_size=0), tmp_path)
    qtbot.addWidget(dialog)
    texts = {w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text")}
    assert {"Off", "System default"} <= texts


def test_settings_edits(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Preferences(), tmp_path)
    qtbot.addWidget(dialog)
    dialog._refresh.setValue(15)
    dialog._mark_read.setChecked(False)
    dialog._font_size.setValue(12)
    dialog._images.setCurrentIndex(1)
    assert dialog.preferences() == Preferences(15, -1, 12, ImagePolicy.ALWAYS)
    assert not dialog._mark_delay.isEnabled()


def test_settings_opens_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Preferences(), tmp_path)
    qtbot.addWidget(dialog)
    opened: list[QUrl] = []
    dialog.open_url = opened.append
    dialog._open_folder.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert dialog._data_path.isReadOnly()
    assert dialog._data_path.text() == str(tmp_path)


# -- ShortcutsDialog -----------------------------------------------------------------------


def test_shortcuts_lists_rows(qtbot: QtBot) -> None:
    shortcuts = [
        ("Ctrl+R", "Refresh all feeds"),
        (QKeySequence("J"), "Next article"),
        (QKeySequence.StandardKey.Find, "Search"),
        ("O, Return", "Open in browser"),
        ("Ctrl+1, Ctrl+2, Ctrl+3, Ctrl+4, Ctrl+5", "Five alternatives"),
    ]
    dialog = ShortcutsDialog(shortcuts)
    qtbot.addWidget(dialog)
    native = QKeySequence.SequenceFormat.NativeText
    assert dialog.rows() == [
        (QKeySequence("Ctrl+R").toString(native), "Refresh all feeds"),
        ("J", "Next article"),
        (QKeySequence(QKeySequence.StandardKey.Find).toString(native), "Search"),
        ("O, Return", "Open in browser"),
        ("Ctrl+1, Ctrl+2, Ctrl+3, Ctrl+4, Ctrl+5", "Five alternatives"),
    ]


# -- ErrorReportDialog ---------------------------------------------------------------------

TRACEBACK = """Traceback (most recent call last):
  File "reader/ui/window.py", line 12, in on_refresh
ZeroDivisionError: division by zero"""


def test_error_report_copy(qtbot: QtBot) -> None:
    dialog = ErrorReportDialog(TRACEBACK, app_version="9.9.9")
    qtbot.addWidget(dialog)
    report = dialog.report()
    assert "Press Reader 9.9.9" in report
    assert "Qt " in report and "Python " in report
    assert TRACEBACK in report
    copy = next(b for b in dialog.findChildren(QWidget) if b.accessibleName() == "Copy report")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == report


def test_error_report_close(qtbot: QtBot) -> None:
    dialog = ErrorReportDialog(TRACEBACK)
    qtbot.addWidget(dialog)
    dialog.open()
    with qtbot.wait_signal(dialog.finished):
        next(b for b in dialog.findChildren(QWidget) if b.accessibleName() == "Close").click()
    assert not dialog.isVisible()


# -- FeedErrorsDialog ----------------------------------------------------------------------


def broken_feeds() -> list[Feed]:
    checked = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)
    return [
        Feed(1, "https://a.example/rss", "Radio Kanem", last_error="HTTP 404", error_count=3,
             last_checked=checked),
        Feed(2, "https://b.example/atom", "Observatoire", warning="malformed XML", error_count=0,
             last_checked=checked),
        Feed(5, "https://c.example/feed", "Sahel Monitor", last_error="timed out", error_count=1),
    ]  # fmt: skip


def test_feed_errors_lists_feeds(qtbot: QtBot) -> None:
    dialog = FeedErrorsDialog(broken_feeds())
    qtbot.addWidget(dialog)
    tree = dialog.tree()
    assert tree.topLevelItemCount() == 3
    first = tree.topLevelItem(0)
    assert [first.text(c) for c in (0, 1, 2, 4)] == [
        "Radio Kanem",
        "https://a.example/rss",
        "HTTP 404",
        "3",
    ]
    assert tree.topLevelItem(1).text(2) == "malformed XML"
    assert tree.topLevelItem(2).text(3) == "Never"
    assert "2026" in first.text(3) or "26" in first.text(3)


def test_feed_errors_retry_selected(qtbot: QtBot) -> None:
    dialog = FeedErrorsDialog(broken_feeds())
    qtbot.addWidget(dialog)
    tree = dialog.tree()
    tree.topLevelItem(0).setSelected(True)
    tree.topLevelItem(2).setSelected(True)
    with qtbot.wait_signal(dialog.retry_requested) as blocker:
        dialog._retry.click()
    assert blocker.args == [[1, 5]]
    assert dialog._retry.text() == "Retry selected"


def test_feed_errors_retry_all(qtbot: QtBot) -> None:
    dialog = FeedErrorsDialog(broken_feeds())
    qtbot.addWidget(dialog)
    assert dialog._retry.text() == "Retry all"
    with qtbot.wait_signal(dialog.retry_requested) as blocker:
        dialog._retry.click()
    assert blocker.args == [[1, 2, 5]]


def test_feed_errors_empty(qtbot: QtBot) -> None:
    dialog = FeedErrorsDialog([])
    qtbot.addWidget(dialog)
    assert not dialog._retry.isEnabled()


# -- confirm -------------------------------------------------------------------------------


def answer_box(click_ok: bool, seen: list[QMessageBox]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert box.defaultButton() is cancel
    if click_ok:
        next(b for b in box.buttons() if b is not cancel).click()
    else:
        cancel.click()


@pytest.mark.parametrize("click_ok", [True, False])
def test_confirm(qtbot: QtBot, click_ok: bool) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []
    QTimer.singleShot(0, lambda: answer_box(click_ok, seen))
    answer = confirm(parent, "Delete feed", "Delete “Radio Kanem” and its articles?", "Delete")
    assert answer is click_ok
    assert seen and seen[0].text().startswith("Delete")


# -- icons ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ICON_NAMES)
def test_bundled_icons_load(qapp: QApplication, name: str) -> None:
    assert icon_path(name).is_file()
    assert not icon(name).pixmap(24, 24).isNull()


def test_missing_icon_falls_back_to_the_style(qapp: QApplication) -> None:
    assert not icon("no-such-icon").isNull()
    assert not app_icon().isNull()


def test_add_feed_set_url(qtbot: QtBot) -> None:
    dialog = add_feed_dialog(qtbot)
    dialog.set_url("https://example.org/rss")
    assert ok_enabled(dialog)
    assert dialog.result_values()[0] == "https://example.org/rss"
