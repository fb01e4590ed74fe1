"""Feed bytes → plain dataclasses, through feedparser (dates aware UTC, URLs absolute)."""

from __future__ import annotations

import io
import re
import xml.sax
from datetime import datetime

import feedparser

from reader.core.errors import ParseError
from reader.core.fastparse import parse_fast
from reader.core.feedbuild import Dict, build_feed, effective_content_type
from reader.core.types import ParsedFeed

__all__ = ["parse_feed"]

_ROOT_ELEMENT = re.compile(rb"<([A-Za-z_][\w:.-]*)")


def parse_feed(
    content: bytes, url: str, *, content_type: str | None = None, now: datetime
) -> ParsedFeed:
    """Parse the bytes of an RSS, RDF or Atom document fetched from ``url``.

    Relative URLs are resolved against the document's ``xml:base``, then ``url``; HTML is
    sanitized and each entry gets its canonical plain text. ``now`` (timezone-aware)
    decides which dates are too far in the future to be believed.

    Raises ParseError when the bytes are not a readable feed. A malformed document that
    feedparser can still read gives a ParsedFeed with ``warning`` set.
    """
    if now.tzinfo is None:
        raise ValueError("now must be a timezone-aware datetime")
    if not content or content.isspace():
        raise ParseError("not a feed: the document is empty")
    fast = parse_fast(content, url, content_type=content_type, now=now)
    if fast is not None:
        return fast
    return _parse_with_feedparser(content, url, content_type=content_type, now=now)


def _parse_with_feedparser(
    content: bytes, url: str, *, content_type: str | None, now: datetime
) -> ParsedFeed:
    """The general path: any document feedparser can read, however malformed."""
    headers = {}
    effective_type = effective_content_type(content, content_type)
    if effective_type:
        headers["content-type"] = effective_type
    # No content-location on purpose: feedparser would then also "resolve" RSS guids
    # (isPermaLink), so entry keys would change when the feed moves. We resolve links
    # ourselves against the feed URL; xml:base is still honoured by feedparser.
    result = feedparser.parse(
        io.BytesIO(content),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    raw_entries: list[Dict] = dict.get(result, "entries") or []
    version: str = dict.get(result, "version") or ""
    if not raw_entries and not version:
        raise ParseError(_not_a_feed_message(content, result))
    feed: Dict = dict.get(result, "feed") or {}
    return build_feed(feed, raw_entries, url, now, _warning(result, content))


def _not_a_feed_message(content: bytes, result: Dict) -> str:
    """One line saying why the bytes are not a feed."""
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = head.lower()
    if head.startswith((b"{", b"[")):
        if b"jsonfeed.org" in lowered:
            return "not a feed: JSON Feed is not supported yet"
        return "not a feed: the document is JSON, not RSS or Atom"
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "not a feed: the document is HTML, not RSS or Atom"
    error = dict.get(result, "bozo_exception")
    if isinstance(error, xml.sax.SAXParseException):
        line = _line_number(error, content)
        return f"not a feed: XML syntax error at line {line}: {error.getMessage()}"
    root = _ROOT_ELEMENT.search(head.split(b"?>", 1)[-1] if head.startswith(b"<?") else head)
    if root:
        name = root.group(1).decode("ascii", "replace")
        return f"not a feed: the document is XML with root <{name}>, not RSS, RDF or Atom"
    return "not a feed: the document is not RSS, RDF or Atom"


def _warning(result: Dict, content: bytes) -> str | None:
    """A short message when feedparser had to bend the rules to read the document."""
    if not dict.get(result, "bozo"):
        return None
    error = dict.get(result, "bozo_exception")
    if isinstance(error, xml.sax.SAXParseException):
        return (
            f"malformed XML, read in lenient mode: {error.getMessage()}"
            f" at line {_line_number(error, content)}"
        )
    if isinstance(error, xml.sax.SAXException):
        return f"malformed XML, read in lenient mode: {error.getMessage()}"
    if isinstance(
        error, feedparser.CharacterEncodingOverride | feedparser.CharacterEncodingUnknown
    ):
        return f"wrong character encoding: {error}"
    # NonXMLContentType and friends: servers often mislabel feeds; nothing to tell the user.
    return None


def _line_number(error: xml.sax.SAXParseException, content: bytes) -> int:
    """The error's line in the bytes we were given.

    feedparser re-encodes the document to UTF-8 and, when it does not start with an XML
    declaration, puts one in front on a line of its own, shifting every line by one.
    """
    line: int = error.getLineNumber() or 1
    if not content.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")):
        line -= 1
    return max(line, 1)
