"""A loopback feed server for the benchmarks, in a process of its own.

``FeedServer(folder, latency)`` serves ``folder/<i>.xml`` as ``/feed/<i>.xml`` on 127.0.0.1 from
a separate (spawned) process, so that its CPU is not counted in the benchmark's. Every answer
waits ``latency`` seconds first, like a distant server. Documents carry a strong ETag and a
Last-Modified date, and conditional requests that match get ``304 Not Modified``. Connections
are HTTP/1.1 keep-alive (every answer has a Content-Length).

The server stops when the ``with`` block ends, when the process that started it dies, and in
any case after ``lifetime`` seconds.
"""

from __future__ import annotations

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

__all__ = ["FeedServer"]

STATS_PATH = "/_stats"


class _Document:
    __slots__ = ("body", "content_type", "etag", "last_modified", "mtime")

    def __init__(self, path: Path) -> None:
        self.body = path.read_bytes()
        self.etag = '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'
        self.mtime = int(path.stat().st_mtime)
        self.last_modified = formatdate(self.mtime, usegmt=True)
        atom = b"<feed" in self.body[:400]
        kind = "application/atom+xml" if atom else "application/rss+xml"
        self.content_type = kind + "; charset=utf-8"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True

    def __init__(self, documents: dict[str, _Document], latency: float) -> None:
        self.documents = documents
        self.latency = latency
        self.counts: Counter[str] = Counter()
        self.counts_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def count(self, key: str) -> None:
        with self.counts_lock:
            self.counts[key] += 1


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
        else:
            self._answer(body=True)

    def _stats(self) -> None:
        with self.server.counts_lock:
            payload = json.dumps(dict(self.server.counts)).encode()
            if self.path.endswith("/reset"):
                self.server.counts.clear()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _answer(self, *, body: bool) -> None:
        if self.server.latency > 0:
            time.sleep(self.server.latency)
        document = self.server.documents.get(self.path.split("?", 1)[0])
        if document is None:
            self.server.count("404")
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        if self._not_modified(document):
            self.server.count("304")
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", document.etag)
            self.send_header("Last-Modified", document.last_modified)
            self.end_headers()
            return
        self.server.count("200")
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


def _serve(folder: str, latency: float, lifetime: float, parent: int, ready: Connection) -> None:
    """The server process: load the documents, say which port, serve until told to stop."""
    documents = {f"/feed/{path.name}": _Document(path) for path in Path(folder).glob("*.xml")}
    server = _Server(documents, latency)

    def watchdog() -> None:
        deadline = time.monotonic() + lifetime
        while time.monotonic() < deadline and os.getppid() == parent:
            time.sleep(0.5)
        server.shutdown()

    threading.Thread(target=watchdog, daemon=True).start()
    ready.send(server.server_address[1])
    ready.close()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()


class FeedServer:
    """Serves the ``*.xml`` files of ``folder`` from a spawned process (see the module doc)."""

    def __init__(self, folder: Path, *, latency: float = 0.05, lifetime: float = 3 * 3600) -> None:
        self.folder = folder
        self.latency = latency
        self.lifetime = lifetime
        self.port = 0
        self._process: multiprocessing.process.BaseProcess | None = None

    def __enter__(self) -> FeedServer:
        context = multiprocessing.get_context("spawn")
        receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve,
            args=(str(self.folder), self.latency, self.lifetime, os.getpid(), sender),
            name="feed-server",
            daemon=True,
        )
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

    def url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.port}/feed/{index}.xml"

    def take_counts(self) -> dict[str, int]:
        """Answers given since the last call, by status ("200", "304", "404")."""
        address = f"http://127.0.0.1:{self.port}{STATS_PATH}/reset"
        with urllib.request.urlopen(address, timeout=10) as response:
            counts: dict[str, int] = json.load(response)
        return counts
