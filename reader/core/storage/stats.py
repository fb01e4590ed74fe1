"""The library in numbers: how many feeds, folders, articles, unread, starred and tags."""

from __future__ import annotations

from reader.core.storage.base import StoreBase
from reader.core.types import LibraryStats


class StatsMixin(StoreBase):
    """The library's summary counts."""

    def stats(self) -> LibraryStats:
        row = self._query(
            """
            SELECT (SELECT count(*) FROM feeds), (SELECT count(*) FROM folders),
                   (SELECT count(*) FROM articles WHERE duplicate_of IS NULL),
                   (SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND NOT read),
                   (SELECT count(*) FROM articles WHERE starred),
                   (SELECT count(*) FROM tags)
            """
        )[0]
        return LibraryStats(*(int(v) for v in row))
