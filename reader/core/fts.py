"""Turning whatever a user types into a full-text query that cannot fail."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def fallback_query(text: str) -> str | None:
    """The user's words as quoted FTS5 terms (all must match), the last one as a prefix so
    that search-as-you-type finds ``coop`` in ``coopération``; None when there is no word."""
    words = _WORD.findall(text)
    if not words:
        return None
    terms = [f'"{word}"' for word in words]
    terms[-1] += "*"
    return " ".join(terms)
