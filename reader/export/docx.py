"""A brief as a Word document (.docx), built in memory with python-docx.

The document carries the same content as the Markdown export, laid out to be circulated: a
title page block, the introduction, a table of contents Word fills in on opening, sections
of articles with their passages painted in their highlight colour, and the sources. Word
styles are used throughout (Title, Heading 1 and 2, List Number, Quote…), so the reader can
restyle the whole document at once. python-docx has no API for hyperlinks, bookmarks,
fields or run shading: the few WordprocessingML elements they need are in docx_xml.py.
"""

from __future__ import annotations

import io
import string
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Inches, Length, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from markdown_it.token import Token

from reader.core.errors import InvalidBriefError
from reader.core.types import Brief, BriefItem, BriefSection, HighlightColor
from reader.export import docx_xml as ox
from reader.export.common import (
    Passage,
    brief_labels,
    byline,
    excerpt_text,
    introduction_tokens,
    numbered,
    passages,
    printed_sections,
)
from reader.export.docx_xml import clean
from reader.export.labels import Labels

#: Page width and height of each paper size.
PAPER_SIZES: dict[str, tuple[Length, Length]] = {
    "a4": (Cm(21), Cm(29.7)),
    "letter": (Inches(8.5), Inches(11)),
}

#: The word processor's language tag for each brief language (spell-checking, hyphenation).
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR"}

#: The table of contents: headings 1 to 3, as hyperlinks, without page numbers on the web
#: view, keeping the headings' outline levels.
TOC_FIELD = 'TOC \\o "1-3" \\h \\z \\u'

BODY_FONT = "Calibri"
CODE_FONT = "Consolas"
DARK_BLUE = RGBColor(0x1F, 0x38, 0x64)
SLATE = RGBColor(0x2E, 0x40, 0x57)
GREY = RGBColor(0x5F, 0x6B, 0x78)
LINK_BLUE = RGBColor(0x1F, 0x4E, 0x9A)
QUOTE_RULE = "9FB3C8"  # the rule left of quotations


class _Styles:
    """The styles a brief is written with, set up once per document."""

    def __init__(self, doc: DocxDocument, language: str) -> None:
        self.normal = self._normal(doc, language)
        self.title = self._title(doc)
        self.heading1 = self._heading(doc, "Heading 1", 16, DARK_BLUE, before=18, after=6)
        self.heading2 = self._heading(doc, "Heading 2", 12.5, SLATE, before=14, after=2)
        self.contents = self._heading(doc, "TOC Heading", 16, DARK_BLUE, before=18, after=6)
        self.toc = [self._toc(doc, level) for level in (1, 2)]
        self.subheading = self._subheading(doc)
        self.byline = self._small(doc, "Byline", 9.5, after=4)
        self.tags = self._small(doc, "Tags", 9, after=6)
        self.quote = self._quote(doc)
        self.quote_detail = self._quote_detail(doc)
        self.code = ox.paragraph_style(doc, "Code Block", size=9.5)
        ox.set_font(self.code, CODE_FONT)
        self.bullets = [ox.paragraph_style(doc, f"List Bullet{n}") for n in ("", " 2", " 3")]
        self.numbers = [ox.paragraph_style(doc, f"List Number{n}") for n in ("", " 2", " 3")]
        self.continued = [ox.paragraph_style(doc, f"List Continue{n}") for n in ("", " 2", " 3")]
        self.header = ox.paragraph_style(doc, "Header", size=8.5)
        self.header.font.color.rgb = GREY
        self.footer = ox.paragraph_style(doc, "Footer", size=9)
        self.footer.font.color.rgb = GREY
        self.link = self._link(doc)

    @staticmethod
    def _normal(doc: DocxDocument, language: str) -> ParagraphStyle:
        style = ox.paragraph_style(doc, "Normal", size=10.5)
        ox.set_font(style, BODY_FONT)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.line_spacing = 1.15
        tag = LANGUAGE_TAGS.get(language, "en-GB")
        ox.insert(style.element.get_or_add_rPr(), ox.element("w:lang", val=tag), ox.AFTER_LANG)
        return style

    @staticmethod
    def _title(doc: DocxDocument) -> ParagraphStyle:
        style = ox.paragraph_style(doc, "Title", size=24)
        ox.set_font(style, BODY_FONT)
        style.font.color.rgb = DARK_BLUE
        style.font.bold = True
        ox.border(style, "bottom", "1F3864", size=8, space=6)
        style.paragraph_format.space_after = Pt(10)
        return style

    @staticmethod
    def _heading(
        doc: DocxDocument, name: str, size: float, color: RGBColor, *, before: float, after: float
    ) -> ParagraphStyle:
        style = ox.paragraph_style(doc, name, size=size)
        ox.set_font(style, BODY_FONT)
        style.font.color.rgb = color
        style.font.bold = True
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        return style

    @staticmethod
    def _toc(doc: DocxDocument, level: int) -> ParagraphStyle:
        # Word's own names ("toc 1"), so the entries it writes on updating use them too.
        style = ox.paragraph_style(doc, f"toc {level}")
        style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        style.paragraph_format.space_after = Pt(2 if level > 1 else 4)
        if level == 1:
            style.font.bold = True
        return style

    @staticmethod
    def _subheading(doc: DocxDocument) -> ParagraphStyle:
        """Headings of the introduction: set apart, but kept out of the table of contents."""
        style = ox.paragraph_style(doc, "Introduction Heading", size=11.5)
        style.font.bold = True
        style.font.color.rgb = SLATE
        style.paragraph_format.space_before = Pt(8)
        style.paragraph_format.keep_with_next = True
        return style

    @staticmethod
    def _small(doc: DocxDocument, name: str, size: float, *, after: float) -> ParagraphStyle:
        style = ox.paragraph_style(doc, name, size=size)
        style.font.color.rgb = GREY
        style.paragraph_format.space_after = Pt(after)
        return style

    @staticmethod
    def _quote(doc: DocxDocument) -> ParagraphStyle:
        """Passages and excerpts: indented, with a rule on the left, upright."""
        style = ox.paragraph_style(doc, "Quote")
        style.font.italic = False
        style.font.color.rgb = RGBColor(0x22, 0x22, 0x22)
        fmt = style.paragraph_format
        fmt.left_indent = Cm(0.5)
        fmt.right_indent = Cm(0)
        fmt.space_before = Pt(4)
        fmt.space_after = Pt(2)
        ox.border(style, "left", QUOTE_RULE, size=12, space=8)
        return style

    @staticmethod
    def _quote_detail(doc: DocxDocument) -> ParagraphStyle:
        """A passage's note and tags, under it in the same quotation."""
        style = ox.paragraph_style(doc, "Quote Detail", base="Quote", size=9.5)
        style.font.color.rgb = GREY
        style.paragraph_format.space_before = Pt(0)
        return style

    @staticmethod
    def _link(doc: DocxDocument) -> CharacterStyle:
        styles = doc.styles
        if "Hyperlink" in styles:
            return cast(CharacterStyle, styles["Hyperlink"])
        style = cast(CharacterStyle, styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER))
        style.base_style = styles["Default Paragraph Font"]
        style.font.color.rgb = LINK_BLUE
        style.font.underline = True
        return style


# -- the document ----------------------------------------------------------------------------


class _Writer:
    """Writes one brief into a new document, top to bottom."""

    def __init__(
        self, brief: Brief, colors: Sequence[HighlightColor], paper: str, now: datetime
    ) -> None:
        self.brief = brief
        self.now = now
        self.colors = colors
        self.labels: Labels = brief_labels(brief)
        self.doc: DocxDocument = Document()
        self.styles = _Styles(self.doc, brief.language)
        self._bookmarks = 0
        self._page(self.doc.sections[0], paper)
        self._properties()

    # -- parts of the package

    def _page(self, section: Section, paper: str) -> None:
        """Paper size, margins, and the running header and footer."""
        section.page_width, section.page_height = PAPER_SIZES[paper]
        section.top_margin = section.bottom_margin = Cm(2.2)
        section.left_margin = section.right_margin = Cm(2.3)
        section.header_distance = section.footer_distance = Cm(1.1)
        header = section.header.paragraphs[0]
        header.style = self.styles.header
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        ox.add_run(header, ox.clean_line(self.brief.title))
        footer = section.footer.paragraphs[0]
        footer.style = self.styles.footer
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._page_counter(footer)

    def _page_counter(self, paragraph: Paragraph) -> None:
        """``page 2 of 5`` with live PAGE and NUMPAGES fields, in the brief's words."""
        fields = {"page": "PAGE", "pages": "NUMPAGES"}
        for text, name, _spec, _conversion in string.Formatter().parse(self.labels.page_of):
            if text:
                ox.add_run(paragraph, text)
            if name in fields:
                ox.add_field(paragraph, fields[name], "1")

    def _properties(self) -> None:
        """The file's title, author and language; Word refreshes the fields on opening."""
        props = self.doc.core_properties
        props.title = ox.clean_line(self.brief.title)
        props.author = props.last_modified_by = ox.clean_line(self.brief.author)
        props.language = LANGUAGE_TAGS.get(self.brief.language, "en-GB")
        props.comments = ""
        props.subject = self.labels.period_text(self.brief.since, self.brief.until)
        props.created = props.modified = self.now.astimezone(UTC)
        props.revision = 1
        package = self.doc.part.package
        for key, relation in list(package.rels.items()):
            if relation.reltype == RT.THUMBNAIL:
                # The template's preview of an empty page: no preview beats a wrong one.
                del package.rels[key]
        settings = self.doc.settings.element
        ox.insert(settings, ox.element("w:updateFields", val="true"), ox.AFTER_UPDATE_FIELDS)
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), props.language)

    # -- building blocks

    def paragraph(self, style: ParagraphStyle, text: str = "") -> Paragraph:
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = style.style_id  # by id, as for runs: far faster on long briefs
        if text:
            ox.add_run(paragraph, text)
        return paragraph

    def link(
        self, paragraph: Paragraph, text: str, url: str | None, *, styled: bool = True
    ) -> None:
        """``text`` linked to ``url`` when it is safe to link to; plain text otherwise. A
        link not ``styled`` keeps its paragraph's look (a headline stays a headline)."""
        target = ox.safe_url(url)
        if target is None:
            ox.add_run(paragraph, text)
            return
        run = ox.add_run(paragraph, text, style=self.styles.link if styled else None)
        ox.hyperlink(paragraph, [run], url=target)

    def bookmark(self, paragraph: Paragraph, name: str) -> None:
        self._bookmarks += 1
        ox.bookmark(paragraph, name, self._bookmarks)

    def labelled(self, paragraph: Paragraph, word: str, text: str, *, bold: bool) -> None:
        """``Word: text``, the label bold or italic."""
        ox.add_run(paragraph, self.labels.label(word), bold=bold, italic=not bold)
        ox.add_run(paragraph, " " + text)

    # -- the brief

    def write(self) -> bytes:
        self.title_block()
        _Introduction(self).write(introduction_tokens(clean(self.brief.introduction)))
        sections = printed_sections(self.brief)
        if sections:
            self.contents(sections)
        else:
            self.paragraph(self.styles.byline, self.labels.nothing)
        sources: list[BriefItem] = []
        current: BriefSection | None = None
        count = 0
        for section, number, item in numbered(self.brief):
            if section is not current:
                current, count = section, count + 1
                heading = self.paragraph(self.styles.heading1, ox.clean_line(section.heading))
                self.bookmark(heading, f"_TocSection{count}")
            self.item(item, number)
            sources.append(item)
        if sources:
            self.sources(sources)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def title_block(self) -> None:
        self.paragraph(self.styles.title, ox.clean_line(self.brief.title))
        lines: list[tuple[str, str]] = []
        if self.brief.author.strip():
            lines.append((self.labels.author, ox.clean_line(self.brief.author)))
        period = self.labels.period_text(self.brief.since, self.brief.until)
        if period:
            lines.append((self.labels.period, period))
        if not lines:
            return
        block = self.paragraph(self.styles.normal)
        block.paragraph_format.space_after = Pt(12)
        for index, (word, text) in enumerate(lines):
            if index:
                block.add_run().add_break()
            self.labelled(block, word, text, bold=True)

    def contents(self, sections: Sequence[BriefSection]) -> None:
        """The contents heading and a TOC field; until Word updates it, the field shows the
        sections and their articles, each linked to its heading."""
        self.paragraph(self.styles.contents, self.labels.contents)
        entries: list[tuple[int, str, str]] = []
        number = 0
        for index, section in enumerate(sections, start=1):
            entries.append((0, ox.clean_line(section.heading), f"_TocSection{index}"))
            for item in section.items:
                number += 1
                entries.append((1, ox.clean_line(item.title), f"_TocItem{number}"))
        entries.append((0, self.labels.sources, "_TocSources"))
        last = len(entries) - 1
        for index, (level, text, anchor) in enumerate(entries):
            paragraph = self.paragraph(self.styles.toc[level])
            if index == 0:
                ox.begin_field(paragraph, TOC_FIELD)
            ox.hyperlink(paragraph, [ox.add_run(paragraph, text)], anchor=anchor)
            if index == last:
                ox.end_field(paragraph)

    def item(self, item: BriefItem, number: int) -> None:
        """An article: linked headline, byline with its citation, summary, passages (or the
        excerpt when it has none) and tags."""
        heading = self.paragraph(self.styles.heading2)
        self.link(heading, ox.clean_line(item.title), item.link, styled=False)
        self.bookmark(heading, f"_TocItem{number}")
        line = self.paragraph(
            self.styles.byline, " · ".join(clean(p) for p in byline(item, self.labels))
        )
        if line.runs:
            ox.add_run(line, " ")
        ox.hyperlink(line, [ox.add_run(line, f"[{number}]")], anchor=f"_Source{number}")
        if item.summary.strip():
            ox.add_run(self.paragraph(self.styles.normal), ox.clean_line(item.summary), italic=True)
        found = passages(item, self.colors)
        for passage in found:
            self.passage(passage)
        if not found and item.excerpt:
            excerpt = clean(excerpt_text(item))
            if excerpt:
                self.paragraph(self.styles.quote, excerpt)
        if item.tags:
            tags = self.paragraph(self.styles.tags)
            self.labelled(
                tags, self.labels.tags, ", ".join(ox.clean_line(t) for t in item.tags), bold=False
            )

    def passage(self, passage: Passage) -> None:
        """A passage as a quotation: its colour's meaning, then the quote painted in the
        colour; its note and tags under it."""
        paragraph = self.paragraph(self.styles.quote)
        ox.add_run(paragraph, passage.label, bold=True)
        ox.add_run(paragraph, " — ")
        ox.shade(ox.add_run(paragraph, passage.quote), passage.swatch)
        if passage.orphaned:
            ox.add_run(paragraph, " ")
            ox.add_run(paragraph, self.labels.article_changed, italic=True)
        if passage.note:
            note = self.paragraph(self.styles.quote_detail)
            ox.add_run(note, self.labels.label(self.labels.note), italic=True)
            for index, line in enumerate(passage.note):
                if index:
                    note.add_run().add_break()
                ox.add_run(note, (" " if index == 0 else "") + line)
        if passage.tags:
            tags = self.paragraph(self.styles.quote_detail)
            self.labelled(
                tags,
                self.labels.tags,
                ", ".join(ox.clean_line(t) for t in passage.tags),
                bold=False,
            )

    def sources(self, items: Sequence[BriefItem]) -> None:
        """The numbered sources: source, author, date and linked title of each article."""
        heading = self.paragraph(self.styles.heading1, self.labels.sources)
        self.bookmark(heading, "_TocSources")
        numbering = _Numbering(self.doc)
        num_id = numbering.restart(self.styles.numbers[0])
        for number, item in enumerate(items, start=1):
            paragraph = self.paragraph(self.styles.numbers[0])
            numbering.apply(paragraph, num_id)
            parts = [clean(part) for part in byline(item, self.labels)]
            if parts:
                ox.add_run(paragraph, ", ".join(parts) + ", ")
            self.link(paragraph, ox.clean_line(item.title), item.link)
            self.bookmark(paragraph, f"_Source{number}")


class _Numbering:
    """Fresh numbering for a list: without it every List Number paragraph of the document
    would continue one count."""

    def __init__(self, doc: DocxDocument) -> None:
        self._numbering = doc.part.numbering_part.element

    def restart(self, style: ParagraphStyle, start: int = 1) -> str | None:
        """A new numbering instance counting from ``start`` with the list style's format;
        None when the style has no numbering."""
        ppr = style.element.pPr
        num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
        style_num = None if num_pr is None else num_pr.find(qn("w:numId"))
        if style_num is None:
            return None
        abstract = None
        for num in self._numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == style_num.get(qn("w:val")):
                abstract = num.find(qn("w:abstractNumId"))
        if abstract is None:
            return None
        used = [int(n.get(qn("w:numId"), "0")) for n in self._numbering.findall(qn("w:num"))]
        num_id = str(max(used, default=0) + 1)
        num = ox.element("w:num", numId=num_id)
        num.append(ox.element("w:abstractNumId", val=abstract.get(qn("w:val"), "0")))
        override = ox.element("w:lvlOverride", ilvl="0")
        override.append(ox.element("w:startOverride", val=str(start)))
        num.append(override)
        cleanup = self._numbering.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self._numbering.append(num)
        return num_id

    @staticmethod
    def apply(paragraph: Paragraph, num_id: str | None) -> None:
        """Number ``paragraph`` with the instance ``num_id`` (its style's when None)."""
        if num_id is None:
            return
        num_pr = ox.element("w:numPr")
        num_pr.append(ox.element("w:ilvl", val="0"))
        num_pr.append(ox.element("w:numId", val=num_id))
        ox.insert(paragraph._p.get_or_add_pPr(), num_pr, ox.AFTER_NUMPR)


class _Introduction:
    """The brief's introduction (Markdown, as markdown-it tokens) as Word paragraphs:
    emphasis, links, bullet and numbered lists, quotes, code and headings."""

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer
        self.styles = writer.styles
        self.numbering = _Numbering(writer.doc)
        self.lists: list[tuple[str, str | None]] = []  # kind ("bullet", "ordered"), number id
        self.fresh_item = False  # the next paragraph starts a list item
        self.quotes = 0
        self.heading = False

    def write(self, tokens: Sequence[Token]) -> None:
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.open_list(token)
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                self.fresh_item = True
            elif kind in ("blockquote_open", "blockquote_close"):
                self.quotes += 1 if kind == "blockquote_open" else -1
            elif kind in ("heading_open", "heading_close"):
                self.heading = kind == "heading_open"
            elif kind == "inline":
                self.inline(self.block(), token.children or [])
            elif kind in ("fence", "code_block"):
                self.code(token.content)

    def open_list(self, token: Token) -> None:
        if token.type == "bullet_list_open":
            self.lists.append(("bullet", None))
            return
        start = token.attrGet("start")
        first = int(start) if isinstance(start, (int, str)) and str(start).isdigit() else 1
        style = self.styles.numbers[min(len(self.lists), 2)]
        self.lists.append(("ordered", self.numbering.restart(style, first)))

    def block(self) -> Paragraph:
        """A new paragraph styled for where it stands: list item, quote, heading or body."""
        if self.lists:
            depth = min(len(self.lists), 3) - 1
            kind, num_id = self.lists[-1]
            if not self.fresh_item:
                return self.writer.paragraph(self.styles.continued[depth])
            self.fresh_item = False
            if kind == "bullet":
                return self.writer.paragraph(self.styles.bullets[depth])
            paragraph = self.writer.paragraph(self.styles.numbers[depth])
            self.numbering.apply(paragraph, num_id)
            return paragraph
        if self.heading:
            return self.writer.paragraph(self.styles.subheading)
        if self.quotes:
            return self.writer.paragraph(self.styles.quote)
        return self.writer.paragraph(self.styles.normal)

    def inline(self, paragraph: Paragraph, children: Sequence[Token]) -> None:
        """Text runs, bold and italic as markdown-it nests them, links as hyperlinks."""
        bold = italic = 0
        link: str | None = None
        linked: list[Run] = []
        for child in children:
            kind = child.type
            if kind in ("strong_open", "strong_close"):
                bold += 1 if kind == "strong_open" else -1
            elif kind in ("em_open", "em_close"):
                italic += 1 if kind == "em_open" else -1
            elif kind == "link_open":
                href = child.attrGet("href")
                link, linked = ox.safe_url(href if isinstance(href, str) else None), []
            elif kind == "link_close":
                if link is not None and linked:
                    ox.hyperlink(paragraph, linked, url=link)
                link, linked = None, []
            elif kind in ("softbreak", "hardbreak"):
                if kind == "softbreak":
                    ox.add_run(paragraph, " ")
                else:
                    paragraph.add_run().add_break()
            elif kind in ("text", "code_inline", "image", "html_inline"):
                text = child.content
                style = self.styles.link if link is not None else None
                run = ox.add_run(paragraph, text, bold=bold > 0, italic=italic > 0, style=style)
                if kind == "code_inline":
                    run.font.name = CODE_FONT
                if link is not None:
                    linked.append(run)

    def code(self, text: str) -> None:
        paragraph = self.writer.paragraph(self.styles.code)
        for index, line in enumerate(text.rstrip("\n").split("\n")):
            if index:
                paragraph.add_run().add_break()
            ox.add_run(paragraph, line)


def docx_bytes(
    brief: Brief, colors: Sequence[HighlightColor], *, now: datetime, paper: str = "a4"
) -> bytes:
    """The brief as a Word document: ``paper`` is ``a4`` or ``letter``; ``colors`` is the
    palette naming what each highlight colour means; ``now`` dates the file's properties;
    the fixed words, dates and the document's language follow the brief's language."""
    if paper not in PAPER_SIZES:
        raise InvalidBriefError(f"unknown paper size {paper!r} (choose one of a4, letter)")
    return _Writer(brief, colors, paper, now).write()
