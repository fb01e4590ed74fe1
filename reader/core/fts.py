"""Turning whatever a user types into a full-text query that finds what they mean and cannot fail.

Plain words are searched by their stem as a prefix, so that ``ecologie`` finds « écologiques »
and ``attacked`` finds "attacks": the index itself stays a plain accent-folding one (no stemming
at ingest, which would cost CPU on every article), and the analysts' two languages, French and
English, are handled at query time. A query that uses FTS5 syntax (quotes, ``*``, ``OR``,
``NOT``, ``NEAR``, parentheses, ``column:``) is passed through as the user wrote it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reader.core.folding import fold

_WORD = re.compile(r"\w+", re.UNICODE)
_SYNTAX = re.compile(r'["*()^:+{}]|\b(?:AND|OR|NOT|NEAR)\b')
#: Stems shorter than this match too much ("nig" for Niger); the whole word is used instead.
MIN_STEM = 5
#: Shorter words are matched whole.
MIN_PREFIX = 4


@lru_cache(maxsize=1)
def _stemmers() -> tuple[Any, ...]:
    """Built on the first search, not at start-up."""
    import snowballstemmer

    return (snowballstemmer.stemmer("french"), snowballstemmer.stemmer("english"))


def uses_syntax(text: str) -> bool:
    """Whether the user wrote FTS5 syntax rather than plain words."""
    return _SYNTAX.search(text) is not None


@lru_cache(maxsize=4096)
def word_prefix(word: str) -> str:
    """The shortest French or English stem of ``word`` that is still a prefix of it and is long
    enough to be specific; otherwise the (accent-folded) word itself."""
    folded = fold(word)
    best = folded
    for stemmer in _stemmers():
        stem = fold(stemmer.stemWord(word.casefold()))
        if len(stem) >= MIN_STEM and folded.startswith(stem) and len(stem) < len(best):
            best = stem
    return best


def plain_query(text: str) -> str | None:
    """Every word must match, by its stem or as typed; words shorter than four letters (``l'``,
    ``de``, ``the``) must match exactly: as prefixes they would match half the index. None when
    there is no word at all."""
    words = _WORD.findall(text)
    if not words:
        return None
    terms = []
    for word in words:
        if len(word) < MIN_PREFIX:
            terms.append(f'"{fold(word)}"')
        else:
            terms.append(f'"{word_prefix(word)}"*')
    return " ".join(terms)


def fallback_query(text: str) -> str | None:
    """For syntax that FTS5 rejects: the words as exact terms, the last one as a prefix."""
    words = _WORD.findall(text)
    if not words:
        return None
    terms = [f'"{word}"' for word in words]
    terms[-1] += "*"
    return " ".join(terms)
