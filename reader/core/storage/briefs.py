"""Briefs kept in the library, reached as ``store.briefs``: saving, reopening, listing and
deleting them, and recording which articles went out in an exported brief."""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.core.briefs import item_from_article
from reader.core.dates import from_db, to_db
from reader.core.errors import (
    ArticleNotFoundError,
    BriefError,
    BriefNotFoundError,
    HighlightNotFoundError,
)
from reader.core.types import BRIEF_LANGUAGES, Brief, BriefItem, BriefSection, Highlight

if TYPE_CHECKING:
    from reader.core.storage import Store

#: The version of the JSON body stored for each brief.
_BODY_VERSION = 1


class BriefStore:
    """Briefs kept in the library, reached as ``store.briefs``. A saved brief keeps its sections,
    items, summaries and the ids of its chosen highlights; reopening it reads the highlights
    and articles as they are now (an orphaned highlight keeps its quote; a deleted one is
    left out and listed in ``missing_highlights``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, brief: Brief) -> Brief:
        """Write a new brief (``id`` None) or replace a saved one; returns it with its id and
        times."""
        now = self._store.now()
        values = (
            " ".join(brief.title.split()),
            brief.author.strip(),
            to_db(brief.since),
            to_db(brief.until),
            brief.introduction,
            json.dumps(_body(brief), ensure_ascii=False),
        )
        with self._store.transaction() as db:
            if brief.id is None:
                brief_id = db.execute(
                    "INSERT INTO briefs (title, author, since, until, introduction, body, "
                    "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, to_db(now), to_db(now)),
                ).lastrowid
                assert brief_id is not None
                return replace(brief, id=brief_id, created=now, updated=now)
            changed = db.execute(
                "UPDATE briefs SET title = ?, author = ?, since = ?, until = ?, "
                "introduction = ?, body = ?, updated = ? WHERE id = ?",
                (*values, to_db(now), brief.id),
            ).rowcount
            if not changed:
                raise BriefNotFoundError(f"no brief with id {brief.id}")
            created = from_db(
                db.execute("SELECT created FROM briefs WHERE id = ?", (brief.id,)).fetchone()[0]
            )
        return replace(brief, created=created, updated=now)

    def get(self, brief_id: int) -> Brief:
        """A saved brief, its highlights and articles read as they are now."""
        rows = self._store._query(f"{_SELECT_BRIEFS} WHERE b.id = ?", (brief_id,))
        if not rows:
            raise BriefNotFoundError(f"no brief with id {brief_id}")
        return self._brief(rows[0])

    def list(self) -> list[Brief]:
        """Every saved brief, the most recently changed first."""
        rows = self._store._query(f"{_SELECT_BRIEFS} ORDER BY b.updated DESC, b.id DESC")
        return [self._brief(row) for row in rows]

    def delete(self, brief_id: int) -> None:
        """Remove a brief; its articles count as unused again."""
        with self._store.transaction() as db:
            if not db.execute("DELETE FROM briefs WHERE id = ?", (brief_id,)).rowcount:
                raise BriefNotFoundError(f"no brief with id {brief_id}")

    def mark_exported(self, brief: Brief) -> int:
        """Record that the brief went out with its articles (so ``unused_only`` leaves them
        out next time); returns how many articles were recorded. The brief must be saved."""
        if brief.id is None:
            raise BriefError("save the brief before marking it exported")
        now = to_db(self._store.now())
        with self._store.transaction() as db:
            if not db.execute("SELECT 1 FROM briefs WHERE id = ?", (brief.id,)).fetchone():
                raise BriefNotFoundError(f"no brief with id {brief.id}")
            recorded = 0
            for article_id in brief.article_ids():
                recorded += db.execute(
                    "INSERT INTO brief_uses (brief_id, article_id, exported) "
                    "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?2) "
                    "ON CONFLICT DO UPDATE SET exported = excluded.exported",
                    (brief.id, article_id, now),
                ).rowcount
        return recorded

    def used_article_ids(self) -> set[int]:
        """Articles sent out in an exported brief."""
        return {int(r[0]) for r in self._store._query("SELECT article_id FROM brief_uses")}

    # -- reading back -----------------------------------------------------------------------

    def _brief(self, row: sqlite3.Row) -> Brief:
        try:
            body = json.loads(row["body"])
            if body.get("version", 1) > _BODY_VERSION:
                raise BriefError(
                    f"brief {row['id']} was written by a newer Press Reader: please update"
                )
            raw_sections = body["sections"]
            language = str(body.get("language", "en"))
            if language not in BRIEF_LANGUAGES:
                language = "en"
        except (ValueError, KeyError, TypeError, AttributeError):
            raise BriefError(f"brief {row['id']} is damaged and cannot be read") from None
        missing: builtins.list[int] = []
        sections = tuple(
            BriefSection(
                str(section.get("heading", "")),
                tuple(self._item(raw, missing) for raw in section.get("items", [])),
            )
            for section in raw_sections
        )
        return Brief(
            id=row["id"],
            title=row["title"],
            author=row["author"],
            since=from_db(row["since"]),
            until=from_db(row["until"]),
            introduction=row["introduction"],
            sections=sections,
            created=from_db(row["created"]),
            updated=from_db(row["updated"]),
            exported=from_db(row["exported"]),
            missing_highlights=tuple(missing),
            language=language,
        )

    def _item(self, raw: Mapping[str, Any], missing: builtins.list[int]) -> BriefItem:
        highlights: list[Highlight] = []
        for highlight_id in raw.get("highlights", []):
            try:
                highlights.append(self._store.highlights.get(int(highlight_id)))
            except HighlightNotFoundError:
                missing.append(int(highlight_id))
        item = BriefItem(
            article_id=raw.get("article_id"),
            title=str(raw.get("title", "")),
            link=raw.get("link"),
            source=str(raw.get("source", "")),
            author=raw.get("author"),
            published=from_db(raw.get("published")),
            summary=str(raw.get("summary", "")),
            highlights=tuple(highlights),
            tags=tuple(raw.get("tags", ())),
            feed_id=raw.get("feed_id"),
            excerpt=str(raw.get("excerpt", "")),
        )
        if item.article_id is None:
            return item
        try:
            article = self._store.get_article(item.article_id)
        except ArticleNotFoundError:
            # Gone from the library: the copy kept in the brief still cites it.
            return replace(item, article_id=None, feed_id=None)
        fresh = item_from_article(article, item.highlights)
        return replace(fresh, summary=item.summary)


_SELECT_BRIEFS = """
    SELECT b.id, b.title, b.author, b.since, b.until, b.introduction, b.body, b.created,
           b.updated, (SELECT max(u.exported) FROM brief_uses u WHERE u.brief_id = b.id)
           AS exported
    FROM briefs b
"""


def _body(brief: Brief) -> dict[str, Any]:
    """The JSON body of a brief: its sections and items, with highlight ids only (their text
    is read again when the brief is reopened)."""
    return {
        "version": _BODY_VERSION,
        "language": brief.language,
        "sections": [
            {
                "heading": section.heading,
                "items": [
                    {
                        "article_id": item.article_id,
                        "feed_id": item.feed_id,
                        "title": item.title,
                        "link": item.link,
                        "source": item.source,
                        "author": item.author,
                        "published": to_db(item.published),
                        "summary": item.summary,
                        "tags": list(item.tags),
                        "highlights": [h.id for h in item.highlights],
                        "excerpt": item.excerpt,
                    }
                    for item in section.items
                ],
            }
            for section in brief.sections
        ],
    }
