"""Accent and case folding: the one ``fold()`` that search, filters and snippets compare by."""

from __future__ import annotations

import functools
import re
import unicodedata

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _marks() -> re.Pattern[str]:
    """Every combining character of the Basic Multilingual Plane (what NFKD splits off
    accented letters) as one character class, which only BMP characters let the regex
    engine compile to a lookup table: removing them is then one fast pass."""
    marks = "".join(chr(c) for c in range(0x10000) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]")


def fold(text: str) -> str:
    """``text`` without case or accents (« Coopération » → « cooperation »), as the search
    index's ``remove_diacritics`` tokens are."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    folded = _marks().sub("", decomposed)
    if _ASTRAL.search(folded):
        # Beyond the BMP (historic scripts, musical notation): the rare slow way.
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded
