"""What every export format of a brief shares: the passages with their colour's meaning and
swatch, the byline and citation of an item, the numbering of sources, and linkable URLs."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.briefs import Brief, BriefItem, BriefSection
from reader.core.highlight_store import HighlightColor, swatch
from reader.core.types import Highlight
from reader.export.labels import Labels, labels_for

#: URL schemes an export turns into links; anything else is printed as text.
LINKABLE_SCHEMES = ("http", "https", "mailto")


def linkable(url: str | None) -> str | None:
    """``url`` when an export may link to it (http, https or mailto, on one line)."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in LINKABLE_SCHEMES or any(c in url for c in "\r\n\t "):
        return None
    return url


#: White space but the no-break spaces French typography puts before « : » and inside « ».
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")


def one_line(text: str) -> str:
    """Text with its runs of white space (new lines included) as single spaces; no-break
    spaces are kept."""
    return _SPACES.sub(" ", text).strip()


def heading_slug(text: str) -> str:
    """A heading's anchor as GitHub, GitLab and markdown-it-anchor make it: lower case,
    punctuation dropped (letters, digits, combining marks, "-" and "_" kept), each space a
    hyphen. Repeats are numbered by the caller."""
    kept = "".join(
        c
        for c in text.lower()
        if c.isalnum() or c in "-_ " or unicodedata.category(c).startswith("M")
    )
    return kept.replace(" ", "-")


def meaning(color: str, colors: Sequence[HighlightColor]) -> str:
    """What a highlight colour means, capitalised (``Key fact``); the colour's own name when
    the palette gives no meaning."""
    for known in colors:
        if known.name == color:
            word = known.meaning.strip() or color
            break
    else:
        word = color
    return word[:1].upper() + word[1:]


def quoted(exact: str) -> str:
    """A passage between French quotation marks (as the press quotes), on one line; a passage
    that is itself one quotation keeps its own marks."""
    text = one_line(exact)
    if text.startswith("«") and text.endswith("»"):
        return text
    return f"«\u00a0{text}\u00a0»"


def note_lines(note: str) -> list[str]:
    """The non-blank lines of a note."""
    return [line.strip() for line in note.splitlines() if line.strip()]


@dataclass(frozen=True, slots=True)
class Passage:
    """A highlight as an export prints it."""

    highlight: Highlight
    label: str  # the colour's meaning
    swatch: str  # #rrggbb
    quote: str  # between quotation marks
    orphaned: bool
    note: tuple[str, ...]
    tags: tuple[str, ...]


def passages(item: BriefItem, colors: Sequence[HighlightColor]) -> list[Passage]:
    """An item's highlights, in its order, ready to print."""
    return [
        Passage(
            highlight=h,
            label=meaning(h.color, colors),
            swatch=swatch(h.color),
            quote=quoted(h.exact),
            orphaned=h.orphaned,
            note=tuple(note_lines(h.note)),
            tags=h.tags,
        )
        for h in item.highlights
    ]


def byline(item: BriefItem, labels: Labels) -> list[str]:
    """Source, author and date of an item, the ones it has."""
    parts = [one_line(item.source)] if item.source.strip() else []
    if item.author and item.author.strip():
        parts.append(one_line(item.author))
    if item.published is not None:
        parts.append(labels.date(item.published))
    return parts


def printed_sections(brief: Brief) -> list[BriefSection]:
    """The sections an export prints: the ones with items."""
    return [section for section in brief.sections if section.items]


def numbered(brief: Brief) -> Iterator[tuple[BriefSection, int, BriefItem]]:
    """Each printed item with its source number (1, 2… through the whole brief)."""
    number = 0
    for section in printed_sections(brief):
        for item in section.items:
            number += 1
            yield section, number, item


def brief_labels(brief: Brief) -> Labels:
    return labels_for(brief.language)


_TAGS = re.compile(r"<[^>]*>")


def excerpt_text(item: BriefItem) -> str:
    """An item's excerpt as plain text, on one line."""
    return one_line(html.unescape(_TAGS.sub(" ", item.excerpt)))


#: CommonMark with raw HTML off: an introduction's tags are printed as text, and unsafe
#: link schemes (javascript:…) are refused by the parser.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})


def introduction_html(markdown: str) -> str:
    """A brief's introduction (Markdown) as safe HTML: paragraphs, emphasis, lists, links,
    headings and quotes; no raw HTML."""
    return _MARKDOWN.render(markdown.strip()) if markdown.strip() else ""


def introduction_tokens(markdown: str) -> list[Token]:
    """A brief's introduction parsed to markdown-it tokens (for formats that are not HTML)."""
    return _MARKDOWN.parse(markdown.strip()) if markdown.strip() else []
