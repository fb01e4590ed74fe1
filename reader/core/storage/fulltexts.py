"""Articles' full texts in the library, reached as ``store.full_texts``: keeping a fetched
page's article beside the feed's own content, recording failures, and going back.

While an article has full text, its canonical text (``articles.text``: searched, and what
highlights are anchored on) is the full text's; its highlights are placed again in the same
transaction whenever that text changes, so one made on a teaser follows its passage into the
full text, and nothing is lost when the full text is dropped again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from reader.core.dates import to_db
from reader.core.errors import (
    ArticleNotFoundError,
    FeedNotFoundError,
    InvalidFullTextModeError,
)
from reader.core.urls import link_key

if TYPE_CHECKING:
    from reader.core.storage import Store

FullTextMode = Literal["off", "on", "auto"]
FULL_TEXT_MODES: tuple[FullTextMode, ...] = ("off", "on", "auto")


def html_to_text(html: str) -> str:
    """The canonical text of an article's HTML. The sanitizer's module (and nh3 with it) is
    imported on the first call: opening a library, as the window does at every start, does
    not need it."""
    from reader.core.sanitize import html_to_text as canonical_text

    return canonical_text(html)


#: A page that failed this many times is not fetched again by refreshes (the user may still
#: ask for it).
MAX_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class PageText:
    """What was found on an article's page: the article as sanitized HTML and its canonical
    text, and the metadata the page gave."""

    url: str
    html: str
    text: str
    author: str | None = None
    published: datetime | None = None
    canonical_url: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article whose page a refresh should fetch."""

    article_id: int
    url: str


class FullTextStore:
    """The full texts of the library's articles; every write is one transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- settings ---------------------------------------------------------------------------

    def set_mode(self, feed_id: int, mode: str) -> None:
        """Whether a feed's articles get their full text: off, on, or auto (when the feed
        gives only a teaser)."""
        if mode not in FULL_TEXT_MODES:
            raise InvalidFullTextModeError(f"full text is 'off', 'on' or 'auto', not {mode!r}")
        with self._store.transaction() as db:
            if not db.execute(
                "UPDATE feeds SET full_text = ? WHERE id = ?", (mode, feed_id)
            ).rowcount:
                raise FeedNotFoundError(f"no feed with id {feed_id}")

    # -- writing ----------------------------------------------------------------------------

    def save(self, article_id: int, page: PageText) -> None:
        """Keep a page's article as the article's full text: its text becomes the article's
        canonical text (highlights placed again), and the page's author, date and canonical
        address fill what the feed left out."""
        now = self._store.now()
        with self._store.transaction() as db:
            row = db.execute(
                "SELECT author, published, first_seen, feed_id FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
            if row is None:
                raise ArticleNotFoundError(f"no article with id {article_id}")
            author, published, first_seen, feed_id = row
            db.execute(
                """
                INSERT INTO article_fulltext (article_id, url, canonical_url, html, error,
                    attempts, fetched, stale)
                VALUES (?, ?, ?, ?, NULL, 0, ?, 0)
                ON CONFLICT (article_id) DO UPDATE SET url = excluded.url,
                    canonical_url = excluded.canonical_url, html = excluded.html,
                    error = NULL, attempts = 0, fetched = excluded.fetched, stale = 0
                """,
                (article_id, page.url, page.canonical_url, page.html, to_db(now)),
            )
            updates: dict[str, object] = {"text": page.text}
            if not (author or "").strip() and page.author:
                updates["author"] = page.author
            # A feed entry without a date was given the time it was first seen.
            if page.published is not None and published == first_seen:
                updates["published"] = to_db(page.published)
            if page.canonical_url:
                key = link_key(page.canonical_url)
                if key is not None:
                    updates["link_key"] = key
                    original = db.execute(
                        "SELECT coalesce(duplicate_of, id) FROM articles "
                        "WHERE feed_id != ? AND link_key = ? AND id != ? ORDER BY id LIMIT 1",
                        (feed_id, key, article_id),
                    ).fetchone()
                    if original is not None and original[0] != article_id:
                        updates["duplicate_of"] = original[0]
            db.execute(
                f"UPDATE articles SET {', '.join(f'{k} = ?' for k in updates)} WHERE id = ?",
                (*updates.values(), article_id),
            )
            self._store.highlights.reanchor(db, [article_id])

    def record_failure(self, article_id: int, url: str, message: str) -> None:
        """Remember that an article's page could not give its full text. A full text fetched
        earlier is kept (and stays shown); the failure is what a retry would fix."""
        now = to_db(self._store.now())
        with self._store.transaction() as db:
            if not db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                raise ArticleNotFoundError(f"no article with id {article_id}")
            db.execute(
                """
                INSERT INTO article_fulltext (article_id, url, html, error, attempts, fetched)
                VALUES (?, ?, NULL, ?, 1, ?)
                ON CONFLICT (article_id) DO UPDATE SET error = excluded.error,
                    attempts = attempts + 1, fetched = excluded.fetched
                """,
                (article_id, url, message, now),
            )

    def drop(self, article_id: int) -> None:
        """Go back to the feed's own version of an article: its canonical text becomes the
        feed's again (highlights placed again; those only in the full text are kept,
        orphaned, and come back with it)."""
        with self._store.transaction() as db:
            row = db.execute(
                "SELECT content_html, summary_html FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                raise ArticleNotFoundError(f"no article with id {article_id}")
            deleted = db.execute(
                "DELETE FROM article_fulltext WHERE article_id = ?", (article_id,)
            ).rowcount
            if deleted:
                text = html_to_text(row[0] or row[1] or "")
                db.execute("UPDATE articles SET text = ? WHERE id = ?", (text, article_id))
                self._store.highlights.reanchor(db, [article_id])

    # -- reading ----------------------------------------------------------------------------

    def candidates(self, feed_id: int, article_ids: Iterable[int]) -> list[Candidate]:
        """Which of a feed's articles (just stored by a refresh) need their page fetched, as
        the feed's setting says: all of them with ``on``; with ``auto``, those whose feed
        text looks like a teaser (see ``extract.looks_like_excerpt``). Articles that have
        an up-to-date full text, no link, or failed too often are left out."""
        # Imported here: the extractor's module loads lxml, which a library opened only to
        # read need not pay for.
        from reader.core.extract import looks_like_excerpt

        ids = list(article_ids)
        if not ids:
            return []
        mode = self._store._query("SELECT full_text FROM feeds WHERE id = ?", (feed_id,))
        if not mode or mode[0][0] == "off":
            return []
        automatic = mode[0][0] == "auto"
        found: list[Candidate] = []
        rows = self._store._query_in(
            """
            SELECT a.id, a.link, a.text, a.content_html, a.summary_html, t.html AS full,
                   t.stale, t.attempts, t.error
            FROM articles a LEFT JOIN article_fulltext t ON t.article_id = a.id
            WHERE a.id IN ({marks})
            """,
            ids,
        )
        for row in rows:
            if not row["link"] or not row["link"].startswith(("http://", "https://")):
                continue
            if row["full"] is not None and not row["stale"]:
                continue
            if row["error"] is not None and row["attempts"] >= MAX_ATTEMPTS:
                continue
            if automatic and row["full"] is None:
                feed_text = html_to_text(row["content_html"] or row["summary_html"] or "")
                if not looks_like_excerpt(feed_text):
                    continue
            found.append(Candidate(row["id"], row["link"]))
        found.sort(key=lambda c: c.article_id)
        return found

    def stale(self, feed_ids: Iterable[int]) -> list[int]:
        """Articles of these feeds whose full text the feed has rewritten since."""
        ids = list(feed_ids)
        if not ids:
            return []
        rows = self._store._query(
            f"""
            SELECT t.article_id FROM article_fulltext t JOIN articles a ON a.id = t.article_id
            WHERE t.stale = 1 AND a.feed_id IN ({", ".join("?" * len(ids))})
            """,
            ids,
        )
        return [row[0] for row in rows]
