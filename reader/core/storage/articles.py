"""The library's articles: reading one or a page of them by a query, their read, starred and
tag state, and the copies of a story other feeds carry."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from reader.core.dates import from_db, to_db
from reader.core.errors import ArticleNotFoundError
from reader.core.folder_paths import split_folder
from reader.core.storage.feeds import FeedsMixin
from reader.core.storage.rows import ARTICLE_LIST_COLUMNS, article_from_row
from reader.core.storage.tags import add_tags, like_prefix
from reader.core.tag_names import normalize_tag
from reader.core.types import Article, ArticleOrder, ArticleQuery, FullText

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


class ArticlesMixin(FeedsMixin):
    """Articles, listed without their bodies and read one at a time with them."""

    def article_ids(self, feed_id: int, keys: Sequence[str]) -> list[int]:
        """The ids of a feed's articles with these keys, in the keys' order."""
        rows = self._query_in(
            "SELECT key, id FROM articles WHERE feed_id = ? AND key IN ({marks})",
            keys,
            before=(feed_id,),
        )
        found: dict[str, int] = {row[0]: row[1] for row in rows}
        return [found[key] for key in keys if key in found]

    def get_article(self, article_id: int) -> Article:
        """One article with its body, text, tags and the other feeds carrying the story."""
        rows = self._query(
            f"""
            SELECT {ARTICLE_LIST_COLUMNS}, a.summary_html, a.content_html, a.text
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
        return article_from_row(
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
            f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
            f"WHERE {where} ORDER BY {key} {direction}, a.id {direction}"
        )
        if query.limit is not None:
            sql += " LIMIT ?"
            params.append(query.limit)
        return [article_from_row(row) for row in self._query(sql, params)]

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

    def article_copies(self, article_ids: Sequence[int]) -> dict[int, int]:
        """Other feeds' copies of these articles' stories, each mapped to the article."""
        rows = self._query_in(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IN ({marks})", article_ids
        )
        return {row[0]: row[1] for row in rows}

    def article_bodies(self, article_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """The summaries and texts of some articles, by id (lists are read without them)."""
        rows = self._query_in(
            "SELECT id, summary_html, text FROM articles WHERE id IN ({marks})", article_ids
        )
        return {row["id"]: (row["summary_html"] or "", row["text"] or "") for row in rows}

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
