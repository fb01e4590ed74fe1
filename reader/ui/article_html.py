"""An article's sanitized HTML made fit for Qt's rich text (quotes as one-cell tables, figures
as blocks it knows), and the remote images it names."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from PySide6.QtCore import QUrl

__all__ = [
    "IMAGE_SIZE",
    "IMAGE_SOURCE",
    "IMAGE_TAG",
    "REMOTE_SCHEMES",
    "for_rich_text",
    "remote_images",
]

#: Image addresses that are remote: shown as placeholders until images are allowed.
REMOTE_SCHEMES = frozenset({"http", "https"})

# nh3 serializes <blockquote> without attributes; Qt's rich text cannot draw a left border
# on a block, only on a table cell, so quotes become one-cell tables.
_QUOTE_OPEN = re.compile(r"<blockquote\b[^>]*>", re.IGNORECASE)
_QUOTE_CLOSE = re.compile(r"</blockquote\s*>", re.IGNORECASE)
_QUOTE_TABLE_OPEN = (
    '<table class="quote" width="100%" cellspacing="0" cellpadding="0"><tr><td class="quote">'
)
_QUOTE_TABLE_CLOSE = "</td></tr></table>"
# Qt's rich text knows neither <figure> nor <figcaption>: a caption would run on beside its
# image. Both become blocks it knows.
_FIGURE = re.compile(r"<(/?)fig(ure|caption)\b[^>]*>", re.IGNORECASE)
IMAGE_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
IMAGE_SIZE = re.compile(r"""\s(width|height)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
IMAGE_SOURCE = re.compile(r"""\ssrc\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


class _ImageSources(HTMLParser):
    """Collects the ``src`` of every ``<img>`` in a fragment, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            src = dict(attrs).get("src")
            if src and src not in self.sources:
                self.sources.append(src)


def remote_images(fragment: str) -> list[str]:
    """The distinct http(s) image addresses of an HTML fragment, in document order."""
    if "<img" not in fragment.lower():
        return []
    parser = _ImageSources()
    parser.feed(fragment)
    parser.close()
    return [src for src in parser.sources if QUrl(src).scheme().lower() in REMOTE_SCHEMES]


def for_rich_text(body: str) -> str:
    """The body with its figures and quotes rewritten as blocks Qt's rich text can draw."""
    body = _FIGURE.sub(_figure_block, body)
    body = _QUOTE_OPEN.sub(_QUOTE_TABLE_OPEN, body)
    return _QUOTE_CLOSE.sub(_QUOTE_TABLE_CLOSE, body)


def _figure_block(match: re.Match[str]) -> str:
    """A <figure> as a <div>, its <figcaption> as a paragraph of class "caption"."""
    closing, kind = match.group(1), match.group(2).lower()
    if kind == "figure":
        return f"<{closing}div>" if closing else '<div class="figure">'
    return "</p>" if closing else '<p class="caption">'
