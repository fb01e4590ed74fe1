"""The library's schema as numbered migrations, and opening a database file safely."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from reader.core.errors import (
    DiskFullError,
    LibraryBusyError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    NotALibraryError,
    StorageError,
)

#: Written in every library; a database with another id is not ours. ("PrRd")
APPLICATION_ID = 0x50725264
BUSY_TIMEOUT_MS = 10_000

Migration = Callable[[sqlite3.Connection], None]


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise StorageError(f"incomplete statement in a migration: {statement.strip()[:60]}")


def _v1_tables(db: sqlite3.Connection) -> None:
    """Folders, feeds, articles, tags."""
    _run_script(
        db,
        """
        CREATE TABLE folders (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            position INTEGER NOT NULL DEFAULT 0
        );
        -- NULL parents never collide in a plain UNIQUE constraint, hence the expression.
        CREATE UNIQUE INDEX folders_unique_name ON folders (ifnull(parent_id, 0), name);

        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
            user_title TEXT,
            feed_title TEXT,
            site_url TEXT,
            icon_url TEXT,
            etag TEXT,
            last_modified TEXT,
            added TEXT NOT NULL,
            last_checked TEXT,
            last_success TEXT,
            last_error TEXT,
            warning TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            enabled INTEGER NOT NULL DEFAULT 1,
            retry_after TEXT,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX feeds_folder ON feeds (folder_id);

        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            author TEXT,
            published TEXT NOT NULL,
            updated TEXT,
            first_seen TEXT NOT NULL,
            last_changed TEXT,
            summary_html TEXT NOT NULL DEFAULT '',
            content_html TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            enclosures TEXT NOT NULL DEFAULT '[]',
            digest TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_id, key)
        );
        CREATE INDEX articles_by_date ON articles (published DESC, id DESC);
        CREATE INDEX articles_by_feed_date ON articles (feed_id, published DESC, id DESC);
        CREATE INDEX articles_starred ON articles (starred) WHERE starred;

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            color TEXT
        );

        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            added TEXT NOT NULL,
            PRIMARY KEY (article_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_tags_by_tag ON article_tags (tag_id);
        """,
    )


def _v2_search(db: sqlite3.Connection) -> None:
    """Full-text search over title, author and text, accent-insensitive, kept in sync by
    triggers; indexes what is already there."""
    _run_script(
        db,
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, author, text,
            content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, author, text)
            VALUES (new.id, new.title, ifnull(new.author, ''), new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
            VALUES ('delete', old.id, old.title, ifnull(old.author, ''), old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
            VALUES ('delete', old.id, old.title, ifnull(old.author, ''), old.text);
            INSERT INTO articles_fts (rowid, title, author, text)
            VALUES (new.id, new.title, ifnull(new.author, ''), new.text);
        END;
        INSERT INTO articles_fts (rowid, title, author, text)
            SELECT id, title, ifnull(author, ''), text FROM articles;
        """,
    )


def _v3_duplicates(db: sqlite3.Connection) -> None:
    """Recognise one story carried by several feeds: keys by link and by title + text."""
    _run_script(
        db,
        """
        ALTER TABLE articles ADD COLUMN duplicate_of INTEGER
            REFERENCES articles(id) ON DELETE SET NULL;
        ALTER TABLE articles ADD COLUMN link_key TEXT;
        ALTER TABLE articles ADD COLUMN content_key TEXT;
        CREATE INDEX articles_link_key ON articles (link_key) WHERE link_key IS NOT NULL;
        CREATE INDEX articles_content_key ON articles (content_key)
            WHERE content_key IS NOT NULL;
        CREATE INDEX articles_duplicate_of ON articles (duplicate_of)
            WHERE duplicate_of IS NOT NULL;
        """,
    )
    # Imported here: the identity rules live with the store, and only this step needs them.
    from reader.core.identity import content_key
    from reader.core.urls import link_key

    rows = db.execute("SELECT id, link, title, text FROM articles").fetchall()
    db.executemany(
        "UPDATE articles SET link_key = ?, content_key = ? WHERE id = ?",
        [(link_key(link), content_key(title, text), id_) for id_, link, title, text in rows],
    )


def _v4_view_indexes(db: sqlite3.Connection) -> None:
    """Indexes the desktop views need at 100 000 articles: unread counts per feed without
    reading every row, and the article list sorted by title."""
    _run_script(
        db,
        """
        CREATE INDEX articles_unread_by_feed ON articles (feed_id, read);
        CREATE INDEX articles_by_title ON articles (title COLLATE NOCASE, id);
        """,
    )


def _v5_search_rank(db: sqlite3.Connection) -> None:
    """Rank search results with the title weighing most: set as the index's own rank so that
    FTS5 can sort by it internally (``ORDER BY rank``) instead of scoring in the outer query."""
    db.execute(
        "INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0)')"
    )


def _v6_listed_index(db: sqlite3.Connection) -> None:
    """Counting the articles a view lists (one copy of each story), how many are unread and
    how many starred, from a small index instead of the whole table, which text makes large."""
    db.execute(
        "CREATE INDEX articles_listed ON articles (read, feed_id, starred) "
        "WHERE duplicate_of IS NULL"
    )


def _v7_highlights(db: sqlite3.Connection) -> None:
    """Highlights: W3C quote and position selectors on an article's canonical text, colour,
    note, tags (shared with articles), and the named colours whose meaning users edit. A
    highlight outlives its article (the article's title, link and source are copied into it),
    and a feed can be archived rather than deleted to keep its annotated articles."""
    _run_script(
        db,
        """
        CREATE TABLE highlight_colors (
            name TEXT PRIMARY KEY,
            meaning TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        INSERT INTO highlight_colors (name, meaning, position) VALUES
            ('yellow', 'key fact', 0), ('green', 'context', 1), ('blue', 'quote', 2),
            ('pink', 'claim to verify', 3), ('orange', 'follow up', 4);

        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            article_title TEXT NOT NULL,
            article_link TEXT,
            feed_title TEXT NOT NULL DEFAULT '',
            exact TEXT NOT NULL CHECK (length(exact) > 0),
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            start INTEGER,
            "end" INTEGER,
            color TEXT NOT NULL DEFAULT 'yellow' REFERENCES highlight_colors(name)
                ON UPDATE CASCADE,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK ((start IS NULL) = ("end" IS NULL)),
            CHECK (start IS NULL OR (0 <= start AND start < "end"))
        );
        CREATE INDEX highlights_by_article ON highlights (article_id);
        -- An article that goes (with its feed, say) leaves its highlights orphaned, not lost.
        CREATE TRIGGER highlights_orphaned_by_article BEFORE DELETE ON articles BEGIN
            UPDATE highlights SET start = NULL, "end" = NULL WHERE article_id = old.id;
        END;

        CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (highlight_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX highlight_tags_by_tag ON highlight_tags (tag_id);

        ALTER TABLE feeds ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
        """,
    )


def _v8_briefs(db: sqlite3.Connection) -> None:
    """Briefs: an analyst's press reviews (title, period, introduction, and the sections,
    items, chosen highlights and summaries as one JSON body), and which articles went out in
    an exported brief, so that next week's selection can leave them out."""
    _run_script(
        db,
        """
        CREATE TABLE briefs (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            author TEXT NOT NULL DEFAULT '',
            since TEXT,
            until TEXT,
            introduction TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '{"sections": []}',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );

        CREATE TABLE brief_uses (
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            exported TEXT NOT NULL,
            PRIMARY KEY (brief_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX brief_uses_by_article ON brief_uses (article_id);
        """,
    )


def _v9_full_text(db: sqlite3.Connection) -> None:
    """Full text for excerpt-only feeds: each feed says whether its articles' pages are
    fetched (off, on, or automatic when the feed gives only a teaser), and an article's
    fetched full text is kept beside the feed's own content, with where it came from and the
    last failure. While an article has full text, its canonical text (articles.text, searched
    and anchored on) is the full text's."""
    _run_script(
        db,
        """
        ALTER TABLE feeds ADD COLUMN full_text TEXT NOT NULL DEFAULT 'off'
            CHECK (full_text IN ('off', 'on', 'auto'));

        CREATE TABLE article_fulltext (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            canonical_url TEXT,
            html TEXT,
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            fetched TEXT NOT NULL,
            stale INTEGER NOT NULL DEFAULT 0,
            CHECK (html IS NOT NULL OR error IS NOT NULL)
        );
        """,
    )


def _v10_index_per_feed(db: sqlite3.Connection) -> None:
    """Index new articles one feed at a time, not one row at a time.

    The insert trigger ran FTS5 once per row, and FTS5 writes its pending terms out at the
    end of every statement that changes it: a refresh wrote one tiny index segment per
    article, then merged them. The store now indexes each feed's new articles with one
    statement in the same transaction (see ``RefreshWritesMixin.store_parsed_feed``), which
    costs about half. The update and delete triggers stay: they fire rarely."""
    db.execute("DROP TRIGGER articles_fts_insert")


#: MIGRATIONS[n] brings a library from version n to n + 1. Never edit a released step: add one.
MIGRATIONS: tuple[Migration, ...] = (
    _v1_tables,
    _v2_search,
    _v3_duplicates,
    _v4_view_indexes,
    _v5_search_rank,
    _v6_listed_index,
    _v7_highlights,
    _v8_briefs,
    _v9_full_text,
    _v10_index_per_feed,
)
SCHEMA_VERSION = len(MIGRATIONS)


#: For tests: a cap on the library's pages (``PRAGMA max_page_count``), set on every
#: connection, so that a full disk can be simulated. None leaves SQLite's own limit.
MAX_PAGE_COUNT: int | None = None

#: The files SQLite keeps beside a WAL library while it is open.
SIDECAR_SUFFIXES = ("-wal", "-shm")


def sidecars(path: Path) -> tuple[Path, ...]:
    """The write-ahead log and shared-memory index beside the library file."""
    return tuple(path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES)


def _on_read_only_file_system(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: a read-only volume shows as unwritable files instead
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def read_only_cause(path: Path) -> str | None:
    """Why the library at ``path`` cannot be written, in the user's words; None when its file,
    its folder and its file system all allow writing."""
    folder = path.parent
    if _on_read_only_file_system(folder):
        return f"{folder} is on a read-only file system"
    if path.exists() and not _writable(path):
        return f"the library file {path} is read-only (check its permissions)"
    for sidecar in sidecars(path):
        if sidecar.exists() and not _writable(sidecar):
            return (
                f"the library's {sidecar.name} file is read-only "
                "(another user's Press Reader left it; delete it while no Press Reader runs)"
            )
    if folder.is_dir() and not _writable(folder):
        # SQLite creates the -wal and -shm files beside the library, even to read it.
        return f"the folder {folder} is read-only (check its permissions)"
    return None


def is_writable(path: Path) -> bool:
    """Whether the library at ``path`` (which may not exist yet) can be written."""
    return read_only_cause(path) is None


def storage_error(error: sqlite3.Error, path: Path | str | None = None) -> StorageError:
    """The StorageError a SQLite error means, chosen by its primary result code (the extended
    codes only add detail); read-only and cannot-open errors name the true cause."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    where = Path(path) if path is not None and str(path) != ":memory:" else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return LibraryBusyError("the library is busy (another Press Reader is writing); try again")
    if primary == sqlite3.SQLITE_FULL:
        place = f" holding {where}" if where is not None else ""
        return DiskFullError(
            f"the disk{place} is full: the last change was not saved; free some space and try again"
        )
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        cause = read_only_cause(where) if where is not None else None
        if cause is not None:
            return LibraryReadOnlyError(f"cannot write the library: {cause}")
        if primary == sqlite3.SQLITE_READONLY:
            return LibraryReadOnlyError("the library is read-only: check the file's permissions")
        return StorageError(f"cannot open the library {where}: {error}")
    if primary == sqlite3.SQLITE_NOTADB:
        return NotALibraryError(f"{where} is not a Press Reader library ({error})")
    if primary == sqlite3.SQLITE_CORRUPT:
        return StorageError(f"the library file is damaged ({error})")
    return StorageError(f"library error: {error}")


def repair_sidecars(path: Path) -> None:
    """Give back write permission to a -wal or -shm file a read-only open left behind.

    SQLite creates them with the main file's permissions, so reading a 0444 library leaves
    0444 ones that block every later write, even once the library file is writable again.
    Only our own files are changed (chmod never disturbs another process using them)."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None or not path.exists() or not _writable(path):
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return
    for sidecar in sidecars(path):
        try:
            info = sidecar.stat()
            if info.st_uid == geteuid() and not _writable(sidecar):
                sidecar.chmod(stat.S_IMODE(info.st_mode) | (mode & 0o666) | stat.S_IWUSR)
        except OSError:
            continue  # absent, or not ours: read_only_cause names it if it blocks writing


def _read_only_uri(path: Path) -> str:
    """How to open the library without writing to it, nor creating anything beside it.

    A WAL library is read through its -shm index, which SQLite creates (with the library's
    permissions) if it is missing, or fails to in a read-only folder. When there is no
    write-ahead log, or an empty one, the main file holds every commit, so ``immutable=1``
    reads it with no index at all; a log with content is read through its index
    (``mode=ro`` works then even in a read-only folder, from SQLite 3.22)."""
    target = path.absolute().as_uri()
    wal, _ = sidecars(path)
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    if pending:
        return target + "?mode=ro"
    return target + "?mode=ro&immutable=1"


def connect(path: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
    """Open a connection with the library's pragmas; transactions are explicit (autocommit).

    ``read_only`` opens the file without ever writing to it or creating a file beside it,
    for commands that only read a library the user cannot write."""
    memory = str(path) == ":memory:"
    try:
        if read_only and not memory:
            db = sqlite3.connect(
                _read_only_uri(Path(path)), uri=True, isolation_level=None,
                check_same_thread=False,
            )  # fmt: skip
        else:
            if not memory:
                repair_sidecars(Path(path))
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise storage_error(error, path) from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        # In WAL mode NORMAL never corrupts the library; a power cut may lose the last commit,
        # which a refresh fetches again. FULL would fsync every feed's transaction.
        db.execute("PRAGMA synchronous = NORMAL")
        if MAX_PAGE_COUNT is not None:
            db.execute(f"PRAGMA max_page_count = {int(MAX_PAGE_COUNT)}")
    except sqlite3.Error as error:
        db.close()
        raise storage_error(error, path) from None
    return db


def rollback(db: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already (it may after a full disk)."""
    if db.in_transaction:
        # The transaction is gone either way; the first error is the one to tell.
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")


def _is_empty(db: sqlite3.Connection) -> bool:
    return bool(db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0)


def migrate(
    db: sqlite3.Connection,
    path: Path | str,
    *,
    target: int = SCHEMA_VERSION,
    read_only: bool = False,
) -> None:
    """Bring the database at ``path`` to ``target``: create it when empty, refuse it when it is
    not a library or is newer than this program, run each missing step in its own transaction.

    A library opened ``read_only`` is only checked: one that needs a step is refused."""
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        empty = _is_empty(db)
    except sqlite3.Error as error:
        raise storage_error(error, path) from None
    if not empty and app_id != APPLICATION_ID:
        raise NotALibraryError(f"{path} is not a Press Reader library")
    if version > SCHEMA_VERSION:
        raise LibraryTooNewError(
            f"{path} was written by a newer Press Reader (library version {version}; "
            f"this program reads up to {SCHEMA_VERSION}): please update Press Reader"
        )
    if read_only:
        if empty or version < target:
            cause = read_only_cause(Path(path)) or "it was opened read-only"
            what = "is empty" if empty else "must be upgraded for this Press Reader"
            raise LibraryReadOnlyError(f"the library {path} {what}, but {cause}")
        return
    try:
        if empty:
            # WAL lets the desktop app read while a command-line refresh writes.
            db.execute("PRAGMA journal_mode = WAL")
        for step in range(version, target):
            try:
                db.execute("BEGIN IMMEDIATE")
                MIGRATIONS[step](db)
                problems = db.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise StorageError(f"migration to version {step + 1} broke references")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {step + 1}")
                db.execute("COMMIT")
            except BaseException:
                rollback(db)
                raise
    except sqlite3.Error as error:
        raise storage_error(error, path) from None
