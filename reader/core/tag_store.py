"""The library's tag vocabulary: one list shared by articles and highlights, with colours,
renaming (which merges into a tag that already exists) and deletion."""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

from reader.core.errors import InvalidTagError, ReaderError
from reader.core.types import TagInfo

if TYPE_CHECKING:
    from reader.core.store import Store

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


class TagNotFoundError(ReaderError, LookupError):
    """No tag has the given name."""


class TagStore:
    """Tags, reached as ``store.tags``. Articles and highlights are tagged through
    ``store.tag_article`` and ``store.highlights``; this manages the names themselves.

    Tags are hierarchical by name (``country/Mali`` sits under ``country``): renaming a tag
    renames the tags below it, and deleting one deletes them too.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def summary(self) -> list[TagInfo]:
        """Every tag with its colour and the number of articles and highlights carrying it,
        by name."""
        rows = self._store._query(
            "SELECT t.name, t.color, "
            "(SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id), "
            "(SELECT count(*) FROM highlight_tags ht WHERE ht.tag_id = t.id) "
            "FROM tags t ORDER BY t.name COLLATE NOCASE"
        )
        return [TagInfo(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def names(self) -> list[str]:
        """Every tag name, for completion."""
        return [r[0] for r in self._store._query("SELECT name FROM tags ORDER BY name")]

    def rename(self, old: str, new: str) -> str:
        """Rename a tag and the tags below it (``country`` → ``pays`` makes ``country/Mali``
        ``pays/Mali``); a name that already exists absorbs the renamed tag's articles and
        highlights (merge). Returns the new name as stored."""
        from reader.core.store import _like_prefix, normalize_tag

        source, target = normalize_tag(old), normalize_tag(new)
        if target.casefold().startswith(source.casefold() + "/"):
            raise InvalidTagError(f"cannot move the tag {source!r} under itself")
        with self._store.transaction() as db:
            rows = db.execute(
                "SELECT id, name, color FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\' "
                "ORDER BY length(name)",
                (source, _like_prefix(source + "/")),
            ).fetchall()
            if not rows:
                raise TagNotFoundError(f"no tag named {source!r}")
            for tag_id, name, color in rows:
                renamed = target + name[len(source) :]
                existing = db.execute(
                    "SELECT id, color FROM tags WHERE name = ?", (renamed,)
                ).fetchone()
                if existing is None or existing[0] == tag_id:
                    db.execute("UPDATE tags SET name = ? WHERE id = ?", (renamed, tag_id))
                else:
                    self._merge(db, tag_id, existing[0], color if existing[1] is None else None)
        return self._stored_name(target)

    @staticmethod
    def _merge(db: sqlite3.Connection, source: int, target: int, color: str | None) -> None:
        db.execute(
            "INSERT INTO article_tags (article_id, tag_id, added) "
            "SELECT article_id, ?, added FROM article_tags WHERE tag_id = ? "
            "ON CONFLICT DO NOTHING",
            (target, source),
        )
        db.execute(
            "INSERT INTO highlight_tags (highlight_id, tag_id) "
            "SELECT highlight_id, ? FROM highlight_tags WHERE tag_id = ? "
            "ON CONFLICT DO NOTHING",
            (target, source),
        )
        if color is not None:
            db.execute("UPDATE tags SET color = ? WHERE id = ?", (color, target))
        db.execute("DELETE FROM tags WHERE id = ?", (source,))

    def set_color(self, name: str, color: str | None) -> None:
        """Give a tag a colour (``#rrggbb``), or take it away with None."""
        from reader.core.store import normalize_tag

        if color is not None and not _COLOR.fullmatch(color):
            raise ReaderError(f"a tag colour is written #rrggbb, not {color!r}")
        tag = normalize_tag(name)
        with self._store.transaction() as db:
            changed = db.execute(
                "UPDATE tags SET color = ? WHERE name = ?",
                (None if color is None else color.lower(), tag),
            ).rowcount
            if not changed:
                raise TagNotFoundError(f"no tag named {tag!r}")

    def delete(self, name: str) -> int:
        """Delete a tag and the tags below it from the library, taking them off every article
        and highlight (which stay); returns how many tags went."""
        from reader.core.store import _like_prefix, normalize_tag

        tag = normalize_tag(name)
        with self._store.transaction() as db:
            deleted = db.execute(
                "DELETE FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\'",
                (tag, _like_prefix(tag + "/")),
            ).rowcount
            if not deleted:
                raise TagNotFoundError(f"no tag named {tag!r}")
        return int(deleted)

    def _stored_name(self, name: str) -> str:
        rows = self._store._query("SELECT name FROM tags WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else name
