"""What makes an entry itself: digests that tell a changed entry from an unchanged one and
keys that recognise one story carried by several feeds."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass

from reader.core.types import ParsedEntry
from reader.core.urls import link_key

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@dataclass(frozen=True, slots=True)
class EntryIdentity:
    """An entry's digest and duplicate keys, computed where the entry was parsed (in a worker
    process during a refresh) so that the writing thread only compares and writes."""

    digest: str
    link_key: str | None
    content_key: str | None


def _fold_title(title: str) -> str:
    """Case, accents and spacing do not count."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return " ".join(_COMBINING.sub("", decomposed).split())


def content_key(title: str, text: str) -> str | None:
    """Equal for two articles with the same title and the same text, ignoring case and spacing
    (and accents in the title); None when there is no text to compare: a bare title is too
    weak a sign of the same story."""
    folded_text = " ".join(text.casefold().split())
    if not folded_text:
        return None
    return hashlib.sha1(f"{_fold_title(title)}\n{folded_text}".encode()).hexdigest()


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


def identify(entry: ParsedEntry) -> EntryIdentity:
    """Everything the store needs to know about an entry besides its content."""
    return EntryIdentity(
        entry_digest(entry), link_key(entry.link), content_key(entry.title, entry.text)
    )
