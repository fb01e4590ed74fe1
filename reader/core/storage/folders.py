"""The library's folders: created on demand by path, listed in display order, removed when
empty; and the in-memory index an OPML import finds its folders with."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.core.folder_paths import split_folder
from reader.core.storage.base import StoreBase
from reader.core.types import MAX_FOLDER_DEPTH


class FoldersMixin(StoreBase):
    """Folders, nested at most ``MAX_FOLDER_DEPTH`` deep."""

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


class FolderIndex:
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
