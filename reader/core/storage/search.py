"""Full-text search of the library: best matches among the most recent, with snippets."""

from __future__ import annotations

import sqlite3

from reader.core.fts import fallback_query, plain_query, uses_syntax
from reader.core.snippets import MATCH_END as MATCH_END
from reader.core.snippets import MATCH_START as MATCH_START
from reader.core.snippets import Term, make_snippet, query_terms
from reader.core.storage.base import StoreBase
from reader.core.storage.rows import ARTICLE_LIST_COLUMNS, article_from_row
from reader.core.types import SearchHit

#: Search ranks the best matches among this many most recent matching articles.
SEARCH_WINDOW = 2000


class SearchMixin(StoreBase):
    """Searching articles' titles, authors and texts, accents and case ignored."""

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
                SELECT {ARTICLE_LIST_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                WHERE a.id IN ({",".join("?" * len(hits))}) AND a.duplicate_of IS NULL
                """,
                [hit[0] for hit in hits],
            )
        }
        kept = [(rowid, rank) for rowid, rank in hits if rowid in rows][:limit]
        terms = query_terms(match)
        return [
            SearchHit(article_from_row(rows[rowid]), self._snippet(rowid, terms), float(rank))
            for rowid, rank in kept
        ]

    def _snippet(self, article_id: int, terms: tuple[Term, ...]) -> str:
        # One article's columns at a time: a few hits may each hold megabytes of text.
        row = self._conn.execute(
            "SELECT title, ifnull(author, ''), text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return "" if row is None else make_snippet(tuple(row), terms)
