"""What every export format of a brief shares: the passages with their colour's meaning and
swatch, the byline and citation of an item, the numbering of sources, and linkable URLs."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from reader.core import swatch
from reader.core.types import Brief, BriefItem, BriefSection, Highlight, HighlightColor
from reader.export.labels import Labels, labels_for

#: URL schemes an export turns into links; anything else is printed as text.
LINKABLE_SCHEMES = ("http", "https", "mailto")

#: A URL's scheme, as its first characters spell it.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
#: What browsers drop around a URL (C0 controls and spaces) and inside it (tabs and new
#: lines) before reading it (WHATWG URL): dropping them keeps the address the reader's
#: browser would have opened anyway.
_EDGES = "".join(chr(code) for code in range(0x21))
_STRIPPED = re.compile(r"[\t\n\r]")
#: The characters a link may keep as they are: RFC 3986's unreserved and reserved ones,
#: but for the parentheses, which end a string in PDF (Qt writes ``/URI (…)`` as given).
_KEPT = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'*+,;="
)
_HEX = frozenset("0123456789ABCDEFabcdef")


def _percent_encoded(url: str) -> str:
    """``url`` with every character outside ``_KEPT`` as UTF-8 percent escapes; an escape
    already there (``%C3%A9``) is kept, a lone ``%`` becomes ``%25``."""
    out: list[str] = []
    for index, char in enumerate(url):
        escape = char == "%" and {url[index + 1 : index + 2], url[index + 2 : index + 3]} <= _HEX
        if char in _KEPT or escape:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
    return "".join(out)


def linkable(url: str | None) -> str | None:
    """``url`` as an export may link to it, or None when it may not (a scheme other than
    http, https or mailto). Every link of every format goes through here: the result is
    printable ASCII without parentheses, backslash, double quotes, angle brackets or spaces
    (percent-encoded as UTF-8), so it cannot break out of a PDF string, an HTML attribute
    or a Markdown destination, and it is still the same address."""
    if not url:
        return None
    url = _STRIPPED.sub("", url.strip(_EDGES))
    scheme = _SCHEME.match(url)
    if scheme is None or scheme.group(1).lower() not in LINKABLE_SCHEMES:
        return None
    return _percent_encoded(url)


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


def _safe_links(state: StateCore) -> None:
    """markdown-it core rule: each link of the introduction made safe by linkable(), or
    dropped (its text stays) when it is not one we link to; each image replaced by its
    description, so that no format loads a picture (a remote one, or a file of the
    analyst's disk through a relative address)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept: list[Token] = []
        dropping = False  # inside a link we do not keep (CommonMark links do not nest)
        for token in block.children:
            if token.type == "link_open":
                href = token.attrGet("href")
                safe = linkable(href if isinstance(href, str) else None)
                dropping = safe is None
                if safe is not None:
                    token.attrSet("href", safe)
                    kept.append(token)
            elif token.type == "link_close":
                if not dropping:
                    kept.append(token)
                dropping = False
            elif token.type == "image":
                kept.append(Token("text", "", 0, content=token.content))
            else:
                kept.append(token)
        block.children = kept


#: CommonMark with raw HTML off: an introduction's tags are printed as text, and unsafe
#: link schemes (javascript:…) are refused by the parser; the links it keeps are made safe
#: in one place, for every format (_safe_links).
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})
_MARKDOWN.core.ruler.push("press_reader_safe_links", _safe_links)


def introduction_html(markdown: str) -> str:
    """A brief's introduction (Markdown) as safe HTML: paragraphs, emphasis, lists, links,
    headings and quotes; no raw HTML."""
    return _MARKDOWN.render(markdown.strip()) if markdown.strip() else ""


def introduction_tokens(markdown: str) -> list[Token]:
    """A brief's introduction parsed to markdown-it tokens (for formats that are not HTML)."""
    return _MARKDOWN.parse(markdown.strip()) if markdown.strip() else []
