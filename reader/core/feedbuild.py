"""What both feed readers share: feedparser-shaped dicts → ParsedFeed (titles, dates, links,
sanitized HTML and canonical text), and the content type a document really has."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import urljoin, urlsplit

from reader.core.sanitize import (
    cut_notice,
    html_to_text,
    sanitize_entry,
    sanitize_html,
    text_from_plain,
)
from reader.core.types import ParsedEntry, ParsedFeed

#: Title given to an entry that has neither a title nor any text.
UNTITLED = "(untitled)"
#: Length of a title made from an entry's text.
DERIVED_TITLE_LENGTH = 80
#: Dates further in the future than this are treated as wrong (the store uses first-seen).
FUTURE_TOLERANCE = timedelta(days=1)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_CONTENT_TYPES = _HTML_TYPES | {"text/plain", "text"}
_WEB_SCHEMES = frozenset({"http", "https"})

# Encodings that any byte sequence "decodes" in, so a wrong declaration goes unnoticed.
_SINGLE_BYTE_ENCODINGS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso-8859-15", "windows-1252"}
    | {"cp1252", "us-ascii", "ascii"}
)
_XML_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")

#: feedparser's dicts; read with dict.get to bypass FeedParserDict's key aliases (and
#: the DeprecationWarnings some of them emit).
Dict = dict[str, Any]


def build_feed(
    feed: Dict, raw_entries: Iterable[Dict], url: str, now: datetime, warning: str | None
) -> ParsedFeed:
    """feedparser-shaped feed and entry dicts → ParsedFeed (shared by both parse paths)."""
    feed_link = _web_url(url, dict.get(feed, "link"))
    image: Dict = dict.get(feed, "image") or {}
    icon = _web_url(url, dict.get(feed, "icon")) or _web_url(url, dict.get(image, "href"))
    feed_title = _title_text(dict.get(feed, "title"), dict.get(feed, "title_detail")) or None

    utc_now = now.astimezone(UTC)
    entries: list[ParsedEntry] = []
    cut: list[tuple[ParsedEntry, str]] = []
    seen: set[str] = set()
    for raw in raw_entries:
        entry, limit = _parse_entry(raw, url, utc_now)
        # A key repeated within one document: keep the first (feeds list newest first).
        if entry.key not in seen:
            seen.add(entry.key)
            entries.append(entry)
            if limit is not None:
                cut.append((entry, limit))
    if cut:
        warning = "; ".join(filter(None, (warning, _cut_warning(cut))))

    return ParsedFeed(
        title=feed_title,
        site_url=feed_link,
        entries=tuple(entries),
        icon_url=icon,
        warning=warning,
    )


# -- entries -------------------------------------------------------------------------------


def _cut_warning(cut: list[tuple[ParsedEntry, str]]) -> str:
    """The feed's warning when some of its articles were too long and were cut."""
    entry, limit = cut[0]
    if len(cut) == 1:
        return f"the article “{entry.title}” was too long: {cut_notice(limit)}"
    return f"{len(cut)} articles were too long and were cut, the first “{entry.title}” at {limit}"


def _parse_entry(raw: Dict, feed_url: str, now: datetime) -> tuple[ParsedEntry, str | None]:
    """One feedparser entry → ParsedEntry, and the limit its content was cut at if it was
    too long (see :func:`reader.core.sanitize.sanitize_entry`). Reads the dict directly (no
    FeedParserDict magic)."""
    get: Callable[[str], Any] = partial(dict.get, raw)
    link = _web_url(feed_url, get("link"))

    content_html = summary_html = text = ""
    limit: str | None = None
    best = _richest_content(get("content"))
    if best is not None:
        content = sanitize_entry(_as_html(best), _base(feed_url, best, link))
        content_html, text, limit = content.html, content.text, content.cut

    summary_raw: str = get("summary") or ""
    if summary_raw and (best is None or summary_raw != dict.get(best, "value")):
        detail: Dict = get("summary_detail") or {"value": summary_raw}
        base = _base(feed_url, detail, link)
        if content_html:
            summary_html = sanitize_html(_as_html(detail), base)
            if summary_html == content_html:
                summary_html = ""
        else:
            summary = sanitize_entry(_as_html(detail), base)
            summary_html, text, limit = summary.html, summary.text, summary.cut

    title = _title_text(get("title"), get("title_detail")) or _title_from_text(text)

    author_detail: Dict = get("author_detail") or {}
    author = text_from_plain(dict.get(author_detail, "name") or get("author")) or None

    published_dt = _date(get("published_parsed"), now)
    updated_dt = _date(get("updated_parsed"), now)
    if published_dt is None:
        published_dt = updated_dt or _date(get("created_parsed"), now)

    raw_id = get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        key = raw_id.strip()
    elif link:
        key = "link:" + link
    else:
        key = "hash:" + _digest(
            get("title") or "", get("published") or get("updated") or "", summary_raw
        )

    parsed = ParsedEntry(
        key=key,
        title=title,
        link=link,
        author=author,
        published=published_dt,
        updated=updated_dt,
        summary_html=summary_html,
        content_html=content_html,
        text=text,
        enclosures=_enclosures(get, feed_url),
    )
    return parsed, limit


def _richest_content(contents: Iterable[Dict] | None) -> Dict | None:
    """The longest content item of a readable type; HTML wins a tie with plain text."""
    best: Dict | None = None
    best_rank = (-1, False)
    for item in contents or ():
        kind = (dict.get(item, "type") or "text/html").lower()
        if kind not in _CONTENT_TYPES:
            continue
        rank = (len(dict.get(item, "value") or ""), kind in _HTML_TYPES)
        if rank > best_rank:
            best, best_rank = item, rank
    return best


def _as_html(detail: Dict) -> str:
    """The HTML of a content/summary item; plain text is escaped into paragraphs."""
    value: str = dict.get(detail, "value") or ""
    kind = (dict.get(detail, "type") or "text/html").lower()
    if kind in _HTML_TYPES:
        return value
    return "".join(
        "<p>" + html.escape(para.strip()).replace("\n", "<br>") + "</p>"
        for para in _PARAGRAPH_BREAK.split(value)
        if para.strip()
    )


def _base(feed_url: str, detail: Dict, link: str | None) -> str:
    """Base URL for relative URLs inside a content item: xml:base, else the entry link."""
    base: str | None = dict.get(detail, "base")
    if base:
        return urljoin(feed_url, base)
    return link or feed_url


def _title_text(title: str | None, detail: Dict | None) -> str:
    """A feedparser title as one line of plain text (HTML titles lose their tags)."""
    if not title:
        return ""
    kind = (dict.get(detail, "type") or "") if detail else ""
    if kind.lower() in _HTML_TYPES and ("<" in title or "&" in title):
        return text_from_plain(html_to_text(title))
    return text_from_plain(title)


def _title_from_text(text: str) -> str:
    """A title for an untitled entry: the start of its text, cut at a word, or UNTITLED."""
    flat = text_from_plain(text)
    if not flat:
        return UNTITLED
    if len(flat) <= DERIVED_TITLE_LENGTH:
        return flat
    cut = flat.rfind(" ", 0, DERIVED_TITLE_LENGTH)
    if cut < DERIVED_TITLE_LENGTH // 2:
        cut = DERIVED_TITLE_LENGTH
    return flat[:cut].rstrip() + "…"


def _date(parsed: Any, now: datetime) -> datetime | None:
    """feedparser's UTC struct_time → aware datetime; None when absent, invalid or future."""
    if not parsed:
        return None
    try:
        value = datetime(*parsed[:6]).replace(tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None
    if value > now + FUTURE_TOLERANCE:
        return None
    return value


def _enclosures(get: Callable[[str], Any], feed_url: str) -> tuple[str, ...]:
    """Absolute http(s) URLs of enclosure links and media:content, first occurrence first."""
    found: dict[str, None] = {}
    for item in get("links") or ():
        if dict.get(item, "rel") == "enclosure":
            href = _web_url(feed_url, dict.get(item, "href"))
            if href:
                found[href] = None
    for item in get("media_content") or ():
        href = _web_url(feed_url, dict.get(item, "url"))
        if href:
            found[href] = None
    return tuple(found)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


# -- URLs, encodings, errors ---------------------------------------------------------------


def _web_url(base: str, value: object) -> str | None:
    """``value`` made absolute against ``base``; None unless it is an http(s) URL."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    if value.startswith(("https://", "http://")) and value.isprintable() and " " not in value:
        # Already absolute (the usual case): urljoin would parse it only to give it back.
        try:
            return value if urlsplit(value).netloc else None
        except ValueError:
            return None
    try:
        absolute = urljoin(base, value)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.netloc:
        return None
    return absolute


def effective_content_type(content: bytes, content_type: str | None) -> str | None:
    """The content type to hand feedparser, correcting a single-byte charset on UTF-8 bytes.

    Servers and feed generators often declare ISO-8859-1 or windows-1252 for bytes that
    are really UTF-8; any byte decodes in those encodings, so the mistake would turn
    "é" into "Ã©". Bytes that are non-ASCII yet valid UTF-8 are almost never meant
    as Latin-1, so in that case we tell feedparser the charset is UTF-8.
    """
    declared = None
    if content_type:
        match = _CHARSET.search(content_type)
        declared = match.group(1) if match else None
    if declared is None:
        xml_match = _XML_DECLARED_ENCODING.match(content[:200])
        declared = xml_match.group(1).decode("ascii") if xml_match else None
    if declared is None or declared.lower() not in _SINGLE_BYTE_ENCODINGS:
        return content_type
    if content.isascii():
        return content_type
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return content_type
    return "application/xml; charset=utf-8"
