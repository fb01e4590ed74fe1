"""Remote pictures for the window: article images and feed icons, fetched off the GUI thread."""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QImage, QImageReader, QImageWriter, QPixmap

from reader.core.errors import FetchError, HTTPStatusError, ResponseTooLargeError
from reader.core.types import Feed

if TYPE_CHECKING:
    from reader.core import Fetcher

#: Only these schemes are ever requested, and redirects are followed only to them.
FETCHED_SCHEMES = frozenset({"http", "https"})
#: Reserved top-level domains (RFC 2606, RFC 6761): never requested, so the demo library,
#: whose addresses all end in .invalid, stays off the network.
RESERVED_SUFFIXES = (".invalid", ".example", ".test")

#: An image or icon download waits at most this long for any read, and takes at most this
#: long in all: past it the download stops, however steadily the bytes come.
IMAGE_TIMEOUT = 10.0
IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_MAX_WIDTH = 1600
IMAGE_MEMORY_ITEMS = 64
#: Decoded images kept in memory, at most this many bytes in all (a long article's images).
IMAGE_MEMORY_BYTES = 160 * 1024 * 1024
#: The on-disk image cache is trimmed, oldest used first, to this size when a loader starts.
IMAGE_DISK_BYTES = 200 * 1024 * 1024
IMAGE_CONCURRENCY = 4
#: A failed image is not asked for again this soon: every other image of the article that
#: arrives renders the article again, which would otherwise request the failed one again.
IMAGE_RETRY_SECONDS = 300.0

ICON_MAX_BYTES = 256 * 1024
ICON_SIZE = 32
ICON_CONCURRENCY = 2

MAX_REDIRECTS = 5
#: Pictures larger than this many pixels are refused before decoding (a tiny PNG can
#: declare an enormous canvas).
MAX_PIXELS = 50_000_000
#: How long closing waits for downloads still running.
CLOSE_WAIT_MS = 2000


def cache_file_name(url: str) -> str:
    """The on-disk cache name of ``url``: its SHA-1 in hex."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()


def refusal(url: str) -> str | None:
    """Why ``url`` is never requested, or None when it may be."""
    parsed = QUrl(url)
    if not parsed.isValid() or parsed.scheme().lower() not in FETCHED_SCHEMES:
        return "only http and https images are loaded"
    host = parsed.host().lower().rstrip(".")
    if not host:
        return "the address names no host"
    if f".{host}".endswith(RESERVED_SUFFIXES):  # the leading dot catches a bare "invalid"
        return f"{host} is a reserved address that is never requested"
    return None


# -- the worker side --------------------------------------------------------------------------


class _DownloadError(Exception):
    """A download or decode that failed; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class _Job:
    """One picture to get: from the disk cache if it is there, else from the network."""

    url: str
    cache_file: Path
    max_bytes: int
    #: Scales the decoded picture to what the caller wants to keep.
    fit: Callable[[QImage], QImage]
    #: True: keep the fitted picture as PNG on disk (icons); False: keep the bytes received.
    store_fitted: bool


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread.

    Signals:
        done(str, object, str): url, the QImage or None, and the failure message ("" on success).
    """

    done = Signal(str, object, str)


class _Download(QRunnable):
    def __init__(self, fetcher: _Fetcher, job: _Job) -> None:
        super().__init__()
        self._fetcher = fetcher
        self._job = job

    def run(self) -> None:
        fetcher, job = self._fetcher, self._job
        try:
            image = fetcher.get(job)
        except _DownloadError as error:
            fetcher.report(job.url, None, str(error))
        else:
            fetcher.report(job.url, image, "")


class _Fetcher:
    """A thread pool and one shared downloader (the engine's, with its redirect, size and
    timeout rules); ``get`` runs on the pool's threads.

    Results come back through ``relay.done``, queued to the GUI thread.
    """

    def __init__(self, owner: QObject, *, threads: int, timeout: float) -> None:
        self.timeout = timeout
        self._stopped = threading.Event()
        # The pool is the owner's first child, so it is destroyed (waiting for its threads)
        # before the relay those threads report through.
        self.pool = QThreadPool(owner)
        self.pool.setMaxThreadCount(threads)
        self.relay = _Relay(owner)
        self._threads = threads
        # Made on the first download: the HTTP stack and its certificates cost a noticeable
        # part of a second, and asking for the image formats loads Qt's image plugins
        # (some 8 ms): opening the window should pay neither.
        self._accept = ""
        self._http_client: Fetcher | None = None
        self._client_lock = threading.Lock()

    def _http(self) -> Fetcher:
        """The shared downloader, created by the first pool thread that needs it."""
        from reader.core import Fetcher

        with self._client_lock:
            if self.stopped:
                raise _DownloadError("the window is closing")
            if self._http_client is None:
                formats = QImageReader.supportedMimeTypes()
                self._accept = ", ".join(
                    [*(bytes(m.data()).decode("ascii") for m in formats), "image/*;q=0.8"]
                )
                self._http_client = Fetcher(
                    timeout=self.timeout,
                    max_redirects=MAX_REDIRECTS,
                    max_connections=self._threads,
                    max_per_host=self._threads,
                )
            return self._http_client

    # -- GUI thread ----------------------------------------------------------------------

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def start(self, job: _Job) -> None:
        self.pool.start(_Download(self, job))

    def trim(self, folder: Path, max_bytes: int) -> None:
        """Trim a cache folder to ``max_bytes`` on a pool thread."""
        self.pool.start(_Trim(folder, max_bytes))

    def stop(self) -> None:
        """Accept no more jobs; downloads under way give up at their next chunk."""
        self._stopped.set()

    def close(self, wait_ms: int) -> bool:
        """Stop, wait up to ``wait_ms`` for running jobs, close the client; True if all ended."""
        self.stop()
        self.pool.clear()  # jobs not started yet never start
        finished = self.pool.waitForDone(wait_ms)
        # Closing the connections also breaks a download still waiting on a slow server.
        with self._client_lock:
            if self._http_client is not None:
                self._http_client.close()
        return finished

    # -- pool threads --------------------------------------------------------------------

    def report(self, url: str, image: QImage | None, message: str) -> None:
        if not self.stopped:
            self.relay.done.emit(url, image, message)

    def get(self, job: _Job) -> QImage:
        """The picture of ``job``, fitted; raises _DownloadError."""
        cached = _read_cache(job)
        if cached is not None:
            return cached
        data = self._download(job.url, job.max_bytes)
        image = job.fit(_decode(data))
        _write_cache(job, data, image)
        return image

    def _download(self, url: str, max_bytes: int) -> bytes:
        if self.stopped:
            raise _DownloadError("the window is closing")
        deadline = time.monotonic() + self.timeout

        def check() -> None:
            # Called on every chunk off the network: a compressed trickle can go on for
            # ever without decoding to a single byte.
            if self.stopped:
                raise _DownloadError("the window is closing")
            if time.monotonic() > deadline:
                raise _DownloadError(f"took longer than {self.timeout:g} s to download")

        try:
            client = self._http()  # also the Accept header, on the first download
            fetched = client.fetch(
                url, accept=self._accept, document="image", max_bytes=max_bytes, check=check
            )
        except FetchError as error:
            raise _DownloadError(self._reason(error, url, max_bytes)) from error
        if fetched.status != HTTPStatus.OK:
            raise _DownloadError(_status_text(fetched.status))
        return fetched.content

    def _reason(self, error: FetchError, url: str, max_bytes: int) -> str:
        """The one line a failed download shows (shorter than the engine's, which speak
        of feeds and pages)."""
        if self.stopped:
            return "the window is closing"  # the downloader was closed under the download
        if isinstance(error, HTTPStatusError):
            return _status_text(error.status)
        if isinstance(error, ResponseTooLargeError):
            return f"larger than {_size(max_bytes)}"
        if error.kind == "redirects":
            return f"too many redirects (more than {MAX_REDIRECTS})"
        if error.kind == "redirect":
            return "redirected to an address that is not http or https"
        if error.kind in ("timeout", "deadline"):
            return f"timed out after {self.timeout:g} s"
        if error.kind == "connect":
            return f"could not connect to {QUrl(url).host()}"
        return f"the download failed: {_one_line(str(error))}"


def _decode(data: bytes) -> QImage:
    """``data`` as an image, refusing enormous canvases before they are allocated."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # photos turned by their EXIF orientation
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise _DownloadError(f"the image is too large to show ({size.width()}×{size.height()})")
    if size.isValid() and size.width() > IMAGE_MAX_WIDTH:
        # Decoders that can (JPEG) then decode straight to the smaller size.
        reader.setScaledSize(
            QSize(IMAGE_MAX_WIDTH, max(1, size.height() * IMAGE_MAX_WIDTH // size.width()))
        )
    image = reader.read()
    if image.isNull():
        raise _DownloadError(f"not an image Press Reader can show ({reader.errorString()})")
    return image


def fit_article_image(image: QImage) -> QImage:
    """``image`` at most IMAGE_MAX_WIDTH pixels wide."""
    if image.width() > IMAGE_MAX_WIDTH:
        return image.scaledToWidth(IMAGE_MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


def fit_icon(image: QImage) -> QImage:
    """``image`` within ICON_SIZE×ICON_SIZE, keeping its aspect; small icons stay as they are."""
    if image.width() > ICON_SIZE or image.height() > ICON_SIZE:
        return image.scaled(
            ICON_SIZE,
            ICON_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def _read_cache(job: _Job) -> QImage | None:
    try:
        data = job.cache_file.read_bytes()
    except OSError:
        return None  # not cached (or unreadable): download it
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(job.cache_file)  # recently used: trimmed last
    try:
        return job.fit(_decode(data))
    except _DownloadError:
        with contextlib.suppress(OSError):
            job.cache_file.unlink()  # a damaged entry: download it again
        return None


def _write_cache(job: _Job, data: bytes, image: QImage) -> None:
    """Keep the picture on disk; the cache is a convenience, so a full disk is no failure."""
    if job.store_fitted:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not QImageWriter(buffer, QByteArray(b"png")).write(image):
            return
        data = bytes(buffer.data().data())
    partial = job.cache_file.with_name(f"{job.cache_file.name}.{threading.get_ident()}.part")
    try:
        job.cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(job.cache_file)
    except OSError:
        partial.unlink(missing_ok=True)


class _Trim(QRunnable):
    """Deletes the least recently used files of a cache folder beyond ``max_bytes``."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        super().__init__()
        self._folder = folder
        self._max_bytes = max_bytes

    def run(self) -> None:
        try:
            entries = [(path.stat(), path) for path in self._folder.iterdir() if path.is_file()]
        except OSError:
            return  # no cache yet, or not readable: nothing to trim
        entries.sort(key=lambda item: item[0].st_mtime, reverse=True)
        total = 0
        for stat, path in entries:
            total += stat.st_size
            if total > self._max_bytes:
                with contextlib.suppress(OSError):  # in use (Windows), or gone already
                    path.unlink()


def _status_text(status: int) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    return f"HTTP {status} {phrase}".rstrip()


def _size(n: int) -> str:
    for unit, factor in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= factor and n % factor == 0:
            return f"{n // factor} {unit}"
    return f"{n} bytes"


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "no reason given"


# -- the GUI side -----------------------------------------------------------------------------


class ImageLoader(QObject):
    """Loads the remote images of articles, one download per address, off the GUI thread.

    :meth:`image_for` is the reader view's loader: it answers at once from memory, or starts
    the download and answers None; the image then comes with ``loaded``. Images are kept in
    memory (the last ``memory_items``) and on disk in ``cache_dir``, one file per address
    named by its SHA-1, holding the bytes as received.

    Signals:
        loaded(str, QImage): the image of an address arrived (at most 1600 pixels wide).
        failed(str, str): an address could not be loaded, and why (one line).
    """

    loaded = Signal(str, QImage)
    failed = Signal(str, str)

    def __init__(
        self,
        cache_dir: Path,
        parent: QObject | None = None,
        *,
        timeout: float = IMAGE_TIMEOUT,
        max_bytes: int = IMAGE_MAX_BYTES,
        memory_items: int = IMAGE_MEMORY_ITEMS,
        memory_bytes: int = IMAGE_MEMORY_BYTES,
        disk_bytes: int = IMAGE_DISK_BYTES,
        threads: int = IMAGE_CONCURRENCY,
    ) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._max_bytes = max_bytes
        self._memory_items = max(1, memory_items)
        self._memory_bytes = memory_bytes
        self._memory: OrderedDict[str, QImage] = OrderedDict()
        self._memory_used = 0
        self._pending: set[str] = set()
        self._failed: dict[str, float] = {}
        self._fetcher = _Fetcher(self, threads=threads, timeout=timeout)
        self._fetcher.relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._fetcher.trim(cache_dir, disk_bytes)

    def image_for(self, url: str) -> QImage | None:
        """The image of ``url`` if it is in memory; otherwise start loading it and return None."""
        image = self.cached(url)
        if image is None:
            self.request(url)
        return image

    def cached(self, url: str) -> QImage | None:
        """The image of ``url`` if it is in memory, without loading anything."""
        image = self._memory.get(url)
        if image is not None:
            self._memory.move_to_end(url)
        return image

    def request(self, url: str) -> None:
        """Load ``url`` unless it is loading, is in memory, or failed in the last minutes.

        Always returns at once; the answer is ``loaded`` or ``failed``, never emitted from
        within this call.
        """
        if url in self._pending or url in self._memory or self._fetcher.stopped:
            return
        failed_at = self._failed.get(url)
        if failed_at is not None and time.monotonic() - failed_at < IMAGE_RETRY_SECONDS:
            return
        self._pending.add(url)
        why = refusal(url)
        if why is not None:
            self._fetcher.relay.done.emit(url, None, why)  # queued: reported after this call
            return
        self._fetcher.start(
            _Job(
                url=url,
                cache_file=self._cache_dir / cache_file_name(url),
                max_bytes=self._max_bytes,
                fit=fit_article_image,
                store_fitted=False,
            )
        )

    def stop(self) -> None:
        """Start no more downloads; those under way give up at their next chunk."""
        self._fetcher.stop()

    def close(self, wait_ms: int = CLOSE_WAIT_MS) -> bool:
        """Stop, and wait up to ``wait_ms`` for downloads still running; True if all ended."""
        return self._fetcher.close(wait_ms)

    @Slot(str, object, str)
    def _on_done(self, url: str, image: QImage | None, message: str) -> None:
        self._pending.discard(url)
        if image is None:
            self._failed[url] = time.monotonic()
            self.failed.emit(url, message)
            return
        self._failed.pop(url, None)
        self._memory[url] = image
        self._memory_used += image.sizeInBytes()
        # The newest image stays even when it alone is over the budget: the view needs it.
        while len(self._memory) > 1 and (
            len(self._memory) > self._memory_items or self._memory_used > self._memory_bytes
        ):
            _old_url, old = self._memory.popitem(last=False)
            self._memory_used -= old.sizeInBytes()
        self.loaded.emit(url, image)


class FeedIconCache(QObject):
    """The icons feeds name (their ``icon_url``), fetched once, kept on disk and in memory.

    :meth:`icon_for` is the feed tree's icon provider: the icon when it is here, otherwise
    None while the icon is fetched (``icon_ready`` follows). An icon that fails is not asked
    for again in this session. Icons are kept in ``cache_dir`` as ``<sha1 of url>.png``,
    scaled to fit 32×32.

    Signals:
        icon_ready(int): the icon of this feed arrived; ask :meth:`icon_for` again.
    """

    icon_ready = Signal(int)

    def __init__(
        self,
        cache_dir: Path,
        parent: QObject | None = None,
        *,
        timeout: float = IMAGE_TIMEOUT,
        max_bytes: int = ICON_MAX_BYTES,
        threads: int = ICON_CONCURRENCY,
    ) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._max_bytes = max_bytes
        self._icons: dict[str, QIcon] = {}
        #: Icons being fetched, with the feeds waiting for each.
        self._waiting: dict[str, set[int]] = {}
        self._failed: set[str] = set()
        self._fetcher = _Fetcher(self, threads=threads, timeout=timeout)
        self._fetcher.relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    def icon_for(self, feed: Feed) -> QIcon | None:
        """The feed's own icon, or None (it has none, it failed, or it is being fetched)."""
        url = feed.icon_url
        if not url:
            return None
        icon = self._icons.get(url)
        if icon is None:
            self._fetch(url, feed.id)
        return icon

    def prefetch(self, feeds: Iterable[Feed]) -> None:
        """Start fetching the icons of ``feeds`` that are not here yet."""
        for feed in feeds:
            self.icon_for(feed)

    def stop(self) -> None:
        """Start no more downloads."""
        self._fetcher.stop()

    def close(self, wait_ms: int = CLOSE_WAIT_MS) -> bool:
        """Stop, and wait up to ``wait_ms`` for downloads still running; True if all ended."""
        return self._fetcher.close(wait_ms)

    def _fetch(self, url: str, feed_id: int) -> None:
        if url in self._failed or self._fetcher.stopped:
            return
        waiting = self._waiting.get(url)
        if waiting is not None:
            waiting.add(feed_id)
            return
        if refusal(url) is not None:
            self._failed.add(url)  # quietly: a feed's icon is a nicety
            return
        self._waiting[url] = {feed_id}
        self._fetcher.start(
            _Job(
                url=url,
                cache_file=self._cache_dir / f"{cache_file_name(url)}.png",
                max_bytes=self._max_bytes,
                fit=fit_icon,
                store_fitted=True,
            )
        )

    @Slot(str, object, str)
    def _on_done(self, url: str, image: QImage | None, _message: str) -> None:
        feed_ids = self._waiting.pop(url, set())
        if image is None:
            self._failed.add(url)
            return
        self._icons[url] = QIcon(QPixmap.fromImage(image))
        for feed_id in sorted(feed_ids):
            self.icon_ready.emit(feed_id)


__all__ = [
    "FeedIconCache",
    "ImageLoader",
    "cache_file_name",
    "fit_article_image",
    "fit_icon",
    "refusal",
]
