"""Download feeds over HTTP: conditional GET, timeouts, size cap, redirects, 410 and Retry-After."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import TracebackType

import httpx

from reader import __version__
from reader.core.clock import utc_now
from reader.core.errors import (
    FeedGoneError,
    FetchError,
    HTTPStatusError,
    RateLimitedError,
    ResponseTooLargeError,
)

__all__ = [
    "ACCEPT",
    "DEADLINES",
    "DEFAULT_USER_AGENT",
    "FetchResult",
    "Fetcher",
    "deadline_stream",
    "parse_retry_after",
]

#: The longest one fetch may take in all, in seconds, by what is fetched (the ``document``
#: of :meth:`Fetcher.fetch`): connecting, every redirect and the whole body. The timeout
#: bounds each read only, so a server sending a byte every few seconds would otherwise keep
#: a download going for as long as it likes. Feed discovery fetches with the page deadline;
#: the desktop's images and icons have a deadline of their own (``reader.ui.remote``).
DEADLINES: Mapping[str, float] = {"feed": 60.0, "page": 30.0}
#: The deadline of a kind of document DEADLINES does not name.
DEFAULT_DEADLINE = 30.0

DEFAULT_USER_AGENT = (
    f"PressReader/{__version__} (+https://example.invalid/press-reader; feed reader)"
)
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
)
ACCEPT_ENCODING = "gzip, deflate"

_PERMANENT_REDIRECTS = frozenset({301, 308})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_FOLLOWED_SCHEMES = frozenset({"http", "https"})
_MAX_URL_IN_MESSAGE = 200
_LOCATION = "press_reader.location"
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one download brought back.

    ``permanent_url`` is the new address of the feed when every hop of the redirect
    chain was permanent (301/308), otherwise None. ``etag`` and ``last_modified`` are
    the validators to send with the next conditional GET; on a 304 they are the ones
    that were sent, unless the server sent new ones. ``content`` is empty when
    ``not_modified``.
    """

    url: str
    final_url: str
    permanent_url: str | None
    not_modified: bool
    content: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    status: int
    elapsed: float


def parse_retry_after(value: str | None, now: datetime) -> datetime | None:
    """The moment a Retry-After header value points to, as aware UTC; None if unusable.

    The value is either a number of seconds or an HTTP date.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        try:
            return now.astimezone(UTC) + timedelta(seconds=int(value))
        except OverflowError:
            return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        # HTTP dates are always GMT; "-0000" comes back naive.
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


class Fetcher:
    """Downloads feeds with one shared, thread-safe HTTP client.

    ``fetch`` may be called from many threads at once. At most ``max_per_host``
    requests run against one host at a time, and at most ``max_connections`` in all
    (the latter is the connection pool's limit, so it does not apply when a custom
    ``transport`` is given). ``mounts`` answers some addresses with transports of their own
    (``{"https://host": transport}``). ``timeout`` bounds each connect, read and write;
    ``deadlines`` (over DEADLINES) bounds a whole fetch by kind of document, measured with
    ``monotonic``. Use as a context manager, or call ``close()``.
    """

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_bytes: int = 20 * 1024 * 1024,
        max_redirects: int = 5,
        max_connections: int = 8,
        max_per_host: int = 4,
        user_agent: str = DEFAULT_USER_AGENT,
        transport: httpx.BaseTransport | None = None,
        mounts: Mapping[str, httpx.BaseTransport] | None = None,
        clock: Callable[[], datetime] = utc_now,
        deadlines: Mapping[str, float] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.deadlines = {**DEADLINES, **(deadlines or {})}
        if any(seconds <= 0 for seconds in self.deadlines.values()):
            raise ValueError("deadlines must be positive")
        self._monotonic = monotonic
        if max_bytes < 0 or max_redirects < 0:
            raise ValueError("max_bytes and max_redirects must not be negative")
        if max_connections < 1 or max_per_host < 1:
            raise ValueError("max_connections and max_per_host must be at least 1")
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.max_per_host = max_per_host
        self._clock = clock
        self._closed = False
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._host_slots_lock = threading.Lock()
        self._client = httpx.Client(
            transport=transport,
            mounts=dict(mounts or {}),
            http1=True,
            http2=False,
            follow_redirects=False,
            event_hooks={"response": [_take_location]},
            # No pool timeout: waiting for a free connection of our own pool is not
            # the server's fault, and every request holding one is itself bounded.
            timeout=httpx.Timeout(timeout, pool=None),
            limits=httpx.Limits(
                max_connections=max_connections,
                max_keepalive_connections=max_connections,
            ),
            headers={
                "User-Agent": user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
        )

    # -- lifetime ----------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pool; later calls to ``fetch`` fail with FetchError."""
        self._closed = True
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- downloading -------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        document: str = "feed",
        deadline: float | None = None,
        max_bytes: int | None = None,
        check: Callable[[], None] | None = None,
    ) -> FetchResult:
        """Download ``url`` with a conditional GET, following up to ``max_redirects``.
        ``accept`` replaces the Accept header (which asks for feeds) for other documents,
        such as an article's web page; ``document`` names what is fetched in error messages
        ("feed" or "page") and chooses its deadline (``deadlines``) unless ``deadline``
        gives one in seconds: past it the download stops, however steadily bytes come.
        ``max_bytes`` replaces the size cap for this download; ``check`` is called before
        each request and on every chunk off the network, and may raise to stop the
        download (its exception is raised from here as it is).

        Raises FetchError (or one of its subclasses) for every failure; the
        message is one line meant for the user.
        """
        if self._closed:
            raise FetchError("the downloader was closed")
        started = time.monotonic()
        limit = deadline if deadline is not None else self.deadlines.get(document, DEFAULT_DEADLINE)
        if limit <= 0:
            raise ValueError("deadline must be positive")
        expires = self._monotonic() + limit
        cap = self.max_bytes if max_bytes is None else max_bytes
        current = _parse_url(url)
        conditional = _conditional_headers(etag, last_modified)
        if accept is not None:
            conditional[b"Accept"] = accept.encode("ascii", "replace")
        all_permanent = True
        hops = 0
        while True:
            if check is not None:
                check()
            try:
                with self._host_slot(current.host):
                    outcome = self._request(
                        current, conditional, _Limits(document, expires, limit, cap, check)
                    )
            except httpx.HTTPError as exc:
                raise _translate(exc, current, self.timeout) from exc
            except httpx.InvalidURL as exc:
                raise FetchError(f"invalid feed address: {_one_line(str(exc))}") from exc
            except RuntimeError as exc:
                # httpx refuses to send on a client closed by another thread.
                if self._closed:
                    raise FetchError("the downloader was closed") from exc
                raise
            if isinstance(outcome, _Redirect):
                hops += 1
                if hops > self.max_redirects:
                    raise FetchError(
                        f"too many redirects (more than {self.max_redirects})", kind="redirects"
                    )
                all_permanent = all_permanent and outcome.status in _PERMANENT_REDIRECTS
                current = outcome.location
                continue
            final_url = str(current)
            not_modified = outcome.status == HTTPStatus.NOT_MODIFIED
            if not_modified:
                # A 304 need not repeat the validators: keep the ones we sent.
                etag = outcome.etag or etag
                last_modified = outcome.last_modified or last_modified
            else:
                etag, last_modified = outcome.etag, outcome.last_modified
            return FetchResult(
                url=url,
                final_url=final_url,
                permanent_url=final_url if hops and all_permanent else None,
                not_modified=not_modified,
                content=outcome.content,
                content_type=outcome.content_type,
                etag=etag,
                last_modified=last_modified,
                status=outcome.status,
                elapsed=time.monotonic() - started,
            )

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        """Hold one of the ``max_per_host`` request slots of ``host``."""
        with self._host_slots_lock:
            slot = self._host_slots.get(host)
            if slot is None:
                slot = self._host_slots[host] = threading.BoundedSemaphore(self.max_per_host)
        with slot:
            yield

    def _request(
        self, url: httpx.URL, conditional: dict[bytes, bytes], limits: _Limits
    ) -> _Redirect | _Answer:
        """One GET of ``url``: a redirect to follow, or a final answer with its body, all
        before the monotonic moment ``limits.expires``."""
        remaining = limits.expires - self._monotonic()
        if remaining <= 0:
            raise _too_long(limits.document, url, limits.seconds)
        # No single wait may outlast the deadline either.
        wait = min(self.timeout, remaining)
        try:
            return self._exchange(url, conditional, wait, limits)
        except httpx.TimeoutException as exc:
            if wait < self.timeout:  # cut short by the deadline, not the server's timeout
                raise _too_long(limits.document, url, limits.seconds) from exc
            raise

    def _exchange(
        self, url: httpx.URL, conditional: dict[bytes, bytes], wait: float, limits: _Limits
    ) -> _Redirect | _Answer:
        request = self._client.build_request(
            "GET", url, headers=conditional, timeout=httpx.Timeout(wait, pool=None)
        )
        response = self._client.send(request, stream=True)

        def check() -> None:
            if limits.check is not None:
                limits.check()
            if self._monotonic() >= limits.expires:
                raise _too_long(limits.document, url, limits.seconds)

        deadline_stream(response, check)
        try:
            status = response.status_code
            if status in _REDIRECTS:
                return _Redirect(status, _redirect_target(response, url))
            if status == HTTPStatus.NOT_MODIFIED:
                return _Answer.from_response(response, b"")
            if 200 <= status < 300:
                return _Answer.from_response(response, _read_body(response, limits.max_bytes))
            raise _status_error(response, self._clock, limits.document)
        finally:
            response.close()


# -- one hop's outcome -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Limits:
    """What bounds one fetch: its deadline (a monotonic moment, ``seconds`` after it
    began), its size cap, and the caller's own check on every chunk."""

    document: str
    expires: float
    seconds: float
    max_bytes: int
    check: Callable[[], None] | None


@dataclass(frozen=True, slots=True)
class _Redirect:
    status: int
    location: httpx.URL


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    content: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @classmethod
    def from_response(cls, response: httpx.Response, content: bytes) -> _Answer:
        return cls(
            status=response.status_code,
            content=content,
            content_type=_raw_header(response, "content-type"),
            etag=_raw_header(response, "etag"),
            last_modified=_raw_header(response, "last-modified"),
        )


# -- helpers ---------------------------------------------------------------------------


def _read_body(response: httpx.Response, max_bytes: int) -> bytes:
    """The decoded body, refused as soon as it grows past ``max_bytes``."""
    too_large = ResponseTooLargeError(f"response larger than {_size(max_bytes)}")
    declared = _raw_header(response, "content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


class _CheckedStream(httpx.SyncByteStream):
    """A response body that calls ``check`` before handing on each chunk received."""

    def __init__(self, inner: httpx.SyncByteStream, check: Callable[[], None]) -> None:
        self._inner = inner
        self._check = check

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            self._check()
            yield chunk

    def close(self) -> None:
        self._inner.close()


def deadline_stream(response: httpx.Response, check: Callable[[], None]) -> None:
    """Make a streamed response call ``check`` (which raises past a deadline) on every chunk
    as it arrives off the network, before any decoding: a compressed trickle may decode to
    nothing for a long time, so a check on decoded chunks could go unasked."""
    if isinstance(response.stream, httpx.SyncByteStream):
        response.stream = _CheckedStream(response.stream, check)


def _too_long(document: str, url: httpx.URL, limit: float) -> FetchError:
    host = url.host or str(url)
    return FetchError(
        f"the {document} took longer than {limit:g} s to download from {host}; gave up",
        kind="deadline",
    )


def _parse_url(url: str) -> httpx.URL:
    """``url`` as an httpx URL we are willing to request, or FetchError."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"invalid feed address: {_one_line(str(exc))}") from exc
    if not parsed.scheme:
        raise FetchError(
            f"invalid feed address {_shorten(url)!r}: it should start with http:// or https://"
        )
    if parsed.scheme not in _FOLLOWED_SCHEMES:
        raise FetchError(
            f"cannot download {_shorten(url)!r}: only http and https addresses are supported"
        )
    if not parsed.host:
        raise FetchError(f"invalid feed address {_shorten(url)!r}: it names no host")
    return parsed


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[bytes, bytes]:
    """If-None-Match / If-Modified-Since, as bytes so stored validators round-trip exactly."""
    headers: dict[bytes, bytes] = {}
    for name, value in ((b"If-None-Match", etag), (b"If-Modified-Since", last_modified)):
        if not value:
            continue
        try:
            encoded = value.encode("latin-1")
        except UnicodeEncodeError:
            continue  # not a value we could have stored from a response; never send it
        if b"\r" not in encoded and b"\n" not in encoded:
            headers[name] = encoded
    return headers


def _raw_header(response: httpx.Response, name: str) -> str | None:
    """A response header decoded as latin-1 (so it can be sent back byte for byte)."""
    wanted = name.encode("ascii")
    for key, value in response.headers.raw:
        if key.lower() == wanted:
            text = value.decode("latin-1").strip()
            return text or None
    return None


def _take_location(response: httpx.Response) -> None:
    """Move the Location header aside, so httpx never resolves it itself.

    Even with follow_redirects=False, httpx builds the next request eagerly and raises
    on Locations it cannot join (``javascript:alert(1)``), losing the response; we
    resolve and vet redirects in ``_redirect_target`` instead. httpx's decoding
    (UTF-8 first) suits the non-ASCII Locations some servers send.
    """
    location = response.headers.get("location")
    if location is not None:
        del response.headers["location"]
        response.extensions[_LOCATION] = location.strip() or None


def _redirect_target(response: httpx.Response, current: httpx.URL) -> httpx.URL:
    """Where a 3xx response points, resolved against ``current``; only http(s)."""
    location: str | None = response.extensions.get(_LOCATION)
    status = response.status_code
    if location is None:
        raise HTTPStatusError(
            f"HTTP {status} {_phrase(status)}: the server redirects without saying where",
            status,
        )
    scheme = _SCHEME.match(location)
    if scheme is not None and scheme.group(1).lower() not in _FOLLOWED_SCHEMES:
        raise FetchError(
            f"the server redirects to {_shorten(location)!r}; "
            "only http and https redirects are followed",
            kind="redirect",
        )
    try:
        target = current.join(location).copy_with(fragment=None)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(
            f"the server redirects to an invalid address: {_shorten(location)}"
        ) from exc
    if target.scheme not in _FOLLOWED_SCHEMES:
        raise FetchError(
            f"the server redirects to {_shorten(str(target))!r}; "
            "only http and https redirects are followed",
            kind="redirect",
        )
    if not target.host:
        raise FetchError(f"the server redirects to an invalid address: {_shorten(location)}")
    return target


def _status_error(
    response: httpx.Response, clock: Callable[[], datetime], document: str = "feed"
) -> HTTPStatusError:
    """The error to raise for a final status that is neither 2xx, 304 nor a redirect;
    ``document`` ("feed" or "page") is what the messages call the thing asked for."""
    status = response.status_code
    head = f"HTTP {status} {_phrase(status)}".rstrip()
    if status == HTTPStatus.GONE:
        gone = f"the {document} is gone (HTTP 410): the server says it was removed for good"
        if document == "feed":
            return FeedGoneError(gone, status)
        return HTTPStatusError(gone, status)
    if status in (HTTPStatus.TOO_MANY_REQUESTS, HTTPStatus.SERVICE_UNAVAILABLE):
        retry_after = parse_retry_after(_raw_header(response, "retry-after"), clock())
        why = (
            "the server asks us to slow down"
            if status == HTTPStatus.TOO_MANY_REQUESTS
            else "the server is overloaded or down for maintenance"
        )
        when = (
            f"retry after {retry_after:%Y-%m-%d %H:%M:%S} UTC"
            if retry_after is not None
            else "retry later"
        )
        return RateLimitedError(f"{head}: {why}; {when}", status, retry_after)
    if status in (HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN, 407):
        why = (
            "the feed needs a login or the server refuses feed readers"
            if document == "feed"
            else f"the {document} is for subscribers, or the site refuses automatic readers"
        )
        return HTTPStatusError(f"access denied ({head}): {why}", status)
    explanation = _EXPLANATIONS.get(status)
    if explanation is not None:
        explanation = explanation.replace("feed", document)
    if explanation is None:
        if 400 <= status < 500:
            explanation = "the server refused the request"
        elif 500 <= status < 600:
            explanation = "the server failed"
        else:
            explanation = "the server gave an answer a feed reader cannot use"
    return HTTPStatusError(f"{head}: {explanation}", status)


_EXPLANATIONS: dict[int, str] = {
    400: "the server refused the request as malformed",
    404: "the feed address is wrong or the feed moved",
    406: "the server has no feed in a format we accept",
    408: "the server gave up waiting",
    500: "the server failed",
    502: "the server's gateway got a bad answer from behind it",
    504: "the server's gateway timed out",
}


def _translate(exc: httpx.HTTPError, url: httpx.URL, timeout: float) -> FetchError:
    """A one-line FetchError for any httpx failure while talking to ``url``."""
    host = url.host or str(url)
    seconds = f"{timeout:g} s"
    reason = _one_line(re.sub(r"\[Errno -?\d+\]\s*", "", str(exc))) or "no reason given"
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(f"timed out after {seconds} connecting to {host}", kind="timeout")
    if isinstance(exc, httpx.ReadTimeout):
        return FetchError(f"timed out after {seconds} waiting for {host} to answer", kind="timeout")
    if isinstance(exc, httpx.WriteTimeout):
        return FetchError(
            f"timed out after {seconds} sending the request to {host}", kind="timeout"
        )
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(f"timed out waiting for a free connection to {host}")
    if isinstance(exc, httpx.ProxyError):
        return FetchError(f"the proxy refused to connect to {host}: {reason}")
    if isinstance(exc, httpx.ConnectError):
        return FetchError(f"could not connect to {host}: {reason}", kind="connect")
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchError(f"{host} broke the HTTP protocol: {reason}")
    if isinstance(exc, httpx.DecodingError):
        return FetchError(f"{host} sent a corrupt compressed body: {reason}")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError(f"cannot download {_shorten(str(url))!r}: unsupported address")
    if isinstance(exc, httpx.NetworkError):
        return FetchError(f"the connection to {host} failed: {reason}")
    return FetchError(f"downloading from {host} failed: {reason}")


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _size(n: int) -> str:
    """A byte count the way a user reads it: "20 MiB", "512 KiB", "1000 bytes"."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= factor and n % factor == 0:
            return f"{n // factor} {unit}"
    return f"{n} bytes"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str) -> str:
    text = _one_line(text)
    if len(text) <= _MAX_URL_IN_MESSAGE:
        return text
    return text[: _MAX_URL_IN_MESSAGE - 1] + "…"
