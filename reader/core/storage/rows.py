"""The columns the store reads feeds and articles with, and the rows turned into values."""

from __future__ import annotations

import sqlite3
from typing import Any

from reader.core.dates import from_db
from reader.core.folder_paths import FOLDER_SEPARATOR
from reader.core.types import Article, Feed

FEED_COLUMNS = """
    f.id, f.url, f.folder_id, f.user_title, f.feed_title, f.site_url, f.icon_url, f.etag,
    f.last_modified, f.added, f.last_checked, f.last_success, f.last_error, f.warning,
    f.error_count, f.enabled, f.retry_after, f.archived, f.full_text
"""

ARTICLE_LIST_COLUMNS = """
    a.id, a.feed_id, a.key, a.title, a.link, a.author, a.published, a.updated, a.first_seen,
    a.read, a.starred, a.duplicate_of,
    coalesce(f.user_title, f.feed_title, f.url) AS feed_title,
    (SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id = a.id) AS tags
"""


def feed_from_row(row: sqlite3.Row, paths: dict[int, tuple[str, ...]]) -> Feed:
    """A feed read with FEED_COLUMNS and its counts; ``paths`` names the folders by id."""
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


def article_from_row(row: sqlite3.Row, **extra: Any) -> Article:
    """An article read with ARTICLE_LIST_COLUMNS; ``extra`` fills what a list leaves out."""
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
