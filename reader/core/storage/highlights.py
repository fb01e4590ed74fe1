"""Highlights in the library, reached as ``store.highlights``: create, list, edit, delete, and
re-anchor them when articles change."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reader.core.anchoring import (
    TextPositionSelector,
    TextQuoteSelector,
    find_quote,
    locate,
    selectors_for,
)
from reader.core.dates import from_db, to_db
from reader.core.errors import (
    ArticleNotFoundError,
    HighlightNotFoundError,
    ReaderError,
    UnknownColorError,
)
from reader.core.storage.tags import add_tags, like_prefix
from reader.core.tag_names import normalize_tag
from reader.core.types import Highlight, HighlightColor

if TYPE_CHECKING:
    from reader.core.storage import Store


_COLUMNS = """
    h.id, h.article_id, h.article_title, h.article_link, h.feed_title, h.exact, h.prefix,
    h.suffix, h.start, h."end", h.color, h.note, h.created, h.updated, a.feed_id, a.published,
    (SELECT group_concat(t.name, char(31)) FROM highlight_tags ht JOIN tags t
     ON t.id = ht.tag_id WHERE ht.highlight_id = h.id) AS tags
"""


class HighlightStore:
    """Highlights, reached as ``store.highlights``; every write is one transaction of the
    store's, and nothing a user wrote is ever dropped: a highlight that cannot be placed in a
    changed article is kept as orphaned, with its quote, note and tags."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- palette ----------------------------------------------------------------------------

    def colors(self) -> list[HighlightColor]:
        """The palette, in display order."""
        rows = self._store._query("SELECT name, meaning FROM highlight_colors ORDER BY position")
        return [HighlightColor(r[0], r[1]) for r in rows]

    def set_color_meaning(self, color: str, meaning: str) -> None:
        """Say what a colour means ("key fact", "claim to verify"…)."""
        cleaned = " ".join(meaning.split())
        if not cleaned:
            raise ReaderError("a colour's meaning cannot be empty")
        with self._store.transaction() as db:
            self._check_color(db, color)
            db.execute("UPDATE highlight_colors SET meaning = ? WHERE name = ?", (cleaned, color))

    @staticmethod
    def _check_color(db: sqlite3.Connection, color: str) -> None:
        if db.execute("SELECT 1 FROM highlight_colors WHERE name = ?", (color,)).fetchone():
            return
        names = ", ".join(r[0] for r in db.execute("SELECT name FROM highlight_colors"))
        raise UnknownColorError(f"unknown colour {color!r} (the palette has {names})")

    # -- creating ---------------------------------------------------------------------------

    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        """Highlight ``text[start:end]`` of an article's canonical text (surrounding spaces are
        trimmed; an empty selection is refused)."""
        article = self._store.get_article(article_id)
        quote, position = selectors_for(article.text, start, end)
        return self._insert(article_id, quote, position, color=color, note=note, tags=tags)

    def add_quote(
        self,
        article_id: int,
        quote: str,
        *,
        occurrence: int | None = None,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        """Highlight a passage given by its text (whitespace and typographic quotes may
        differ); ``occurrence`` (from 1) picks one when it appears several times."""
        article = self._store.get_article(article_id)
        start, end = find_quote(article.text, quote, occurrence=occurrence)
        return self.add(article_id, start, end, color=color, note=note, tags=tags)

    def _insert(
        self,
        article_id: int,
        quote: TextQuoteSelector,
        position: TextPositionSelector,
        *,
        color: str,
        note: str,
        tags: Iterable[str],
    ) -> Highlight:
        names = [normalize_tag(tag) for tag in tags]
        now = to_db(self._store.now())
        with self._store.transaction() as db:
            self._check_color(db, color)
            row = db.execute(
                "SELECT a.title, a.link, coalesce(f.user_title, f.feed_title, f.url) "
                "FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
            if row is None:
                raise ArticleNotFoundError(f"no article with id {article_id}")
            highlight_id = db.execute(
                "INSERT INTO highlights (article_id, article_title, article_link, feed_title, "
                'exact, prefix, suffix, start, "end", color, note, created, updated) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    row[0],
                    row[1],
                    row[2],
                    quote.exact,
                    quote.prefix,
                    quote.suffix,
                    position.start,
                    position.end,
                    color,
                    note.strip(),
                    now,
                    now,
                ),
            ).lastrowid
            assert highlight_id is not None
            self._set_tags(db, highlight_id, names)
        return self.get(highlight_id)

    @staticmethod
    def _set_tags(
        db: sqlite3.Connection, highlight_id: int, names: Sequence[str], *, checked: bool = True
    ) -> None:
        db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", (highlight_id,))
        add_tags(db, names, checked=checked)
        for name in names:
            db.execute(
                "INSERT INTO highlight_tags (highlight_id, tag_id) "
                "SELECT ?, id FROM tags WHERE name = ? ON CONFLICT DO NOTHING",
                (highlight_id, name),
            )

    # -- reading ----------------------------------------------------------------------------

    def get(self, highlight_id: int) -> Highlight:
        rows = self._store._query(
            f"SELECT {_COLUMNS} FROM highlights h LEFT JOIN articles a ON a.id = h.article_id "
            "WHERE h.id = ?",
            (highlight_id,),
        )
        if not rows:
            raise HighlightNotFoundError(f"no highlight with id {highlight_id}")
        return _highlight(rows[0])

    def list(
        self,
        *,
        article_id: int | None = None,
        tag: str | None = None,
        color: str | None = None,
        feed_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[Highlight]:
        """Highlights, in reading order within an article, newest articles first otherwise.
        ``tag`` matches the tag and the tags below it (``country`` finds ``country/Mali``);
        ``since``/``until`` bound the article's publication date (a highlight whose article
        is gone counts from its own creation)."""
        clauses: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            self._store.get_article(article_id)
            clauses.append("h.article_id = ?")
            params.append(article_id)
        if tag is not None:
            name = normalize_tag(tag)
            clauses.append(
                "EXISTS (SELECT 1 FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id "
                "WHERE ht.highlight_id = h.id AND (t.name = ? OR t.name LIKE ? ESCAPE '\\'))"
            )
            params.extend([name, like_prefix(name + "/")])
        if color is not None:
            clauses.append("h.color = ?")
            params.append(color)
        if feed_id is not None:
            self._store.get_feed(feed_id)
            clauses.append("a.feed_id = ?")
            params.append(feed_id)
        if since is not None:
            clauses.append("coalesce(a.published, h.created) >= ?")
            params.append(to_db(since))
        if until is not None:
            clauses.append("coalesce(a.published, h.created) < ?")
            params.append(to_db(until))
        where = " AND ".join(clauses) or "1"
        rows = self._store._query(
            f"SELECT {_COLUMNS} FROM highlights h LEFT JOIN articles a ON a.id = h.article_id "
            f"WHERE {where} ORDER BY a.published DESC, h.article_id, "
            f"h.start IS NULL, h.start, h.id",
            params,
        )
        return [_highlight(row) for row in rows]

    # -- editing ----------------------------------------------------------------------------

    def update(
        self,
        highlight_id: int,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Highlight:
        """Change a highlight's colour, note or tags (works on orphaned ones too)."""
        names = None if tags is None else [normalize_tag(tag) for tag in tags]
        with self._store.transaction() as db:
            self.get(highlight_id)
            if color is not None:
                self._check_color(db, color)
                db.execute("UPDATE highlights SET color = ? WHERE id = ?", (color, highlight_id))
            if note is not None:
                db.execute(
                    "UPDATE highlights SET note = ? WHERE id = ?", (note.strip(), highlight_id)
                )
            if names is not None:
                self._set_tags(db, highlight_id, names)
            db.execute(
                "UPDATE highlights SET updated = ? WHERE id = ?",
                (to_db(self._store.now()), highlight_id),
            )
        return self.get(highlight_id)

    def delete(self, highlight_id: int) -> Highlight:
        """Remove a highlight; returns it as it was (for undo)."""
        with self._store.transaction() as db:
            highlight = self.get(highlight_id)
            db.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
        return highlight

    def restore(self, highlight: Highlight) -> Highlight:
        """Put back a deleted highlight exactly as it was, under its own id (undo). If its
        article has gone meanwhile, it comes back orphaned; if the article's text changed, it
        is re-anchored."""
        names = [normalize_tag(tag) for tag in highlight.tags]
        with self._store.transaction() as db:
            if db.execute("SELECT 1 FROM highlights WHERE id = ?", (highlight.id,)).fetchone():
                raise ReaderError(f"highlight {highlight.id} already exists")
            self._check_color(db, highlight.color)
            article_id = highlight.article_id
            if (
                article_id is not None
                and not db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            ):
                article_id = None
            placed = article_id is not None and highlight.start is not None
            db.execute(
                "INSERT INTO highlights (id, article_id, article_title, article_link, "
                'feed_title, exact, prefix, suffix, start, "end", color, note, created, '
                "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    highlight.id,
                    article_id,
                    highlight.article_title,
                    highlight.article_link,
                    highlight.feed_title,
                    highlight.exact,
                    highlight.prefix,
                    highlight.suffix,
                    highlight.start if placed else None,
                    highlight.end if placed else None,
                    highlight.color,
                    highlight.note,
                    to_db(highlight.created),
                    to_db(highlight.updated),
                ),
            )
            # Undo puts back the tags it had, even one from before the limits on names.
            self._set_tags(db, highlight.id, names, checked=False)
            if article_id is not None:
                self.reanchor(db, [article_id])
        return self.get(highlight.id)

    # -- re-anchoring -----------------------------------------------------------------------

    def reanchor(self, db: sqlite3.Connection, article_ids: Iterable[int]) -> tuple[int, int]:
        """Place again the highlights of articles whose text just changed (inside the caller's
        transaction); returns (moved, orphaned). A highlight found nowhere is orphaned, never
        deleted; one found again after being orphaned is placed again."""
        moved = orphaned = 0
        for article_id in article_ids:
            rows = db.execute(
                'SELECT id, exact, prefix, suffix, start, "end" FROM highlights '
                "WHERE article_id = ?",
                (article_id,),
            ).fetchall()
            if not rows:
                continue
            text, title, link = db.execute(
                "SELECT text, title, link FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            for hid, exact, prefix, suffix, start, end in rows:
                position = None if start is None else TextPositionSelector(start, end)
                anchor = locate(text, TextQuoteSelector(exact, prefix, suffix), position)
                if anchor is None:
                    if start is not None:
                        orphaned += 1
                    db.execute(
                        'UPDATE highlights SET start = NULL, "end" = NULL, article_title = ?, '
                        "article_link = ? WHERE id = ?",
                        (title, link, hid),
                    )
                    continue
                if (anchor.start, anchor.end) != (start, end):
                    moved += 1
                quote, _ = selectors_for(text, anchor.start, anchor.end)
                db.execute(
                    'UPDATE highlights SET start = ?, "end" = ?, exact = ?, prefix = ?, '
                    "suffix = ?, article_title = ?, article_link = ? WHERE id = ?",
                    (
                        anchor.start,
                        anchor.end,
                        quote.exact,
                        quote.prefix,
                        quote.suffix,
                        title,
                        link,
                        hid,
                    ),
                )
        return moved, orphaned


def _highlight(row: sqlite3.Row) -> Highlight:
    created, updated = from_db(row["created"]), from_db(row["updated"])
    assert created is not None and updated is not None
    return Highlight(
        id=row["id"],
        article_id=row["article_id"],
        article_title=row["article_title"],
        article_link=row["article_link"],
        feed_title=row["feed_title"],
        exact=row["exact"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        start=row["start"],
        end=row["end"],
        color=row["color"],
        note=row["note"],
        tags=tuple(sorted(row["tags"].split("\x1f"), key=str.casefold)) if row["tags"] else (),
        created=created,
        updated=updated,
        feed_id=row["feed_id"],
        published=from_db(row["published"]),
    )
