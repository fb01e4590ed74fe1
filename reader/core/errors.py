"""The one tree of errors the engine raises; each message is meant for the user."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


class ReaderError(Exception):
    """Base of every error Press Reader raises on purpose."""


# -- the library ---------------------------------------------------------------------------


class StorageError(ReaderError):
    """The library database could not be read or written."""


class NotALibraryError(StorageError):
    """The file exists but is not a Press Reader library."""


class LibraryTooNewError(StorageError):
    """The library was written by a newer Press Reader than this one."""


class LibraryReadOnlyError(StorageError):
    """The library cannot be written: its file, its folder or its file system is read-only."""


class DiskFullError(StorageError):
    """The disk holding the library is full: the last change was not saved."""


class LibraryBusyError(StorageError):
    """Another Press Reader holds the library's write lock for longer than we wait."""


class FeedNotFoundError(ReaderError, LookupError):
    """No feed has the given id."""


class ArticleNotFoundError(ReaderError, LookupError):
    """No article has the given id."""


class FeedExistsError(ReaderError):
    """A feed with that URL is already in the library."""


class InvalidFeedURLError(ReaderError, ValueError):
    """The text given as a feed address is not one we can subscribe to."""


class InvalidTagError(ReaderError, ValueError):
    """A tag name is empty or otherwise unusable."""


class InvalidDateError(ReaderError, ValueError):
    """A date given by the user could not be understood."""


class OPMLError(ReaderError, ValueError):
    """An OPML file could not be read."""


# -- the network and the feed's bytes ------------------------------------------------------


class FetchError(ReaderError):
    """A feed (or a page, an image) could not be downloaded.

    ``kind`` names the failure for callers that word it their own way: "timeout" (the
    server kept a connect, read or write waiting), "deadline" (the whole download took too
    long), "redirect" (to an address that is not http or https), "redirects" (too many),
    "connect" (no connection to the host); None otherwise.
    """

    def __init__(self, message: str, *, kind: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class FeedGoneError(HTTPStatusError):
    """The server says the feed is gone for good (410)."""


class RateLimitedError(HTTPStatusError):
    """The server asks us to come back later (429 or 503 with Retry-After)."""

    def __init__(self, message: str, status: int, retry_after: datetime | None) -> None:
        super().__init__(message, status)
        self.retry_after = retry_after


class ResponseTooLargeError(FetchError):
    """The response body is larger than the configured cap."""


class ParseError(ReaderError):
    """The downloaded bytes are not a feed we can read."""


class NoFeedFoundError(ParseError):
    """A web page names no feed, and none of the usual addresses on its site is one."""


# -- the user's files ----------------------------------------------------------------------


class NotAFileError(ReaderError):
    """The name given for a file to write is a folder, a named pipe, a socket, a device or a
    symbolic link to nothing: it is never replaced."""


class ReadOnlyFileError(ReaderError):
    """The file to replace is read-only: replacing it needs the user's consent."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


# -- the clock -----------------------------------------------------------------------------


class ClockError(ReaderError):
    """``PRESS_READER_NOW`` holds something that is not a time."""


# -- article pages -------------------------------------------------------------------------


class ExtractionError(ReaderError):
    """No article text could be taken from a page.

    ``url`` is the page's address and ``chars`` the length of the text that was found
    (0 when there was none).
    """

    def __init__(self, message: str, *, url: str, chars: int = 0) -> None:
        super().__init__(message)
        self.url = url
        self.chars = chars


class PaywalledError(ExtractionError):
    """The page shows only a teaser of an article reserved for subscribers."""


# -- highlights ----------------------------------------------------------------------------


class HighlightNotFoundError(ReaderError, LookupError):
    """No highlight has the given id."""


class UnknownColorError(ReaderError, ValueError):
    """A colour that is not in the palette."""


# -- briefs --------------------------------------------------------------------------------


class BriefError(ReaderError):
    """A brief could not be composed, saved or read."""


class InvalidBriefError(BriefError, ValueError):
    """A brief or its criteria are not usable as given (no title, unknown grouping…)."""


class BriefNotFoundError(BriefError, LookupError):
    """No brief has the given id."""


class FolderNotFoundError(BriefError, LookupError):
    """No folder has the given path."""


class EmptyBriefError(BriefError):
    """The criteria matched no article."""


# -- tags ----------------------------------------------------------------------------------


class TagNotFoundError(ReaderError, LookupError):
    """No tag has the given name."""


# -- full text -----------------------------------------------------------------------------


class InvalidFullTextModeError(ReaderError, ValueError):
    """A full-text setting other than off, on or auto."""


# -- anchoring highlights ------------------------------------------------------------------


class InvalidSelectionError(ReaderError, ValueError):
    """A selection or a selector cannot make a highlight."""


class QuoteNotFoundError(InvalidSelectionError, LookupError):
    """The quote given to place a highlight is not in the article."""


class AmbiguousQuoteError(InvalidSelectionError):
    """The quote appears several times and nothing says which one is meant."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count
