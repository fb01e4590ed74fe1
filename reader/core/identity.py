"""What makes an entry itself: digests that tell a changed entry from an unchanged one and
keys that recognise one story carried by several feeds."""

from __future__ import annotations

import hashlib
import json
import unicodedata

from reader.core.types import ParsedEntry


def _fold(text: str) -> str:
    """Case, accents and spacing do not count."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def content_key(title: str, text: str) -> str | None:
    """Equal for two articles with the same title and the same text; None when there is no
    text to compare (a bare title is too weak a sign of the same story)."""
    folded_text = _fold(text)
    if not folded_text:
        return None
    return hashlib.sha1(f"{_fold(title)}\n{folded_text}".encode()).hexdigest()


def entry_digest(entry: ParsedEntry) -> str:
    """Changes whenever anything we store about the entry changes."""
    payload = json.dumps(
        [
            entry.title,
            entry.link,
            entry.author,
            entry.published.isoformat() if entry.published else None,
            entry.updated.isoformat() if entry.updated else None,
            entry.summary_html,
            entry.content_html,
            list(entry.enclosures),
        ],
        ensure_ascii=False,
    )
    return hashlib.sha1(payload.encode()).hexdigest()
