"""Untrusted HTML → safe HTML; HTML → canonical plain text."""

from __future__ import annotations

import html as _html
import re
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import nh3

from reader.core.clutter import strip_clutter
from reader.core.mend import mend_html

__all__ = [
    "MAX_ENTRY_HTML",
    "MAX_ENTRY_TEXT",
    "Sanitized",
    "html_to_text",
    "sanitize_entry",
    "sanitize_html",
    "sanitize_with_text",
    "text_from_plain",
]

# -- what one article may cost -------------------------------------------------------------

#: The most HTML of one article that is sanitized, in characters: the rest is cut before any
#: parsing, as a 10 MB entry cost over a gigabyte of memory to sanitize whole.
MAX_ENTRY_HTML = 2_000_000
#: The most canonical text one article keeps, in characters.
MAX_ENTRY_TEXT = 1_000_000
#: The limits in the user's words, for the notice ending a cut article and for warnings.
HTML_LIMIT = "2 MB of HTML"
TEXT_LIMIT = "1 MB of text"


def cut_notice(limit: str) -> str:
    """The last line of an article cut at ``limit``, in its text as in its HTML."""
    return f"[…] (article cut at {limit})"


@dataclass(frozen=True, slots=True)
class Sanitized:
    """An article's safe HTML and canonical text; ``cut`` names the limit that shortened
    it (see :data:`MAX_ENTRY_HTML`, :data:`MAX_ENTRY_TEXT`), None when it is whole."""

    html: str
    text: str
    cut: str | None = None


# -- sanitizing ----------------------------------------------------------------------------

#: Tags kept (their attributes are further limited by ``_ATTRIBUTES``).
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        # text structure
        "p", "br", "hr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6",
        "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "mark",
        "code", "pre", "kbd", "abbr", "cite", "q", "time",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure", "figcaption",
        # links and images
        "a", "img",
        # tables
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    }
)  # fmt: skip

#: Tags removed together with everything inside them. Script and style are code, not text;
#: the others hold raw text or markup that would otherwise leak out as visible text
#: (an iframe's fallback is parsed as raw text, a textarea's value, an SVG's stylesheet).
#: A noscript's images are not lost with it: :mod:`reader.core.mend` gives a lazy image
#: the address its noscript holds before this removal.
REMOVED_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "iframe", "noscript", "template", "title", "textarea", "select", "svg"}
    | {"math", "noembed", "noframes"}
)

_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
}

#: Only these URL schemes survive in href/src; relative URLs are resolved first.
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

_LINK_REL = "noopener noreferrer"

# The base URL of the fragment being cleaned, read by nh3's relative-URL callback. A
# context variable keeps concurrent cleans (threads) apart and lets one prebuilt Cleaner
# serve every base: building the nh3 configuration per call costs more than the clean.
_current_base: ContextVar[str | None] = ContextVar("_current_base", default=None)


def _resolve_relative(url: str) -> str | None:
    """nh3 callback: resolve a relative URL against the current base (keep it without one)."""
    base = _current_base.get()
    if base is None:
        return url
    try:
        return urljoin(base, url)
    except ValueError:  # e.g. a malformed IPv6 host in "//[x"
        return None


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    attributes=_ATTRIBUTES,
    url_schemes=set(URL_SCHEMES),
    link_rel=_LINK_REL,
    strip_comments=True,
    url_relative=_resolve_relative,
)


def _usable_base(base_url: str | None) -> str | None:
    """``base_url`` when relative URLs may be resolved against it (absolute http/https)."""
    if not base_url:
        return None
    if base_url.startswith(("https://", "http://")) and base_url.isprintable():
        # The common case, without parsing: an absolute web URL with a host.
        return base_url if base_url.find("/", 8) != 8 and len(base_url) > 8 else None
    try:
        parts = urlsplit(base_url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return parts.geturl()


def sanitize_html(html: str | None, base_url: str | None = None) -> str:
    """Make untrusted HTML safe to show: an allow-list of tags, attributes and URL schemes.

    Scripts, styles, frames, forms, event handlers, ``style`` attributes and
    ``javascript:``/``data:`` URLs are removed, and so is page and feed clutter (share
    buttons, related posts, comment forms…: see :mod:`reader.core.clutter`); relative
    ``href``/``src`` are resolved against ``base_url`` (when it is an absolute http(s)
    URL, else they are kept relative); every link gets ``rel="noopener noreferrer"``.
    The result is stripped of surrounding whitespace, and sanitizing it again gives the
    same string. Empty input gives ``""``.
    """
    if not html or html.isspace():
        return ""
    return _bounded_clean(html, _usable_base(base_url))[0]


def _bounded_clean(html: str, base_url: str | None) -> tuple[str, bool]:
    """``(_clean(html).strip(), cut)``, at most :data:`MAX_ENTRY_HTML` characters of HTML
    read and (about) as many returned; ``cut`` when some of it was left out."""
    cut = len(html) > MAX_ENTRY_HTML
    if cut:
        html = _cut_raw(html, MAX_ENTRY_HTML)
    safe = _clean(html, base_url).strip()
    if len(safe) > MAX_ENTRY_HTML:  # cleaning adds rel="…" to links, closes tags…
        safe = _clean(_cut_clean(safe, MAX_ENTRY_HTML, text_chars=False), None).strip()
        cut = True
    return safe, cut


def _cut_raw(html: str, size: int) -> str:
    """The first ``size`` characters of untrusted HTML, less a tag cut in half (the parser
    closes what is left open)."""
    head = html[:size]
    last_open = head.rfind("<")
    if last_open > head.rfind(">"):
        head = head[:last_open]
    return head


def _cut_clean(clean: str, size: int, *, text_chars: bool) -> str:
    """The start of nh3-serialized HTML up to ``size`` characters of HTML, or (``text_chars``)
    of canonical text, counted generously (a block's break as three characters), cut between
    tokens or at a space inside a text."""
    used = 0
    for match in _TOKEN.finditer(clean):
        data = match.group(4)
        if text_chars:
            tag = match.group(2)
            if data is not None:
                weight = len(data)
            elif tag is None:
                weight = 1  # a stray "<"
            else:
                weight = 3 if tag.lower() in _STRUCTURAL_TAGS else 0
        else:
            weight = match.end() - match.start()
        if used + weight <= size:
            used += weight
            continue
        if data is None:
            return clean[: match.start()]
        room = data[: size - used]
        space = max(room.rfind(" "), room.rfind("\n"))
        # Never inside an entity (&amp;): cut before one that is left open.
        amp = room.rfind("&", 0, space if space >= 0 else None)
        end = space if space >= 0 else 0
        if amp >= 0 and ";" not in room[amp:end]:
            end = amp
        return clean[: match.start() + end]
    return clean


def sanitize_entry(html: str | None, base_url: str | None = None) -> Sanitized:
    """An article's safe HTML and canonical text, as :func:`sanitize_with_text`, within the
    limits of one article: HTML past :data:`MAX_ENTRY_HTML` characters is cut before it is
    parsed, text past :data:`MAX_ENTRY_TEXT` is cut at the end of a word, and a cut article
    ends with a paragraph saying so (:func:`cut_notice`), its text too. The HTML returned
    gives the text returned (:func:`html_to_text`), and sanitizing it again changes nothing
    but that paragraph's place."""
    if not html or html.isspace():
        return Sanitized("", "")
    safe, cut = _bounded_clean(html, _usable_base(base_url))
    limit = HTML_LIMIT if cut else None
    text = _text_of_clean(safe)
    if len(text) > MAX_ENTRY_TEXT:
        safe = _clean(_cut_clean(safe, MAX_ENTRY_TEXT, text_chars=True), None).strip()
        limit = TEXT_LIMIT
    if limit is None:
        return Sanitized(safe, text)
    safe = f"{safe}\n<p>{_html.escape(cut_notice(limit), quote=False)}</p>"
    return Sanitized(safe, _text_of_clean(safe), limit)


_BLOCKS = (
    "address|article|aside|blockquote|dd|details|div|dl|dt|figure|footer|h[1-6]|header|hr|"
    "li|ol|p|pre|section|table|ul"
)
#: A block element opened inside an open paragraph, which an HTML parser would close first.
#: Possessive: a run of text is taken whole, never given back one character at a time (the
#: only thing that may follow is "<", so backtracking could never find another match).
_BLOCK_IN_PARAGRAPH = re.compile(
    rf"<p\b[^>]*+>(?:[^<]++|<(?!/p>|(?:{_BLOCKS})\b))*+<(?:{_BLOCKS})\b"
)


def _clean(html: str, base_url: str | None) -> str:
    """nh3's clean, then the clutter removed: what every stored HTML and text comes from.

    ``base_url`` must already be usable (see :func:`_usable_base`), or None.
    """
    # Before parsing: an HTML parser would let <iframe …/> swallow the rest of the article,
    # and lose the lazy images whose address only a script (or a noscript) knows.
    html = mend_html(html)
    token = _current_base.set(base_url)
    try:
        cleaned: str = _CLEANER.clean(html)
        if _BLOCK_IN_PARAGRAPH.search(cleaned):
            # Markup like <p><button>…<dt> leaves a block inside a paragraph once the button
            # is gone; parsed again that nesting changes, so settle it now: sanitizing
            # twice must give the same HTML and text as sanitizing once.
            cleaned = _CLEANER.clean(cleaned)
    finally:
        _current_base.reset(token)
    # Page and feed clutter (share buttons, related posts, comment forms, "The post …
    # appeared first on …") is not the article: neither shown, nor searched, nor anchored to.
    return strip_clutter(cleaned)


# -- canonical plain text ------------------------------------------------------------------

#: Blocks separated from their neighbours by one blank line.
_PARAGRAPH_TAGS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure",
        "table", "dl", "hr",
    }
)  # fmt: skip
#: Blocks that only start a new line.
_LINE_TAGS = frozenset({"li", "tr", "dt", "dd", "figcaption", "caption"})
_CELL_TAGS = frozenset({"td", "th"})
_LIST_TAGS = frozenset({"ul", "ol"})
_STRUCTURAL_TAGS = _PARAGRAPH_TAGS | _LINE_TAGS | _CELL_TAGS | _LIST_TAGS | {"br"}

#: Prefix of an unordered list item in the canonical text (ordered items get "1. ").
BULLET = "• "
#: Between the cells of a table row in the canonical text.
CELL_SEPARATOR = " | "

# A token of nh3's (html5ever's) serialization, which is regular: no comments, no raw-text
# elements, "<" always escaped in text, attribute values always double-quoted with '"'
# escaped. Group 1: "/" of an end tag; 2: tag name; 4: text. The last branch only ever
# matches a stray "<", which that serializer never emits.
_TOKEN = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"]|"[^"]*")*)>|([^<]+)|<')


class _TextBuilder:
    """Builds the canonical text from a stream of tags and text; see :func:`html_to_text`."""

    def __init__(self) -> None:
        self.pieces: list[str] = []  # text lines and the separators between them
        self._line: list[str] = []  # inline text of the line being built
        self._pending = 0  # newlines owed before the next text: 0, 1 or 2
        self._prefix = ""  # list marker waiting for the item's first text
        self._lists: list[list[int]] = []  # per open list: [is_ordered, items so far]
        self._pre = 0  # depth inside <pre>
        self._cell = 0  # depth inside table cells (blocks there are just spaces)
        self._cell_text = False  # the current row has text, so the next cell needs a bar

    def _flush(self) -> None:
        text = " ".join("".join(self._line).split()) if self._line else ""
        self._line.clear()
        self._cell_text = False
        if not text:
            return
        if self._prefix:
            text = self._prefix + text
            self._prefix = ""
        if self.pieces:
            self.pieces.append("\n\n" if self._pending >= 2 else "\n")
        self.pieces.append(text)
        self._pending = 0

    def _block(self, strength: int) -> None:
        if self._cell:
            self._line.append(" ")
            return
        self._flush()
        if strength > self._pending:
            self._pending = strength

    def line_break(self) -> None:
        """A <br>: a new line; two in a row (nothing between) make a blank line."""
        if self._cell:
            self._line.append(" ")
            return
        before = len(self.pieces)
        self._flush()
        if len(self.pieces) != before:
            self._pending = 1
        elif self.pieces:
            self._pending = 2 if self._pending >= 1 else 1

    def start(self, tag: str) -> None:
        """An opening tag."""
        if tag == "br":
            self.line_break()
        elif tag in _CELL_TAGS:
            if self._cell_text:
                self._line.append(CELL_SEPARATOR)
                self._cell_text = False
            self._cell += 1
        elif tag in _LIST_TAGS:
            self._block(1 if self._lists else 2)
            self._lists.append([tag == "ol", 0])
        elif tag == "li":
            self._block(1)
            if self._cell:
                return
            if self._lists and self._lists[-1][0]:
                self._lists[-1][1] += 1
                self._prefix = f"{self._lists[-1][1]}. "
            else:
                self._prefix = BULLET
        elif tag == "tr":
            self._cell = 0
            self._block(1)
        elif tag in _PARAGRAPH_TAGS:
            if tag == "table":
                self._cell = 0
            elif tag == "pre":
                self._pre += 1
            self._block(2)
        elif tag in _LINE_TAGS:
            self._block(1)

    def end(self, tag: str) -> None:
        """A closing tag."""
        if tag in _CELL_TAGS:
            if self._cell:
                self._cell -= 1
        elif tag in _LIST_TAGS:
            if self._lists:
                self._lists.pop()
            self._block(1 if self._lists else 2)
        elif tag == "tr":
            self._cell = 0
            self._block(1)
        elif tag in _PARAGRAPH_TAGS:
            if tag == "table":
                self._cell = 0
            elif tag == "pre" and self._pre:
                self._pre -= 1
            self._block(2)
        elif tag in _LINE_TAGS:
            self._block(1)

    def text(self, data: str) -> None:
        """Text between tags, entities already decoded."""
        if self._pre and "\n" in data:
            first, *rest = data.split("\n")
            self._line.append(first)
            for piece in rest:
                self.line_break()
                self._line.append(piece)
        else:
            self._line.append(data)
        if self._cell and not self._cell_text and not data.isspace():
            self._cell_text = True

    def result(self) -> str:
        """The text built so far."""
        self._flush()
        return "".join(self.pieces)


def html_to_text(html: str | None) -> str:
    """The canonical plain text of HTML: what search indexes and highlights anchor to.

    The HTML is first put through the same sanitizer as :func:`sanitize_html` (an
    HTML5 parser in Rust), so the text of raw HTML equals the text of its sanitized
    form, and what is dropped there (scripts, styles, comments…) gives no text. The form
    is deterministic:

    * paragraph-like blocks (p, div, h1–h6, blockquote, pre, figure, table, dl, hr, and
      ul/ol at top level) are separated by exactly one blank line (``"\\n\\n"``);
    * line-like blocks (li, tr, dt, dd, figcaption, caption) and ``<br>`` start a new
      line; two ``<br>`` in a row make a blank line (never more than one);
    * list items are one per line, prefixed with ``"• "`` (unordered) or ``"1. "``,
      ``"2. "``… (ordered, counted from 1); nested lists are not indented;
    * the cells of a table row are joined with ``" | "`` (empty cells are skipped);
      blocks inside a cell become spaces, so that a row stays on one line;
    * inside a line, every run of whitespace (no-break and other Unicode spaces
      included) becomes one space; lines are stripped; the text has no leading or
      trailing whitespace; ``<pre>`` keeps its line breaks but not its indentation;
    * entities are decoded; images give no text (not even their alt).

    Never raises: any string (or None) gives a string.
    """
    if not html:
        return ""
    # Even text without markup goes through nh3, so that the HTML5 parser's rules (NUL
    # characters dropped, for one) apply to it exactly as to sanitized HTML.
    return _text_of_clean(_clean_for_text(html))


def sanitize_with_text(html: str | None, base_url: str | None = None) -> tuple[str, str]:
    """``(sanitize_html(html, base_url), html_to_text(html))``, parsing the HTML only once,
    within the limits of one article (see :func:`sanitize_entry`)."""
    article = sanitize_entry(html, base_url)
    return article.html, article.text


def _text_of_clean(clean: str) -> str:
    """The canonical text of HTML already serialized by nh3 (see :data:`_TOKEN`)."""
    if not clean:
        return ""
    builder = _TextBuilder()
    start, end, text = builder.start, builder.end, builder.text
    unescape = _html.unescape
    structural = _STRUCTURAL_TAGS
    for match in _TOKEN.finditer(clean):
        data = match.group(4)
        if data is not None:
            text(unescape(data) if "&" in data else data)
            continue
        tag = match.group(2)
        if tag is None:
            text("<")
            continue
        tag = tag.lower()
        if tag not in structural:  # inline tags (a, b, em, span…) only join text
            continue
        if match.group(1):
            end(tag)
        else:
            start(tag)
    return builder.result()


def _clean_for_text(html: str) -> str:
    """Sanitize without resolving URLs (they give no text)."""
    return _clean(html, None)


def text_from_plain(s: str | None) -> str:
    """Normalize plain text (a title, a plain summary) to one line.

    Entities left in the text (double-escaped feeds) are decoded, and every run of
    whitespace, newlines included, becomes one space; the result is stripped.
    Markup is *not* interpreted: use ``html_to_text`` first for HTML titles.
    """
    if not s:
        return ""
    if "&" in s:
        s = _html.unescape(s)
    return " ".join(s.split())
