"""Marking the words of a search in the article being read, accents and case ignored."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit

from reader.core import MIN_PREFIX, word_prefix
from reader.ui.contrast import legible

#: The char format property that tells a search hit's mark from a highlight's.
SEARCH_HIT = QTextFormat.Property.UserProperty + 1

_WORD = re.compile(r"\w+", re.UNICODE)


def _fold_char(char: str) -> str:
    """One character without its accent and case, still one character (so offsets hold)."""
    base = unicodedata.normalize("NFKD", char)[:1] or char
    folded = base.casefold()
    return folded if len(folded) == 1 else char.lower()


def fold_keeping_offsets(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


def search_patterns(query: str) -> list[re.Pattern[str]]:
    """What each word of a query matches in folded text, as the search itself matches it: the
    stem (or the word) at the start of a word; short words whole."""
    patterns = []
    for word in dict.fromkeys(_WORD.findall(query)):
        if word.upper() in ("AND", "OR", "NOT", "NEAR"):
            continue
        folded = fold_keeping_offsets(word)
        if len(word) < MIN_PREFIX:
            patterns.append(re.compile(rf"\b{re.escape(folded)}\b"))
        else:
            stem = fold_keeping_offsets(word_prefix(word))
            patterns.append(re.compile(rf"\b{re.escape(stem)}\w*"))
    return patterns


#: The colour of the line under a search hit: no palette colour of highlights is near it,
#: and links are blue, so a hit is never taken for either.
HIT_COLOR = QColor(214, 69, 0)


def hit_format(background: QColor | None = None) -> QTextCharFormat:
    """How a search hit is marked: its letters and a line under them in :data:`HIT_COLOR`
    (made legible on ``background``), and no background, which is the highlights' mark."""
    if background is None:
        background = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    color = legible(HIT_COLOR, background, 3.0)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(color)
    fmt.setForeground(color)
    fmt.setProperty(SEARCH_HIT, True)
    return fmt


def search_selections(
    document: QTextDocument, query: str, background: QColor | None = None
) -> list[QTextEdit.ExtraSelection]:
    """Extra selections underlining every match of the query's words (``background``: the
    page's colour, the application palette's Base by default)."""
    text = fold_keeping_offsets(document.toPlainText())
    fmt = hit_format(background)
    selections = []
    for pattern in search_patterns(query):
        for match in pattern.finditer(text):
            cursor = QTextCursor(document)
            cursor.setPosition(match.start())
            cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
    return selections
