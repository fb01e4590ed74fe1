"""A brief as one self-contained, printable web page.

The page carries its own style sheet and loads nothing: no script, no web font, no image,
no remote style sheet (a Content Security Policy says so to the browser too), so it can be
mailed, archived and opened offline years later. It reads on screen (light or dark) and
prints on A4 or Letter with the passages painted in their highlight colours.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import nh3

from reader.core.errors import InvalidBriefError
from reader.core.types import Brief, BriefItem, HighlightColor
from reader.export.common import (
    Passage,
    brief_labels,
    byline,
    heading_slug,
    introduction_html,
    linkable,
    numbered,
    one_line,
    passages,
    printed_sections,
)
from reader.export.labels import Labels

#: The page size and margins of each paper, as CSS ``@page`` says them.
_PAGES: dict[str, tuple[str, str]] = {
    "a4": ("A4", "18mm 16mm 20mm"),
    "letter": ("letter", "0.7in 0.75in 0.8in"),
}

# -- cleaning excerpts ---------------------------------------------------------------------

#: What an excerpt or the introduction may keep: text structure, emphasis and links. No
#: image, no media, no table, no style: anything that loads or lays out is dropped (its text
#: stays).
_FRAGMENT_TAGS = {
    "p", "br", "hr", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "mark",
    "code", "pre", "q", "cite", "abbr", "ul", "ol", "li", "blockquote", "a",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
#: Removed with everything inside them: code, raw text and embedded documents.
_FRAGMENT_DROPPED = {
    "script", "style", "iframe", "noscript", "template", "title", "textarea", "select",
    "svg", "math", "object", "embed", "video", "audio", "picture",
}  # fmt: skip


def _safe_href(element: str, attribute: str, value: str) -> str | None:
    """nh3 callback: keep a link only when an export may link to it (see linkable())."""
    if element == "a" and attribute == "href":
        return linkable(value)
    return value


_CLEANER = nh3.Cleaner(
    tags=_FRAGMENT_TAGS,
    clean_content_tags=_FRAGMENT_DROPPED,
    attributes={"a": {"href", "title"}, "abbr": {"title"}},
    attribute_filter=_safe_href,
    url_schemes={"http", "https", "mailto"},
    url_relative="deny",
    link_rel="noopener noreferrer",
    strip_comments=True,
)

#: A heading tag of nh3's output (which never gives headings attributes here).
_HEADING = re.compile(r"<(/?)h[1-6]>")


def _demote(match: re.Match[str]) -> str:
    """A heading's tag as a bold paragraph's (see clean_fragment())."""
    return "</strong></p>" if match.group(1) else '<p class="subhead"><strong>'


def clean_fragment(fragment: str) -> str:
    """HTML from an article or the introduction, cleaned again for the page: paragraphs,
    emphasis, lists and safe links only. Headings become bold paragraphs, so they do not
    break the brief's outline (h1 title, h2 sections, h3 articles)."""
    if not fragment.strip():
        return ""
    return _HEADING.sub(_demote, _CLEANER.clean(fragment)).strip()


# -- anchors -------------------------------------------------------------------------------


class _Anchors:
    """Unique, stable ids for a page's headings: the text in lower case, punctuation
    dropped, spaces as hyphens (as Markdown renderers make them, so ``#mali`` works in both
    exports), ``-1``, ``-2``… for repeats; never one of the ids taken beforehand, never
    empty."""

    def __init__(self, taken: Sequence[str] = ()) -> None:
        self._used: set[str] = set(taken)
        self._seen: dict[str, int] = {}

    def make(self, text: str, fallback: str) -> str:
        """The id for a heading reading ``text`` (``fallback`` when no letter is left)."""
        slug = heading_slug(one_line(text))
        # A heading of punctuation alone ("« — »") would give "--".
        base = slug if any(c.isalnum() for c in slug) else fallback
        count = self._seen.get(base, 0)
        anchor = base if count == 0 else f"{base}-{count}"
        while anchor in self._used:
            count += 1
            anchor = f"{base}-{count}"
        self._seen[base] = count + 1
        self._used.add(anchor)
        return anchor


# -- pieces --------------------------------------------------------------------------------


def _text(text: str) -> str:
    """User text as HTML text, on one line."""
    return html.escape(one_line(text))


def _link(text: str, url: str | None) -> str:
    """``text`` linked to ``url``, or plain when the URL is not one we link to."""
    href = linkable(url)
    if href is None:
        return _text(text)
    return f'<a href="{html.escape(href)}">{_text(text)}</a>'


def _time(value: datetime, labels: Labels) -> str:
    return f'<time datetime="{value.isoformat()}">{html.escape(labels.date(value))}</time>'


def _byline(item: BriefItem, labels: Labels) -> list[str]:
    """Source, author and date of an item as HTML, the date in a ``<time>``."""
    parts = [html.escape(part) for part in byline(item, labels)]
    if item.published is not None:
        parts[-1] = _time(item.published, labels)  # byline() puts the date last
    return parts


def _labelled(word: str, values: Sequence[str], labels: Labels, joiner: str = ", ") -> str:
    """A line such as ``Tags: a, b`` (values already HTML)."""
    return f"<em>{html.escape(labels.label(word))}</em> {joiner.join(values)}"


def _bar(swatch: str) -> str:
    """A darker shade of a ``#rrggbb`` swatch, for the bar beside a passage."""
    channels = (int(swatch[i : i + 2], 16) * 3 // 5 for i in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in channels)


_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def _passage(passage: Passage, labels: Labels) -> str:
    """A passage as a quote painted in its colour, labelled with the colour's meaning."""
    colour = passage.swatch if _HEX.fullmatch(passage.swatch) else "#ffe066"
    classes = "passage orphaned" if passage.orphaned else "passage"
    style = f"background-color:{colour};border-left-color:{_bar(colour)}"
    first = f'<strong class="label">{_text(passage.label)}</strong> — {_text(passage.quote)}'
    if passage.orphaned:
        first += f' <em class="changed">{_text(labels.article_changed)}</em>'
    lines = [f'<blockquote class="{classes}" style="{style}">', f"<p>{first}</p>"]
    if passage.note:
        note = [_text(line) for line in passage.note]
        lines.append(f'<p class="note">{_labelled(labels.note, note, labels, "<br>")}</p>')
    if passage.tags:
        tags = [_text(tag) for tag in passage.tags]
        lines.append(f'<p class="tags">{_labelled(labels.tags, tags, labels)}</p>')
    lines.append("</blockquote>")
    return "\n".join(lines)


def _item(
    item: BriefItem,
    number: int,
    anchor: str,
    colors: Sequence[HighlightColor],
    labels: Labels,
) -> str:
    """An article: linked headline, byline with its citation, summary, passages (or the
    excerpt when it has none) and tags."""
    out = [f'<article id="{anchor}">', f"<h3>{_link(item.title, item.link)}</h3>"]
    citation = f'<a class="cite" href="#source-{number}">[{number}]</a>'
    line = " · ".join(_byline(item, labels))
    out.append(
        f'<p class="byline">{line} {citation}</p>' if line else f'<p class="byline">{citation}</p>'
    )
    if item.summary.strip():
        out.append(f'<p class="summary">{_text(item.summary)}</p>')
    found = passages(item, colors)
    out += [_passage(passage, labels) for passage in found]
    excerpt = "" if found else clean_fragment(item.excerpt)
    if excerpt:
        out.append(f'<blockquote class="excerpt">\n{excerpt}\n</blockquote>')
    if item.tags:
        tags = [_text(tag) for tag in item.tags]
        out.append(f'<p class="tags">{_labelled(labels.tags, tags, labels)}</p>')
    out.append("</article>")
    return "\n".join(out)


def _source(item: BriefItem, number: int, anchor: str, labels: Labels) -> str:
    """A numbered source: who published it and when, its linked title, and a way back."""
    parts = [*_byline(item, labels), _link(item.title, item.link)]
    back = f'<a class="back" href="#{anchor}">↩</a>'
    return f'<li id="source-{number}">{", ".join(parts)} {back}</li>'


def _header(brief: Brief, anchor: str, labels: Labels) -> str:
    """The title, the author and period, and the introduction."""
    out = ["<header>", f'<h1 id="{anchor}">{_text(brief.title)}</h1>']
    block: list[str] = []
    if brief.author.strip():
        block.append(
            f"<strong>{html.escape(labels.label(labels.author))}</strong> {_text(brief.author)}"
        )
    period = labels.period_text(brief.since, brief.until)
    if period:
        block.append(
            f"<strong>{html.escape(labels.label(labels.period))}</strong> {html.escape(period)}"
        )
    if block:
        out.append(f'<p class="meta">{"<br>".join(block)}</p>')
    introduction = clean_fragment(introduction_html(brief.introduction))
    if introduction:
        out.append(f'<div class="introduction">\n{introduction}\n</div>')
    out.append("</header>")
    return "\n".join(out)


def _head(brief: Brief, paper: str) -> str:
    """The document's head: encoding, title, authorship and the style sheet."""
    meta = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Defence in depth: even a tag that slipped through could load nothing.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="referrer" content="no-referrer">',
        '<meta name="color-scheme" content="light dark">',
        '<meta name="generator" content="Press Reader">',
    ]
    if brief.author.strip():
        meta.append(f'<meta name="author" content="{_text(brief.author)}">')
    return "\n".join(
        ["<head>", *meta, f"<title>{_text(brief.title)}</title>", _style(paper), "</head>"]
    )


# -- style ---------------------------------------------------------------------------------

_SERIF = 'Georgia, Cambria, "DejaVu Serif", "Liberation Serif", "Times New Roman", serif'
_SANS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    '"DejaVu Sans", "Liberation Sans", sans-serif'
)

#: The style sheet; ``@page`` is added per paper. Passages keep dark text on their light
#: swatch in every colour scheme, and print with their colours.
_CSS = """
:root {
  color-scheme: light dark;
  --text: #1f1f1f; --muted: #5c5f66; --rule: #d5d5d8; --link: #1a56a8; --page: #ffffff;
  --quote: #f4f4f5;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --text: #e4e4e7; --muted: #a1a1aa; --rule: #3f3f46; --link: #93c5fd; --page: #18181b;
    --quote: #27272a;
  }
}
html { background: var(--page); color: var(--text);
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { max-width: 46rem; margin: 0 auto; padding: 3rem 1.5rem 4rem;
  font: 1.0625rem/1.65 $serif; overflow-wrap: break-word;
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
h1, h2, h3, nav, .meta, .byline, .tags, .label, .sources, .subhead { font-family: $sans; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .75rem; letter-spacing: -.01em; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.75rem 0 1rem; padding-bottom: .3rem;
  border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.125rem; line-height: 1.35; margin: 2rem 0 .3rem; }
h3 a { color: inherit; text-decoration: none; }
h3 a:hover, h3 a:focus { text-decoration: underline; }
a { color: var(--link); text-underline-offset: .15em; }
:target { scroll-margin-top: 1rem; }
.meta { color: var(--muted); font-size: .95rem; margin: 0 0 1.5rem; }
.meta strong { color: var(--text); font-weight: 600; }
.introduction { margin: 1.5rem 0; }
nav ol { margin: 0; padding-left: 1.5rem; }
nav li { margin: .15rem 0; }
.byline { color: var(--muted); font-size: .875rem; margin: 0 0 .9rem; }
.cite { text-decoration: none; }
.summary { font-style: italic; margin: 0 0 .9rem; }
blockquote { margin: .9rem 0; }
.passage { color: #1a1a1a; padding: .65rem 1rem; border-left: .3rem solid;
  border-radius: 0 .3rem .3rem 0; break-inside: avoid; page-break-inside: avoid;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.passage p { margin: 0; }
.passage p + p { margin-top: .4rem; }
.passage a { color: inherit; }
.passage .note, .passage .tags { font-size: .9rem; color: #333; }
.passage.orphaned { border-left-style: dashed; }
.changed { color: #8a1c1c; font-size: .9em; }
.label { font-weight: 700; font-size: .9em; }
.excerpt { background: var(--quote); padding: .65rem 1rem; border-left: .3rem solid var(--rule);
  border-radius: 0 .3rem .3rem 0; break-inside: avoid; page-break-inside: avoid; }
.excerpt > :first-child { margin-top: 0; }
.excerpt > :last-child { margin-bottom: 0; }
.tags { color: var(--muted); font-size: .875rem; margin: .6rem 0 0; }
.sources { font-size: .9rem; padding-left: 1.75rem; }
.sources li { margin: .35rem 0; }
.sources li:target { background: var(--quote); }
.back { text-decoration: none; }
@media print {
  :root { --text: #000; --muted: #444; --rule: #bbb; --link: #000; --page: #fff;
    --quote: #f2f2f2; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.5; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  article { break-inside: avoid-page; }
  .sources li { break-inside: avoid; page-break-inside: avoid; }
  .sources a[href^="http"]::after { content: " (" attr(href) ")"; color: #444;
    font-size: .85em; overflow-wrap: anywhere; }
  .back { display: none; }
}
"""


def _style(paper: str) -> str:
    """The ``<style>`` element, laid out for ``paper`` when printed."""
    size, margin = _PAGES[paper]
    css = _CSS.replace("$serif", _SERIF).replace("$sans", _SANS).strip()
    return f"<style>\n@page {{ size: {size}; margin: {margin}; }}\n{css}\n</style>"


# -- the page ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Part:
    """A printed section with its id, and its items with their source numbers and ids."""

    heading: str
    anchor: str
    items: list[tuple[int, BriefItem, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Outline:
    """The ids of a page's headings, given once so links and targets agree."""

    title: str
    contents: str
    parts: list[_Part]
    sources: str


def _outline(brief: Brief, labels: Labels) -> _Outline:
    """Ids for the page's headings. Sources own their numbered ids (``source-3``); headings
    get theirs in document order, as the Markdown export makes its anchors, so ``#mali``
    finds the same section in both."""
    count = sum(len(section.items) for section in printed_sections(brief))
    anchors = _Anchors([f"source-{number}" for number in range(1, count + 1)])
    title = anchors.make(brief.title, "brief")
    contents = anchors.make(labels.contents, "contents")
    parts: list[_Part] = []
    current = None
    for section, number, item in numbered(brief):
        if section is not current:
            current = section
            parts.append(_Part(section.heading, anchors.make(section.heading, "section")))
        parts[-1].items.append((number, item, anchors.make(item.title, "article")))
    return _Outline(title, contents, parts, anchors.make(labels.sources, "sources"))


def _contents(outline: _Outline, labels: Labels) -> list[str]:
    """The contents: a link to each section."""
    links = [
        f'<li><a href="#{part.anchor}">{_text(part.heading)}</a></li>' for part in outline.parts
    ]
    return [
        f'<nav aria-labelledby="{outline.contents}">',
        f'<h2 id="{outline.contents}">{html.escape(labels.contents)}</h2>',
        "<ol>",
        *links,
        "</ol>",
        "</nav>",
    ]


def _sections(outline: _Outline, colors: Sequence[HighlightColor], labels: Labels) -> list[str]:
    """The sections with their articles."""
    out = ["<main>"]
    for part in outline.parts:
        out.append(f'<section id="{part.anchor}">')
        out.append(f"<h2>{_text(part.heading)}</h2>")
        out += [_item(item, number, anchor, colors, labels) for number, item, anchor in part.items]
        out.append("</section>")
    out.append("</main>")
    return out


def _sources(outline: _Outline, labels: Labels) -> list[str]:
    """The numbered list of sources the citations point to."""
    entries = [
        _source(item, number, anchor, labels)
        for part in outline.parts
        for number, item, anchor in part.items
    ]
    return [
        f'<section class="sources-section" aria-labelledby="{outline.sources}">',
        f'<h2 id="{outline.sources}">{html.escape(labels.sources)}</h2>',
        '<ol class="sources">',
        *entries,
        "</ol>",
        "</section>",
    ]


def render_html(brief: Brief, colors: Sequence[HighlightColor], *, paper: str = "a4") -> str:
    """The brief as a self-contained HTML page: title block, introduction, contents,
    sections with their articles (linked headline, byline with a numbered citation,
    summary, passages painted in their colour and labelled with its meaning, notes, tags;
    the excerpt of an article without highlights) and the sources at the end. ``colors``
    is the palette giving each colour's meaning; the fixed words follow the brief's
    language; ``paper`` (``a4`` or ``letter``) sets the printed page."""
    if paper not in _PAGES:
        raise InvalidBriefError(f"unknown paper size {paper!r} (choose one of a4, letter)")
    labels = brief_labels(brief)
    outline = _outline(brief, labels)
    body = [_header(brief, outline.title, labels)]
    if not outline.parts:
        body.append(f'<p class="nothing">{html.escape(labels.nothing)}</p>')
    else:
        body += _contents(outline, labels)
        body += _sections(outline, colors, labels)
        body += _sources(outline, labels)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{labels.language}">',
            _head(brief, paper),
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def html_bytes(
    brief: Brief, colors: Sequence[HighlightColor], *, now: datetime, paper: str = "a4"
) -> bytes:
    """The brief as a UTF-8 HTML page (see render_html(); undated, so ``now`` is ignored)."""
    del now
    return render_html(brief, colors, paper=paper).encode("utf-8")
