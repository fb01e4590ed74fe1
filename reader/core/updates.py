"""Deciding, without touching the database, what a fetched feed changes in the library."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.core.identity import EntryIdentity
from reader.core.types import ParsedEntry

Identified = tuple[ParsedEntry, EntryIdentity]


@dataclass(frozen=True, slots=True)
class EntryUpdates:
    """The writes one feed's entries call for."""

    new: tuple[Identified, ...] = ()
    #: (stored article id, the entry's new version, its identity)
    changed: tuple[tuple[int, ParsedEntry, EntryIdentity], ...] = ()
    unchanged: int = 0


def plan_entry_updates(
    known: Mapping[str, tuple[int, str]], entries: Iterable[Identified]
) -> EntryUpdates:
    """Compare fetched entries with the stored ones (entry key → (article id, digest)).

    An entry seen twice in one document counts once (the first wins, as feeds list newest
    first); an unchanged entry costs no write.
    """
    new: list[Identified] = []
    changed: list[tuple[int, ParsedEntry, EntryIdentity]] = []
    unchanged = 0
    seen: set[str] = set()
    for entry, identity in entries:
        if entry.key in seen:
            continue
        seen.add(entry.key)
        stored = known.get(entry.key)
        if stored is None:
            new.append((entry, identity))
        elif stored[1] != identity.digest:
            changed.append((stored[0], entry, identity))
        else:
            unchanged += 1
    return EntryUpdates(tuple(new), tuple(changed), unchanged)
