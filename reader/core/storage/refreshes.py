"""What a refresh writes: a fetched feed's new and changed articles (unchanged ones are not
written), its validators, its errors and back-off, and the redirects it follows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reader.core.dates import to_db
from reader.core.identity import EntryIdentity, identify
from reader.core.storage.base import StoreBase
from reader.core.types import ParsedEntry, ParsedFeed
from reader.core.updates import EntryUpdates, plan_entry_updates

#: What a refresh writes about an entry's content, new or changed (see _content_values).
_CONTENT_COLUMNS = (
    "title",
    "link",
    "author",
    "updated",
    "summary_html",
    "content_html",
    "text",
    "enclosures",
    "digest",
    "link_key",
    "content_key",
)


#: The SET clauses rewriting an article's content. While an article has full text, its
#: canonical text is the full text's: a rewrite of the feed's version leaves it alone.
_UPDATE_CONTENT = tuple(
    "text = CASE WHEN EXISTS (SELECT 1 FROM article_fulltext t WHERE t.article_id = articles.id "
    "AND t.html IS NOT NULL) THEN text ELSE ? END"
    if column == "text"
    else f"{column} = ?"
    for column in _CONTENT_COLUMNS
)


class RefreshWritesMixin(StoreBase):
    """A refresh's outcomes, each written in one transaction."""

    def record_not_modified(
        self, feed_id: int, *, etag: str | None, last_modified: str | None
    ) -> None:
        now = to_db(self._now())
        with self.transaction() as db:
            db.execute(
                "UPDATE feeds SET last_checked = ?, last_success = ?, last_error = NULL, "
                "error_count = 0, retry_after = NULL, etag = ?, last_modified = ? WHERE id = ?",
                (now, now, etag, last_modified, feed_id),
            )

    def record_error(
        self,
        feed_id: int,
        message: str,
        *,
        retry_after: datetime | None = None,
        disable: bool = False,
    ) -> None:
        """Remember why a feed failed; its articles stay as they were."""
        with self.transaction() as db:
            db.execute(
                "UPDATE feeds SET last_checked = ?, last_error = ?, error_count = error_count + 1,"
                " retry_after = ?, enabled = enabled AND NOT ? WHERE id = ?",
                (to_db(self._now()), message, to_db(retry_after), disable, feed_id),
            )

    def move_feed_url(self, feed_id: int, new_url: str) -> bool:
        """Follow a permanent redirect; False (and nothing changed) when another feed already
        has the new address."""
        with self.transaction() as db:
            taken = db.execute(
                "SELECT 1 FROM feeds WHERE url = ? AND id != ?", (new_url, feed_id)
            ).fetchone()
            if taken:
                return False
            db.execute("UPDATE feeds SET url = ? WHERE id = ?", (new_url, feed_id))
        return True

    def store_parsed_feed(
        self,
        feed_id: int,
        parsed: ParsedFeed,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        identities: Sequence[EntryIdentity] | None = None,
    ) -> EntryUpdates:
        """Write a fetched feed in one transaction: new entries inserted, changed ones updated
        (read, starred and tags kept), unchanged ones not written at all. ``identities``, one
        per entry, may come precomputed from the process that parsed the feed."""
        now = self._now()
        now_db = to_db(now)
        if identities is None:
            identities = [identify(entry) for entry in parsed.entries]
        with self.transaction() as db:
            known = {
                row[0]: (row[1], row[2])
                for row in db.execute(
                    "SELECT key, id, digest FROM articles WHERE feed_id = ?", (feed_id,)
                )
            }
            plan = plan_entry_updates(known, zip(parsed.entries, identities, strict=True))
            # Every new row gets an id above today's largest: the write lock is held.
            (last_id,) = db.execute("SELECT ifnull(max(id), 0) FROM articles").fetchone()
            db.executemany(
                f"INSERT INTO articles (feed_id, key, published, first_seen, duplicate_of, "
                f"{', '.join(_CONTENT_COLUMNS)}) "
                f"VALUES (?, ?, ?, ?, ?, {', '.join('?' * len(_CONTENT_COLUMNS))})",
                [
                    (
                        feed_id,
                        entry.key,
                        to_db(entry.published or now),
                        now_db,
                        self._find_original(db, feed_id, ident.link_key, ident.content_key),
                        *_content_values(entry, ident),
                    )
                    for entry, ident in plan.new
                ],
            )
            if plan.new:
                # Searchable in the same transaction, with one statement (schema v10).
                db.execute(
                    "INSERT INTO articles_fts (rowid, title, author, text) "
                    "SELECT id, title, ifnull(author, ''), text FROM articles WHERE id > ?",
                    (last_id,),
                )
            db.executemany(
                f"UPDATE articles SET {', '.join(_UPDATE_CONTENT)}, "
                "published = coalesce(?, published), last_changed = ? WHERE id = ?",
                [
                    (*_content_values(entry, ident), to_db(entry.published), now_db, article_id)
                    for article_id, entry, ident in plan.changed
                ],
            )
            if plan.changed:
                # A page fetched before the feed rewrote its article may be out of date.
                db.executemany(
                    "UPDATE article_fulltext SET stale = 1 WHERE article_id = ?",
                    [(article_id,) for article_id, _, _ in plan.changed],
                )
            # Highlights follow their passage when an article is rewritten.
            self.highlights.reanchor(db, [article_id for article_id, _, _ in plan.changed])
            db.execute(
                """
                UPDATE feeds SET feed_title = coalesce(?, feed_title),
                    site_url = coalesce(?, site_url), icon_url = coalesce(?, icon_url),
                    etag = ?, last_modified = ?, last_checked = ?, last_success = ?,
                    last_error = NULL, warning = ?, error_count = 0, retry_after = NULL
                WHERE id = ?
                """,
                (
                    parsed.title or None,
                    parsed.site_url,
                    parsed.icon_url,
                    etag,
                    last_modified,
                    now_db,
                    now_db,
                    parsed.warning,
                    feed_id,
                ),
            )
        return plan

    @staticmethod
    def _find_original(
        db: sqlite3.Connection, feed_id: int, lkey: str | None, ckey: str | None
    ) -> int | None:
        """The article another feed already carries for the same story, if any."""
        if lkey is None and ckey is None:
            return None
        row = db.execute(
            """
            SELECT coalesce(duplicate_of, id) FROM articles
            WHERE feed_id != ? AND (link_key = ? OR content_key = ?)
            ORDER BY id LIMIT 1
            """,
            (feed_id, lkey, ckey),
        ).fetchone()
        return None if row is None else int(row[0])


def _content_values(entry: ParsedEntry, ident: EntryIdentity) -> tuple[Any, ...]:
    """The values of _CONTENT_COLUMNS for an entry, in that order."""
    return (
        entry.title,
        entry.link,
        entry.author,
        to_db(entry.updated),
        entry.summary_html,
        entry.content_html,
        entry.text,
        json.dumps(list(entry.enclosures)),
        ident.digest,
        ident.link_key,
        ident.content_key,
    )
