"""Tags as paths (``country/Mali`` lies under ``country``): the key two names are compared
by, and the rule that a tag filter matches the tag and every tag below it."""

from __future__ import annotations

import functools
from collections.abc import Iterable


def tag_key(name: str) -> str:
    """A tag as filters compare it: case dropped, spaces inside a level collapsed, spaces
    around "/" and empty levels ignored."""
    return "/".join(" ".join(part.split()) for part in name.split("/") if part.strip()).casefold()


@functools.lru_cache(maxsize=4096)  # a library has far fewer tags than highlights
def tag_and_parents(name: str) -> tuple[str, ...]:
    """``country/Mali`` → ``country``, ``country/mali``: the keys a filter can match it by."""
    parts = tag_key(name).split("/")
    return tuple("/".join(parts[: i + 1]) for i in range(len(parts)))


def is_under(tag: str, wanted: str) -> bool:
    """Whether ``tag`` is ``wanted`` or lies below it, case aside."""
    key, below = tag_key(tag), tag_key(wanted)
    return key == below or key.startswith(below + "/")


def any_under(tags: Iterable[str], wanted: str) -> bool:
    """Whether one of ``tags`` is ``wanted`` or lies below it."""
    below = tag_key(wanted)
    return any(below in tag_and_parents(tag) for tag in tags)
