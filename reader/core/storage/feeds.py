"""The library's feeds: subscribing, reading them with their counts, renaming, moving,
correcting their address, choosing those due for a refresh, and unsubscribing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from reader.core.dates import to_db
from reader.core.errors import FeedExistsError, FeedNotFoundError
from reader.core.storage.folders import FoldersMixin
from reader.core.storage.rows import FEED_COLUMNS, feed_from_row
from reader.core.types import Feed
from reader.core.urls import normalize_feed_url


class FeedsMixin(FoldersMixin):
    """Feeds, each in a folder or at the top level, in display order."""

    def add_feed(
        self,
        url: str,
        *,
        folder: str | Sequence[str] | None = None,
        title: str | None = None,
        allow_file: bool = False,
    ) -> Feed:
        """Subscribe to ``url``. Raises InvalidFeedURLError or FeedExistsError."""
        clean = normalize_feed_url(url, allow_file=allow_file)
        with self.transaction() as db:
            existing = db.execute("SELECT id FROM feeds WHERE url = ?", (clean,)).fetchone()
            if existing is not None:
                raise FeedExistsError(f"already subscribed to {clean} (feed {existing[0]})")
            folder_id = self.ensure_folder(folder)
            feed_id = db.execute(
                "INSERT INTO feeds (url, folder_id, user_title, added, position) "
                "VALUES (?, ?, ?, ?, (SELECT ifnull(max(position), -1) + 1 FROM feeds))",
                (clean, folder_id, _clean_title(title), to_db(self._now())),
            ).lastrowid
        assert feed_id is not None
        return self.get_feed(feed_id)

    def get_feed(self, feed_id: int) -> Feed:
        """One feed with its article counts. Raises FeedNotFoundError."""
        feeds = self._feeds("WHERE f.id = ?", (feed_id,))
        if not feeds:
            raise FeedNotFoundError(f"no feed with id {feed_id}")
        return feeds[0]

    def count_feeds(self) -> int:
        """How many feeds the library follows."""
        return int(self._query("SELECT count(*) FROM feeds")[0][0])

    def list_feeds(self) -> list[Feed]:
        """Every feed, in folder then display order, with unread and total counts."""
        return self._feeds("", ())

    def _feeds(self, where: str, params: Sequence[Any]) -> list[Feed]:
        rows = self._query(
            f"""
            SELECT {FEED_COLUMNS},
                   (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS total,
                   (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND NOT a.read)
                       AS unread
            FROM feeds f {where}
            ORDER BY f.position, f.id
            """,
            params,
        )
        paths = self._folder_paths()
        return [feed_from_row(row, paths) for row in rows]

    def annotated_count(self, feed_id: int) -> int:
        """How many of a feed's articles carry highlights."""
        return int(
            self._query(
                "SELECT count(DISTINCT h.article_id) FROM highlights h "
                "JOIN articles a ON a.id = h.article_id WHERE a.feed_id = ?",
                (feed_id,),
            )[0][0]
        )

    def remove_feed(self, feed_id: int, *, keep_annotated: bool = False) -> int:
        """Unsubscribe; returns how many articles went with the feed. Highlights are never
        lost: with ``keep_annotated`` the feed is archived (no longer refreshed) with just its
        highlighted articles; otherwise its highlights stay, orphaned, with their quotes."""
        with self.transaction() as db:
            self.get_feed(feed_id)
            count = db.execute(
                "SELECT count(*) FROM articles WHERE feed_id = ?", (feed_id,)
            ).fetchone()[0]
            # Stories this feed carried first and others repeat: promote the oldest repeat.
            self._promote_duplicates(db, feed_id)
            if keep_annotated and self.annotated_count(feed_id):
                removed = db.execute(
                    "DELETE FROM articles WHERE feed_id = ? AND id NOT IN "
                    "(SELECT article_id FROM highlights WHERE article_id IS NOT NULL)",
                    (feed_id,),
                ).rowcount
                db.execute("UPDATE feeds SET archived = 1, enabled = 0 WHERE id = ?", (feed_id,))
                return int(removed)
            db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return int(count)

    def _promote_duplicates(self, db: sqlite3.Connection, feed_id: int) -> None:
        originals = db.execute(
            "SELECT a.id FROM articles a WHERE a.feed_id = ? AND EXISTS "
            "(SELECT 1 FROM articles d WHERE d.duplicate_of = a.id)",
            (feed_id,),
        ).fetchall()
        for (original,) in originals:
            heir = db.execute(
                "SELECT min(id) FROM articles WHERE duplicate_of = ?", (original,)
            ).fetchone()[0]
            db.execute(
                "UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ? AND id != ?",
                (heir, original, heir),
            )
            db.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (heir,))

    def rename_feed(self, feed_id: int, title: str | None) -> Feed:
        """Give a feed the user's own title; None or blank goes back to the feed's title."""
        with self.transaction() as db:
            self.get_feed(feed_id)
            db.execute(
                "UPDATE feeds SET user_title = ? WHERE id = ?", (_clean_title(title), feed_id)
            )
        return self.get_feed(feed_id)

    def move_feed(self, feed_id: int, folder: str | Sequence[str] | None) -> Feed:
        """Put a feed in a folder (created when missing); None moves it to the top level."""
        with self.transaction() as db:
            self.get_feed(feed_id)
            db.execute(
                "UPDATE feeds SET folder_id = ? WHERE id = ?",
                (self.ensure_folder(folder), feed_id),
            )
        return self.get_feed(feed_id)

    def set_feed_url(self, feed_id: int, url: str, *, allow_file: bool = False) -> Feed:
        """Give a feed a new address (the user's correction). The validators of the old
        address and its error state are forgotten, and a feed disabled by a 410 is enabled
        again, so the next refresh tries the new address at once. Raises
        InvalidFeedURLError, FeedExistsError or FeedNotFoundError."""
        clean = normalize_feed_url(url, allow_file=allow_file)
        with self.transaction() as db:
            feed = self.get_feed(feed_id)
            if clean == feed.url:
                return feed
            taken = db.execute(
                "SELECT id FROM feeds WHERE url = ? AND id != ?", (clean, feed_id)
            ).fetchone()
            if taken is not None:
                raise FeedExistsError(f"already subscribed to {clean} (feed {taken[0]})")
            db.execute(
                "UPDATE feeds SET url = ?, etag = NULL, last_modified = NULL, last_error = NULL,"
                " error_count = 0, retry_after = NULL, enabled = NOT archived WHERE id = ?",
                (clean, feed_id),
            )
        return self.get_feed(feed_id)

    def feeds_due(self, feed_ids: Iterable[int] | None = None) -> list[Feed]:
        """The feeds a refresh should fetch: enabled ones whose Retry-After has passed, or the
        given ones (which must exist) whatever their state but disabled."""
        now = to_db(self._now())
        if feed_ids is not None:
            feeds = [self.get_feed(i) for i in dict.fromkeys(feed_ids)]
            return [f for f in feeds if f.enabled]
        return self._feeds(
            "WHERE f.enabled AND (f.retry_after IS NULL OR f.retry_after <= ?)", (now,)
        )


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    cleaned = " ".join(title.split())
    return cleaned or None
