"""Remote images and feed icons: fetched off the GUI thread from a loopback server, cached."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QIcon, QImage, QImageWriter, QTextDocument
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot
from werkzeug import Request, Response

from reader.core.storage import Store
from reader.core.types import Article, Feed
from reader.ui.feed_tree import FeedTreeModel
from reader.ui.mainwindow import MainWindow
from reader.ui.reader_view import LOAD_IMAGES_URL, ReaderView
from reader.ui.remote import FeedIconCache, ImageLoader, cache_file_name
from reader.ui.settings import AppSettings, ImagePolicy, Preferences
from tests.factories import entry, feed
from tests.trickle import trickle_server

pytestmark = pytest.mark.network

#: A call that starts a download must return well within one frame.
IMMEDIATE = 0.1


def picture(width: int, height: int, fmt: bytes = b"PNG", color: str = "teal") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImageWriter(buffer, QByteArray(fmt)).write(image)
    return bytes(buffer.data().data())


def serve(server: HTTPServer, path: str, data: bytes, content_type: str = "image/png") -> str:
    server.expect_request(path).respond_with_data(data, content_type=content_type)
    return server.url_for(path)


@pytest.fixture
def loader(tmp_path: Path) -> Iterator[ImageLoader]:
    images = ImageLoader(tmp_path / "images")
    yield images
    images.close()


@pytest.fixture
def icons(tmp_path: Path) -> Iterator[FeedIconCache]:
    cache = FeedIconCache(tmp_path / "icons")
    yield cache
    cache.close()


def load(qtbot: QtBot, images: ImageLoader, url: str) -> QImage:
    with qtbot.waitSignal(images.loaded, timeout=5000) as blocker:
        assert images.image_for(url) is None
    assert blocker.args[0] == url
    image = blocker.args[1]
    assert isinstance(image, QImage)
    return image


def failure(qtbot: QtBot, images: ImageLoader, url: str) -> str:
    """The failure message for ``url``, checking the call itself returned at once."""
    with (
        qtbot.waitSignal(images.failed, timeout=5000) as blocker,
        qtbot.assertNotEmitted(images.loaded),
    ):
        started = time.monotonic()
        assert images.image_for(url) is None
        assert time.monotonic() - started < IMMEDIATE
    assert blocker.args[0] == url
    message = blocker.args[1]
    assert isinstance(message, str)
    return message


# -- article images ------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "content_type"), [(b"PNG", "image/png"), (b"JPEG", "image/jpeg")])
def test_an_image_loads_off_the_gui_thread_with_its_size(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader, fmt: bytes, content_type: str
) -> None:
    url = serve(httpserver, "/photo", picture(120, 80, fmt), content_type)
    image = load(qtbot, loader, url)
    assert (image.width(), image.height()) == (120, 80)
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"].startswith("PressReader/")
    assert "image/png" in request.headers["Accept"]


def test_a_second_request_is_served_from_memory(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    url = serve(httpserver, "/a.png", picture(30, 20))
    load(qtbot, loader, url)
    with qtbot.assertNotEmitted(loader.loaded, wait=50):
        again = loader.image_for(url)
    assert again is not None and again.size() == QSize(30, 20)
    assert len(httpserver.log) == 1


def test_the_disk_cache_survives_a_new_loader(
    qtbot: QtBot, httpserver: HTTPServer, tmp_path: Path
) -> None:
    url = serve(httpserver, "/a.png", picture(30, 20))
    first = ImageLoader(tmp_path / "images")
    load(qtbot, first, url)
    assert first.close()
    assert (tmp_path / "images" / cache_file_name(url)).is_file()

    second = ImageLoader(tmp_path / "images")
    try:
        image = load(qtbot, second, url)
    finally:
        second.close()
    assert (image.width(), image.height()) == (30, 20)
    assert len(httpserver.log) == 1


def test_memory_keeps_only_the_most_recent_images(
    qtbot: QtBot, httpserver: HTTPServer, tmp_path: Path
) -> None:
    first = serve(httpserver, "/1.png", picture(30, 20))
    second = serve(httpserver, "/2.png", picture(30, 20))
    images = ImageLoader(tmp_path / "images", memory_items=1)
    try:
        load(qtbot, images, first)
        load(qtbot, images, second)
        assert images.cached(first) is None
        assert images.cached(second) is not None
    finally:
        images.close()


def test_the_disk_cache_is_trimmed_oldest_first(tmp_path: Path) -> None:
    folder = tmp_path / "images"
    folder.mkdir()
    for age, name in enumerate(["new", "middle", "old"]):
        path = folder / name
        path.write_bytes(bytes(1000))
        os.utime(path, (time.time() - 3600 * age, time.time() - 3600 * age))
    images = ImageLoader(folder, disk_bytes=2500)
    assert images.close()
    assert sorted(path.name for path in folder.iterdir()) == ["middle", "new"]


def test_concurrent_requests_for_one_address_download_once(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    url = serve(httpserver, "/a.png", picture(30, 20))
    with qtbot.waitSignal(loader.loaded, timeout=5000):
        for _ in range(5):
            loader.image_for(url)
    qtbot.wait(50)
    assert len(httpserver.log) == 1


def test_a_huge_image_is_scaled_down_to_1600_pixels(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    url = serve(httpserver, "/wide.png", picture(3200, 100))
    image = load(qtbot, loader, url)
    assert (image.width(), image.height()) == (1600, 50)


def test_a_missing_image_fails_with_the_status(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    httpserver.expect_request("/gone.png").respond_with_data("no", status=404)
    assert failure(qtbot, loader, httpserver.url_for("/gone.png")) == "HTTP 404 Not Found"


def test_a_page_that_is_not_an_image_fails(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    url = serve(httpserver, "/page", b"<html>hello</html>", "text/html")
    assert failure(qtbot, loader, url).startswith("not an image Press Reader can show")


def test_an_image_larger_than_the_limit_fails(
    qtbot: QtBot, httpserver: HTTPServer, tmp_path: Path
) -> None:
    url = serve(httpserver, "/big.png", bytes(4096))
    images = ImageLoader(tmp_path / "images", max_bytes=1024)
    try:
        assert failure(qtbot, images, url) == "larger than 1 KiB"
    finally:
        images.close()
    assert not (tmp_path / "images").exists()


def test_a_slow_server_times_out_without_blocking(
    qtbot: QtBot, httpserver: HTTPServer, tmp_path: Path
) -> None:
    release = threading.Event()

    def stall(_request: Request) -> Response:
        release.wait(5)
        return Response(picture(10, 10), content_type="image/png")

    httpserver.expect_request("/slow.png").respond_with_handler(stall)
    images = ImageLoader(tmp_path / "images", timeout=0.2)
    try:
        assert failure(qtbot, images, httpserver.url_for("/slow.png")) == "timed out after 0.2 s"
    finally:
        release.set()
        images.close()
    # The stalled answer is written to the shared server's log when its handler returns:
    # wait for it here, so that it never lands in the next test's log.
    qtbot.waitUntil(lambda: len(httpserver.log) == 1, timeout=5000)


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip-decoding-to-nothing"])
def test_an_image_trickling_forever_stops_at_the_deadline(
    qtbot: QtBot, tmp_path: Path, gzip: bool
) -> None:
    images = ImageLoader(tmp_path / "images", timeout=0.5)
    try:
        with trickle_server(interval=0.1, gzip=gzip) as trickle:
            message = failure(qtbot, images, trickle.url("/endless.png"))
            sent = trickle.sent
    finally:
        images.close()
    assert message == "took longer than 0.5 s to download"
    assert sent <= 100  # about 5 bytes in 0.5 s; without the deadline, no end


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "only http and https images are loaded"),
        ("ftp://127.0.0.1/a.png", "only http and https images are loaded"),
        ("data:image/png;base64,AAAA", "only http and https images are loaded"),
        ("https://demo.press-reader.invalid/a.png", "reserved address"),
    ],
)
def test_addresses_that_are_never_requested(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader, url: str, reason: str
) -> None:
    assert reason in failure(qtbot, loader, url)
    assert httpserver.log == []


def test_a_redirect_to_another_scheme_is_not_followed(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    httpserver.expect_request("/moved.png").respond_with_response(
        Response(status=302, headers={"Location": "file:///etc/passwd"})
    )
    message = failure(qtbot, loader, httpserver.url_for("/moved.png"))
    assert message == "redirected to an address that is not http or https"


def test_a_redirect_to_http_is_followed(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    target = serve(httpserver, "/new.png", picture(12, 9))
    httpserver.expect_request("/old.png").respond_with_response(
        Response(status=301, headers={"Location": target})
    )
    image = load(qtbot, loader, httpserver.url_for("/old.png"))
    assert (image.width(), image.height()) == (12, 9)


def test_a_failed_image_is_not_requested_again_at_once(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    httpserver.expect_request("/gone.png").respond_with_data("no", status=404)
    url = httpserver.url_for("/gone.png")
    failure(qtbot, loader, url)
    with qtbot.assertNotEmitted(loader.failed, wait=100):
        assert loader.image_for(url) is None
    assert len(httpserver.log) == 1


# -- the reading pane -----------------------------------------------------------------------------


def article_with_image(url: str) -> Article:
    moment = datetime(2026, 11, 27, 14, 30, tzinfo=UTC)
    return Article(
        id=1,
        feed_id=1,
        key="a",
        title="Le marché",
        link="https://news.example/a",
        author=None,
        published=moment,
        updated=None,
        first_seen=moment,
        read=False,
        starred=False,
        feed_title="Le Courrier",
        content_html=f'<p>Texte.</p><p><img src="{url}" alt="marché"></p>',
    )


def document_image(view: ReaderView, url: str) -> QImage:
    view.grab()  # Qt asks for images only when it lays the document out
    image = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
    assert isinstance(image, QImage)
    return image


def test_load_images_shows_the_real_image_once_it_arrives(
    qtbot: QtBot, httpserver: HTTPServer, loader: ImageLoader
) -> None:
    url = serve(httpserver, "/a.png", picture(120, 80, color="crimson"))
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.set_image_loader(loader.image_for)
    loader.loaded.connect(view.on_image_loaded)
    view.show_article(article_with_image(url), images=ImagePolicy.ASK)
    assert document_image(view, url) == view.placeholder_image()
    assert httpserver.log == []

    with qtbot.waitSignal(loader.loaded, timeout=5000):
        view.on_anchor_clicked(QUrl(LOAD_IMAGES_URL))
    image = document_image(view, url)
    assert (image.width(), image.height()) == (120, 80)
    assert image.pixelColor(5, 5) == QColor("crimson")


# -- feed icons -----------------------------------------------------------------------------------


def decoration(model: FeedTreeModel, feed_id: int) -> QImage:
    icon = model.index_for_feed(feed_id).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    return icon.pixmap(16, 16).toImage()


def test_a_feed_icon_replaces_the_rss_mark(
    qtbot: QtBot, httpserver: HTTPServer, store: Store, icons: FeedIconCache, tmp_path: Path
) -> None:
    icon_url = serve(httpserver, "/logo.png", picture(64, 48, color="purple"))
    feed_id = store.add_feed("https://news.example/feed.xml").id
    store.store_parsed_feed(feed_id, feed(entry("1"), icon_url=icon_url))
    model = FeedTreeModel(store)
    default = decoration(model, feed_id)

    model.set_icon_provider(icons.icon_for)
    icons.icon_ready.connect(model.feed_icon_changed)
    with (
        qtbot.waitSignal(icons.icon_ready, timeout=5000) as ready,
        qtbot.waitSignal(model.dataChanged, timeout=5000),
    ):
        assert decoration(model, feed_id) == default  # the RSS mark until the icon is here
    assert ready.args == [feed_id]
    own = decoration(model, feed_id)
    assert own != default
    assert own.pixelColor(8, 8) == QColor("purple")

    kept = QImage(str(tmp_path / "icons" / f"{cache_file_name(icon_url)}.png"))
    assert (kept.width(), kept.height()) == (32, 24)

    store.record_error(feed_id, "HTTP 500")
    model.reload()
    assert decoration(model, feed_id) != own  # the error mark is drawn over the icon
    assert len(httpserver.log) == 1


def test_a_feed_icon_is_read_from_disk_by_a_new_cache(
    qtbot: QtBot, httpserver: HTTPServer, tmp_path: Path
) -> None:
    icon_url = serve(httpserver, "/logo.png", picture(16, 16))
    subscription = Feed(id=4, url="https://news.example/feed.xml", title="News", icon_url=icon_url)
    for _ in range(2):
        cache = FeedIconCache(tmp_path / "icons")
        try:
            with qtbot.waitSignal(cache.icon_ready, timeout=5000):
                assert cache.icon_for(subscription) is None
            icon = cache.icon_for(subscription)
            assert icon is not None and not icon.isNull()
        finally:
            cache.close()
    assert len(httpserver.log) == 1


def test_reserved_and_broken_icons_are_never_hammered(
    qtbot: QtBot, httpserver: HTTPServer, icons: FeedIconCache
) -> None:
    httpserver.expect_request("/broken.png").respond_with_data("no", status=404)
    demo = Feed(id=1, url="https://demo.press-reader.invalid/f.rss", title="Demo",
                icon_url="https://demo.press-reader.invalid/logo.png")  # fmt: skip
    broken = Feed(id=2, url="https://news.example/f.rss", title="News",
                  icon_url=httpserver.url_for("/broken.png"))  # fmt: skip
    plain = Feed(id=3, url="https://news.example/g.rss", title="Plain")
    with qtbot.assertNotEmitted(icons.icon_ready, wait=300):
        for _ in range(3):
            icons.prefetch([demo, broken, plain])
            qtbot.wait(50)
    assert [icons.icon_for(f) for f in (demo, broken, plain)] == [None, None, None]
    assert [request.path for request, _response in httpserver.log] == ["/broken.png"]


# -- the window -----------------------------------------------------------------------------------


def test_the_window_wires_icons_and_images(
    qtbot: QtBot, httpserver: HTTPServer, store: Store, app_settings: AppSettings, tmp_path: Path
) -> None:
    icon_url = serve(httpserver, "/logo.png", picture(16, 16, color="purple"))
    image_url = serve(httpserver, "/a.png", picture(120, 80, color="crimson"))
    feed_id = store.add_feed("https://news.example/feed.xml").id
    body = f'<p><img src="{image_url}" alt=""></p>'
    store.store_parsed_feed(feed_id, feed(entry("1", content_html=body), icon_url=icon_url))
    app_settings.save_preferences(Preferences(images=ImagePolicy.ALWAYS, mark_read_delay=0))
    window = MainWindow(store, app_settings, cache_dir=tmp_path / "cache")
    qtbot.addWidget(window)

    with qtbot.waitSignal(window.icon_cache.icon_ready, timeout=5000):
        window.show()
        qtbot.waitExposed(window)
    assert decoration(window.feed_model, feed_id).pixelColor(8, 8) == QColor("purple")

    with qtbot.waitSignal(window.image_loader.loaded, timeout=5000):
        window.article_view.setCurrentIndex(window.article_model.index(0, 0))
    image = document_image(window.reader_view, image_url)
    assert image.pixelColor(5, 5) == QColor("crimson")
    assert (tmp_path / "cache" / "images" / cache_file_name(image_url)).is_file()
    window.close()
