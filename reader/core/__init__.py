"""The engine's public face: open a library, refresh it, compose briefs; its values and errors.

Everything outside ``reader.core`` imports from here (or from ``reader.core.types`` and
``reader.core.errors``); the other modules are the engine's insides. Names are loaded on first
use, so importing this package costs nothing: ``from reader.core import Store`` imports the
store's module then, and ``reader.core.fetch`` (httpx) waits for the first ``Fetcher``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.anchoring import (
        TextPositionSelector,
        TextQuoteSelector,
        find_quote,
        locate,
        reanchor,
        selectors_for,
        squeeze_spaces,
    )
    from reader.core.briefs import (
        compose,
        excerpt_of,
        group,
        reselect,
        select_items,
    )
    from reader.core.clock import utc_now
    from reader.core.dates import parse_user_date, to_db
    from reader.core.demo import open_demo_library, reopen_library, seed_demo_library
    from reader.core.discover import choose_feed, discover_feeds
    from reader.core.errors import (
        AmbiguousQuoteError,
        ArticleNotFoundError,
        BriefError,
        BriefNotFoundError,
        ClockError,
        DiskFullError,
        EmptyBriefError,
        ExtractionError,
        FeedExistsError,
        FeedGoneError,
        FeedNotFoundError,
        FetchError,
        FolderNotFoundError,
        HighlightNotFoundError,
        HTTPStatusError,
        InvalidBriefError,
        InvalidDateError,
        InvalidFeedURLError,
        InvalidFullTextModeError,
        InvalidSelectionError,
        InvalidTagError,
        LibraryBusyError,
        LibraryReadOnlyError,
        LibraryTooNewError,
        NoFeedFoundError,
        NotAFileError,
        NotALibraryError,
        OPMLError,
        ParseError,
        PaywalledError,
        QuoteNotFoundError,
        RateLimitedError,
        ReaderError,
        ReadOnlyFileError,
        ResponseTooLargeError,
        StorageError,
        TagNotFoundError,
        UnknownColorError,
    )
    from reader.core.extract import extract_article
    from reader.core.fetch import DEFAULT_USER_AGENT, Fetcher, deadline_stream
    from reader.core.files import check_replaceable, write_atomically
    from reader.core.folding import fold
    from reader.core.fts import MIN_PREFIX, word_prefix
    from reader.core.fulltext import fetch_full_text
    from reader.core.opml import export_opml, parse_opml
    from reader.core.parts import FeedParser, FetcherFactory, LibraryParts
    from reader.core.refresh import refresh_feeds
    from reader.core.schema import is_writable
    from reader.core.storage import (
        FOLDER_SEPARATOR,
        MATCH_END,
        MATCH_START,
        Store,
        cursor_after,
        split_folder,
    )
    from reader.core.storage.briefs import BriefStore
    from reader.core.tag_names import library_tag, normalize_tag
    from reader.core.tag_paths import is_under, tag_and_parents, tag_key
    from reader.core.types import (
        BRIEF_LANGUAGES,
        MAX_FOLDER_DEPTH,
        SWATCHES,
        Article,
        ArticleOrder,
        ArticleQuery,
        Brief,
        BriefCriteria,
        BriefItem,
        BriefSection,
        Discovery,
        Feed,
        FeedCandidate,
        FeedFormat,
        FeedOutcome,
        FeedStatus,
        FullText,
        GroupBy,
        Highlight,
        HighlightColor,
        ImportReport,
        InvalidOutline,
        LibraryStats,
        OPMLDocument,
        OutlineFeed,
        ParsedEntry,
        ParsedFeed,
        RefreshProgress,
        RefreshSummary,
        SearchHit,
        TagInfo,
        TagMode,
        TagSnapshot,
        swatch,
    )
    from reader.core.urls import normalize_feed_url
    from reader.core.words import snap_to_words


def open_library(
    path: Path | str,
    *,
    clock: Callable[[], datetime] | None = None,
    read_only: bool = False,
    fetcher: FetcherFactory | None = None,
    parser: FeedParser | None = None,
) -> Store:
    """The library at ``path``, opened (created or upgraded unless ``read_only``).

    ``clock`` replaces the wall clock (tests pass a stopped one); without it the library
    reads :func:`utc_now`. ``fetcher`` builds the downloader of each refresh and full-text
    fetch (the demo library's answers offline); ``parser`` replaces the feed parser, and runs
    in this process (tests build their feeds with it). Both are kept on ``Store.parts``.
    """
    from reader.core.parts import LibraryParts
    from reader.core.storage import Store

    parts = LibraryParts(fetcher=fetcher, parser=parser)
    if clock is None:
        return Store(path, read_only=read_only, parts=parts)
    return Store(path, clock=clock, read_only=read_only, parts=parts)


#: Which module defines each public name; it is imported on the name's first use.
_HOMES: dict[str, str] = {
    "Store": "storage",
    "cursor_after": "storage",
    "split_folder": "folder_paths",
    "FOLDER_SEPARATOR": "folder_paths",
    "MATCH_START": "storage",
    "MATCH_END": "storage",
    "refresh_feeds": "refresh",
    "BriefStore": "storage.briefs",
    "compose": "briefs",
    "excerpt_of": "briefs",
    "group": "briefs",
    "reselect": "briefs",
    "select_items": "briefs",
    "Fetcher": "fetch",
    "DEFAULT_USER_AGENT": "fetch",
    "deadline_stream": "fetch",
    "TextPositionSelector": "anchoring",
    "TextQuoteSelector": "anchoring",
    "find_quote": "anchoring",
    "locate": "anchoring",
    "reanchor": "anchoring",
    "selectors_for": "anchoring",
    "squeeze_spaces": "anchoring",
    "fold": "folding",
    "MIN_PREFIX": "fts",
    "word_prefix": "fts",
    "snap_to_words": "words",
    "library_tag": "tag_names",
    "is_under": "tag_paths",
    "tag_and_parents": "tag_paths",
    "tag_key": "tag_paths",
    "normalize_tag": "tag_names",
    "fetch_full_text": "fulltext",
    "extract_article": "extract",
    "choose_feed": "discover",
    "discover_feeds": "discover",
    "export_opml": "opml",
    "parse_opml": "opml",
    "normalize_feed_url": "urls",
    "parse_user_date": "dates",
    "to_db": "dates",
    "utc_now": "clock",
    "check_replaceable": "files",
    "write_atomically": "files",
    "is_writable": "schema",
    "seed_demo_library": "demo",
    "open_demo_library": "demo",
    "reopen_library": "demo",
    "LibraryParts": "parts",
    "MAX_FOLDER_DEPTH": "types",
    "SWATCHES": "types",
    "swatch": "types",
    "ParsedEntry": "types",
    "ParsedFeed": "types",
    "Feed": "types",
    "FullText": "types",
    "Article": "types",
    "SearchHit": "types",
    "Highlight": "types",
    "TagInfo": "types",
    "HighlightColor": "types",
    "TagMode": "types",
    "GroupBy": "types",
    "BRIEF_LANGUAGES": "types",
    "BriefCriteria": "types",
    "BriefItem": "types",
    "BriefSection": "types",
    "Brief": "types",
    "ArticleOrder": "types",
    "ArticleQuery": "types",
    "ImportReport": "types",
    "LibraryStats": "types",
    "TagSnapshot": "types",
    "FeedStatus": "types",
    "FeedOutcome": "types",
    "RefreshProgress": "types",
    "RefreshSummary": "types",
    "FeedFormat": "types",
    "FeedCandidate": "types",
    "Discovery": "types",
    "OutlineFeed": "types",
    "InvalidOutline": "types",
    "OPMLDocument": "types",
    "ReaderError": "errors",
    "StorageError": "errors",
    "NotALibraryError": "errors",
    "LibraryTooNewError": "errors",
    "LibraryReadOnlyError": "errors",
    "DiskFullError": "errors",
    "LibraryBusyError": "errors",
    "FeedNotFoundError": "errors",
    "ArticleNotFoundError": "errors",
    "FeedExistsError": "errors",
    "InvalidFeedURLError": "errors",
    "InvalidTagError": "errors",
    "InvalidDateError": "errors",
    "OPMLError": "errors",
    "FetchError": "errors",
    "HTTPStatusError": "errors",
    "FeedGoneError": "errors",
    "RateLimitedError": "errors",
    "ResponseTooLargeError": "errors",
    "ParseError": "errors",
    "NoFeedFoundError": "errors",
    "NotAFileError": "errors",
    "ReadOnlyFileError": "errors",
    "ClockError": "errors",
    "ExtractionError": "errors",
    "PaywalledError": "errors",
    "HighlightNotFoundError": "errors",
    "UnknownColorError": "errors",
    "BriefError": "errors",
    "InvalidBriefError": "errors",
    "BriefNotFoundError": "errors",
    "FolderNotFoundError": "errors",
    "EmptyBriefError": "errors",
    "TagNotFoundError": "errors",
    "InvalidFullTextModeError": "errors",
    "InvalidSelectionError": "errors",
    "QuoteNotFoundError": "errors",
    "AmbiguousQuoteError": "errors",
}

__all__ = [
    "BRIEF_LANGUAGES",
    "DEFAULT_USER_AGENT",
    "FOLDER_SEPARATOR",
    "MATCH_END",
    "MATCH_START",
    "MAX_FOLDER_DEPTH",
    "MIN_PREFIX",
    "SWATCHES",
    "AmbiguousQuoteError",
    "Article",
    "ArticleNotFoundError",
    "ArticleOrder",
    "ArticleQuery",
    "Brief",
    "BriefCriteria",
    "BriefError",
    "BriefItem",
    "BriefNotFoundError",
    "BriefSection",
    "BriefStore",
    "ClockError",
    "Discovery",
    "DiskFullError",
    "EmptyBriefError",
    "ExtractionError",
    "Feed",
    "FeedCandidate",
    "FeedExistsError",
    "FeedFormat",
    "FeedGoneError",
    "FeedNotFoundError",
    "FeedOutcome",
    "FeedStatus",
    "FetchError",
    "Fetcher",
    "FolderNotFoundError",
    "FullText",
    "GroupBy",
    "HTTPStatusError",
    "Highlight",
    "HighlightColor",
    "HighlightNotFoundError",
    "ImportReport",
    "InvalidBriefError",
    "InvalidDateError",
    "InvalidFeedURLError",
    "InvalidFullTextModeError",
    "InvalidOutline",
    "InvalidSelectionError",
    "InvalidTagError",
    "LibraryBusyError",
    "LibraryParts",
    "LibraryReadOnlyError",
    "LibraryStats",
    "LibraryTooNewError",
    "NoFeedFoundError",
    "NotAFileError",
    "NotALibraryError",
    "OPMLDocument",
    "OPMLError",
    "OutlineFeed",
    "ParseError",
    "ParsedEntry",
    "ParsedFeed",
    "PaywalledError",
    "QuoteNotFoundError",
    "RateLimitedError",
    "ReadOnlyFileError",
    "ReaderError",
    "RefreshProgress",
    "RefreshSummary",
    "ResponseTooLargeError",
    "SearchHit",
    "StorageError",
    "Store",
    "TagInfo",
    "TagMode",
    "TagNotFoundError",
    "TagSnapshot",
    "TextPositionSelector",
    "TextQuoteSelector",
    "UnknownColorError",
    "check_replaceable",
    "choose_feed",
    "compose",
    "cursor_after",
    "deadline_stream",
    "discover_feeds",
    "excerpt_of",
    "export_opml",
    "extract_article",
    "fetch_full_text",
    "find_quote",
    "fold",
    "group",
    "is_under",
    "is_writable",
    "library_tag",
    "locate",
    "normalize_feed_url",
    "normalize_tag",
    "open_demo_library",
    "open_library",
    "parse_opml",
    "parse_user_date",
    "reanchor",
    "refresh_feeds",
    "reopen_library",
    "reselect",
    "seed_demo_library",
    "select_items",
    "selectors_for",
    "snap_to_words",
    "split_folder",
    "squeeze_spaces",
    "swatch",
    "tag_and_parents",
    "tag_key",
    "to_db",
    "utc_now",
    "word_prefix",
    "write_atomically",
]


def _load(name: str) -> object:
    """A public name, imported from its module (and kept here for the next use)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if not TYPE_CHECKING:
    # Seen by Python only: mypy reads the imports above, so a misspelt name stays an error.
    __getattr__ = _load
