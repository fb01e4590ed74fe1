"""One-line builders for feeds and entries, so tests read like specifications."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reader.core.types import ParsedEntry, ParsedFeed

T0 = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
#: The time of a library a test opens without a clock of its own (and of commands run in a
#: subprocess): a day after T0, after every date in the bundled demo feeds.
STOPPED = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


class Clock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def entry(key: str, title: str | None = None, text: str = "", **fields: object) -> ParsedEntry:
    """An entry whose HTML is its text in a paragraph, unless given."""
    html = fields.pop("content_html", f"<p>{text}</p>" if text else "")
    values: dict[str, object] = {
        "key": key,
        "title": title or f"Article {key}",
        "link": f"https://news.example/{key}",
        "content_html": html,
        "text": text,
        "published": T0 - timedelta(hours=1),
    }
    values.update(fields)
    return ParsedEntry(**values)  # type: ignore[arg-type]


def feed(*entries: ParsedEntry, title: str = "Example news", **fields: object) -> ParsedFeed:
    values: dict[str, object] = {
        "title": title,
        "site_url": "https://news.example/",
        "entries": entries,
    }
    values.update(fields)
    return ParsedFeed(**values)  # type: ignore[arg-type]
