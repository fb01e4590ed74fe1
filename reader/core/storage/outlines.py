"""Subscriptions as outlines: importing an OPML document's feeds and folders in one
transaction, and the outlines an OPML export writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.core.dates import to_db
from reader.core.storage.feeds import FeedsMixin
from reader.core.storage.folders import FolderIndex
from reader.core.types import ImportReport
from reader.core.urls import normalize_feed_url

if TYPE_CHECKING:
    from reader.core.types import OPMLDocument, OutlineFeed

#: An OPML import reports its progress after every this many feeds.
IMPORT_PROGRESS_STEP = 500


class OutlinesMixin(FeedsMixin):
    """OPML import and export, through plain outline values (``reader.core.opml`` reads and
    writes the XML)."""

    def import_opml(
        self,
        document: OPMLDocument,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Subscribe to every feed of an OPML document in one transaction: all or nothing.

        The work grows linearly with the document: the library's folders and addresses are
        read once, folders are then found in memory, and the new feeds are written with one
        ``executemany``. Folders nest at most ``MAX_FOLDER_DEPTH`` deep; deeper ones become
        the deepest folder allowed. ``progress(done, total)`` is called every
        ``IMPORT_PROGRESS_STEP`` feeds and once at the end.
        """
        added: list[OutlineFeed] = []
        present: list[OutlineFeed] = []
        invalid = [(bad.description, bad.reason) for bad in document.invalid]
        total = len(document.feeds)
        with self.transaction() as db:
            folders = FolderIndex(db)
            for folder in document.folders:
                folders.ensure(folder)
            known = {row[0] for row in db.execute("SELECT url FROM feeds")}
            position = db.execute("SELECT ifnull(max(position), -1) + 1 FROM feeds").fetchone()[0]
            added_at = to_db(self._now())
            rows: list[tuple[Any, ...]] = []
            for done, outline in enumerate(document.feeds):
                if progress is not None and done and done % IMPORT_PROGRESS_STEP == 0:
                    progress(done, total)
                try:
                    url = normalize_feed_url(outline.url)
                except ValueError as error:
                    invalid.append((outline.title or outline.url, str(error)))
                    continue
                if url in known:
                    present.append(outline)
                    continue
                folder_id = folders.ensure(outline.folder)
                rows.append((url, folder_id, outline.title, outline.site_url, added_at, position))
                position += 1
                known.add(url)
                added.append(outline)
            db.executemany(
                "INSERT INTO feeds (url, folder_id, feed_title, site_url, added, position) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        if progress is not None:
            progress(total, total)
        return ImportReport(tuple(added), tuple(present), tuple(invalid))

    def export_outlines(self) -> tuple[list[OutlineFeed], list[tuple[str, ...]]]:
        """The subscriptions as OPML outlines, and every folder (empty ones too)."""
        from reader.core.types import OutlineFeed

        outlines = [
            OutlineFeed(
                url=feed.url,
                title=feed.title,
                folder=feed.folder_path,
                site_url=feed.site_url,
            )
            for feed in self.list_feeds()
        ]
        return outlines, self.list_folders()
