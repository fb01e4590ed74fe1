"""Finding the feeds of a web address: the address itself, the page's links, the usual paths."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from reader.core.errors import (
    FetchError,
    HTTPStatusError,
    InvalidFeedURLError,
    NoFeedFoundError,
    ParseError,
    RateLimitedError,
    ResponseTooLargeError,
)
from reader.core.fetch import Fetcher, FetchResult
from reader.core.parse import parse_feed
from reader.core.types import Discovery, FeedCandidate, FeedFormat
from reader.core.urls import normalize_feed_url

__all__ = [
    "GUESSED_PATHS",
    "Discovery",
    "FeedCandidate",
    "FeedFormat",
    "choose_feed",
    "clean_title",
    "discover_feeds",
    "guessed_urls",
    "page_feed_links",
    "sniff",
]


#: Where sites usually keep their feed, tried in this order when a page names none
#: (WordPress, generic RSS, Atom, Hugo, Jekyll and the like, SPIP).
GUESSED_PATHS: tuple[str, ...] = (
    "/feed/",
    "/rss",
    "/rss.xml",
    "/atom.xml",
    "/index.xml",
    "/feed.xml",
    "/spip.php?page=backend",
)
_SPIP_BACKEND = "/spip.php?page=backend"

#: Link types that announce a feed, and the format each names.
_FEED_TYPES: dict[str, FeedFormat] = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",  # JSON Feed's own spec allowed this one before feed+json
}

#: The page is asked for as a feed first, a web page second.
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5"
)

# Hostile pages: only so much of a page is read for links, so many links kept, and titles
# and addresses of bounded length.
MAX_PAGE_CHARS = 2_000_000
MAX_CANDIDATES = 30
MAX_TITLE_CHARS = 200
MAX_URL_CHARS = 2000
_MAX_FILE_BYTES = 20 * 1024 * 1024

_HEAD_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_ROOT = re.compile(rb"\s*<([a-z_][\w:.-]*)", re.IGNORECASE)
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf", b"rdf"})


# -- pure: what a document is, what a page names, where to look ----------------------------


def sniff(content: bytes, content_type: str | None = None) -> Literal["html", "json", "xml"]:
    """What a document looks like from its first bytes (its declared type breaks ties):
    a web page, JSON, or something to hand the feed parser."""
    head = content[:_HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"<!doctype html"):
        return "html"
    root = _root_element(head)
    if root in _FEED_ROOTS:
        return "xml"
    if root in (b"html", b"head", b"body", b"meta", b"link", b"title"):
        return "html"
    declared = (content_type or "").split(";", 1)[0].strip().lower()
    if declared in ("text/html", "application/xhtml+xml"):
        return "html"
    if declared in ("application/json", "application/feed+json"):
        return "json"
    return "xml"


def page_feed_links(html: str, page_url: str) -> list[FeedCandidate]:
    """The feeds a web page names in ``<link rel="alternate" type="…">`` (RSS, Atom, JSON
    Feed), in page order, each address once; relative addresses are resolved against the
    page's ``<base href>``, else ``page_url``. Addresses that are not http(s), or hold
    spaces or control characters, are left out."""
    collector = _LinkCollector()
    try:
        collector.feed(html[:MAX_PAGE_CHARS])
        collector.close()
    except AssertionError:  # html.parser gives up on some broken markup: keep what it saw
        pass
    base = page_url
    if collector.base is not None:
        resolved = _resolve(page_url, collector.base)
        if resolved is not None:
            base = resolved
    candidates: list[FeedCandidate] = []
    seen: set[str] = set()
    for href, title, feed_format in collector.links:
        url = _resolve(base, href)
        if url is None or url in seen:
            continue
        seen.add(url)
        candidates.append(FeedCandidate(url, clean_title(title), feed_format))
        if len(candidates) >= MAX_CANDIDATES:
            break
    return candidates


def guessed_urls(page_url: str, *, spip: bool = False) -> list[str]:
    """The usual feed addresses on the site of ``page_url``, in the order to try them
    (SPIP's first when the page says it was made with SPIP); never ``page_url`` itself."""
    parts = urlsplit(page_url)
    paths = list(GUESSED_PATHS)
    if spip:
        paths.remove(_SPIP_BACKEND)
        paths.insert(0, _SPIP_BACKEND)
    urls = []
    for path in paths:
        path_part, _, query = path.partition("?")
        url = urlunsplit((parts.scheme, parts.netloc, path_part, query, ""))
        if url != page_url:
            urls.append(url)
    return urls


def clean_title(text: str | None) -> str | None:
    """A title from a page, safe to show anywhere: one line, no control or format
    characters (terminal escapes, bidi overrides), at most MAX_TITLE_CHARS."""
    if not text:
        return None
    kept = "".join(" " if unicodedata.category(c).startswith(("C", "Z")) else c for c in text)
    flat = " ".join(kept.split())
    if len(flat) > MAX_TITLE_CHARS:
        flat = flat[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return flat or None


def decode_page(content: bytes, content_type: str | None = None) -> str:
    """A web page's text, in the charset its header or its ``<meta>`` declares (UTF-8 if
    none or unknown); undecodable bytes become U+FFFD."""
    for match in (
        _HEADER_CHARSET.search(content_type or ""),
        _META_CHARSET.search(content[:_HEAD_BYTES]),
    ):
        if match is None:
            continue
        name = match.group(1)
        charset = name.decode("ascii", "replace") if isinstance(name, bytes) else name
        try:
            return content.decode(charset, errors="replace")
        except LookupError:
            continue
    return content.decode("utf-8", errors="replace")


class _LinkCollector(HTMLParser):
    """Collects ``<base href>`` and the feed ``<link>``s of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[tuple[str, str | None, FeedFormat]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "base"):
            return
        values = {name: value or "" for name, value in attrs}
        href = values.get("href", "").strip()
        if not href:
            return
        if tag == "base":
            if self.base is None:  # the first <base> counts, as in browsers
                self.base = href
            return
        if "alternate" not in values.get("rel", "").lower().split():
            return
        kind = values.get("type", "").split(";", 1)[0].strip().lower()
        feed_format = _FEED_TYPES.get(kind)
        if feed_format is not None and len(self.links) < MAX_CANDIDATES * 4:
            self.links.append((href, values.get("title"), feed_format))

    handle_startendtag = handle_starttag


def _resolve(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base`` and checked as a feed address, or None."""
    if len(href) > MAX_URL_CHARS or any(unicodedata.category(c).startswith("C") for c in href):
        return None
    try:
        return normalize_feed_url(urljoin(base, href))
    except (InvalidFeedURLError, ValueError):
        return None


# -- with the network ----------------------------------------------------------------------


def discover_feeds(
    address: str,
    fetcher: Fetcher,
    *,
    now: datetime,
    allow_file: bool = False,
    max_guesses: int = len(GUESSED_PATHS),
) -> Discovery:
    """Find the feeds of ``address``: fetch it once; a feed is its own answer; a web page
    answers with the feeds it links to, or, when it names none, with the first of the
    usual addresses on its site (:data:`GUESSED_PATHS`, at most ``max_guesses``, one after
    the other) that is a feed.

    Raises InvalidFeedURLError for an address we do not accept, FetchError when it cannot
    be downloaded, ParseError when it is neither a feed nor a web page, and
    NoFeedFoundError when the page leads to no feed. ``now`` is handed to the feed parser.
    """
    url = normalize_feed_url(address, allow_file=allow_file)
    fetched = _read_file(url) if url.startswith("file:") else _fetch(fetcher, url)
    kind = sniff(fetched.content, fetched.content_type)
    if kind == "json":
        if b"jsonfeed.org" not in fetched.content[:_HEAD_BYTES].lower():
            raise ParseError("not a feed: the document is JSON, not RSS, Atom or JSON Feed")
        return Discovery(url, "feed", (FeedCandidate(url, None, "json"),))
    if kind == "xml":
        title = _feed_title(fetched, now)
        return Discovery(url, "feed", (FeedCandidate(url, title, _xml_format(fetched)),))

    page_url = fetched.final_url
    html = decode_page(fetched.content, fetched.content_type)
    links = page_feed_links(html, page_url)
    if links:
        return Discovery(url, "page", tuple(links))
    if not url.startswith("file:"):
        spip = "spip" in html[:MAX_PAGE_CHARS].lower()
        guesses = [u for u in guessed_urls(page_url, spip=spip) if u != url][:max_guesses]
        found = _first_feed(fetcher, guesses, now)
        if found is not None:
            return Discovery(url, "guess", (found,))
    raise NoFeedFoundError(
        "no feed found: the page names none, and none of the usual feed addresses on its "
        "site (/feed/, /rss, /rss.xml, /atom.xml, /index.xml, /feed.xml, SPIP's backend) "
        "answered with one"
    )


def _fetch(fetcher: Fetcher, url: str, *, accept: str = ACCEPT) -> FetchResult:
    # Whether a feed or a web page comes back, the user is waiting: each address gets the
    # page deadline (30 s by default), not the longer one of a feed refreshed in the background.
    return fetcher.fetch(url, accept=accept, deadline=fetcher.deadlines["page"])


def _first_feed(fetcher: Fetcher, urls: Iterable[str], now: datetime) -> FeedCandidate | None:
    """The first of ``urls`` that is a feed. Stops at the first network failure or request
    to slow down: a site that does not answer one address will not answer the next."""
    for url in urls:
        try:
            fetched = _fetch(fetcher, url)
        except RateLimitedError:
            return None
        except (HTTPStatusError, ResponseTooLargeError):
            continue  # 404 and the like: not there, try the next
        except FetchError:
            return None
        if sniff(fetched.content, fetched.content_type) != "xml":
            continue  # a site answering every address with its home page
        try:
            title = _feed_title(fetched, now)
        except ParseError:
            continue
        return FeedCandidate(fetched.permanent_url or url, title, _xml_format(fetched))
    return None


def _feed_title(fetched: FetchResult, now: datetime) -> str | None:
    """The feed's own title; raises ParseError when the bytes are not a feed."""
    parsed = parse_feed(
        fetched.content, fetched.final_url, content_type=fetched.content_type, now=now
    )
    return clean_title(parsed.title)


def _xml_format(fetched: FetchResult) -> FeedFormat:
    head = fetched.content[:_HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "atom" if _root_element(head) == b"feed" else "rss"


def _root_element(head: bytes) -> bytes | None:
    """The name of the first element of a document's (lower-cased) start, past the XML
    declaration, comments and doctype."""
    position = 0
    while (prolog := _PROLOG.match(head, position)) is not None and prolog.end() > position:
        position = prolog.end()
    root = _ROOT.match(head, position)
    return root.group(1) if root is not None else None


def _read_file(url: str) -> FetchResult:
    """A ``file:`` address the user allowed (``--allow-file``), read within the size cap."""
    path = Path(unquote(urlsplit(url).path))
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            raise ResponseTooLargeError(f"the file is larger than {_MAX_FILE_BYTES >> 20} MiB")
        content = path.read_bytes()
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror or error}") from None
    return FetchResult(url, url, None, False, content, None, None, None, 200, 0.0)


def choose_feed(discovery: Discovery, pick: int | None = None) -> FeedCandidate | None:
    """The feed to subscribe to: the ``pick``-th (from 1) usable candidate, else the only
    one; None when there are several and the user has to choose.

    Raises NoFeedFoundError when no candidate is usable (only JSON Feeds), and ValueError
    when ``pick`` is not the number of a usable candidate.
    """
    usable = discovery.usable
    if not usable:
        raise NoFeedFoundError(
            f"only a JSON Feed found at {discovery.address}: JSON Feed is not supported yet"
            if len(discovery.candidates) == 1
            else f"only JSON Feeds found at {discovery.address}: JSON Feed is not supported yet"
        )
    if pick is not None:
        if not 1 <= pick <= len(usable):
            raise ValueError(f"there is no feed {pick}: {len(usable)} found")
        return usable[pick - 1]
    return usable[0] if len(usable) == 1 else None
