"""The main window driven as a user drives it: mouse, keyboard, dialogs, refreshes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from reader.core.errors import FeedNotFoundError
from reader.core.storage import Store
from reader.core.types import ArticleQuery
from reader.ui.add_feed_dialog import AddFeedDialog
from reader.ui.feed_tree import FeedRole
from reader.ui.mainwindow import MainWindow
from reader.ui.settings import AppSettings, Preferences
from tests.factories import entry, feed
from tests.feeds import FeedSite, rss
from tests.ui.windows import (
    make_window,
    open_first_article,
    select_in_reader,
    select_row,
    select_smart,
    when_dialog_opens,
)

# -- first start ------------------------------------------------------------------------------


def test_an_empty_library_shows_the_welcome_page(
    qtbot: QtBot, store: Store, app_settings: AppSettings
) -> None:
    window = make_window(qtbot, store, app_settings)
    assert window.pages.currentWidget() is window.welcome
    texts = {b.text() for b in window.welcome.findChildren(QPushButton)}
    assert texts == {"Add feed…", "Import OPML…", "Open demo library"}


def test_open_demo_library_from_the_welcome_page(
    qtbot: QtBot, store: Store, demo_store: Store, app_settings: AppSettings
) -> None:
    window = MainWindow(store, app_settings, demo_library=lambda: demo_store.path)
    qtbot.addWidget(window)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    assert window.windowTitle() == "Press Reader — demo library"
    assert window.article_model.rowCount() == demo_store.count_articles()


# -- reading ----------------------------------------------------------------------------------


def test_all_articles_are_listed_and_reading_marks_read(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    window = demo_window
    assert window.pages.currentWidget() is window.splitter
    assert window.article_model.rowCount() == demo_store.count_articles()
    unread_before = demo_store.stats().unread
    select_row(window, 0)
    article = window.article_model.article_at(0)
    assert article is not None
    assert article.title in window.reader_view.toPlainText()
    qtbot.waitUntil(lambda: demo_store.get_article(article.id).read)
    assert demo_store.stats().unread == unread_before - 1
    assert window.feed_model.index_for_smart("unread").data(FeedRole.Unread) == unread_before - 1


def test_selecting_a_feed_lists_its_articles(demo_window: MainWindow, demo_store: Store) -> None:
    feed = demo_store.list_feeds()[0]
    demo_window.feed_view.setCurrentIndex(demo_window.feed_model.index_for_feed(feed.id))
    assert demo_window.article_model.rowCount() == feed.total
    starred = demo_store.count_articles(ArticleQuery(starred=True))
    select_smart(demo_window, "starred")
    assert demo_window.article_model.rowCount() == starred > 0


def test_keyboard_navigation_star_and_read(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    window = demo_window
    window.prefs = Preferences(mark_read_delay=-1)
    window.article_view.setFocus()
    select_row(window, 0)
    qtbot.keyClick(window.article_view, Qt.Key.Key_J)
    assert window.article_view.currentIndex().row() == 1
    qtbot.keyClick(window.article_view, Qt.Key.Key_J)
    qtbot.keyClick(window.article_view, Qt.Key.Key_K)
    assert window.article_view.currentIndex().row() == 1
    current = window.article_model.article_at(1)
    assert current is not None
    qtbot.keyClick(window.article_view, Qt.Key.Key_S)
    assert demo_store.get_article(current.id).starred is (not current.starred)
    qtbot.keyClick(window.article_view, Qt.Key.Key_M)
    assert demo_store.get_article(current.id).read is (not current.read)
    # n skips to the next unread article.
    for row in range(2, 5):
        article = window.article_model.article_at(row)
        assert article is not None
        demo_store.set_read([article.id])
    window.article_model.reload()
    select_row(window, 1)
    qtbot.keyClick(window.article_view, Qt.Key.Key_N)
    assert window.article_view.currentIndex().row() == 5


def test_open_in_browser_uses_the_article_link(qtbot: QtBot, demo_window: MainWindow) -> None:
    opened: list[QUrl] = []
    demo_window.reader_view.open_url = opened.append  # type: ignore[method-assign]
    select_row(demo_window, 0)
    qtbot.keyClick(demo_window.article_view, Qt.Key.Key_O)
    listed = demo_window.article_model.article_at(0)
    assert listed is not None
    link = demo_window.store.get_article(listed.id).link
    assert link and [u.toString() for u in opened] == [link]


def test_mark_all_read_in_the_current_view(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    feed = demo_store.list_feeds()[0]
    demo_window.feed_view.setCurrentIndex(demo_window.feed_model.index_for_feed(feed.id))
    qtbot.keyClick(
        demo_window.article_view,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert demo_store.get_feed(feed.id).unread == 0
    assert demo_store.stats().unread > 0


def test_search_and_clear(qtbot: QtBot, demo_window: MainWindow, demo_store: Store) -> None:
    window = demo_window
    everything = window.article_model.rowCount()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Slash)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "cooperation")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    hits = len(demo_store.search("cooperation", limit=200))
    assert window.article_model.is_searching and window.article_model.rowCount() == hits > 0
    window.search_box.clear()
    qtbot.waitUntil(lambda: not window.article_model.is_searching)
    assert window.article_model.rowCount() == everything


def test_shortcuts_dialog_lists_the_real_shortcuts(demo_window: MainWindow) -> None:
    rows = dict((desc, keys) for keys, desc in demo_window.acts.shortcut_list())
    assert rows["Next Article"] == "J"
    assert rows["Next Unread Article"] == "N"
    assert rows["Mark All as Read"] == "Ctrl+Shift+A"
    assert "R" in rows["Refresh All"]


# -- feeds, refresh, OPML -----------------------------------------------------------------------


def test_add_feed_through_the_dialog_and_refresh_it(
    qtbot: QtBot, store: Store, app_settings: AppSettings, site: FeedSite
) -> None:
    url = site.publish("/courrier.xml", rss("Le Courrier", [("1", "Coopération", "texte")]))
    window = make_window(qtbot, store, app_settings)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AddFeedDialog)
        dialog.url_edit().setText(url)
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    with qtbot.waitSignal(window.refresher.finished, timeout=20_000):
        qtbot.mouseClick(window.welcome.add_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    feed = store.list_feeds()[0]
    assert (feed.url, feed.total) == (url, 1)
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 1)


def test_a_failing_feed_is_marked_and_the_others_update(
    qtbot: QtBot, store: Store, app_settings: AppSettings, site: FeedSite
) -> None:
    good = store.add_feed(site.publish("/good.xml", rss("Good", [("1", "Un", "x")]))).id
    site.server.expect_request("/bad.xml").respond_with_data("nope", status=404)
    bad = store.add_feed(site.url("/bad.xml")).id
    window = make_window(qtbot, store, app_settings)
    with qtbot.waitSignal(window.refresher.finished, timeout=20_000) as finished:
        qtbot.keyClick(window.article_view, Qt.Key.Key_R)
    summary = finished.args[0]
    assert (summary.ok, summary.failed) == (1, 1)
    assert window.feed_model.index_for_feed(good).data(FeedRole.Unread) == 1
    bad_index = window.feed_model.index_for_feed(bad)
    assert "404" in (bad_index.data(FeedRole.Error) or "")
    assert "404" in bad_index.data(Qt.ItemDataRole.ToolTipRole)
    assert "failed" in window.statusBar().currentMessage()
    assert not window.refreshing.progress.isVisible()


def test_refresh_progress_names_each_feed_and_the_summary_stays(
    qtbot: QtBot, store: Store, app_settings: AppSettings, site: FeedSite
) -> None:
    titles = ["Le Courrier du Sahel", "<b>La Voix\nde Gao</b>", "Radio Kanem"]
    for n, title in enumerate(titles):
        store.add_feed(site.publish(f"/{n}.xml", rss(title, [(f"{n}", "Un", "x")])))
    window = make_window(qtbot, store, app_settings)
    seen: list[tuple[str, str]] = []
    window.refresher.progress.connect(
        lambda _step: seen.append(
            (window.refreshing.status_label.text(), window.refreshing.progress.toolTip())
        )
    )
    with qtbot.waitSignal(window.refresher.finished, timeout=20_000):
        window.acts.act_refresh.trigger()
    assert [label for label, _ in seen] == [tip for _, tip in seen]
    assert [label.split(" — ")[0] for label, _ in seen] == [f"{n} of 3 feeds" for n in (1, 2, 3)]
    named = sorted(label.split(" — ")[1] for label, _ in seen)
    assert named == sorted(["Le Courrier du Sahel", "La Voix de Gao", "Radio Kanem"])
    assert window.refreshing.status_label.textFormat() == Qt.TextFormat.PlainText

    summary = "3 new articles from 3 feeds."
    assert (
        window.refreshing.status_label.text() == summary == window.refreshing.status_label.toolTip()
    )
    # A menu's status tip or a passing message does not take the summary away.
    window.statusBar().showMessage("Open the selected article in the browser")
    window.statusBar().clearMessage()
    assert (
        window.refreshing.status_label.isVisible()
        and window.refreshing.status_label.text() == summary
    )


def test_import_opml_through_the_file_dialog(
    qtbot: QtBot,
    store: Store,
    app_settings: AppSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline text="Sahel"><outline text="Un" xmlUrl="http://127.0.0.1:9/a.xml"/></outline>'
        '<outline text="Deux" xmlUrl="http://127.0.0.1:9/b.xml"/></body></opml>',
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(opml), ""))
    window = make_window(qtbot, store, app_settings)
    with qtbot.waitSignal(window.refresher.finished, timeout=30_000):
        window.acts.act_import.trigger()
    assert [(f.title, f.folder) for f in store.list_feeds()] == [("Un", "Sahel"), ("Deux", None)]
    assert window.feed_model.index_for_folder(("Sahel",)).isValid()


def test_dropping_an_opml_file_imports_it(
    qtbot: QtBot, store: Store, app_settings: AppSettings, tmp_path: Path
) -> None:
    opml = tmp_path / "drop.opml"
    opml.write_text(
        '<opml version="1.0"><body><outline text="X" xmlUrl="http://127.0.0.1:9/x"/></body></opml>'
    )
    window = make_window(qtbot, store, app_settings)
    window.refresher.start = lambda feed_ids=None: True  # type: ignore[method-assign]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(opml))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.opml_importer.finished, timeout=30_000):
        window.dropEvent(event)
    assert [f.url for f in store.list_feeds()] == ["http://127.0.0.1:9/x"]


def test_a_large_opml_import_runs_off_the_gui_thread_and_shows_its_progress(
    qtbot: QtBot, store: Store, app_settings: AppSettings, tmp_path: Path
) -> None:
    count = 1200
    outlines = "".join(
        f'<outline text="F{n}" xmlUrl="http://127.0.0.1:9/{n}.xml"/>' for n in range(count)
    )
    opml = tmp_path / "big.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="G">{outlines}</outline></body></opml>'
    )
    window = make_window(qtbot, store, app_settings)
    window.refresher.start = lambda feed_ids=None: True  # type: ignore[method-assign]
    steps: list[tuple[int, int]] = []
    window.opml_importer.progress.connect(lambda _path, done, total: steps.append((done, total)))
    with qtbot.waitSignal(window.opml_importer.finished, timeout=30_000):
        window.feed_commands.import_opml(str(opml))
        assert window.opml_importer.running and not window.acts.act_import.isEnabled()
        assert window.opml_importer.start(str(opml)) is False  # one import at a time
    assert steps == [(500, count), (1000, count), (count, count)]
    assert window.statusBar().currentMessage().startswith("Imported big.opml: 1")
    assert window.acts.act_import.isEnabled() and store.count_feeds() == count


def test_an_opml_import_that_fails_says_why_in_one_line(
    qtbot: QtBot, store: Store, app_settings: AppSettings, tmp_path: Path
) -> None:
    bad = tmp_path / "page.opml"
    bad.write_text("<!doctype html><html><body>nope</body></html>")
    window = make_window(qtbot, store, app_settings)
    with qtbot.waitSignal(window.opml_importer.failed, timeout=30_000) as failed:
        window.feed_commands.import_opml(str(bad))
    assert failed.args is not None and "not an OPML file" in str(failed.args[1])
    assert store.count_feeds() == 0 and window.acts.act_import.isEnabled()


def test_window_state_persists(qtbot: QtBot, demo_store: Store, app_settings: AppSettings) -> None:
    window = make_window(qtbot, demo_store, app_settings)
    # Small enough for the offscreen screen, which clamps restored geometry to its size.
    window.resize(760, 560)
    window.splitter.setSizes([150, 250, 340])
    sizes, size = window.splitter.sizes(), window.size()
    window.close()
    again = make_window(qtbot, demo_store, app_settings)
    assert again.size() == size
    assert again.splitter.sizes() == sizes


def test_screenshot_of_the_demo_library_is_not_blank(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    demo_window.resize(1280, 800)
    select_row(demo_window, 0)
    path = tmp_path / "main-window.png"
    assert demo_window.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() >= 1000
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 19)
    }
    assert len(colours) > 20


def test_search_words_are_shown_in_the_list_and_marked_in_the_article(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    window.search_box.setText("cooperation")
    window.navigation.run_search()
    tooltip = window.article_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" in tooltip.lower() and "coop" in tooltip.lower()
    select_row(window, 0)
    marks = window.reader_view.extraSelections()
    assert marks
    marked = {m.cursor.selectedText().casefold() for m in marks}
    assert all(word.startswith("coop") for word in marked)
    assert any("é" in word for word in marked)  # found accent-insensitively
    window.search_box.clear()
    window.navigation.run_search()
    select_row(window, 1)
    assert window.reader_view.extraSelections() == []


def test_reading_actions_wait_for_a_first_feed(
    qtbot: QtBot, store: Store, app_settings: AppSettings, site: FeedSite
) -> None:
    url = site.publish("/feed.xml", rss("News", []))
    window = make_window(qtbot, store, app_settings)
    assert not window.acts.act_mark_all.isEnabled() and not window.search_box.isEnabled()
    assert window.acts.act_add_feed.isEnabled() and window.acts.act_import.isEnabled()
    window.refresher.start = lambda feed_ids=None: True  # type: ignore[method-assign]

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AddFeedDialog)
        dialog.url_edit().setText(url)
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    window.feed_commands.add_feed()
    assert window.acts.act_mark_all.isEnabled() and window.search_box.isEnabled()


@pytest.mark.parametrize(
    ("button", "kept"), [("Keep Highlighted Articles", 1), ("Delete All Articles", 0)]
)
def test_deleting_a_feed_with_highlights_offers_to_keep_them(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store, button: str, kept: int
) -> None:
    feed = demo_store.list_feeds()[0]
    article = demo_store.list_articles(ArticleQuery(feed_ids=(feed.id,)))[0]
    text = demo_store.get_article(article.id).text
    highlight = demo_store.highlights.add(article.id, 0, min(40, len(text)), note="à garder")
    demo_window.feed_view.setCurrentIndex(demo_window.feed_model.index_for_feed(feed.id))

    def press(dialog: QDialog) -> None:
        chosen = [b for b in dialog.findChildren(QPushButton) if b.text() == button]
        assert chosen, [b.text() for b in dialog.findChildren(QPushButton)]
        chosen[0].click()

    when_dialog_opens(qtbot, press)
    demo_window.feed_commands.delete_feed()
    if kept:
        assert demo_store.get_feed(feed.id).archived
        demo_window.feed_model.reload()
        tip = demo_window.feed_model.index_for_feed(feed.id).data(Qt.ItemDataRole.ToolTipRole)
        assert "Archived" in tip
        assert demo_store.count_articles(ArticleQuery(feed_ids=(feed.id,))) == 1
    else:
        with pytest.raises(FeedNotFoundError):
            demo_store.get_feed(feed.id)
    survivor = demo_store.highlights.get(highlight.id)
    assert survivor.note == "à garder"
    assert survivor.orphaned is (kept == 0)


# -- highlighting in the reader -----------------------------------------------------------------


def test_h_highlights_the_selection_and_paints_it(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    article = open_first_article(demo_window)
    passage = " ".join(article.text.split(".")[0].split()[:6])
    select_in_reader(demo_window, passage)
    qtbot.keyClick(demo_window.reader_view, Qt.Key.Key_H)
    highlights = demo_store.highlights.list(article_id=article.id)
    assert [h.exact for h in highlights] == [passage]
    painted = [m.cursor.selectedText() for m in demo_window.reader_view.extraSelections()]
    assert painted == [passage]
    # Painted again when the article is opened anew.
    select_row(demo_window, 1)
    select_row(demo_window, 0)
    assert [m.cursor.selectedText() for m in demo_window.reader_view.extraSelections()] == [passage]


def test_highlighting_needs_a_selection_in_the_text(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    article = open_first_article(demo_window)
    qtbot.keyClick(demo_window.reader_view, Qt.Key.Key_H)
    assert "Select a passage" in demo_window.statusBar().currentMessage()
    document = demo_window.reader_view.document()
    title = document.find(article.title[:12])  # in the header, not the article's text
    demo_window.reader_view.setTextCursor(title)
    qtbot.keyClick(demo_window.reader_view, Qt.Key.Key_H)
    assert "not in its title" in demo_window.statusBar().currentMessage()
    assert demo_store.highlights.list() == []


def test_a_repeated_phrase_highlights_the_occurrence_selected(
    qtbot: QtBot, store: Store, app_settings: AppSettings
) -> None:
    text = (
        "La saison des pluies commence. Les éleveurs descendent vers le sud. "
        "Selon la mairie, la saison des pluies sera courte cette année."
    )
    fid = store.add_feed("https://presse.example/rss").id
    store.store_parsed_feed(fid, feed(entry("a", "Pluies", text)))
    window = make_window(qtbot, store, app_settings)
    article = open_first_article(window)
    select_in_reader(window, "saison des pluies", occurrence=2)
    selected_at = window.reader_view.textCursor().selectionStart()
    qtbot.keyClick(window.reader_view, Qt.Key.Key_H)
    (highlight,) = store.highlights.list(article_id=article.id)
    assert highlight.start == text.rindex("saison des pluies")
    (mark,) = window.reader_view.extraSelections()
    assert mark.cursor.selectionStart() == selected_at


def test_the_highlight_menu_offers_every_colour_with_its_meaning(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    article = open_first_article(demo_window)
    assert not demo_window.reader_pane.highlight_menu().isEnabled()  # nothing selected yet
    demo_store.highlights.set_color_meaning("pink", "à vérifier")
    passage = " ".join(article.text.split()[:5])
    select_in_reader(demo_window, passage)
    menu = demo_window.reader_pane.highlight_menu()
    assert menu.isEnabled()
    labels = {action.data(): action.text() for action in menu.actions()}
    assert labels["pink"] == "Pink — à vérifier"
    assert set(labels) == {"yellow", "green", "blue", "pink", "orange"}
    next(a for a in menu.actions() if a.data() == "pink").trigger()
    (highlight,) = demo_store.highlights.list(article_id=article.id)
    assert (highlight.exact, highlight.color) == (passage, "pink")


def test_shift_h_highlights_and_opens_the_note_editor(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    article = open_first_article(demo_window)
    passage = " ".join(article.text.split()[:4])
    select_in_reader(demo_window, passage)
    qtbot.keyClick(demo_window.reader_view, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    panel = demo_window.annotation_panel
    qtbot.waitUntil(lambda: panel.note_edit.hasFocus())
    qtbot.keyClicks(panel.note_edit, "Source : deux temoins concordants.")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (highlight,) = demo_store.highlights.list(article_id=article.id)
    assert (highlight.exact, highlight.note) == (passage, "Source : deux temoins concordants.")
