"""Full text for excerpt-only feeds on the desktop: fetching an article's page from a loopback
site off the GUI thread, the reader's banner and its links, the feed's setting, highlights on
either version."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.core.storage import Store
from reader.ui.mainwindow import MainWindow
from reader.ui.reader_view import (
    FEED_VERSION_URL,
    FETCH_FULL_TEXT_URL,
    FULL_TEXT_URL,
    LOAD_IMAGES_URL,
)
from reader.ui.settings import AppSettings
from tests.factories import entry, feed
from tests.news import NewsSite
from tests.ui.windows import make_window, open_first_article, select_in_reader

pytestmark = pytest.mark.network

PARAGRAPHS = (
    "The regional council of Doule adopted an emergency plan for pastoral wells on Thursday, "
    "after three months of drought that killed part of the valley's herds.",
    "According to the council's president, Mariam Sangare, every well restored saves whole "
    "families; the works are due to begin before the end of December.",
    "Herders met at the Kereba market remain cautious: they want to see the drilling trucks "
    "arrive before they believe the council's promises.",
    "The money comes from a decentralised cooperation fund opened last year, half of which "
    "the European partners have yet to pay.",
)
TEASER = "The regional council of Doule adopted an emergency plan for pastoral wells… Read more"
FEED_ONLY = "Read more"
PAGE_ONLY = "drilling trucks"
FETCH_TIMEOUT = 20_000


def page(title: str) -> bytes:
    """An article page as a news site serves it: navigation, the article, a comment form."""
    body = "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} – The Doule Gazette</title></head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>{escape(title)}</h1>{body}</article></main>
<aside><h3>Most read</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
<div id="respond"><h3>Leave a comment</h3><p>Your e-mail address will not be published.</p>
</div><footer>© The Doule Gazette</footer></body></html>""".encode()


@pytest.fixture
def gazette(store: Store, news: NewsSite) -> int:
    """A feed giving only a teaser of one article, whose page is on the loopback site."""
    feed_id = store.add_feed(news.server.url_for("/feed.xml")).id
    store.store_parsed_feed(
        feed_id, feed(entry("wells", "Wells for Doule", TEASER, link=news.url("wells")))
    )
    return feed_id


@pytest.fixture
def window(qtbot: QtBot, store: Store, app_settings: AppSettings, gazette: int) -> MainWindow:
    return make_window(qtbot, store, app_settings)


def shown(window: MainWindow) -> str:
    return window.reader_view.document().toPlainText()


def painted(window: MainWindow) -> list[str]:
    return [m.cursor.selectedText() for m in window.reader_view.extraSelections()]


def fetch(qtbot: QtBot, window: MainWindow, article_id: int) -> None:
    """Fetch Full Text on the open article, waiting until the page is in."""
    with qtbot.waitSignal(window.full_texts.finished, timeout=FETCH_TIMEOUT) as done:
        window.acts.act_fetch_full_text.trigger()
    assert done.args == [article_id]


def test_fetching_the_full_text_shows_the_page_and_the_feeds_version_on_request(
    qtbot: QtBot, window: MainWindow, news: NewsSite, store: Store
) -> None:
    news.answer("wells", 200, page("Wells for Doule"))
    article = open_first_article(window)
    assert FEED_ONLY in shown(window) and PAGE_ONLY not in shown(window)
    assert window.acts.act_fetch_full_text.isEnabled()
    assert not window.acts.act_feed_version.isEnabled()  # nothing to switch to yet

    with qtbot.waitSignal(window.full_texts.finished, timeout=FETCH_TIMEOUT) as done:
        window.acts.act_fetch_full_text.trigger()
        # Off the GUI thread: the view says so while the page is on its way.
        assert "Fetching the full text…" in shown(window)
        assert not window.acts.act_fetch_full_text.isEnabled()
    assert done.args == [article.id]

    text = shown(window)
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    assert FEED_ONLY not in text and "Leave a comment" not in text
    assert "Full text from 127.0.0.1, fetched" in text
    assert "Show the feed's version" in text
    words = len(store.get_article(article.id).text.split())
    assert window.statusBar().currentMessage() == f"Full text fetched: {words} words."
    assert window.acts.act_feed_version.isEnabled() and not window.acts.act_feed_version.isChecked()

    # The banner's link, clicked: the feed's version, with a way back.
    window.reader_view.on_anchor_clicked(QUrl(FEED_VERSION_URL))
    assert FEED_ONLY in shown(window) and PAGE_ONLY not in shown(window)
    assert "The feed's version. · Show the full text" in shown(window)
    assert window.acts.act_feed_version.isChecked()
    # The choice stays with the article while the app runs.
    window.reader_pane.show_article(None)
    window.reader_pane.show_article(store.get_article(article.id))
    assert FEED_ONLY in shown(window)

    # The toggle action goes back to the full text.
    window.acts.act_feed_version.trigger()
    assert PAGE_ONLY in shown(window) and FEED_ONLY not in shown(window)
    assert not window.acts.act_feed_version.isChecked()
    window.reader_view.on_anchor_clicked(QUrl(FEED_VERSION_URL))
    window.reader_view.on_anchor_clicked(QUrl(FULL_TEXT_URL))
    assert PAGE_ONLY in shown(window)


def test_each_internal_link_says_what_it_does(window: MainWindow, qtbot: QtBot) -> None:
    tips = []
    for link in (LOAD_IMAGES_URL, FEED_VERSION_URL, FULL_TEXT_URL, FETCH_FULL_TEXT_URL):
        with qtbot.waitSignal(window.reader_view.link_hovered) as hovered:
            window.reader_view.highlighted.emit(QUrl(link))
        tips.append(hovered.args[0])
    assert all(tips) and len(set(tips)) == 4
    assert "feed" in tips[1] and "full text" in tips[2] and "again" in tips[3]


def test_a_refused_page_says_why_and_try_again_fetches_it_once_the_site_allows(
    qtbot: QtBot, window: MainWindow, news: NewsSite, store: Store
) -> None:
    news.answer("wells", 403, b"<html><body><p>Forbidden</p></body></html>")
    article = open_first_article(window)
    with qtbot.waitSignal(window.full_texts.failed, timeout=FETCH_TIMEOUT) as failed:
        qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    assert failed.args[0] == article.id and "403" in failed.args[1]
    text = shown(window)
    assert "Full text not available: access denied (HTTP 403" in text
    assert text.count("Try again") == 1 and ".." not in text
    assert FEED_ONLY in text  # the teaser stays
    assert window.statusBar().currentMessage().startswith("Could not fetch the full text: ")
    assert "\n" not in window.statusBar().currentMessage()
    full = store.get_article(article.id).full_text
    assert full is not None and full.error is not None and full.html is None

    news.answer("wells", 200, page("Wells for Doule"))
    with qtbot.waitSignal(window.full_texts.finished, timeout=FETCH_TIMEOUT):
        window.reader_view.on_anchor_clicked(QUrl(FETCH_FULL_TEXT_URL))
    text = shown(window)
    assert PAGE_ONLY in text and "not available" not in text and "Try again" not in text
    assert "Full text from 127.0.0.1" in text


def test_a_failure_the_library_could_not_record_is_shown_with_try_again(
    qtbot: QtBot, store: Store, app_settings: AppSettings
) -> None:
    """An article linking to nothing fetchable (no http page): the action is disabled, and
    the engine's refusal, asked for anyway, is said once in the status bar."""
    feed_id = store.add_feed("https://presse.example/rss").id
    store.store_parsed_feed(feed_id, feed(entry("a", "Sans page", "Texte.", link=None)))
    window = make_window(qtbot, store, app_settings)
    article = open_first_article(window)
    assert not window.acts.act_fetch_full_text.isEnabled()
    with qtbot.assertNotEmitted(window.full_texts.started):
        window.reader_pane.request_full_text(article.id)
    assert window.statusBar().currentMessage() == (
        "This article has no web page to fetch its full text from."
    )
    # A failure handed to the view (not recorded on the article) offers no retry without a
    # page to retry.
    window.reader_view.set_fetch_failed(article.id, "the library is read-only.")
    assert "Full text not available: the library is read-only." in shown(window)
    assert "Try again" not in shown(window)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_the_feed_menu_sets_the_full_text_mode(
    window: MainWindow, store: Store, gazette: int
) -> None:
    def mode_menu() -> QMenu:
        menu = window.feed_commands.feed_menu(window.feed_model.index_for_feed(gazette))
        assert menu is not None
        [sub] = [a.menu() for a in menu.actions() if a.menu() is not None]
        assert isinstance(sub, QMenu) and sub.title().replace("&", "") == "Full Text"
        return sub

    sub = mode_menu()
    choices = {a.data(): a for a in sub.actions()}
    assert list(choices) == ["off", "on", "auto"]
    assert [a.isChecked() for a in choices.values()] == [True, False, False]
    assert all(a.actionGroup() is not None and a.actionGroup().isExclusive() for a in sub.actions())
    choices["auto"].trigger()
    assert store.get_feed(gazette).full_text == "auto"
    assert "teaser" in window.statusBar().currentMessage()
    assert [a.isChecked() for a in mode_menu().actions()] == [False, False, True]
    next(a for a in mode_menu().actions() if a.data() == "on").trigger()
    assert store.get_feed(gazette).full_text == "on"
    assert "each new article" in window.statusBar().currentMessage()
    next(a for a in mode_menu().actions() if a.data() == "off").trigger()
    assert store.get_feed(gazette).full_text == "off"


def test_a_highlight_on_the_teaser_stays_painted_on_either_version(
    qtbot: QtBot, window: MainWindow, news: NewsSite, store: Store
) -> None:
    news.answer("wells", 200, page("Wells for Doule"))
    article = open_first_article(window)
    passage = "adopted an emergency plan"
    select_in_reader(window, passage)
    window.acts.act_highlight.trigger()
    assert painted(window) == [passage]

    fetch(qtbot, window, article.id)
    assert painted(window) == [passage]  # followed into the full text
    # One made on the full text only…
    select_in_reader(window, PAGE_ONLY)
    window.acts.act_highlight.trigger()
    assert sorted(painted(window)) == sorted([passage, PAGE_ONLY])

    # …is not painted on the feed's version, which lacks it; the panel still lists both.
    window.acts.act_feed_version.trigger()
    assert FEED_ONLY in shown(window)
    assert painted(window) == [passage]
    listed = {h.exact for h in window.annotation_panel.model.highlights()}
    assert listed == {passage, PAGE_ONLY}
    assert {h.exact for h in store.highlights.list(article_id=article.id)} == listed

    window.reader_view.on_anchor_clicked(QUrl(FULL_TEXT_URL))
    assert sorted(painted(window)) == sorted([passage, PAGE_ONLY])


def test_a_refresh_fetches_full_texts_for_automatic_feeds_and_says_so(
    qtbot: QtBot, window: MainWindow, news: NewsSite, store: Store, gazette: int
) -> None:
    news.answer("wells", 200, page("Wells for Doule"))
    news.publish("wells", "Wells for Doule", TEASER)  # the feed's item, linking to the page
    store.full_texts.set_mode(gazette, "auto")
    open_first_article(window)
    with qtbot.waitSignal(window.refresher.finished, timeout=FETCH_TIMEOUT) as finished:
        window.acts.act_refresh.trigger()
    assert finished.args[0].full_texts == 1
    assert "Full texts fetched: 1." in window.statusBar().currentMessage()
    # The open article shows its full text at once.
    assert PAGE_ONLY in shown(window) and "Full text from 127.0.0.1" in shown(window)


def test_switching_library_drops_the_answer_of_a_fetch_under_way(
    qtbot: QtBot, window: MainWindow, news: NewsSite, tmp_path: Path
) -> None:
    news.answer("wells", 200, page("Wells for Doule"), delay=0.5)
    open_first_article(window)
    window.acts.act_fetch_full_text.trigger()
    qtbot.waitUntil(lambda: bool(news.requests))  # the page is on its way
    other = tmp_path / "other" / "library.sqlite3"
    with Store(other):
        pass
    # The answer concerns the old library: its article id means another article here.
    with qtbot.assertNotEmitted(window.full_texts.finished, wait=800):
        window.open_library(other)
        assert not window.full_texts.running  # waited for the fetch, dropped its answer
    assert window.store.path == other


def test_closing_the_window_waits_for_the_fetch_under_way(
    qtbot: QtBot, window: MainWindow, news: NewsSite, store: Store
) -> None:
    news.answer("wells", 200, page("Wells for Doule"), delay=0.5)
    article = open_first_article(window)
    window.acts.act_fetch_full_text.trigger()
    qtbot.waitUntil(lambda: bool(news.requests))  # the page is on its way
    window.close()
    assert not window.full_texts.running
    # The page fetched before the window went is kept.
    full = store.get_article(article.id).full_text
    assert full is not None and full.html
