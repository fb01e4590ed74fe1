"""A loopback HTTP server that never finishes: it sends one byte every ``interval`` seconds,
for as long as the client listens (tests of the fetch deadlines)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

#: A deflate block that decodes to nothing (stored, not final, zero length): a gzip body of
#: these forever gives a client bytes off the network but never a decoded byte.
EMPTY_DEFLATE_BLOCK = b"\x00\x00\x00\xff\xff"
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"


@dataclass
class TrickleServer:
    """Answers every request with a 200 and a body that trickles forever.

    ``gzip``: the body is an endless gzip stream that decodes to nothing. ``sent`` counts
    the body bytes sent, over all connections.
    """

    interval: float = 0.1
    gzip: bool = False
    content_type: str = "application/rss+xml"
    port: int = 0
    sent: int = 0
    requests: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/feed.xml") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self, listener: socket.socket) -> None:
        listener.settimeout(0.1)  # so that the stop event is seen
        while not self._stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            with self._lock:
                self.requests += 1
            headers = f"HTTP/1.1 200 OK\r\nContent-Type: {self.content_type}\r\n"
            if self.gzip:
                headers += "Content-Encoding: gzip\r\n"
            body = GZIP_HEADER if self.gzip else b""
            try:
                conn.sendall(headers.encode() + b"Connection: close\r\n\r\n" + body)
                pattern = EMPTY_DEFLATE_BLOCK if self.gzip else b"<"
                position = 0
                # time.sleep, not Event.wait(timeout): under the year-ahead run's faketime a
                # timed wait on a lock sleeps against the shifted monotonic clock (for a year).
                while not self._stop.is_set():
                    time.sleep(self.interval)
                    conn.sendall(pattern[position : position + 1])
                    position = (position + 1) % len(pattern)
                    with self._lock:
                        self.sent += 1
            except OSError:
                return  # the client hung up: what the tests want


@contextmanager
def trickle_server(*, interval: float = 0.1, gzip: bool = False) -> Iterator[TrickleServer]:
    """A running TrickleServer on 127.0.0.1, stopped (every connection closed) on exit."""
    server = TrickleServer(interval=interval, gzip=gzip)
    listener = socket.create_server(("127.0.0.1", 0))
    server.port = listener.getsockname()[1]
    thread = threading.Thread(target=server.serve, args=(listener,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server._stop.set()
        thread.join(5)
        listener.close()
