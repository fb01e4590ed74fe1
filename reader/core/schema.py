"""The library's schema as numbered migrations, and opening a database file safely."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.core.errors import LibraryTooNewError, NotALibraryError, StorageError

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
)
SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: Path | str) -> sqlite3.Connection:
    """Open a connection with the library's pragmas; transactions are explicit (autocommit)."""
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise StorageError(f"cannot open the library {path}: {error}") from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        # In WAL mode NORMAL never corrupts the library; a power cut may lose the last commit,
        # which a refresh fetches again. FULL would fsync every feed's transaction.
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        db.close()
        raise NotALibraryError(f"{path} is not a Press Reader library ({error})") from None
    return db


def _is_empty(db: sqlite3.Connection) -> bool:
    return bool(db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0)


def migrate(db: sqlite3.Connection, path: Path | str, *, target: int = SCHEMA_VERSION) -> None:
    """Bring the database at ``path`` to ``target``: create it when empty, refuse it when it is
    not a library or is newer than this program, run each missing step in its own transaction."""
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        empty = _is_empty(db)
    except sqlite3.DatabaseError as error:
        raise NotALibraryError(f"{path} is not a Press Reader library ({error})") from None
    if not empty and app_id != APPLICATION_ID:
        raise NotALibraryError(f"{path} is not a Press Reader library")
    if version > SCHEMA_VERSION:
        raise LibraryTooNewError(
            f"{path} was written by a newer Press Reader (library version {version}; "
            f"this program reads up to {SCHEMA_VERSION}): please update Press Reader"
        )
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
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
