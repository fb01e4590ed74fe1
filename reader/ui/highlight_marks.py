"""Highlights in the reader view: painting them where their quotes are, and turning a
selection into a passage of the article's text."""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit

from reader.core import (
    SWATCHES,
    TextPositionSelector,
    TextQuoteSelector,
    find_quote,
    locate,
    snap_to_words,
    squeeze_spaces,
)
from reader.core.errors import InvalidSelectionError
from reader.core.types import Highlight
from reader.ui.icons import drawn_icon

#: How each colour of the palette is painted (light enough for black text on any palette).
PAINT: dict[str, QColor] = {name: QColor(rgb) for name, rgb in SWATCHES.items()}


def paint_color(name: str) -> QColor:
    """How a palette colour is painted (yellow for one this version does not know)."""
    return PAINT.get(name, PAINT["yellow"])


def color_name(name: str) -> str:
    """A palette colour named in the interface's language: "Yellow", « Jaune »."""
    names = {
        "yellow": QCoreApplication.translate("HighlightColor", "Yellow"),
        "green": QCoreApplication.translate("HighlightColor", "Green"),
        "blue": QCoreApplication.translate("HighlightColor", "Blue"),
        "pink": QCoreApplication.translate("HighlightColor", "Pink"),
        "orange": QCoreApplication.translate("HighlightColor", "Orange"),
    }
    return names.get(name, name.capitalize())


def color_meaning(meaning: str) -> str:
    """What a colour means, as the user wrote it; the meanings a new library starts with
    (written in English by the library) in the interface's language."""
    defaults = {
        "key fact": QCoreApplication.translate("HighlightColor", "key fact"),
        "context": QCoreApplication.translate("HighlightColor", "context"),
        "quote": QCoreApplication.translate("HighlightColor", "quote"),
        "claim to verify": QCoreApplication.translate("HighlightColor", "claim to verify"),
        "follow up": QCoreApplication.translate("HighlightColor", "follow up"),
    }
    return defaults.get(meaning, meaning)


@functools.cache  # five colours; icons need a QGuiApplication, so made on first use
def swatch_icon(name: str) -> QIcon:
    """A small rounded square of a palette colour, for lists, menus and combo boxes; the
    same in a selected row (the default selected mode would tint it)."""
    fill = paint_color(name)

    def paint(painter: QPainter) -> None:
        painter.setPen(QPen(fill.darker(150), 1.0))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(2.5, 2.5, 11, 11), 2.5, 2.5)

    return drawn_icon(paint, keep_when_selected=True)


def body_start(document: QTextDocument) -> int:
    """Where the article's own text begins: after the rule that ends the header (title,
    source, links, tags), which is not part of the article's text."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
            following = block.next()
            return following.position() if following.isValid() else document.characterCount()
        block = block.next()
    return 0


def body_text(document: QTextDocument) -> tuple[int, str]:
    """The body's start and its plain text as the view shows it."""
    start = body_start(document)
    return start, document.toPlainText()[start:]


@dataclass(frozen=True, slots=True)
class PaintedHighlight:
    """Where a highlight is in the displayed document (positions of the document)."""

    start: int
    end: int
    highlight: Highlight


def place_highlights(
    document: QTextDocument, highlights: Iterable[Highlight], stored_text: str | None = None
) -> list[PaintedHighlight]:
    """Each placed highlight found by its quote in the displayed text (so the view never
    depends on the store's offsets). The document spaces paragraphs differently from the
    article's canonical text, so both are compared with whitespace runs squeezed; the
    stored position, carried into the squeezed ``stored_text``, tells repeated quotes apart.
    Orphaned highlights are left out: the article no longer has them."""
    offset, text = body_text(document)
    shown, shown_origin = squeeze_spaces(text)
    stored_origin = squeeze_spaces(stored_text)[1] if stored_text is not None else None
    placed = []
    for highlight in highlights:
        if highlight.orphaned or highlight.start is None or highlight.end is None:
            continue
        quote = TextQuoteSelector(
            *(
                squeeze_spaces(part)[0]
                for part in (highlight.exact, highlight.prefix, highlight.suffix)
            )
        )
        hint = None
        if stored_origin is not None:
            start = bisect_left(stored_origin, highlight.start)
            hint = TextPositionSelector(start, max(start + 1, start + len(quote.exact)))
        anchor = locate(shown, quote, hint)
        if anchor is not None:
            start, end = shown_origin[anchor.start], shown_origin[anchor.end - 1] + 1
            placed.append(PaintedHighlight(offset + start, offset + end, highlight))
    return placed


def highlight_at(placed: Iterable[PaintedHighlight], position: int) -> Highlight | None:
    """The highlight under a position of the document: the shortest one when they overlap
    (the one painted on top)."""
    under = [p for p in placed if p.start <= position < p.end]
    return min(under, key=lambda p: p.end - p.start).highlight if under else None


def highlight_selections(
    document: QTextDocument, placed: Iterable[PaintedHighlight]
) -> list[QTextEdit.ExtraSelection]:
    """A painted mark over each placed highlight; overlapping ones paint longest first, so a
    short passage inside a long one stays visible."""
    selections = []
    for item in sorted(placed, key=lambda p: p.start - p.end):
        cursor = QTextCursor(document)
        cursor.setPosition(item.start)
        cursor.setPosition(item.end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(paint_color(item.highlight.color))
        fmt.setForeground(QColor(32, 33, 36))
        fmt.setToolTip(item.highlight.note or color_name(item.highlight.color))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
    return selections


def snapped_selection(document: QTextDocument, cursor: QTextCursor) -> QTextCursor:
    """The selection of ``cursor`` extended to whole words (see ``snap_to_words``): a drag
    that starts or ends inside a word takes the whole word."""
    start, end = snap_to_words(
        document.toPlainText(), cursor.selectionStart(), cursor.selectionEnd()
    )
    snapped = QTextCursor(document)
    snapped.setPosition(start)
    snapped.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return snapped


def paragraph_selection(document: QTextDocument, position: int) -> QTextCursor:
    """The text of the paragraph holding ``position``, selected without the spaces around
    it (an empty selection for a paragraph without text)."""
    block = document.findBlock(position)
    text = block.text()
    lead = len(text) - len(text.lstrip())
    length = len(text.rstrip()) - lead
    cursor = QTextCursor(document)
    cursor.setPosition(block.position() + lead)
    cursor.setPosition(block.position() + lead + max(0, length), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def selected_passage(document: QTextDocument, cursor: QTextCursor) -> tuple[str, int]:
    """The selected text, extended to whole words, and which of its occurrences in the body
    it is (from 1), for ``HighlightStore.add_quote``. Raises InvalidSelectionError with a
    message for the user."""
    if not cursor.hasSelection() or not cursor.selectedText().strip():
        raise InvalidSelectionError(
            QCoreApplication.translate("HighlightMarks", "Select a passage of the article first.")
        )
    offset, text = body_text(document)
    cursor = snapped_selection(document, cursor)
    if cursor.selectionStart() < offset:
        raise InvalidSelectionError(
            QCoreApplication.translate(
                "HighlightMarks",
                "Highlights are made in the article's text, not in its title or header.",
            )
        )
    quote = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
    start = cursor.selectionStart() - offset
    occurrence = 1
    while True:
        try:
            found, _ = find_quote(text, quote, occurrence=occurrence)
        except InvalidSelectionError:
            return quote, 1
        if found >= start - 1:
            return quote, occurrence
        occurrence += 1
