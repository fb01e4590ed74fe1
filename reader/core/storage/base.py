"""The store's plumbing: the connection, the clock, ``transaction()``, the query helper and the
mapping of SQLite errors to the library's own."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from reader.core import schema
from reader.core.clock import utc_now
from reader.core.errors import LibraryReadOnlyError, StorageError
from reader.core.parts import LibraryParts

if TYPE_CHECKING:
    import sqlite_utils

    from reader.core.storage.fulltexts import FullTextStore
    from reader.core.storage.highlights import HighlightStore
    from reader.core.storage.tags import TagStore


class StoreBase:
    """One SQLite file, opened (and created or upgraded) on construction; the domains of
    :class:`~reader.core.storage.Store` build on it.

    A store belongs to the thread that uses it; other threads open their own on the same file
    (WAL mode lets readers and one writer work at the same time).
    """

    # The per-domain components, set by Store (declared here so every domain can reach them).
    highlights: HighlightStore
    tags: TagStore
    full_texts: FullTextStore

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime] = utc_now,
        read_only: bool = False,
        parts: LibraryParts | None = None,
    ) -> None:
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

    def close(self) -> None:
        """Close the database; the Store cannot be used afterwards."""
        self._conn.close()

    def __enter__(self) -> Self:
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
            raise storage_error(error, self.path) from None
        try:
            yield self._conn
        except sqlite3.Error as error:
            schema.rollback(self._conn)
            raise storage_error(error, self.path) from None
        except BaseException:
            schema.rollback(self._conn)
            raise
        try:
            # A full disk is often found only here, when the pages reach the file.
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            schema.rollback(self._conn)
            raise storage_error(error, self.path) from None

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """The rows of one read, a SQLite error turned into the library's own."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise storage_error(error, self.path) from None

    def _query_in(
        self, sql: str, values: Sequence[Any], before: Sequence[Any] = ()
    ) -> Iterator[sqlite3.Row]:
        """The rows of ``sql`` for every value of ``values``, read :data:`IN_CHUNK` at a time
        (one chunk's rows in memory at once): ``{marks}`` in ``sql`` stands for a chunk's
        placeholders (``x IN ({marks})``), and ``before`` are the parameters ahead of them."""
        for start in range(0, len(values), IN_CHUNK):
            chunk = values[start : start + IN_CHUNK]
            marks = ", ".join("?" * len(chunk))
            yield from self._query(sql.format(marks=marks), (*before, *chunk))


#: How many values one query's ``IN (…)`` list carries at most (SQLite caps the parameters
#: of one statement).
IN_CHUNK = 500


def storage_error(error: sqlite3.Error, path: Path | None = None) -> StorageError:
    """The library's error for a SQLite one, by result code (see ``schema.storage_error``)."""
    return schema.storage_error(error, path)
