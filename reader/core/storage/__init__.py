"""The library's storage: one :class:`Store` owns the database, built from one piece per domain.

``StoreBase`` (``base.py``) holds the connection, the clock, ``transaction()`` and the query
helper; the domains are mixins of Store (folders, feeds, refresh writes, articles, search,
outlines, stats) or components reached from it (``store.highlights``, ``store.tags``,
``store.full_texts``, ``store.briefs``). Only this package reads or writes the database:
everything else calls the store's public methods.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.clock import utc_now
from reader.core.folder_paths import FOLDER_SEPARATOR, split_folder
from reader.core.parts import LibraryParts
from reader.core.storage.articles import ArticlesMixin, cursor_after
from reader.core.storage.base import StoreBase
from reader.core.storage.fulltexts import FullTextStore
from reader.core.storage.highlights import HighlightStore
from reader.core.storage.outlines import OutlinesMixin
from reader.core.storage.refreshes import RefreshWritesMixin
from reader.core.storage.search import MATCH_END, MATCH_START, SearchMixin
from reader.core.storage.stats import StatsMixin
from reader.core.storage.tags import TagStore

if TYPE_CHECKING:
    from reader.core.storage.briefs import BriefStore

__all__ = [
    "FOLDER_SEPARATOR",
    "MATCH_END",
    "MATCH_START",
    "Store",
    "StoreBase",
    "cursor_after",
    "split_folder",
]


class Store(ArticlesMixin, RefreshWritesMixin, SearchMixin, OutlinesMixin, StatsMixin, StoreBase):
    """The library: one SQLite file, opened (and created or upgraded) on construction.

    A Store belongs to the thread that uses it; other threads open their own on the same file
    (WAL mode lets readers and one writer work at the same time).
    """

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime] = utc_now,
        read_only: bool = False,
        parts: LibraryParts | None = None,
    ) -> None:
        """Open the library at ``path``, creating or upgrading it; ``read_only`` opens an
        existing, current library without writing anything (every write then fails with
        LibraryReadOnlyError), for commands that only read. ``parts`` are what its refreshes
        download and parse with (see ``reader.core.parts``)."""
        super().__init__(path, clock=clock, read_only=read_only, parts=parts)
        self.highlights = HighlightStore(self)
        self.tags = TagStore(self)
        self.full_texts = FullTextStore(self)

    @cached_property
    def briefs(self) -> BriefStore:
        """The saved briefs: made on first use (with the brief engine and its JSON), as a
        window's start shows none."""
        from reader.core.storage.briefs import BriefStore

        return BriefStore(self)
