"""A loopback feed server for the benchmarks, in a process of its own.

``FeedServer(folder, latency)`` serves ``folder/<i>.xml`` as ``/feed/<i>.xml`` on 127.0.0.1 from
a separate (spawned) process, so that its CPU is not counted in the benchmark's. Every answer
waits ``latency`` seconds first, like a distant server. Documents carry a strong ETag and a
Last-Modified date, and conditional requests that match get ``304 Not Modified``. Connections
are HTTP/1.1 keep-alive (every answer has a Content-Length).

Articles' web pages, ``folder/pages/<name>.html``, are served as ``/page/<name>.html``. With
``page_hosts=n`` the server also listens, on the same port, on 127.0.0.2 … 127.0.0.{n+1}
(Linux routes all of 127/8 to the loopback interface), so that pages can live on ``n`` sites
that a client limits separately; it counts, per address, the page requests it is answering
at once and keeps the largest count (``take_page_stats``). Documents written after the
server started are served once ``reload()`` has read the folder again (the pages' and
feeds' links need the port, known only once the server listens).

The server stops when the ``with`` block ends, when the process that started it dies, and in
any case after ``lifetime`` seconds.
"""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing
import os
import threading
import time
import urllib.request
from collections import Counter
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["FeedServer"]

STATS_PATH = "/_stats"
PAGE_STATS_PATH = "/_pages"
RELOAD_PATH = "/_reload"
PAGE_PREFIX = "/page/"
#: Extra addresses a server may listen on (127.0.0.2 … 127.0.0.201).
MAX_PAGE_HOSTS = 200


class _Document:
    __slots__ = ("body", "content_type", "etag", "last_modified", "mtime")

    def __init__(self, path: Path) -> None:
        self.body = path.read_bytes()
        self.etag = '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'
        self.mtime = int(path.stat().st_mtime)
        self.last_modified = formatdate(self.mtime, usegmt=True)
        if path.suffix == ".html":
            self.content_type = "text/html; charset=utf-8"
        else:
            atom = b"<feed" in self.body[:400]
            kind = "application/atom+xml" if atom else "application/rss+xml"
            self.content_type = kind + "; charset=utf-8"


def _load(folder: Path) -> dict[str, _Document]:
    documents = {f"/feed/{path.name}": _Document(path) for path in folder.glob("*.xml")}
    documents |= {
        f"{PAGE_PREFIX}{path.name}": _Document(path) for path in folder.glob("pages/*.html")
    }
    return documents


class _State:
    """What every listening address shares: the documents and the counts."""

    def __init__(self, folder: Path, latency: float) -> None:
        self.folder = folder
        self.documents = _load(folder)
        self.latency = latency
        self.lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        #: Page requests being answered now, the most at once, and all of them, per address.
        self.pages_now: Counter[str] = Counter()
        self.pages_peak: Counter[str] = Counter()
        self.pages_served: Counter[str] = Counter()

    def count(self, key: str) -> None:
        with self.lock:
            self.counts[key] += 1

    def page_started(self, host: str) -> None:
        with self.lock:
            self.pages_now[host] += 1
            self.pages_served[host] += 1
            self.pages_peak[host] = max(self.pages_peak[host], self.pages_now[host])

    def page_finished(self, host: str) -> None:
        with self.lock:
            self.pages_now[host] -= 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True

    def __init__(self, state: _State, address: tuple[str, int]) -> None:
        self.state = state
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "PressBench/1.0"
    # Headers and body go out in two writes: without this, Nagle's algorithm and delayed
    # ACKs would add ~40 ms to every keep-alive answer.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        if self.path.startswith(STATS_PATH):
            self._stats()
        elif self.path.startswith(PAGE_STATS_PATH):
            self._page_stats()
        elif self.path == RELOAD_PATH:
            self._reload()
        elif self.path.startswith(PAGE_PREFIX):
            # The address the request came to: the "site" whose pages are being read.
            host = self.connection.getsockname()[0]
            self.server.state.page_started(host)
            try:
                self._answer(body=True)
            finally:
                self.server.state.page_finished(host)
        else:
            self._answer(body=True)

    def _json(self, payload: object) -> None:
        data = json.dumps(payload).encode()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stats(self) -> None:
        state = self.server.state
        with state.lock:
            payload = dict(state.counts)
            if self.path.endswith("/reset"):
                state.counts.clear()
        self._json(payload)

    def _page_stats(self) -> None:
        state = self.server.state
        with state.lock:
            payload = {"peak": dict(state.pages_peak), "served": dict(state.pages_served)}
            if self.path.endswith("/reset"):
                state.pages_peak.clear()
                state.pages_served.clear()
        self._json(payload)

    def _reload(self) -> None:
        state = self.server.state
        state.documents = _load(state.folder)
        self._json({"documents": len(state.documents)})

    def _answer(self, *, body: bool) -> None:
        state = self.server.state
        if state.latency > 0:
            time.sleep(state.latency)
        document = state.documents.get(self.path.split("?", 1)[0])
        if document is None:
            state.count("404")
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        if self._not_modified(document):
            state.count("304")
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", document.etag)
            self.send_header("Last-Modified", document.last_modified)
            self.end_headers()
            return
        state.count("200")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", document.content_type)
        self.send_header("Content-Length", str(len(document.body)))
        self.send_header("ETag", document.etag)
        self.send_header("Last-Modified", document.last_modified)
        self.send_header("Cache-Control", "max-age=0")
        self.end_headers()
        if body:
            self.wfile.write(document.body)

    def _not_modified(self, document: _Document) -> bool:
        """RFC 9110: If-None-Match wins over If-Modified-Since when both are sent."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or document.etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            try:
                since = parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError, IndexError):
                return False
            return document.mtime <= since
        return False


def _listen(state: _State, page_hosts: int) -> list[_Server]:
    """A server on 127.0.0.1 (a free port) and one on each page address, same port. The
    port may be taken on another address: then again with another port, a few times."""
    for _ in range(10):
        servers = [_Server(state, ("127.0.0.1", 0))]
        port = servers[0].server_address[1]
        try:
            for number in range(page_hosts):
                servers.append(_Server(state, (f"127.0.0.{number + 2}", port)))
        except OSError as error:
            for server in servers:
                server.server_close()
            if error.errno != errno.EADDRINUSE:
                raise
            continue
        return servers
    raise OSError(errno.EADDRINUSE, "no port free on every loopback address")


def _serve(
    folder: str,
    latency: float,
    lifetime: float,
    parent: int,
    ready: Connection,
    page_hosts: int = 0,
) -> None:
    """The server process: load the documents, say which port, serve until told to stop."""
    state = _State(Path(folder), latency)
    servers = _listen(state, page_hosts)

    def watchdog() -> None:
        deadline = time.monotonic() + lifetime
        while time.monotonic() < deadline and os.getppid() == parent:
            time.sleep(0.5)
        for server in servers:
            server.shutdown()

    threading.Thread(target=watchdog, daemon=True).start()
    for server in servers[1:]:
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
        ).start()
    ready.send(servers[0].server_address[1])
    ready.close()
    try:
        servers[0].serve_forever(poll_interval=0.2)
    finally:
        for server in servers:
            server.server_close()


class FeedServer:
    """Serves the ``*.xml`` files of ``folder`` (and its ``pages/*.html``) from a spawned
    process (see the module doc)."""

    def __init__(
        self,
        folder: Path,
        *,
        latency: float = 0.05,
        lifetime: float = 3 * 3600,
        page_hosts: int = 0,
    ) -> None:
        if not 0 <= page_hosts <= MAX_PAGE_HOSTS:
            raise ValueError(f"page_hosts must be between 0 and {MAX_PAGE_HOSTS}")
        self.folder = folder
        self.latency = latency
        self.lifetime = lifetime
        self.page_hosts = page_hosts
        self.port = 0
        self._process: multiprocessing.process.BaseProcess | None = None

    def __enter__(self) -> FeedServer:
        context = multiprocessing.get_context("spawn")
        receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve,
            args=(
                str(self.folder), self.latency, self.lifetime, os.getpid(), sender,
                self.page_hosts,
            ),
            name="feed-server",
            daemon=True,
        )  # fmt: skip
        self._process.start()
        sender.close()
        if not receiver.poll(60):
            self.stop()
            raise RuntimeError("the feed server did not start within 60 s")
        try:
            self.port = int(receiver.recv())
        except EOFError:
            self.stop()
            raise RuntimeError("the feed server failed to start (see its error above)") from None
        finally:
            receiver.close()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join(5)

    def url(self, index: int, site: int | None = None) -> str:
        """Where feed ``index`` is read: on 127.0.0.1, or on page site ``site`` (every
        address serves every document)."""
        host = "127.0.0.1" if site is None else self.page_host(site)
        return f"http://{host}:{self.port}/feed/{index}.xml"

    def page_host(self, number: int) -> str:
        """The address of page site ``number`` (0 … ``page_hosts`` - 1)."""
        if not 0 <= number < self.page_hosts:
            raise ValueError(f"page site {number} of {self.page_hosts}")
        return f"127.0.0.{number + 2}"

    def page_url(self, number: int, name: str) -> str:
        """Where page ``folder/pages/<name>`` is read on page site ``number``."""
        return f"http://{self.page_host(number)}:{self.port}{PAGE_PREFIX}{name}"

    def _get(self, path: str) -> dict[str, Any]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=60) as response:
            payload: dict[str, Any] = json.load(response)
        return payload

    def reload(self) -> int:
        """Read the folder again (documents written since the start); returns how many
        documents are served."""
        return int(self._get(RELOAD_PATH)["documents"])

    def take_counts(self) -> dict[str, int]:
        """Answers given since the last call, by status ("200", "304", "404")."""
        counts: dict[str, int] = self._get(f"{STATS_PATH}/reset")
        return counts

    def take_page_stats(self) -> tuple[dict[str, int], dict[str, int]]:
        """Since the last call, per page address: the most page requests answered at once,
        and the page requests answered."""
        payload = self._get(f"{PAGE_STATS_PATH}/reset")
        return payload["peak"], payload["served"]
