"""Outside text (feeds, pages, file names, the library) made safe to print on a terminal."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

# What a terminal obeys rather than shows: C0 and C1 controls and DEL (escape sequences
# recolour, retitle or rewrite the screen), the bidi embeddings, overrides and isolates
# (U+202E turns the rest of the line around) and their marks, and the line and paragraph
# separators some terminals break lines at. Private-use characters stay: the search
# snippets' match markers are made of them.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_SEPARATORS = "\u2028\u2029"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _is_obeyed(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or char in _BIDI or char in _SEPARATORS


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """``text`` on one line, every character a terminal would obey written as an escape
    (``\\x1b``, ``\\n``, ``\\u202e``) so the user sees it instead of suffering it."""
    return "".join(_escaped(c) if _is_obeyed(c) else c for c in str(text))


def shown_lines(text: str, indent: str = "") -> str:
    """``text`` made printable as :func:`shown` does, but keeping its line breaks: each line
    after the first starts with ``indent``, so a note stays under its record."""
    return ("\n" + indent).join(shown(line) for line in _LINE_BREAK.split(text))


def json_text(value: Any) -> str:
    """``value`` as indented JSON that is just as exact but safe on a terminal: the
    characters :func:`shown` escapes are written as JSON's own ``\\uXXXX`` escapes (the
    json module leaves DEL, C1 controls and bidi overrides raw)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    # Outside strings JSON has only its own punctuation and the indentation's newlines.
    return "".join(f"\\u{ord(c):04x}" if c != "\n" and _is_obeyed(c) else c for c in text)
