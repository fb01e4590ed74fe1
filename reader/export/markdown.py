"""A brief as a CommonMark document."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from markdown_it import MarkdownIt
from markdownify import markdownify

from reader.core.types import Brief, BriefItem, HighlightColor
from reader.export.common import (
    Passage,
    brief_labels,
    byline,
    heading_slug,
    linkable,
    numbered,
    one_line,
    passages,
    printed_sections,
)
from reader.export.labels import Labels

#: Characters with a meaning somewhere in CommonMark inline text; escaping any ASCII
#: punctuation with a backslash is always allowed, so escaping these is always safe.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&$])")
#: At the start of a line these would begin a list, a heading underline or a quote.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """User text as literal CommonMark inline text, on one line."""
    line = one_line(text)
    line = _SPECIAL.sub(r"\\\1", line)
    match = _LINE_START.match(line)
    if match:
        marker = match.group(2)
        if marker.isdigit():
            # "1999. " would start an ordered list: escape the dot or parenthesis after it.
            end = match.end()
            line = line[:end] + "\\" + line[end:]
        else:
            line = line[: match.start(2)] + "\\" + line[match.start(2) :]
    return line


#: An ``&`` a CommonMark reader would take for the start of an entity (``&amp;``).
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def _destination(url: str | None) -> str | None:
    """A link destination in pointy brackets, or None for a URL we do not link to
    (linkable() leaves no space, angle bracket or backslash that could end it). An ``&``
    that would read as an entity is escaped, so that the link keeps its address."""
    url = linkable(url)
    return None if url is None else "<" + _ENTITY.sub(r"\\&", url) + ">"


def _link(text: str, url: str | None) -> str:
    destination = _destination(url)
    label = escape(text)
    return f"[{label}]({destination})" if destination else label


#: Parses the introduction to find its code, which shows raw HTML as text already; with
#: raw HTML on, to check the escaped introduction has none left.
_COMMONMARK = MarkdownIt("commonmark", {"html": True})
#: What starts a line inside block quotes and list items: their ">" must stay.
_CONTAINERS = re.compile(r"(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*", re.MULTILINE)
#: CommonMark autolinks: <scheme:address> and <name@host>.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*)>")
_EMAIL = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
#: A link destination between angle brackets, after "](" or a definition's "]:".
_BEFORE_DESTINATION = re.compile(r"\](?:\(|:)[ \t]*\n?[ \t]*\Z")
_POINTY_DESTINATION = re.compile(r"<(?:[^<>\n\\]|\\.)*>")
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def introduction_markdown(markdown: str) -> str:
    """The analyst's introduction as the Markdown export prints it: their Markdown as
    written (emphasis, links, lists, quotes, code), with any raw HTML escaped so that a
    viewer shows ``<script>`` as text instead of running it or loading what it names.
    Autolinks stay when linkable() accepts them."""
    # Lines as CommonMark counts them, so that a line number means the same line here.
    text = re.sub(r"\r\n?", "\n", markdown).strip()
    if not text:
        return ""
    lines = text.split("\n")
    layout = [("line", number) for number in range(len(lines))]
    for _ in range(4):
        # Escaping may change how the blocks read (an HTML block that had swallowed a fence
        # no longer does): read the blocks again off the result until they settle.
        escaped = _escape_outside(lines, layout)
        found = _layout(escaped)
        if found == layout:
            break
        layout = found
    if found != layout or _has_raw_html(escaped):
        # No "<" left at all cannot start any HTML, at the cost of the code's look.
        escaped = text.replace("<", "&lt;")
    return escaped


#: Which block a line belongs to: ("code", first line) for a code block, ("text", first
#: line) for a paragraph or heading's text, ("line", its number) for any other line.
_Block = tuple[str, int]


def _layout(markdown: str) -> list[_Block]:
    """The block each line of ``markdown`` belongs to, as CommonMark reads it."""
    layout = [("line", number) for number in range(markdown.count("\n") + 1)]
    for token in _COMMONMARK.parse(markdown):
        kind = {"fence": "code", "code_block": "code", "inline": "text"}.get(token.type)
        if kind is not None and token.map:
            start, end = token.map
            layout[start:end] = [(kind, start)] * (end - start)
    return layout


def _escape_outside(lines: Sequence[str], layout: Sequence[_Block]) -> str:
    """The lines joined again, those outside code blocks with their raw HTML escaped, a
    block at a time (a code span may run over the lines of its paragraph, no further)."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and layout[end] == layout[index]:
            end += 1
        chunk = "\n".join(lines[index:end])
        out.append(chunk if layout[index][0] == "code" else _escape_raw_html(chunk))
        index = end
    return "\n".join(out)


def _escape_raw_html(text: str) -> str:
    """Text outside code blocks with every "<" and ">" as an entity, but in code spans, a
    backslash escape, the ">" of a quote and a safe autolink."""
    out: list[str] = []
    pos = 0
    line_start = True
    while pos < len(text):
        if line_start:
            prefix = _CONTAINERS.match(text, pos)
            line_start = False
            if prefix is not None and prefix.end() > pos:
                out.append(text[pos : prefix.end()])
                pos = prefix.end()
                continue
        char = text[pos]
        if char == "\n":
            out.append(char)
            pos += 1
            line_start = True
        elif char == "\\" and text[pos + 1 : pos + 2] not in ("", "\n"):
            # An escaped character is text already (a backslash before a new line is a
            # hard break: the new line is read as one).
            out.append(text[pos : pos + 2])
            pos += 2
        elif char == "`":
            run = _BACKTICKS.match(text, pos)
            assert run is not None
            close = _closing_backticks(text, run.end(), len(run.group()))
            out.append(text[pos:close])
            pos = close
        elif char == "<":
            # An autolink stays as written (it holds no space nor angle bracket), and so
            # does a link's destination written between angle brackets.
            link = _AUTOLINK.match(text, pos)
            if link is not None and linkable(link.group(1)) is None:
                link = None
            link = link or _EMAIL.match(text, pos)
            if link is None and _BEFORE_DESTINATION.search(text, max(0, pos - 64), pos):
                link = _POINTY_DESTINATION.match(text, pos)
            if link is not None:
                out.append(link.group())
                pos = link.end()
            else:
                out.append("&lt;")
                pos += 1
        elif char == ">":
            out.append("&gt;")
            pos += 1
        else:
            out.append(char)
            pos += 1
    return "".join(out)


def _closing_backticks(text: str, start: int, length: int) -> int:
    """Where a code span opened by ``length`` backticks ends (after its closing run), in
    its paragraph; ``start`` when it is never closed (the backticks are then text)."""
    blank = _BLANK_LINE.search(text, start)
    limit = blank.start() if blank is not None else len(text)
    for run in _BACKTICKS.finditer(text, start, limit):
        if len(run.group()) == length:
            return run.end()
    return start


def _has_raw_html(markdown: str) -> bool:
    """Whether a CommonMark reader with raw HTML on would find any in ``markdown``."""
    for token in _COMMONMARK.parse(markdown):
        if token.type == "html_block":
            return True
        if any(child.type == "html_inline" for child in token.children or ()):
            return True
    return False


class _Slugger:
    """Heading anchors as Markdown renderers make them (``heading_slug``), with ``-1``,
    ``-2``… for repeats."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = heading_slug(text.strip())
        count = self._seen.get(base, 0)
        self._seen[base] = count + 1
        return base if count == 0 else f"{base}-{count}"


def _passage(passage: Passage, labels: Labels) -> list[str]:
    first = f"> **{escape(passage.label)}** — {escape(passage.quote)}"
    if passage.orphaned:
        first += f" *{escape(labels.article_changed)}*"
    lines = [first]
    if passage.note:
        lines.append(">")
        lines.append(
            f"> *{escape(labels.label(labels.note))}* "
            + "  \n> ".join(escape(line) for line in passage.note)
        )
    if passage.tags:
        lines.append(">")
        lines.append(
            f"> *{escape(labels.label(labels.tags))}* "
            + ", ".join(escape(tag) for tag in passage.tags)
        )
    return lines


def _excerpt(item: BriefItem) -> list[str]:
    """An item's excerpt (sanitized HTML) as Markdown, in a quote block."""
    text = markdownify(item.excerpt, heading_style="ATX", strip=["img", "script", "style"])
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return [f"> {line}" if line else ">" for line in lines] if any(lines) else []


def render_markdown(brief: Brief, colors: Sequence[HighlightColor]) -> str:
    """The brief as CommonMark: title block, introduction, contents, sections with their
    articles (linked headline, source line, summary, passages as blockquotes labelled with
    their colour's meaning, notes, tags, a numbered citation) and the sources at the end.
    An article without highlights shows its excerpt. ``colors`` is the palette
    (``store.highlights.colors()``) giving each colour's meaning; the fixed words follow
    the brief's language."""
    labels = brief_labels(brief)
    slugger = _Slugger()
    slugger.slug(brief.title)
    slugger.slug(labels.contents)
    sections = printed_sections(brief)
    section_slugs: list[str] = []
    for section in sections:
        section_slugs.append(slugger.slug(section.heading))
        for item in section.items:
            # Taken in document order, so the section slugs match a renderer's.
            slugger.slug(item.title)

    out: list[str] = [f"# {escape(brief.title)}", ""]
    block: list[str] = []
    if brief.author.strip():
        block.append(f"**{escape(labels.label(labels.author))}** {escape(brief.author)}")
    period = labels.period_text(brief.since, brief.until)
    if period:
        block.append(f"**{escape(labels.label(labels.period))}** {escape(period)}")
    if block:
        # Two trailing spaces: a hard line break between the lines of the title block.
        out += ["  \n".join(block), ""]
    introduction = introduction_markdown(brief.introduction)
    if introduction:
        out += [introduction, ""]

    if not sections:
        out += [f"*{escape(labels.nothing)}*", ""]
    else:
        out += [f"## {escape(labels.contents)}", ""]
        for section, slug in zip(sections, section_slugs, strict=True):
            out.append(f"- [{escape(section.heading)}](#{slug})")
        out.append("")

    sources: list[BriefItem] = []
    current = None
    for section, number, item in numbered(brief):
        if section is not current:
            current = section
            out += [f"## {escape(section.heading)}", ""]
        sources.append(item)
        out += [f"### {_link(item.title, item.link)}", ""]
        line = " · ".join(escape(part) for part in byline(item, labels))
        citation = f"[\\[{number}\\]](#source-{number})"
        out += [f"{line} {citation}" if line else citation, ""]
        if item.summary.strip():
            out += [f"*{escape(item.summary)}*", ""]
        found = passages(item, colors)
        for passage in found:
            out += [*_passage(passage, labels), ""]
        if not found and item.excerpt:
            excerpt = _excerpt(item)
            if excerpt:
                out += [*excerpt, ""]
        if item.tags:
            out += [
                f"*{escape(labels.label(labels.tags))}* "
                + ", ".join(escape(tag) for tag in item.tags),
                "",
            ]

    if sources:
        out += [f"## {escape(labels.sources)}", ""]
        for number, item in enumerate(sources, start=1):
            parts = [escape(part) for part in byline(item, labels)]
            parts.append(_link(item.title, item.link))
            out.append(f'{number}. <a id="source-{number}"></a>' + ", ".join(parts))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def markdown_bytes(
    brief: Brief, colors: Sequence[HighlightColor], *, now: datetime, paper: str = "a4"
) -> bytes:
    """The brief as UTF-8 Markdown (undated; ``paper`` is for paged formats: both ignored)."""
    del now, paper
    return render_markdown(brief, colors).encode("utf-8")
