"""Feed addresses: what we accept as a subscription, and keys that recognise the same story."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from reader.core.errors import InvalidFeedURLError

_TRACKING_PREFIXES = ("utm_", "xtor", "at_", "fbclid", "gclid", "mc_")


def normalize_feed_url(text: str, *, allow_file: bool = False) -> str:
    """Check that ``text`` is an address we can subscribe to and return it cleaned.

    Accepts http and https (and the ``feed:`` pseudo-scheme some sites use); ``file:`` only when
    ``allow_file`` is set. Raises :class:`InvalidFeedURLError` with the reason otherwise.
    """
    url = text.strip()
    if not url:
        raise InvalidFeedURLError("the feed address is empty")
    if any(c.isspace() for c in url):
        raise InvalidFeedURLError(f"not a feed address: {text!r} contains spaces")
    lowered = url.lower()
    if lowered.startswith("feed://"):
        url = "http://" + url[len("feed://") :]
    elif lowered.startswith("feed:"):
        url = url[len("feed:") :]
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise InvalidFeedURLError(f"not a feed address: {text!r} ({error})") from None
    scheme = parts.scheme.lower()
    if scheme == "file":
        if not allow_file:
            raise InvalidFeedURLError(
                f"refusing {text!r}: local files are only read with --allow-file"
            )
        if not parts.path:
            raise InvalidFeedURLError(f"not a file address: {text!r}")
        return urlunsplit(("file", parts.netloc, parts.path, "", ""))
    if scheme not in ("http", "https"):
        if not scheme:
            raise InvalidFeedURLError(
                f"not a feed address: {text!r} (it should start with http:// or https://)"
            )
        raise InvalidFeedURLError(
            f"unsupported address scheme {scheme!r} in {text!r}: use http or https"
        )
    if not parts.hostname:
        raise InvalidFeedURLError(f"not a feed address: {text!r} has no host name")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise InvalidFeedURLError(f"not a feed address: {text!r} has an invalid port") from None
    path = parts.path or "/"
    return urlunsplit((scheme, parts.netloc.lower(), path, parts.query, ""))


def link_key(link: str | None) -> str | None:
    """A key under which two links to the same story are equal: the scheme, ``www.``, the
    fragment, tracking parameters and a trailing slash do not count."""
    if not link:
        return None
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    host = host.removeprefix("www.")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    path = parts.path.rstrip("/") or "/"
    try:
        port_number = parts.port
    except ValueError:
        return None
    port = f":{port_number}" if port_number and port_number not in (80, 443) else ""
    return f"{host}{port}{path}" + (f"?{urlencode(sorted(query))}" if query else "")
