"""One feed's CPU-bound work, as a parser process runs it: parsing, sanitizing, and the
digests and keys the store compares.

Its own module so that a parser process imports only what parsing needs, not the refresh's
HTTP stack and store (about half the import time of each process a refresh starts)."""

from __future__ import annotations

from datetime import datetime

from reader.core.identity import EntryIdentity, identify
from reader.core.parse import parse_feed
from reader.core.types import ParsedFeed


def parse_and_identify(
    content: bytes, url: str, content_type: str | None, now: datetime
) -> tuple[ParsedFeed, tuple[EntryIdentity, ...]]:
    """Parse one fetched feed and identify each of its entries."""
    parsed = parse_feed(content, url, content_type=content_type, now=now)
    return parsed, tuple(identify(entry) for entry in parsed.entries)
