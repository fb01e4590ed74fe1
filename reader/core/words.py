"""Whole words: extending a selection made inside a word to the word's edges."""

from __future__ import annotations

import re

#: Marks that join two parts of one word when they stand between letters: the apostrophes
#: (typewriter, typographic, modifier letter) and the hyphens (hyphen-minus, hyphen,
#: non-breaking hyphen), so « l’armée », « l'armée » and « Koïta-Sané » are one word each.
JOINERS = "'\u2019\u02bc-\u2010\u2011"

# A letter, digit or underscore, or a combining accent (text decomposed into base letters
# and accents keeps each accent with its letter).
_PART = r"(?:\w|[\u0300-\u036f])+"
WORD = re.compile(rf"{_PART}(?:[{re.escape(JOINERS)}]{_PART})*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every word of ``text``, in order."""
    return [match.span() for match in WORD.finditer(text)]


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection ``text[start:end]`` extended to whole words: an edge that falls inside
    a word moves out to that word's edge; an edge between words stays where it is.

    ``start`` and ``end`` are clamped to the text, and swapped when given backwards (a
    selection made from right to left). An empty selection inside a word becomes the word.
    """
    size = len(text)
    start, end = sorted((max(0, min(start, size)), max(0, min(end, size))))
    for word_start, word_end in word_spans(text):
        if word_start >= end:
            break
        if word_start < start < word_end:
            start = word_start
        if word_start < end < word_end:
            end = word_end
    return start, end
