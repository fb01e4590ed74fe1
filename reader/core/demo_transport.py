"""The demo's offline HTTP: its feed addresses answered from the bundled files."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePosixPath

import httpx

from reader.core.fetch import Fetcher

#: Every demo address is on this host (the reserved .invalid domain never resolves).
DEMO_ORIGIN = "https://demo.press-reader.invalid"


class DemoTransport(httpx.BaseTransport):
    """Answers the demo feeds' addresses from the bundled files, so the demo library can be
    refreshed with no network: a feed's next edition (``updates/``: a new article, one
    article rewritten) when there is one, else the edition the library was seeded with.
    ETags make every later refresh a 304, as with a real server."""

    def __init__(self, demo_dir: Path) -> None:
        self._dir = demo_dir

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        name = PurePosixPath(request.url.path).name
        for folder in ("updates", "feeds"):
            path = self._dir / folder / name
            if name and request.url.path.startswith("/feeds/") and path.is_file():
                body = path.read_bytes()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if request.headers.get("If-None-Match") == etag:
                    return httpx.Response(304, headers={"ETag": etag}, request=request)
                return httpx.Response(
                    200,
                    headers={"ETag": etag, "Content-Type": "application/xml"},
                    content=body,
                    request=request,
                )
        return httpx.Response(404, request=request)


def offline_fetcher(
    demo_dir: Path, *, clock: Callable[[], datetime], max_connections: int = 8
) -> Fetcher:
    """A Fetcher that answers the demo's addresses from ``demo_dir`` (and any other as usual)."""
    return Fetcher(
        clock=clock,
        max_connections=max_connections,
        mounts={DEMO_ORIGIN: DemoTransport(demo_dir)},
    )
