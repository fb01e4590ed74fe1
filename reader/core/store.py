"""Store: the only owner of the library database (feeds, folders, articles, tags, search)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core import schema
from reader.core.clock import utc_now
from reader.core.dates import from_db, to_db
from reader.core.errors import (
    ArticleNotFoundError,
    FeedExistsError,
    FeedNotFoundError,
    LibraryReadOnlyError,
    StorageError,
)
from reader.core.fts import fallback_query, plain_query, uses_syntax
from reader.core.fulltext_store import FullTextStore
from reader.core.highlight_store import HighlightStore
from reader.core.identity import EntryIdentity, identify
from reader.core.parts import LibraryParts
from reader.core.snippets import MATCH_END as MATCH_END
from reader.core.snippets import MATCH_START as MATCH_START
from reader.core.snippets import Term, make_snippet, query_terms
from reader.core.tag_store import TagStore, add_tags, like_prefix, normalize_tag
from reader.core.types import (
    MAX_FOLDER_DEPTH,
    Article,
    ArticleOrder,
    ArticleQuery,
    Feed,
    FullText,
    ImportReport,
    LibraryStats,
    ParsedEntry,
    ParsedFeed,
    SearchHit,
)
from reader.core.updates import EntryUpdates, plan_entry_updates
from reader.core.urls import normalize_feed_url

if TYPE_CHECKING:
    import sqlite_utils

    from reader.core.types import OPMLDocument, OutlineFeed

FOLDER_SEPARATOR = "/"

#: An OPML import reports its progress after every this many feeds.
IMPORT_PROGRESS_STEP = 500

#: Search ranks the best matches among this many most recent matching articles.
SEARCH_WINDOW = 2000

_FEED_COLUMNS = """
    f.id, f.url, f.folder_id, f.user_title, f.feed_title, f.site_url, f.icon_url, f.etag,
    f.last_modified, f.added, f.last_checked, f.last_success, f.last_error, f.warning,
    f.error_count, f.enabled, f.retry_after, f.archived, f.full_text
"""

_ARTICLE_LIST_COLUMNS = """
    a.id, a.feed_id, a.key, a.title, a.link, a.author, a.published, a.updated, a.first_seen,
    a.read, a.starred, a.duplicate_of,
    coalesce(f.user_title, f.feed_title, f.url) AS feed_title,
    (SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id = a.id) AS tags
"""


#: order → (SQL sort expression, direction)
_ORDER_SQL: dict[str, tuple[str, str]] = {
    "newest": ("a.published", "DESC"),
    "oldest": ("a.published", "ASC"),
    "title": ("a.title COLLATE NOCASE", "ASC"),
    "source": ("coalesce(f.user_title, f.feed_title, f.url) COLLATE NOCASE", "ASC"),
}


#: The default listing: every article, newest first (a frozen value, shared safely).
_EVERY_ARTICLE = ArticleQuery()


def cursor_after(article: Article, order: ArticleOrder = "newest") -> tuple[Any, int]:
    """The keyset cursor that continues a listing after ``article``."""
    if order in ("newest", "oldest"):
        return (to_db(article.published), article.id)
    if order == "title":
        return (article.title, article.id)
    return (article.feed_title, article.id)


def split_folder(path: str | Sequence[str] | None) -> tuple[str, ...]:
    """A folder given as ``"Sahel/Mali"`` or as a sequence of names, cleaned."""
    if path is None:
        return ()
    parts = path.split(FOLDER_SEPARATOR) if isinstance(path, str) else list(path)
    return tuple(" ".join(p.split()) for p in parts if p.strip())


class Store:
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
        self.path = Path(path)
        self.parts = parts or LibraryParts()
        self._now = clock
        self.read_only = read_only
        if str(path) != ":memory:":
            if self.path.is_dir():
                raise StorageError(f"{self.path} is a folder, not a library file")
            if not read_only:
                self._check_writable()
        self._conn = schema.connect(path, read_only=read_only)
        self._conn.row_factory = sqlite3.Row
        try:
            schema.migrate(self._conn, path, read_only=read_only)
        except BaseException:
            self._conn.close()
            raise
        self.highlights = HighlightStore(self)
        self.tags = TagStore(self)
        self.full_texts = FullTextStore(self)

    def _check_writable(self) -> None:
        """Refuse at once a library that cannot be written, saying why: opened anyway, SQLite
        would read it and leave read-only -wal and -shm files that outlive the fix."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"cannot create the library folder {self.path.parent}: {error.strerror or error}"
            ) from None
        if self.path.exists():
            schema.repair_sidecars(self.path)
            cause = schema.read_only_cause(self.path)
            if cause is not None:
                raise LibraryReadOnlyError(f"cannot write the library: {cause}")

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """The library through sqlite-utils, for inspection and maintenance tools; imported
        on first use so that short commands start fast."""
        import sqlite_utils

        return sqlite_utils.Database(self._conn)

    # -- plumbing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database; the Store cannot be used afterwards."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        """The store's clock (injected in tests): every time it writes comes from here."""
        return self._now()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken at once (``BEGIN IMMEDIATE``), so two writers queue on the
        busy timeout instead of failing half-way; nested calls join the outer transaction."""
        if self._conn.in_transaction:
            yield self._conn
            return
        if self.read_only:
            cause = schema.read_only_cause(self.path) or "it was opened for reading only"
            raise LibraryReadOnlyError(f"cannot write the library: {cause}")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise _storage_error(error, self.path) from None
        try:
            yield self._conn
        except sqlite3.Error as error:
            schema.rollback(self._conn)
            raise _storage_error(error, self.path) from None
        except BaseException:
            schema.rollback(self._conn)
            raise
        try:
            # A full disk is often found only here, when the pages reach the file.
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            schema.rollback(self._conn)
            raise _storage_error(error, self.path) from None

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise _storage_error(error, self.path) from None

    # -- folders ----------------------------------------------------------------------------

    def ensure_folder(self, path: str | Sequence[str] | None) -> int | None:
        """The id of the folder at ``path``, created with its parents when missing; a path
        deeper than ``MAX_FOLDER_DEPTH`` names the folder at that depth."""
        parts = split_folder(path)[:MAX_FOLDER_DEPTH]
        parent: int | None = None
        with self.transaction() as db:
            for name in parts:
                row = db.execute(
                    "SELECT id FROM folders WHERE ifnull(parent_id, 0) = ifnull(?, 0) AND name = ?",
                    (parent, name),
                ).fetchone()
                if row is None:
                    position = db.execute(
                        "SELECT ifnull(max(position), -1) + 1 FROM folders "
                        "WHERE ifnull(parent_id, 0) = ifnull(?, 0)",
                        (parent,),
                    ).fetchone()[0]
                    parent = db.execute(
                        "INSERT INTO folders (parent_id, name, position) VALUES (?, ?, ?)",
                        (parent, name, position),
                    ).lastrowid
                else:
                    parent = row[0]
        return parent

    def _folder_paths(self) -> dict[int, tuple[str, ...]]:
        rows = self._query("SELECT id, parent_id, name FROM folders ORDER BY position, id")
        parents = {r["id"]: (r["parent_id"], r["name"]) for r in rows}
        paths: dict[int, tuple[str, ...]] = {}

        def path_of(folder_id: int) -> tuple[str, ...]:
            if folder_id not in paths:
                parent, name = parents[folder_id]
                paths[folder_id] = (*(path_of(parent) if parent else ()), name)
            return paths[folder_id]

        for folder_id in parents:
            path_of(folder_id)
        return paths

    def list_folders(self) -> list[tuple[str, ...]]:
        """Every folder as its path of names, parents before children, in display order."""
        rows = self._query("SELECT id, parent_id FROM folders ORDER BY position, id")
        paths = self._folder_paths()
        children: dict[int | None, list[int]] = {}
        for row in rows:
            children.setdefault(row["parent_id"], []).append(row["id"])
        ordered: list[tuple[str, ...]] = []

        def walk(parent: int | None) -> None:
            for child in children.get(parent, []):
                ordered.append(paths[child])
                walk(child)

        walk(None)
        return ordered

    def is_empty_folder(self, path: str | Sequence[str]) -> bool:
        """Whether there is a folder at ``path`` holding no feed and no folder."""
        return self._empty_folder_id(split_folder(path)) is not None

    def remove_empty_folder(self, path: str | Sequence[str]) -> bool:
        """Delete the folder at ``path`` if it holds no feed and no folder; False (nothing
        changed) when it does, or does not exist."""
        with self.transaction() as db:
            folder_id = self._empty_folder_id(split_folder(path))
            if folder_id is None:
                return False
            db.execute("DELETE FROM folders WHERE id = ?", (folder_id,))
        return True

    def _empty_folder_id(self, parts: tuple[str, ...]) -> int | None:
        found = [i for i, names in self._folder_paths().items() if parts and names == parts]
        if not found:
            return None
        in_use = self._query(
            "SELECT EXISTS (SELECT 1 FROM feeds WHERE folder_id = :id) "
            "OR EXISTS (SELECT 1 FROM folders WHERE parent_id = :id)",
            {"id": found[0]},
        )[0][0]
        return None if in_use else found[0]

    # -- feeds ------------------------------------------------------------------------------

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
            SELECT {_FEED_COLUMNS},
                   (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS total,
                   (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND NOT a.read)
                       AS unread
            FROM feeds f {where}
            ORDER BY f.position, f.id
            """,
            params,
        )
        paths = self._folder_paths()
        return [_feed_from_row(row, paths) for row in rows]

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

    # -- recording refresh outcomes ---------------------------------------------------------

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

    # -- articles ---------------------------------------------------------------------------

    def article_ids(self, feed_id: int, keys: Sequence[str]) -> list[int]:
        """The ids of a feed's articles with these keys, in the keys' order."""
        found: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            for row in self._query(
                f"SELECT key, id FROM articles WHERE feed_id = ? "
                f"AND key IN ({', '.join('?' * len(chunk))})",
                (feed_id, *chunk),
            ):
                found[row[0]] = row[1]
        return [found[key] for key in keys if key in found]

    def get_article(self, article_id: int) -> Article:
        """One article with its body, text, tags and the other feeds carrying the story."""
        rows = self._query(
            f"""
            SELECT {_ARTICLE_LIST_COLUMNS}, a.summary_html, a.content_html, a.text
            FROM articles a JOIN feeds f ON f.id = a.feed_id
            WHERE a.id = ?
            """,
            (article_id,),
        )
        if not rows:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        row = rows[0]
        root = row["duplicate_of"] or row["id"]
        others = self._query(
            """
            SELECT f.id, coalesce(f.user_title, f.feed_title, f.url) FROM articles a
            JOIN feeds f ON f.id = a.feed_id
            WHERE (a.id = ? OR a.duplicate_of = ?) AND a.id != ? ORDER BY a.id
            """,
            (root, root, article_id),
        )
        return _article_from_row(
            row,
            summary_html=row["summary_html"],
            content_html=row["content_html"],
            text=row["text"],
            also_in=tuple((r[0], r[1]) for r in others),
            full_text=self._full_text(article_id),
        )

    def _full_text(self, article_id: int) -> FullText | None:
        rows = self._query(
            "SELECT url, canonical_url, html, error, attempts, fetched, stale "
            "FROM article_fulltext WHERE article_id = ?",
            (article_id,),
        )
        if not rows:
            return None
        row = rows[0]
        fetched = from_db(row["fetched"])
        assert fetched is not None
        return FullText(
            url=row["url"],
            fetched=fetched,
            html=row["html"],
            error=row["error"],
            canonical_url=row["canonical_url"],
            attempts=row["attempts"],
            stale=bool(row["stale"]),
        )

    def list_articles(self, query: ArticleQuery = _EVERY_ARTICLE) -> list[Article]:
        """Articles matching ``query``, newest first, without their bodies. Without a feed
        filter, a story carried by several feeds is listed once."""
        where, params = self._article_filter(query)
        key, direction = _ORDER_SQL[query.order]
        sql = (
            f"SELECT {_ARTICLE_LIST_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
            f"WHERE {where} ORDER BY {key} {direction}, a.id {direction}"
        )
        if query.limit is not None:
            sql += " LIMIT ?"
            params.append(query.limit)
        return [_article_from_row(row) for row in self._query(sql, params)]

    def count_articles(self, query: ArticleQuery = _EVERY_ARTICLE) -> int:
        where, params = self._article_filter(query)
        return int(
            self._query(
                f"SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE {where}",
                params,
            )[0][0]
        )

    def _article_filter(self, query: ArticleQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if query.feed_ids:
            for feed_id in query.feed_ids:
                self.get_feed(feed_id)
            clauses.append(f"a.feed_id IN ({','.join('?' * len(query.feed_ids))})")
            params.extend(query.feed_ids)
        else:
            clauses.append("a.duplicate_of IS NULL")
        if query.folder is not None:
            folder_ids = [
                fid
                for fid, path in self._folder_paths().items()
                if path[: len(split_folder(query.folder))] == split_folder(query.folder)
            ]
            clauses.append(f"f.folder_id IN ({','.join('?' * len(folder_ids)) or 'NULL'})")
            params.extend(folder_ids)
        for tag in query.tags:
            name = normalize_tag(tag)
            matching = "(t.name = ? OR t.name LIKE ? ESCAPE '\\')"
            clause = (
                "EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                f"WHERE at.article_id = a.id AND {matching})"
            )
            params.extend([name, like_prefix(name + "/")])
            if query.tags_in_highlights:
                clause = (
                    f"({clause} OR EXISTS (SELECT 1 FROM highlights h "
                    "JOIN highlight_tags ht ON ht.highlight_id = h.id "
                    f"JOIN tags t ON t.id = ht.tag_id WHERE h.article_id = a.id AND {matching}))"
                )
                params.extend([name, like_prefix(name + "/")])
            clauses.append(clause)
        if query.unread:
            clauses.append("NOT a.read")
        if query.starred:
            clauses.append("a.starred")
        if query.since is not None:
            clauses.append("a.published >= ?")
            params.append(to_db(query.since))
        if query.until is not None:
            clauses.append("a.published < ?")
            params.append(to_db(query.until))
        if query.after is not None:
            key, direction = _ORDER_SQL[query.order]
            clauses.append(f"({key}, a.id) {'<' if direction == 'DESC' else '>'} (?, ?)")
            params.extend(query.after)
        return " AND ".join(clauses) or "1", params

    def set_read(self, article_ids: Iterable[int], read: bool = True) -> int:
        """Mark articles read or unread (and the same story in other feeds with them)."""
        ids = list(article_ids)
        with self.transaction() as db:
            changed = 0
            for article_id in ids:
                root = self._root_of(db, article_id)
                changed += db.execute(
                    "UPDATE articles SET read = ? WHERE (id = ? OR duplicate_of = ?) AND read != ?",
                    (read, root, root, read),
                ).rowcount
        return changed

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        with self.transaction() as db:
            self._root_of(db, article_id)
            db.execute("UPDATE articles SET starred = ? WHERE id = ?", (starred, article_id))

    @staticmethod
    def _root_of(db: sqlite3.Connection, article_id: int) -> int:
        row = db.execute(
            "SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        return int(row[0])

    # -- tags -------------------------------------------------------------------------------

    def tag_article(self, article_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        """Add tags to an article; returns the article's tags afterwards. Tags are shared and
        case-insensitive: ``mali`` and ``Mali`` are one tag (the first spelling stays)."""
        names = [normalize_tag(tag) for tag in tags]
        now = to_db(self._now())
        with self.transaction() as db:
            self._root_of(db, article_id)
            add_tags(db, names)
            for name in names:
                db.execute(
                    "INSERT INTO article_tags (article_id, tag_id, added) "
                    "SELECT ?, id, ? FROM tags WHERE name = ? ON CONFLICT DO NOTHING",
                    (article_id, now, name),
                )
        return self.get_article(article_id).tags

    def untag_article(self, article_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        names = [normalize_tag(tag) for tag in tags]
        with self.transaction() as db:
            self._root_of(db, article_id)
            for name in names:
                db.execute(
                    "DELETE FROM article_tags WHERE article_id = ? AND tag_id = "
                    "(SELECT id FROM tags WHERE name = ?)",
                    (article_id, name),
                )
        return self.get_article(article_id).tags

    def list_tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of articles carrying it, by name."""
        rows = self._query(
            "SELECT t.name, count(at.article_id) FROM tags t "
            "LEFT JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id ORDER BY t.name"
        )
        return [(r[0], int(r[1])) for r in rows]

    # -- search -----------------------------------------------------------------------------

    def search(self, text: str, *, limit: int = 100) -> list[SearchHit]:
        """Full-text search, best matches first among the most recent matches (see
        SEARCH_WINDOW), accents and case ignored. Plain words match
        by their stem (see :mod:`reader.core.fts`); a query may also use FTS5 syntax
        (``"exact phrase"``, ``OR``, ``NOT``, ``prefix*``), and invalid syntax is searched as
        plain words, so no query ever fails."""
        if not text.strip():
            return []
        if not uses_syntax(text):
            plain = plain_query(text)
            return [] if plain is None else self._search(plain, limit)
        try:
            return self._search(text, limit)
        except sqlite3.OperationalError:
            fallback = fallback_query(text)
            if fallback is None:
                return []
            try:
                return self._search(fallback, limit)
            except sqlite3.OperationalError:
                return []

    def _search(self, match: str, limit: int) -> list[SearchHit]:
        # Ranking costs time in proportion to the matches: a word found in most of a large
        # library would take far too long to score everywhere. So the best matches are chosen
        # among the most recent SEARCH_WINDOW matching articles (newer articles have higher
        # ids), which walking the index backwards finds cheaply; FTS5 then sorts by its
        # configured rank (migration 5) within that range and makes snippets for the rows
        # returned only. A little more than asked for is taken, as copies of a story seen in
        # another feed are dropped below.
        oldest = self._conn.execute(
            "SELECT min(rowid) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
            "ORDER BY rowid DESC LIMIT ?)",
            (match, SEARCH_WINDOW),
        ).fetchone()[0]
        if oldest is None:
            return []
        # No snippet() here: FTS5's costs time quadratic in an article's size (see
        # reader.core.snippets), so snippets are made below for the hits kept only.
        hits = self._conn.execute(
            "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? "
            "ORDER BY rank LIMIT ?",
            (match, oldest, limit + limit // 4 + 8),
        ).fetchall()
        if not hits:
            return []
        rows = {
            row["id"]: row
            for row in self._conn.execute(
                f"""
                SELECT {_ARTICLE_LIST_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                WHERE a.id IN ({",".join("?" * len(hits))}) AND a.duplicate_of IS NULL
                """,
                [hit[0] for hit in hits],
            )
        }
        kept = [(rowid, rank) for rowid, rank in hits if rowid in rows][:limit]
        terms = query_terms(match)
        return [
            SearchHit(_article_from_row(rows[rowid]), self._snippet(rowid, terms), float(rank))
            for rowid, rank in kept
        ]

    def _snippet(self, article_id: int, terms: tuple[Term, ...]) -> str:
        # One article's columns at a time: a few hits may each hold megabytes of text.
        row = self._conn.execute(
            "SELECT title, ifnull(author, ''), text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return "" if row is None else make_snippet(tuple(row), terms)

    # -- OPML -------------------------------------------------------------------------------

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
            folders = _FolderIndex(db)
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

    # -- summary ----------------------------------------------------------------------------

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


# -- rows to values --------------------------------------------------------------------------


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


class _FolderIndex:
    """The library's folders read once, then found and created by path in memory: an
    import looks folders up per feed, and one query per level would make it quadratic."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._ids: dict[tuple[int, str], int] = {}
        self._next_position: dict[int, int] = {}
        self._paths: dict[tuple[str, ...], int | None] = {(): None}
        for folder_id, parent_id, name, position in db.execute(
            "SELECT id, parent_id, name, position FROM folders"
        ):
            parent = parent_id or 0
            self._ids[(parent, name)] = folder_id
            self._next_position[parent] = max(self._next_position.get(parent, 0), position + 1)

    def ensure(self, path: Sequence[str]) -> int | None:
        """The id of the folder at ``path`` (cut at ``MAX_FOLDER_DEPTH``), created with its
        parents when missing; None for the top level."""
        parts = split_folder(path)[:MAX_FOLDER_DEPTH]
        if parts in self._paths:
            return self._paths[parts]
        parent: int | None = None
        for name in parts:
            key = (parent or 0, name)
            folder_id = self._ids.get(key)
            if folder_id is None:
                position = self._next_position.get(key[0], 0)
                self._next_position[key[0]] = position + 1
                cursor = self._db.execute(
                    "INSERT INTO folders (parent_id, name, position) VALUES (?, ?, ?)",
                    (parent, name, position),
                )
                folder_id = cursor.lastrowid
                assert folder_id is not None
                self._ids[key] = folder_id
            parent = folder_id
        self._paths[parts] = parent
        return parent


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


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    cleaned = " ".join(title.split())
    return cleaned or None


def _storage_error(error: sqlite3.Error, path: Path | None = None) -> StorageError:
    """The library's error for a SQLite one, by result code (see ``schema.storage_error``)."""
    return schema.storage_error(error, path)


def _feed_from_row(row: sqlite3.Row, paths: dict[int, tuple[str, ...]]) -> Feed:
    folder = paths.get(row["folder_id"]) if row["folder_id"] else None
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["user_title"] or row["feed_title"] or row["url"],
        folder=FOLDER_SEPARATOR.join(folder) if folder else None,
        folder_path=folder or (),
        site_url=row["site_url"],
        feed_title=row["feed_title"],
        user_title=row["user_title"],
        icon_url=row["icon_url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        added=from_db(row["added"]),
        last_checked=from_db(row["last_checked"]),
        last_success=from_db(row["last_success"]),
        last_error=row["last_error"],
        warning=row["warning"],
        error_count=row["error_count"],
        enabled=bool(row["enabled"]),
        retry_after=from_db(row["retry_after"]),
        archived=bool(row["archived"]),
        full_text=row["full_text"],
        unread=row["unread"],
        total=row["total"],
    )


def _article_from_row(row: sqlite3.Row, **extra: Any) -> Article:
    published = from_db(row["published"])
    first_seen = from_db(row["first_seen"])
    assert published is not None and first_seen is not None
    return Article(
        id=row["id"],
        feed_id=row["feed_id"],
        key=row["key"],
        title=row["title"],
        link=row["link"],
        author=row["author"],
        published=published,
        updated=from_db(row["updated"]),
        first_seen=first_seen,
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        feed_title=row["feed_title"],
        tags=tuple(sorted(row["tags"].split("\x1f"), key=str.casefold)) if row["tags"] else (),
        duplicate_of=row["duplicate_of"],
        **extra,
    )
