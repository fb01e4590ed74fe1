"""Marking the words of a search in the article being read, accents and case ignored."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.core.fts import MIN_PREFIX, word_prefix

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


def search_selections(document: QTextDocument, query: str) -> list[QTextEdit.ExtraSelection]:
    """Extra selections (a soft highlight) over every match of the query's words."""
    text = fold_keeping_offsets(document.toPlainText())
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(255, 213, 79))
    fmt.setForeground(QColor(32, 33, 36))  # dark text on the mark, whatever the palette
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
