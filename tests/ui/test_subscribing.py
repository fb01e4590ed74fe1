"""Subscribing and unsubscribing in the desktop app: finding a site's feeds in the Add Feed
dialog, correcting or removing feeds in Feed Problems, folders left empty."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from reader.core.errors import FeedNotFoundError
from reader.core.storage import Store
from reader.core.types import Feed
from reader.ui import prompts
from reader.ui.add_feed_dialog import AddFeedDialog
from reader.ui.discovery_worker import FeedFinder
from reader.ui.feed_errors_dialog import FeedErrorsDialog
from reader.ui.settings import AppSettings
from tests.factories import Clock
from tests.feeds import FeedSite, rss
from tests.ui.pictures import assert_not_blank
from tests.ui.windows import make_window, when_dialog_opens


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: QApplication) -> None:
    QApplication.clipboard().setText("")


@pytest.fixture
def finder(qapp: QApplication, clock: Clock) -> Iterator[FeedFinder]:
    finder = FeedFinder(clock=clock)
    yield finder
    finder.stop()


def serve_page(site: FeedSite, path: str, head: str) -> str:
    html = f"<!DOCTYPE html><html><head><title>Journal</title>{head}</head><body></body></html>"
    site.server.expect_request(path).respond_with_data(html, content_type="text/html")
    return site.url(path)


def feed_link(href: str, title: str, kind: str = "application/rss+xml") -> str:
    return f'<link rel="alternate" type="{kind}" title="{title}" href="{href}">'


def looked_up(qtbot: QtBot, dialog: AddFeedDialog) -> None:
    """Press Subscribe and wait for the look-up to answer."""
    dialog.accept()
    assert dialog.checking() and not dialog.can_accept()
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=10_000)


def rows(dialog: AddFeedDialog) -> list[tuple[str, str, bool]]:
    found = dialog.found_list()
    items = [found.topLevelItem(i) for i in range(found.topLevelItemCount())]
    return [(i.text(0), i.text(1), bool(i.flags() & Qt.ItemFlag.ItemIsEnabled)) for i in items if i]


# -- the Add Feed dialog ------------------------------------------------------------------------


def test_a_page_s_feeds_are_listed_to_pick_from(
    qtbot: QtBot, site: FeedSite, finder: FeedFinder, tmp_path: Path
) -> None:
    page = serve_page(
        site,
        "/article",
        feed_link("/rss.xml", "À la une")
        + feed_link("/feed.json", "En JSON", "application/feed+json")
        + feed_link("/comments.atom", "Commentaires", "application/atom+xml"),
    )
    dialog = AddFeedDialog(folders=["Presse"], finder=finder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url_edit().setText(page)
    looked_up(qtbot, dialog)
    assert dialog.isVisible() and dialog.found_list().isVisible()
    assert rows(dialog) == [
        ("À la une", site.url("/rss.xml"), True),
        ("En JSON (JSON Feed: not yet supported)", site.url("/feed.json"), False),
        ("Commentaires", site.url("/comments.atom"), True),
    ]
    assert "3 feeds" in dialog.status_text()
    assert dialog.can_accept()  # the first usable one is picked already
    dialog.found_list().setCurrentItem(dialog.found_list().topLevelItem(2))
    dialog.folder_combo().setCurrentText("Presse")
    assert dialog.grab().save(str(tmp_path / "found.png"))
    assert_not_blank(QImage(str(tmp_path / "found.png")))
    with qtbot.wait_signal(dialog.accepted):
        dialog.accept()
    assert dialog.result_values() == (site.url("/comments.atom"), "Presse", None)


def test_a_json_feed_cannot_be_picked(qtbot: QtBot, site: FeedSite, finder: FeedFinder) -> None:
    page = serve_page(site, "/", feed_link("/feed.json", "JSON", "application/feed+json"))
    dialog = AddFeedDialog(finder=finder)
    qtbot.addWidget(dialog)
    dialog.url_edit().setText(page)
    looked_up(qtbot, dialog)
    assert "JSON Feed" in dialog.status_text() and "not yet supported" in dialog.status_text()
    assert dialog.can_subscribe_anyway()


def test_a_feed_address_is_subscribed_to_at_once(
    qtbot: QtBot, site: FeedSite, finder: FeedFinder
) -> None:
    url = site.publish("/flux.xml", rss("Le Fleuve", []))
    dialog = AddFeedDialog(finder=finder)
    qtbot.addWidget(dialog)
    dialog.url_edit().setText(url)
    with qtbot.wait_signal(dialog.accepted, timeout=10_000):
        dialog.accept()
    assert dialog.result_values() == (url, None, None)


def test_a_failure_shows_in_the_dialog_with_subscribe_anyway(
    qtbot: QtBot, site: FeedSite, finder: FeedFinder, tmp_path: Path
) -> None:
    site.server.expect_request("/gone.xml").respond_with_data("", status=404)
    dialog = AddFeedDialog(finder=finder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.url_edit().setText(site.url("/gone.xml"))
    looked_up(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.status_text().startswith("HTTP 404 Not Found")
    assert dialog.can_subscribe_anyway()
    assert dialog.grab().save(str(tmp_path / "failed.png"))
    anyway = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Subscribe &Anyway")
    with qtbot.wait_signal(dialog.accepted):
        anyway.click()
    assert dialog.result_values()[0] == site.url("/gone.xml")


def test_another_address_forgets_what_was_found(
    qtbot: QtBot, site: FeedSite, finder: FeedFinder
) -> None:
    page = serve_page(site, "/", feed_link("/a.xml", "A") + feed_link("/b.xml", "B"))
    dialog = AddFeedDialog(finder=finder)
    qtbot.addWidget(dialog)
    dialog.url_edit().setText(page)
    looked_up(qtbot, dialog)
    assert len(rows(dialog)) == 2
    dialog.url_edit().setText(site.url("/other"))
    assert dialog.found_list().isHidden() and dialog.status_text() == ""
    assert not dialog.can_subscribe_anyway() and dialog.can_accept()


def test_an_answer_for_an_address_since_edited_is_ignored(
    qtbot: QtBot, site: FeedSite, finder: FeedFinder
) -> None:
    page = serve_page(site, "/", feed_link("/a.xml", "A") + feed_link("/b.xml", "B"))
    dialog = AddFeedDialog(finder=finder)
    qtbot.addWidget(dialog)
    dialog.url_edit().setText(page)
    with qtbot.wait_signal(finder.found, timeout=10_000):
        dialog.accept()
        dialog.url_edit().setText(site.url("/else"))
    assert dialog.found_list().isHidden() and not dialog.checking()


# -- the window: adding, deleting ---------------------------------------------------------------


def test_the_dialog_starts_in_the_selected_folder_and_subscribes_to_the_picked_feed(
    qtbot: QtBot, store: Store, app_settings: AppSettings, site: FeedSite
) -> None:
    store.add_feed("https://a.example/rss", folder="Sahel/Mali")
    page = serve_page(site, "/", feed_link("/a.xml", "A") + feed_link("/b.xml", "B"))
    window = make_window(qtbot, store, app_settings)
    window.refresher.start = lambda feed_ids=None: True  # type: ignore[method-assign]
    window.feed_view.expandAll()
    folder = next(
        window.feed_model.index(r, 0)
        for r in range(window.feed_model.rowCount())
        if window.feed_model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) == "Sahel"
    )
    mali = window.feed_model.index(0, 0, folder)
    window.feed_view.setCurrentIndex(mali)
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AddFeedDialog)
        seen.append(dialog.folder_combo().currentText())
        dialog.url_edit().setText(page)
        dialog.accept()
        qtbot.waitUntil(lambda: not dialog.checking(), timeout=10_000)
        dialog.found_list().setCurrentItem(dialog.found_list().topLevelItem(1))
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    window.feed_commands.add_feed()
    assert seen == ["Sahel/Mali"]
    added = store.list_feeds()[-1]
    assert (added.url, added.folder) == (site.url("/b.xml"), "Sahel/Mali")


@pytest.mark.parametrize("answer", [True, False])
def test_deleting_the_last_feed_of_a_folder_offers_to_remove_it(
    qtbot: QtBot,
    store: Store,
    app_settings: AppSettings,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
) -> None:
    feed = store.add_feed("https://a.example/rss", folder="Sahel/Mali")
    window = make_window(qtbot, store, app_settings)
    window.feed_view.setCurrentIndex(window.feed_model.index_for_feed(feed.id))
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    asked: list[str] = []
    monkeypatch.setattr(
        window.feed_commands,
        "ask_remove_empty_folder",
        lambda folder, parent=None: asked.append(folder) or answer,
    )
    window.feed_commands.delete_feed()
    assert asked == ["Sahel/Mali"]
    assert store.list_folders() == ([("Sahel",)] if answer else [("Sahel",), ("Sahel", "Mali")])
    assert store.list_feeds() == []


def test_a_folder_keeping_feeds_is_not_offered_for_removal(
    qtbot: QtBot, store: Store, app_settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.add_feed("https://a.example/rss", folder="Sahel")
    store.add_feed("https://b.example/rss", folder="Sahel")
    window = make_window(qtbot, store, app_settings)
    window.feed_view.setCurrentIndex(window.feed_model.index_for_feed(first.id))
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    monkeypatch.setattr(window.feed_commands, "ask_remove_empty_folder", pytest.fail)
    window.feed_commands.delete_feed()
    assert store.list_folders() == [("Sahel",)]


def test_the_empty_folder_question_is_a_message_box(
    qtbot: QtBot, store: Store, app_settings: AppSettings
) -> None:
    window = make_window(qtbot, store, app_settings)
    texts: list[str] = []

    def press_remove(box: QDialog) -> None:
        texts.append(box.text())  # type: ignore[attr-defined]
        next(b for b in box.findChildren(QPushButton) if b.text() == "Remove Folder").click()

    when_dialog_opens(qtbot, press_remove)
    assert window.feed_commands.ask_remove_empty_folder("Sahel/Mali") is True
    assert texts == ["The folder “Sahel/Mali” is now empty. Remove it too?"]


# -- Feed Problems -----------------------------------------------------------------------------

LONG_ERROR = (
    "could not connect to radio-kanem.example: [SSL: CERTIFICATE_VERIFY_FAILED] certificate "
    "verify failed: unable to get local issuer certificate (_ssl.c:1000); the server's "
    "certificate is not trusted, so nothing was downloaded — end of the message"
)


def troubled() -> list[Feed]:
    return [
        Feed(1, "https://a.example/rss", "Radio Kanem", last_error=LONG_ERROR, error_count=3),
        Feed(2, "https://b.example/atom", "Observatoire", warning="malformed XML"),
    ]


def test_the_whole_message_of_the_current_feed_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FeedErrorsDialog(troubled())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.problem_text() == LONG_ERROR
    assert dialog.address_edit().text() == "https://a.example/rss"
    dialog.tree().setCurrentItem(dialog.tree().topLevelItem(1))
    assert dialog.problem_text() == "malformed XML"
    assert dialog.address_edit().text() == "https://b.example/atom"
    dialog.tree().setCurrentItem(dialog.tree().topLevelItem(0))
    assert dialog.grab().save(str(tmp_path / "problems.png"))


def test_the_address_is_corrected_and_the_feed_removed_on_request(qtbot: QtBot) -> None:
    dialog = FeedErrorsDialog(troubled())
    qtbot.addWidget(dialog)
    change = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Change Address")
    assert not change.isEnabled()
    dialog.address_edit().clear()
    qtbot.keyClicks(dialog.address_edit(), "https://a.example/feed/")
    assert change.isEnabled()
    with qtbot.wait_signal(dialog.address_changed) as changed:
        change.click()
    assert changed.args == [1, "https://a.example/feed/"]
    remove = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Remove Feed…")
    with qtbot.wait_signal(dialog.remove_requested) as removed:
        remove.click()
    assert removed.args == [1]


def test_the_window_corrects_retries_and_removes_from_feed_problems(
    qtbot: QtBot,
    store: Store,
    app_settings: AppSettings,
    site: FeedSite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site.server.expect_request("/old.xml").respond_with_data("", status=404)
    broken = store.add_feed(site.url("/old.xml"), folder="Sahel").id
    other = store.add_feed("https://b.example/rss").id
    store.record_error(broken, "HTTP 404 Not Found: the feed address is wrong")
    store.record_error(other, LONG_ERROR)
    fixed = site.publish("/new.xml", rss("Radio Kanem", [("1", "Un", "texte")]))
    window = make_window(qtbot, store, app_settings)
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    monkeypatch.setattr(window.feed_commands, "ask_remove_empty_folder", lambda *args: False)
    steps: list[str] = []

    def correct_then_remove(dialog: QDialog) -> None:
        assert isinstance(dialog, FeedErrorsDialog)
        assert dialog.current_feed_id() == broken
        dialog.address_edit().setText(fixed)
        with qtbot.wait_signal(window.refresher.finished, timeout=20_000):
            dialog.on_save_address()
            steps.append(dialog.message_text())
        qtbot.waitUntil(lambda: dialog.problem_text() == "No problem.")
        assert dialog.tree().topLevelItem(0).text(1) == fixed
        dialog.address_edit().setText(fixed)
        dialog.tree().setCurrentItem(dialog.tree().topLevelItem(1))
        dialog.address_edit().setText(fixed)  # taken by the other feed now
        dialog.on_save_address()
        steps.append(dialog.message_text())
        dialog.on_remove()
        steps.append(str(dialog.feed_ids()))
        dialog.reject()

    when_dialog_opens(qtbot, correct_then_remove)
    window.feed_commands.show_feed_errors()
    assert steps[0] == "Refreshing…"
    assert steps[1].startswith("Already subscribed to")
    assert steps[2] == f"[{broken}]"
    assert store.get_feed(broken).url == fixed and store.get_feed(broken).total == 1
    with pytest.raises(FeedNotFoundError):
        store.get_feed(other)
