"""A brief as a CommonMark document."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from markdownify import markdownify

from reader.core.briefs import Brief, BriefItem
from reader.core.highlight_store import HighlightColor
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


def _destination(url: str | None) -> str | None:
    """A link destination in pointy brackets, or None for a URL we do not link to."""
    url = linkable(url)
    if url is None:
        return None
    return "<" + url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E") + ">"


def _link(text: str, url: str | None) -> str:
    destination = _destination(url)
    label = escape(text)
    return f"[{label}]({destination})" if destination else label


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
    if brief.introduction.strip():
        out += [brief.introduction.strip(), ""]

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
