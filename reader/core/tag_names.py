"""A tag's name: how it is written down (spaces collapsed, no empty levels) and the rules a
name new to the library obeys (visible levels, length limits)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from reader.core.errors import InvalidTagError

# Limits on the names of new tags, in characters: a tag is a label in menus, lists and the
# sections of briefs, not a place for text. Tags stored before the limits keep working.
TAG_LEVEL_LIMIT = 100
TAG_LIMIT = 200
# Characters that draw nothing (besides spaces and format characters such as U+200B):
# fillers that are letters to Unicode, and the blank braille pattern.
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# The bidi embeddings, overrides and isolates: like controls, a list or a terminal obeys them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Cs", "Mn", "Me", "Zs", "Zl", "Zp"})


def normalize_tag(name: str) -> str:
    """A tag as stored: spaces collapsed, no empty path parts (``country / Mali`` →
    ``country/Mali``). Raises :class:`InvalidTagError` for an empty or unprintable name."""
    if any(ord(c) < 32 for c in name):
        raise InvalidTagError(f"a tag cannot contain control characters: {name!r}")
    parts = [" ".join(part.split()) for part in name.split("/")]
    parts = [part for part in parts if part]
    if not parts:
        raise InvalidTagError("a tag name cannot be empty")
    return "/".join(parts)


def _visible(char: str) -> bool:
    return char not in _BLANK and unicodedata.category(char) not in _INVISIBLE_CATEGORIES


def new_tag(name: str) -> str:
    """A tag about to enter the library, as :func:`normalize_tag` stores it, checked against
    the rules for new names: every level shows something (not only zero-width, format or
    space characters), has at most :data:`TAG_LEVEL_LIMIT` characters, and the whole name at
    most :data:`TAG_LIMIT`. Raises :class:`InvalidTagError` with the reason."""
    tag = normalize_tag(name)
    if any(unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS for c in tag):
        raise InvalidTagError(f"a tag cannot contain control characters: {tag!r}")
    for level in tag.split("/"):
        if not any(_visible(c) for c in level):
            raise InvalidTagError(f"a tag needs a visible character in each level: {level!r}")
        if len(level) > TAG_LEVEL_LIMIT:
            raise InvalidTagError(
                f"a tag level is at most {TAG_LEVEL_LIMIT} characters, not {len(level)}: "
                f"{level[:30]!r}…"
            )
    if len(tag) > TAG_LIMIT:
        raise InvalidTagError(
            f"a tag is at most {TAG_LIMIT} characters in all, not {len(tag)}: {tag[:30]!r}…"
        )
    return tag


def library_tag(name: str, known: Iterable[str]) -> str:
    """``name`` as the library will store it, given the ``known`` tags already in it: those
    are taken as they are (a long tag from before the limits stays usable), other names must
    pass :func:`new_tag`. What the desktop checks as the user types."""
    tag = normalize_tag(name)
    if tag.casefold() in {normalize_tag(k).casefold() for k in known}:
        return tag
    return new_tag(tag)
