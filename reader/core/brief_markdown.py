"""A brief as a CommonMark document, and writing it to a file atomically."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from reader.core.briefs import Brief, BriefItem, format_date, format_period
from reader.core.files import write_atomically
from reader.core.highlight_store import HighlightColor
from reader.core.types import Highlight

#: Shown after a passage that can no longer be found in its article.
ARTICLE_CHANGED = "(article changed)"

#: Characters with a meaning somewhere in CommonMark inline text; escaping any ASCII
#: punctuation with a backslash is always allowed, so escaping these is always safe.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&$])")
#: At the start of a line these would begin a list, a heading underline or a quote.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")
_LINKABLE = ("http", "https", "mailto")


def escape(text: str) -> str:
    """User text as literal CommonMark inline text, on one line."""
    line = " ".join(text.split())
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
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in _LINKABLE or any(c in url for c in "\r\n"):
        return None
    return "<" + url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E") + ">"


def _link(text: str, url: str | None) -> str:
    destination = _destination(url)
    label = escape(text)
    return f"[{label}]({destination})" if destination else label


class _Slugger:
    """Heading anchors as GitHub, GitLab and markdown-it-anchor make them: lower case,
    punctuation dropped, spaces as hyphens, ``-1``, ``-2``… for repeats."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        kept = "".join(
            c
            for c in text.strip().lower()
            if c.isalnum() or c in "-_ " or unicodedata.category(c).startswith("M")
        )
        base = kept.replace(" ", "-")
        count = self._seen.get(base, 0)
        self._seen[base] = count + 1
        return base if count == 0 else f"{base}-{count}"


def _meaning(color: str, colors: Sequence[HighlightColor]) -> str:
    for known in colors:
        if known.name == color:
            meaning = known.meaning.strip() or color
            return meaning[:1].upper() + meaning[1:]
    return color[:1].upper() + color[1:]


def _quoted(exact: str) -> str:
    text = " ".join(exact.split())
    if text.startswith("«") and text.endswith("»"):
        return escape(text)
    return f"«\u00a0{escape(text)}\u00a0»"


def _passage(highlight: Highlight, colors: Sequence[HighlightColor]) -> list[str]:
    label = escape(_meaning(highlight.color, colors))
    first = f"> **{label}** — {_quoted(highlight.exact)}"
    if highlight.orphaned:
        first += f" *{escape(ARTICLE_CHANGED)}*"
    lines = [first]
    note = [line for line in highlight.note.splitlines() if line.strip()]
    if note:
        lines.append(">")
        lines.append("> *Note:* " + "  \n> ".join(escape(line) for line in note))
    if highlight.tags:
        lines.append(">")
        lines.append("> *Tags:* " + ", ".join(escape(tag) for tag in highlight.tags))
    return lines


def _byline(item: BriefItem) -> list[str]:
    parts = [escape(item.source)] if item.source.strip() else []
    if item.author and item.author.strip():
        parts.append(escape(item.author))
    if item.published is not None:
        parts.append(format_date(item.published))
    return parts


def render_markdown(brief: Brief, colors: Sequence[HighlightColor]) -> str:
    """The brief as CommonMark: title block, introduction, contents, sections with their
    articles (linked headline, source line, summary, passages as blockquotes labelled with
    their colour's meaning, notes, tags, a numbered citation) and the sources at the end.
    ``colors`` is the palette (``store.highlights.colors()``) giving each colour's meaning."""
    slugger = _Slugger()
    slugger.slug(brief.title)
    contents_slug = slugger.slug("Contents")
    sections = [s for s in brief.sections if s.items]
    section_slugs: list[str] = []
    for section in sections:
        section_slugs.append(slugger.slug(section.heading))
        for item in section.items:
            slugger.slug(item.title)
    sources_slug = slugger.slug("Sources")
    del contents_slug, sources_slug  # taken in document order so later slugs match

    out: list[str] = [f"# {escape(brief.title)}", ""]
    block: list[str] = []
    if brief.author.strip():
        block.append(f"**Author:** {escape(brief.author)}")
    period = format_period(brief.since, brief.until)
    if period:
        block.append(f"**Period:** {escape(period)}")
    if block:
        # Two trailing spaces: a hard line break between the lines of the title block.
        out += ["  \n".join(block), ""]
    if brief.introduction.strip():
        out += [brief.introduction.strip(), ""]

    if sections:
        out += ["## Contents", ""]
        for section, slug in zip(sections, section_slugs, strict=True):
            out.append(f"- [{escape(section.heading)}](#{slug})")
        out.append("")

    sources: list[BriefItem] = []
    for section in sections:
        out += [f"## {escape(section.heading)}", ""]
        for item in section.items:
            sources.append(item)
            number = len(sources)
            out += [f"### {_link(item.title, item.link)}", ""]
            byline = " · ".join(_byline(item))
            citation = f"[\\[{number}\\]](#source-{number})"
            out += [f"{byline} {citation}" if byline else citation, ""]
            if item.summary.strip():
                out += [f"*{escape(item.summary)}*", ""]
            for highlight in item.highlights:
                out += [*_passage(highlight, colors), ""]
            if item.tags:
                out += ["*Tags:* " + ", ".join(escape(tag) for tag in item.tags), ""]

    if sources:
        out += ["## Sources", ""]
        for number, item in enumerate(sources, start=1):
            parts = _byline(item)
            parts.append(_link(item.title, item.link))
            out.append(f'{number}. <a id="source-{number}"></a>' + ", ".join(parts))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def write_markdown(path: Path, text: str) -> None:
    """Write a rendered brief to ``path`` atomically: the file is complete or not there at
    all. Raises ReaderError (one line: the folder is missing, read-only, the disk full…)."""
    write_atomically(Path(path), text.encode("utf-8"))


def export_markdown(brief: Brief, colors: Sequence[HighlightColor], path: Path) -> None:
    """Render and write a brief as Markdown."""
    write_markdown(path, render_markdown(brief, colors))
