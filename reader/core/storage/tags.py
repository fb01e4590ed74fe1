"""Tags in the library, reached as ``store.tags``: one vocabulary shared by articles and
highlights, with colours, renaming (which merges into a tag that already exists) and deletion."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reader.core.errors import InvalidTagError, ReaderError, TagNotFoundError
from reader.core.tag_names import TAG_LIMIT, new_tag, normalize_tag
from reader.core.types import TagInfo, TagSnapshot

if TYPE_CHECKING:
    from reader.core.storage import Store

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def add_tags(db: sqlite3.Connection, names: Iterable[str], *, checked: bool = True) -> None:
    """Put normalized ``names`` into the vocabulary where they are not yet; a name new to the
    library must pass :func:`new_tag` (unless ``checked`` is false: undo putting back a
    tag that was there)."""
    for name in names:
        if db.execute("SELECT 1 FROM tags WHERE name = ?", (name,)).fetchone() is not None:
            continue
        if checked:
            new_tag(name)
        db.execute("INSERT INTO tags (name) VALUES (?)", (name,))


def like_prefix(prefix: str) -> str:
    """A LIKE pattern (escaped with a backslash) for names starting with ``prefix``."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


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
        source, target = normalize_tag(old), normalize_tag(new)
        if target.casefold().startswith(source.casefold() + "/"):
            raise InvalidTagError(f"cannot move the tag {source!r} under itself")
        with self._store.transaction() as db:
            rows = db.execute(
                "SELECT id, name, color FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\' "
                "ORDER BY length(name)",
                (source, like_prefix(source + "/")),
            ).fetchall()
            if not rows:
                raise TagNotFoundError(f"no tag named {source!r}")
            if db.execute("SELECT 1 FROM tags WHERE name = ?", (target,)).fetchone() is None:
                new_tag(target)  # a name new to the library obeys the limits
            for tag_id, name, color in rows:
                renamed = target + name[len(source) :]
                existing = db.execute(
                    "SELECT id, color FROM tags WHERE name = ?", (renamed,)
                ).fetchone()
                # The tags below keep their own levels (one too long from before the limits
                # may move); only a rename that lengthens them past the limit is refused.
                if existing is None and len(renamed) > max(len(name), TAG_LIMIT):
                    raise InvalidTagError(
                        f"renaming {source!r} would make {renamed[:30]!r}… longer than "
                        f"{TAG_LIMIT} characters"
                    )
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
        tag = normalize_tag(name)
        with self._store.transaction() as db:
            deleted = db.execute(
                "DELETE FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\'",
                (tag, like_prefix(tag + "/")),
            ).rowcount
            if not deleted:
                raise TagNotFoundError(f"no tag named {tag!r}")
        return int(deleted)

    def snapshot(self, names: Iterable[str]) -> TagSnapshot:
        """The tags named (and those below them) as they are now."""
        names = tuple(normalize_tag(name) for name in names)
        with self._store.transaction() as db:
            ids = self._subtree_ids(db, names)
            marks = ",".join("?" * len(ids))

            def rows(sql: str) -> tuple[Any, ...]:
                return tuple(tuple(row) for row in db.execute(sql.format(marks), ids))

            return TagSnapshot(
                names,
                rows("SELECT id, name, color FROM tags WHERE id IN ({})"),
                rows("SELECT article_id, tag_id, added FROM article_tags WHERE tag_id IN ({})"),
                rows("SELECT highlight_id, tag_id FROM highlight_tags WHERE tag_id IN ({})"),
            )

    def restore(self, snapshot: TagSnapshot) -> None:
        """Put the snapshot's tags back as they were, replacing what is now under its names
        (so a snapshot of a rename's old and new names undoes it). Articles and highlights
        that went meanwhile are skipped."""
        with self._store.transaction() as db:
            ids = self._subtree_ids(db, snapshot.names)
            db.execute(f"DELETE FROM tags WHERE id IN ({','.join('?' * len(ids))})", ids)
            db.executemany("INSERT INTO tags (id, name, color) VALUES (?, ?, ?)", snapshot.tags)
            db.executemany(
                "INSERT INTO article_tags (article_id, tag_id, added) SELECT ?, ?, ? "
                "WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
                snapshot.article_tags,
            )
            db.executemany(
                "INSERT INTO highlight_tags (highlight_id, tag_id) SELECT ?, ? "
                "WHERE EXISTS (SELECT 1 FROM highlights WHERE id = ?1)",
                snapshot.highlight_tags,
            )

    @staticmethod
    def _subtree_ids(db: sqlite3.Connection, names: Iterable[str]) -> list[int]:
        ids: set[int] = set()
        for name in names:
            ids.update(
                r[0]
                for r in db.execute(
                    "SELECT id FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\'",
                    (name, like_prefix(name + "/")),
                )
            )
        return sorted(ids)

    def _stored_name(self, name: str) -> str:
        rows = self._store._query("SELECT name FROM tags WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else name
