"""Search snippets: a few words around the first match, in time bounded by the window read.

FTS5's own ``snippet()`` costs time quadratic in the size of the document (4 s for a 100 KB
article, over ten minutes for 10 MB), so snippets are built here instead: the first match in
each column is found by one regular-expression scan of the stored text (linear, in C), and
only a window of :data:`WINDOW` characters on either side of it is handed on to be cut into
words and marked. The terms are those of the full-text query itself (see
:mod:`reader.core.fts`), matched as the index matches them: case and accents ignored, plain
words as stem prefixes, so ``cooperation`` finds and marks « coopération ».
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.folding import fold

#: Markers around the matched words in a search snippet (private-use characters, so they can
#: never occur in article text); each view turns them into its own emphasis.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
#: Words in a snippet, as FTS5's ``snippet(…, 16)`` gave.
SNIPPET_WORDS = 16
#: Characters read on either side of the first match to cut the snippet from.
WINDOW = 240
#: Letters of a word matched after a prefix (the index's tokens are whole words; a word of
#: ten megabytes of letters must not make a match of ten megabytes).
_MAX_TAIL = 64
#: At most this many query terms are marked (a query is a line typed by a person).
MAX_TERMS = 32
_ELLIPSIS = "…"
_COMBINING = "\u0300-\u036f"
_TOKEN = re.compile(rf"[\w{_COMBINING}]+")
# In a full-text query: a quoted phrase (optionally a prefix), a column filter, or a bare word.
_QUERY_PART = re.compile(r'"((?:[^"]|"")*)"(\*?)|\{[^}]*\}\s*:|(\w+)\s*:|(\w+)(\*?)')
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


@dataclass(frozen=True, slots=True)
class Term:
    """One word of a query as the index matches it: accent-folded, whole or as a prefix."""

    folded: str
    prefix: bool


def query_terms(match: str) -> tuple[Term, ...]:
    """The words of a full-text query (as handed to FTS5) that a matching article contains:
    operators, column names and NEAR distances left out, phrases split into their words."""
    terms: dict[Term, None] = {}
    for part in _QUERY_PART.finditer(match):
        phrase, phrase_star, _, word, word_star = part.groups()
        if phrase is not None:
            words = _TOKEN.findall(phrase.replace('""', '"'))
            for i, inner in enumerate(words):
                last = i == len(words) - 1
                terms[Term(fold(inner), bool(phrase_star) and last)] = None
        elif word is not None and word not in _OPERATORS:
            if word.isdigit() and match[: part.start()].rstrip().endswith(","):
                continue  # NEAR(a b, 5)
            terms[Term(fold(word), bool(word_star))] = None
    return tuple(t for t in terms if t.folded)[:MAX_TERMS]


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """Every precomposed letter that the index folds to a base letter, by base letter."""
    variants: dict[str, list[str]] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
            variants.setdefault(decomposed[0].casefold(), []).append(char)
    return {base: "".join(chars) for base, chars in variants.items()}


def _letters(folded: str) -> str:
    accented = _accented()
    parts = []
    for char in folded:
        others = accented.get(char, "")
        letter = f"[{re.escape(char + others)}]" if others else re.escape(char)
        parts.append(f"{letter}[{_COMBINING}]*")
    return "".join(parts)


@lru_cache(maxsize=256)
def term_pattern(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    """One pattern matching any of the terms at the start of a word in raw (unfolded) text;
    group *i* + 1 is term *i*. None without terms."""
    if not terms:
        return None
    alternatives = []
    for term in terms:
        tail = rf"[\w{_COMBINING}]{{0,{_MAX_TAIL}}}" if term.prefix else r"(?!\w)"
        alternatives.append(f"({_letters(term.folded)}{tail})")
    return re.compile(rf"(?<![\w{_COMBINING}])(?:{'|'.join(alternatives)})", re.IGNORECASE)


def make_snippet(columns: Sequence[str], terms: tuple[Term, ...]) -> str:
    """The snippet of an article whose columns (title, author, text) matched the terms: from
    the column whose window around its first match holds the most distinct terms (the first
    such column on a tie, as FTS5 chose), the matched words between the markers. Only a
    bounded window of each column is cut into words, whatever its length."""
    pattern = term_pattern(terms)
    best: tuple[int, str] | None = None
    for value in columns:
        found = pattern.search(value) if pattern is not None else None
        if found is None:
            continue
        start = max(0, found.start() - WINDOW)
        end = min(len(value), found.end() + WINDOW)
        score, snippet = build_snippet(
            value[start:end], pattern, from_start=start == 0, to_end=end == len(value)
        )
        if best is None or score > best[0]:
            best = (score, snippet)
    if best is not None:
        return best[1]
    # Nothing marked (a query the index reads otherwise): the opening words, as FTS5 did.
    for value in columns[::-1]:
        if value.strip():
            end = min(len(value), 2 * WINDOW)
            return build_snippet(value[:end], None, from_start=True, to_end=end == len(value))[1]
    return ""


def build_snippet(
    window: str, pattern: re.Pattern[str] | None, *, from_start: bool, to_end: bool
) -> tuple[int, str]:
    """(score, snippet) for a window of a column: :data:`SNIPPET_WORDS` words around its
    first match, matches marked, an ellipsis where the column goes on. ``from_start`` and
    ``to_end`` say whether the window begins and ends with the column. The score counts
    1000 per distinct term in the snippet, 1 per further match (FTS5's own scoring)."""
    tokens = [m.span() for m in _TOKEN.finditer(window)]
    # A word cut by the window's edge is not shown in part.
    if tokens and not from_start and tokens[0][0] == 0:
        tokens.pop(0)
    if tokens and not to_end and tokens[-1][1] == len(window):
        tokens.pop()
    if not tokens:
        return 0, ""
    marks = [] if pattern is None else [m for m in pattern.finditer(window) if m.end() > m.start()]
    marks = [m for m in marks if tokens[0][0] <= m.start() < tokens[-1][1]]
    first = 0
    if marks:
        first = next(i for i, (_, end) in enumerate(tokens) if end > marks[0].start())
        last = next(i for i, (_, end) in enumerate(tokens) if end >= marks[-1].end())
        covered = min(last - first + 1, SNIPPET_WORDS)
        first = max(0, first - (SNIPPET_WORDS - covered) // 2)
    first = max(0, min(first, len(tokens) - SNIPPET_WORDS))
    last = min(len(tokens), first + SNIPPET_WORDS) - 1
    begin, end = tokens[first][0], tokens[last][1]
    out = [_ELLIPSIS] if first > 0 or not from_start else []
    seen: set[int] = set()
    score = 0
    at = begin
    for mark in marks:
        if mark.start() < at or mark.end() > end:
            continue
        term = mark.lastindex or 0
        score += 1 if term in seen else 1000
        seen.add(term)
        out += [window[at : mark.start()], MATCH_START, mark.group(), MATCH_END]
        at = mark.end()
    out.append(window[at:end])
    if last < len(tokens) - 1 or not to_end:
        out.append(_ELLIPSIS)
    return score, "".join(out)
