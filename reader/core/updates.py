"""Deciding, without touching the database, what a fetched feed changes in the library."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.core.identity import entry_digest
from reader.core.types import ParsedEntry


@dataclass(frozen=True, slots=True)
class EntryUpdates:
    """The writes one feed's entries call for."""

    new: tuple[ParsedEntry, ...] = ()
    #: (stored article id, the entry's new version)
    changed: tuple[tuple[int, ParsedEntry], ...] = ()
    unchanged: int = 0


def plan_entry_updates(
    known: Mapping[str, tuple[int, str]], entries: Iterable[ParsedEntry]
) -> EntryUpdates:
    """Compare fetched entries with the stored ones (entry key → (article id, digest)).

    An entry seen twice in one document counts once (the first wins, as feeds list newest
    first); an unchanged entry costs no write.
    """
    new: list[ParsedEntry] = []
    changed: list[tuple[int, ParsedEntry]] = []
    unchanged = 0
    seen: set[str] = set()
    for entry in entries:
        if entry.key in seen:
            continue
        seen.add(entry.key)
        stored = known.get(entry.key)
        if stored is None:
            new.append(entry)
        elif stored[1] != entry_digest(entry):
            changed.append((stored[0], entry))
        else:
            unchanged += 1
    return EntryUpdates(tuple(new), tuple(changed), unchanged)
