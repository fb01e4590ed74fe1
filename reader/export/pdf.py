"""A brief as a paginated PDF, drawn with QtGui (QTextDocument + QPdfWriter, no widgets).

The brief is written as the HTML subset Qt's rich text understands, laid out on the page's
text area, and drawn page by page between a running header (the brief's title) and a footer
("page X of Y"). The contents list the page each section starts on: the document is laid
out, the pages read off, and laid out again with them. Qt embeds the fonts it draws with
(as subsets), and keeps the headlines' and sources' links clickable.

Works with no window and no display: when no Qt application is running (the command line),
an offscreen QGuiApplication is started first.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)

from reader import __version__
from reader.core.types import Brief, BriefItem, HighlightColor
from reader.export.common import (
    Passage,
    brief_labels,
    byline,
    excerpt_text,
    introduction_html,
    linkable,
    numbered,
    one_line,
    passages,
    printed_sections,
)
from reader.export.labels import Labels

#: Device resolution of the PDF: positions are kept in 1/600 inch, fine enough for type.
_DPI = 600
#: Page margins in millimetres: top, right, bottom, left (the header and footer sit inside
#: the top and bottom margins).
_MARGINS_MM = (24.0, 20.0, 22.0, 22.0)
_PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}

_INK = "#1b1b1b"
_NAVY = "#1f3a5f"
_GREY = "#5f6368"
_RULE = "#c9ced6"

#: Families tried in order; the first one installed is used. All of them carry the accented
#: Latin letters and the typographic quotes and dashes French press text needs.
_SERIFS = ("Source Serif 4", "Noto Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman")
_SANS = ("Source Sans 3", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")


def pdf_bytes(
    brief: Brief, colors: Sequence[HighlightColor], *, now: datetime, paper: str = "a4"
) -> bytes:
    """The brief as a PDF file's bytes, on A4 or Letter paper; dated ``now`` unless the brief
    carries its own date."""
    _ensure_application()
    return _PdfBrief(brief, colors, paper, now).render()


def _ensure_application() -> None:
    """Qt needs an application object for fonts; start an offscreen one if none runs."""
    if QGuiApplication.instance() is None:
        QGuiApplication(["press-reader", "-platform", "offscreen"])


def _first_installed(candidates: Sequence[str], fallback: QFont.StyleHint) -> str:
    installed = {family.casefold(): family for family in QFontDatabase.families()}
    for family in candidates:
        if family.casefold() in installed:
            return installed[family.casefold()]
    font = QFont()
    font.setStyleHint(fallback)
    return font.defaultFamily()


def _px(points: float) -> str:
    """A length in points as Qt's rich text wants it for margins and padding: CSS pixels
    (1/96 inch, scaled to the device by Qt); font sizes may stay in points."""
    return f"{round(points * 96 / 72)}px"


def _tint(rgb: str, strength: float) -> str:
    """``rgb`` mixed with white: 1.0 is the colour itself, 0.0 white."""
    color = QColor(rgb)
    mixed = [round(255 - (255 - c) * strength) for c in (color.red(), color.green(), color.blue())]
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def _shade(rgb: str, factor: int = 150) -> str:
    """A darker version of a swatch, for the bar beside a passage."""
    return QColor(rgb).darker(factor).name()


#: Anchor names of the section headings, followed by a number.
_SECTION = "press-reader-section-"


def _anchored(block: QTextBlock, prefix: str) -> bool:
    """Whether a block starts with an anchor whose name starts with ``prefix``."""
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if any(name.startswith(prefix) for name in fragment.charFormat().anchorNames()):
            return True
        iterator += 1
    return False


@dataclass(frozen=True, slots=True)
class _Unit:
    """A block or a table of the laid-out document, as pagination sees it."""

    top: float
    bottom: float
    heading: int  # 2 or 3 for a section or article heading, else 0
    lines: tuple[float, ...]  # where each of its lines starts (in its cells, for a table)
    table: bool


def _line_tops(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> list[float]:
    top = layout.blockBoundingRect(block).top()
    text = block.layout()
    return [top + text.lineAt(i).y() for i in range(text.lineCount())]


def _units(document: QTextDocument) -> list[_Unit]:
    """The document's blocks and tables in order, with their positions."""
    layout = document.documentLayout()
    device = layout.paintDevice()
    scale = device.logicalDpiY() / 96 if device is not None else 1.0
    units: list[_Unit] = []
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            rect = layout.frameBoundingRect(table)
            # The frame's rectangle starts at its cells' content: their top padding and the
            # border, painted above it, belong to the table too (formats are in CSS pixels).
            padding = max(
                table.cellAt(0, column).format().toTableCellFormat().topPadding()
                for column in range(table.columns())
            )
            top = rect.top() - (padding + table.format().border() + 1) * scale
            last = table.lastCursorPosition().block()
            lines: list[float] = []
            while block.isValid():
                lines += _line_tops(layout, block)
                if block == last:
                    break
                block = block.next()
            units.append(_Unit(top, rect.bottom(), 0, tuple(lines), True))
            block = last.next()
            continue
        rect = layout.blockBoundingRect(block)
        level = block.blockFormat().headingLevel()
        units.append(
            _Unit(
                rect.top(),
                rect.bottom(),
                level if level in (2, 3) else 0,
                tuple(_line_tops(layout, block)),
                False,
            )
        )
        block = block.next()
    return units


def _page_starts(units: Sequence[_Unit], page_height: float) -> list[float]:
    """Where each page starts in the continuous layout, cut as a careful typesetter would:
    between blocks, never right after a heading (a section heading keeps its first line, an
    article's headline its byline and first passage), never inside a passage (unless it is
    longer than most of a page), and inside a paragraph only with two lines on each side.
    Where nothing allowed fits, between any two lines; failing that, at the page's foot."""
    preferred: list[float] = []
    fallback: list[float] = []
    for index, unit in enumerate(units):
        fallback += unit.lines
        before = units[index - 1] if index else None
        two_before = units[index - 2] if index > 1 else None
        glued = before is not None and (
            before.heading != 0 or (two_before is not None and two_before.heading == 3)
        )
        if index and not glued:
            preferred.append(unit.top)
        if unit.table:
            if unit.bottom - unit.top > page_height * 0.8:
                preferred += unit.lines[1:]
        elif unit.heading == 0 and len(unit.lines) >= 4:
            preferred += unit.lines[2:-1]
    preferred.sort()
    fallback.sort()
    end = units[-1].bottom if units else 0.0
    starts = [0.0]
    while end - starts[-1] > page_height:
        start = starts[-1]
        limit = start + page_height
        cut = limit
        for candidates, least in ((preferred, 0.25), (fallback, 0.0)):
            found = bisect.bisect_right(candidates, limit) - 1
            if found >= 0 and candidates[found] > start + page_height * least:
                cut = candidates[found]
                break
        starts.append(cut)
    return starts


def _page_of(starts: Sequence[float], y: float) -> int:
    """The page (from 1) holding position ``y``."""
    return max(1, bisect.bisect_right(starts, y + 0.01))


def _e(text: str) -> str:
    """User text as HTML text, on one line (no-break spaces kept, as the other formats do)."""
    return html.escape(one_line(text), quote=True)


class _PdfBrief:
    """One brief being turned into a PDF."""

    def __init__(
        self, brief: Brief, colors: Sequence[HighlightColor], paper: str, now: datetime
    ) -> None:
        self._brief = brief
        self._now = now
        self._colors = colors
        self._labels: Labels = brief_labels(brief)
        self._paper = paper
        self._serif = _first_installed(_SERIFS, QFont.StyleHint.Serif)
        self._sans = _first_installed(_SANS, QFont.StyleHint.SansSerif)

    # -- drawing ----------------------------------------------------------------------------

    def render(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(_DPI)
        writer.setTitle(self._brief.title)
        writer.setCreator(f"Press Reader {__version__}")
        if self._brief.author.strip():
            writer.setAuthor(self._brief.author.strip())
        top, right, bottom, left = _MARGINS_MM
        writer.setPageLayout(
            QPageLayout(
                QPageSize(_PAPERS.get(self._paper, QPageSize.PageSizeId.A4)),
                QPageLayout.Orientation.Portrait,
                QMarginsF(left, top, right, bottom),
                QPageLayout.Unit.Millimeter,
            )
        )
        body = writer.pageLayout().paintRectPixels(_DPI)
        page_height = float(body.height())
        document, starts = self._layout(writer, float(body.width()), page_height)
        ends = [*starts[1:], document.documentLayout().documentSize().height()]

        painter = QPainter(writer)
        try:
            for page, (start, end) in enumerate(zip(starts, ends, strict=True)):
                if page:
                    writer.newPage()
                painter.save()
                painter.translate(0, -start)
                document.drawContents(painter, QRectF(0, start, body.width(), end - start))
                painter.restore()
                self._decorate(painter, body.width(), page_height, page + 1, len(starts))
        finally:
            painter.end()
        buffer.close()
        return bytes(data.data())

    def _decorate(
        self, painter: QPainter, width: float, height: float, page: int, pages: int
    ) -> None:
        """The running header (from the second page) and the page counter."""
        mm = _DPI / 25.4
        small = QFont(self._sans)
        small.setPointSizeF(8)
        painter.save()
        painter.setFont(small)
        painter.setPen(QColor(_GREY))
        gap = 7 * mm
        if page > 1:
            title = painter.fontMetrics().elidedText(
                " ".join(self._brief.title.split()), Qt.TextElideMode.ElideRight, int(width * 0.7)
            )
            line = QRectF(0, -gap - 4 * mm, width, 4 * mm)
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title)
            period = self._labels.period_text(self._brief.since, self._brief.until)
            if period:
                painter.drawText(
                    line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, period
                )
            painter.setPen(QPen(QColor(_RULE), 0.25 * mm))
            painter.drawLine(QPointF(0, -gap + 1.5 * mm), QPointF(width, -gap + 1.5 * mm))
            painter.setPen(QColor(_GREY))
        footer = QRectF(0, height + gap - 1 * mm, width, 5 * mm)
        painter.drawText(
            footer,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            self._labels.page(page, pages),
        )
        painter.restore()

    # -- layout -----------------------------------------------------------------------------

    def _layout(
        self, writer: QPdfWriter, width: float, page_height: float
    ) -> tuple[QTextDocument, list[float]]:
        """The document laid out in one column of the text's width, where its pages start,
        and its contents showing the page each section starts on."""
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        font = QFont(self._serif)
        font.setPointSizeF(10.5)
        # No "fi"/"ff" ligatures: text copied or searched in the PDF stays plain letters.
        font.setFeature(QFont.Tag("liga"), 0)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setTextWidth(width)
        section_pages: list[int] = []
        for _ in range(3):
            # Page numbers do not change the contents' height: a second round settles it.
            document.setHtml(self._html(section_pages))
            starts = _page_starts(_units(document), page_height)
            found = self._section_pages(document, starts)
            if found == section_pages:
                break
            section_pages = found
        return document, starts

    def _section_pages(self, document: QTextDocument, starts: Sequence[float]) -> list[int]:
        """The page (from 1) each section heading landed on, in order."""
        layout = document.documentLayout()
        pages: list[int] = []
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2 and _anchored(block, _SECTION):
                pages.append(_page_of(starts, layout.blockBoundingRect(block).top()))
            block = block.next()
        return pages

    # -- the document -----------------------------------------------------------------------

    def _html(self, section_pages: Sequence[int]) -> str:
        labels = self._labels
        brief = self._brief
        out: list[str] = [
            "<html><head><style>",
            f"body {{ color: {_INK}; }}",
            f"h1, h2, h3, .label, .byline, .toc, .meta {{ font-family: '{self._sans}'; }}",
            f"h1 {{ font-size: 22pt; font-weight: 600; color: {_NAVY}; margin-top: 0; "
            f"margin-bottom: {_px(4)}; }}",
            f"h2 {{ font-size: 14.5pt; font-weight: 600; color: {_NAVY}; margin-top: {_px(20)}; "
            f"margin-bottom: {_px(6)}; }}",
            f"h3 {{ font-size: 11.5pt; font-weight: 600; color: {_INK}; margin-top: {_px(14)}; "
            f"margin-bottom: {_px(2)}; }}",
            f"a {{ color: {_NAVY}; text-decoration: none; }}",
            f".byline {{ font-size: 8.5pt; color: {_GREY}; margin-top: 0; "
            f"margin-bottom: {_px(5)}; }}",
            f".meta {{ font-size: 10pt; color: {_GREY}; }}",
            ".label { font-size: 7.5pt; font-weight: 600; }",
            f".note, .tags {{ font-size: 9pt; color: {_INK}; }}",
            ".summary { font-style: italic; }",
            ".toc { font-size: 10pt; } .changed { color: #9c2b2b; font-style: italic; }",
            f"p {{ margin-top: 0; margin-bottom: {_px(5)}; line-height: 128%; }}",
            "</style></head><body>",
        ]
        out += self._title_block()
        intro = introduction_html(brief.introduction)
        if intro:
            out.append(intro)
        sections = printed_sections(brief)
        if not sections:
            out.append(f'<p style="color: {_GREY};"><i>{_e(labels.nothing)}</i></p>')
        else:
            out.append(f"<h2>{_e(labels.contents)}</h2>")
            out.append(
                '<table class="toc" width="100%" cellspacing="0" cellpadding="2" '
                'style="border-collapse: collapse;">'
            )
            for index, section in enumerate(sections):
                page = str(section_pages[index]) if index < len(section_pages) else "00"
                count = len(section.items)
                out.append(
                    f'<tr><td width="90%">{_e(section.heading)} '
                    f'<span style="color: {_GREY};">({count})</span></td>'
                    f'<td width="10%" align="right">{page}</td></tr>'
                )
            out.append("</table>")

        sources: list[BriefItem] = []
        current = None
        for section, number, item in numbered(brief):
            if section is not current:
                current = section
                # The anchor marks the headings whose pages the contents list.
                out.append(f'<h2><a name="{_SECTION}{len(sources)}"></a>{_e(section.heading)}</h2>')
            sources.append(item)
            out += self._item(item, number)
        if sources:
            out.append(f"<h2>{_e(labels.sources)}</h2>")
            out.append('<ol class="byline" style="font-size: 8.5pt;">')
            for item in sources:
                parts = [_e(part) for part in byline(item, labels)]
                parts.append(self._link(item.title, item.link))
                url = linkable(item.link)
                if url:
                    parts.append(f'<a href="{html.escape(url)}">{_e(url)}</a>')
                out.append(f"<li>{', '.join(parts)}</li>")
            out.append("</ol>")
        out.append("</body></html>")
        return "\n".join(out)

    def _title_block(self) -> list[str]:
        labels = self._labels
        brief = self._brief
        lines = [
            f'<p class="meta" style="font-size: 8pt; letter-spacing: 1pt; color: {_GREY};">'
            f"{_e(labels.press_review.upper())}</p>",
            f"<h1>{_e(brief.title)}</h1>",
        ]
        meta: list[str] = []
        period = labels.period_text(brief.since, brief.until)
        if period:
            meta.append(f"<b>{_e(labels.label(labels.period))}</b> {_e(period)}")
        if brief.author.strip():
            meta.append(f"<b>{_e(labels.label(labels.author))}</b> {_e(brief.author)}")
        stamp = brief.exported or brief.updated or self._now
        meta.append(_e(labels.prepared.format(date=labels.date(stamp))))
        lines.append(f'<p class="meta">{"<br/>".join(meta)}</p>')
        lines.append(
            f'<table width="100%" cellspacing="0" cellpadding="0" '
            f'style="margin-top: {_px(6)}; margin-bottom: {_px(14)};">'
            f'<tr><td height="2" bgcolor="{_NAVY}"></td></tr></table>'
        )
        return lines

    def _link(self, text: str, url: str | None) -> str:
        safe = linkable(url)
        if safe is None:
            return _e(text)
        return f'<a href="{html.escape(safe, quote=True)}">{_e(text)}</a>'

    def _item(self, item: BriefItem, number: int) -> list[str]:
        labels = self._labels
        out = [f"<h3>{self._link(item.title, item.link)}</h3>"]
        parts = [_e(part) for part in byline(item, labels)]
        parts.append(f"[{number}]")
        out.append(f'<p class="byline">{" · ".join(parts)}</p>')
        if item.summary.strip():
            out.append(f'<p class="summary">{_e(item.summary)}</p>')
        found = passages(item, self._colors)
        for passage in found:
            out.append(self._passage(passage))
        if not found:
            excerpt = excerpt_text(item)
            if excerpt:
                out.append(
                    f'<p style="margin-left: {_px(12)}; color: {_GREY}; font-style: italic;">'
                    f"{_e(excerpt)}</p>"
                )
        if item.tags:
            out.append(
                f'<p class="tags" style="color: {_GREY};">{_e(labels.label(labels.tags))} '
                f"{_e(', '.join(item.tags))}</p>"
            )
        return out

    def _passage(self, passage: Passage) -> str:
        labels = self._labels
        inner = [
            f'<p class="label" style="color: {_shade(passage.swatch, 260)};">'
            f"{_e(passage.label.upper())}</p>",
            f'<p><span style="background-color: {passage.swatch};">{_e(passage.quote)}</span>',
        ]
        if passage.orphaned:
            inner[-1] += f' <span class="changed">{_e(labels.article_changed)}</span>'
        inner[-1] += "</p>"
        if passage.note:
            note = "<br/>".join(_e(line) for line in passage.note)
            inner.append(f'<p class="note"><i>{_e(labels.label(labels.note))}</i> {note}</p>')
        if passage.tags:
            inner.append(
                f'<p class="tags" style="color: {_GREY};">{_e(labels.label(labels.tags))} '
                f"{_e(', '.join(passage.tags))}</p>"
            )
        return (
            '<table width="100%" cellspacing="0" cellpadding="0" '
            f'style="margin-top: {_px(4)}; margin-bottom: {_px(8)};"><tr>'
            f'<td bgcolor="{_tint(passage.swatch, 0.25)}" style="padding-left: {_px(9)}; '
            f"padding-right: {_px(8)}; padding-top: {_px(5)}; padding-bottom: {_px(1)}; "
            f"border-left-style: solid; border-left-width: {_px(3)}; "
            f'border-left-color: {_shade(passage.swatch)};">'
            + "".join(inner)
            + "</td></tr></table>"
        )
