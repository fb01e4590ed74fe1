"""Addresses: which ones can be subscribed to and how they are cleaned, and the link keys under
which two links to the same story are one.

(The store's refusals of bad addresses, seen from ``Store.add_feed``, are in test_store.py.)
"""

from __future__ import annotations

import pytest

from reader.core.errors import InvalidFeedURLError
from reader.core.urls import link_key, normalize_feed_url

# -- subscribing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        # Spaces around, the scheme's and the host's case, and the fragment go; the path and
        # the query are the site's own and stay as they are.
        (
            "  HTTPS://News.Example/Feed.XML?b=2&a=1#top ",
            "https://news.example/Feed.XML?b=2&a=1",
        ),
        # A bare host gets its root path.
        ("http://news.example", "http://news.example/"),
        # The feed: pseudo-scheme, in both of its spellings.
        ("feed://news.example/rss", "http://news.example/rss"),
        ("FEED://news.example/rss", "http://news.example/rss"),
        ("feed:https://news.example/rss", "https://news.example/rss"),
        # Ports, IPv6 literals and non-ASCII host names are left alone.
        ("http://news.example:8080/rss", "http://news.example:8080/rss"),
        ("http://[::1]:8080/feed", "http://[::1]:8080/feed"),
        ("https://actualités.example/flux", "https://actualités.example/flux"),
    ],
)
def test_feed_addresses_are_cleaned(typed: str, kept: str) -> None:
    assert normalize_feed_url(typed) == kept


def test_cleaning_twice_changes_nothing() -> None:
    once = normalize_feed_url(" feed://News.Example/rss?x=1#a")
    assert normalize_feed_url(once) == once


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("   ", "empty"),
        ("//news.example/rss", "should start with http:// or https://"),
        ("mailto:redaction@news.example", "unsupported address scheme 'mailto'"),
        ("http://:80/", "no host name"),
        ("http://news.example:port/", "invalid port"),
        ("http://[::1/feed", "Invalid IPv6 URL"),
        ("http://news.example/a b", "contains spaces"),
    ],
)
def test_what_cannot_be_a_feed_says_why(typed: str, reason: str) -> None:
    with pytest.raises(InvalidFeedURLError, match=reason):
        normalize_feed_url(typed)


def test_local_files_only_when_allowed() -> None:
    with pytest.raises(InvalidFeedURLError, match="--allow-file"):
        normalize_feed_url("file:///srv/feeds/local.xml")
    # Allowed: the path is kept, a query or fragment is not (a file has neither).
    assert (
        normalize_feed_url("file:///srv/feeds/local.xml?x=1#top", allow_file=True)
        == "file:///srv/feeds/local.xml"
    )
    with pytest.raises(InvalidFeedURLError, match="not a file address"):
        normalize_feed_url("file:", allow_file=True)


def test_the_error_is_also_a_value_error() -> None:
    with pytest.raises(ValueError):
        normalize_feed_url("gopher://news.example/")


# -- the same story under two links ---------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        "https://story.example/a",
        "http://story.example/a",  # the scheme
        "https://www.story.example/a",  # www.
        "https://WWW.Story.Example/a",  # the host's case
        "https://story.example/a/",  # a trailing slash
        "https://story.example/a#comments",  # the fragment
        "https://story.example:443/a",  # the default ports
        "http://story.example:80/a",
        "https://story.example/a?utm_source=rss&utm_medium=feed",  # tracking parameters
        "https://story.example/a?xtor=RSS-8&fbclid=abc&gclid=1&at_medium=x&mc_cid=2",
        "  https://story.example/a  ",
    ],
)
def test_what_does_not_count_in_a_link(link: str) -> None:
    assert link_key(link) == "story.example/a"


def test_the_other_parameters_count_in_any_order() -> None:
    assert link_key("https://story.example/a?page=2&id=7") == "story.example/a?id=7&page=2"
    assert link_key("https://story.example/a?id=7&page=2&utm_campaign=x") == link_key(
        "https://story.example/a?page=2&id=7"
    )
    assert link_key("https://story.example/a?id=8") != link_key("https://story.example/a?id=7")
    # A parameter without a value is still a parameter.
    assert link_key("https://story.example/a?print=") == "story.example/a?print="


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://story.example/A", "https://story.example/a"),  # paths are case-sensitive
        ("https://story.example:8080/a", "https://story.example/a"),  # another port
        ("https://news.story.example/a", "https://story.example/a"),  # another host
        ("https://story.example/a/b", "https://story.example/a"),
    ],
)
def test_what_does_count_in_a_link(one: str, other: str) -> None:
    assert link_key(one) != link_key(other)


def test_the_root_of_a_site_has_a_key() -> None:
    assert (
        link_key("https://www.story.example")
        == link_key("http://story.example/")
        == ("story.example/")
    )


@pytest.mark.parametrize(
    "link",
    [None, "", "/relative/path", "story.example/a", "http://story.example:port/a", "http://[::1/a"],
)
def test_a_link_without_a_host_or_that_cannot_be_read_has_no_key(link: str | None) -> None:
    assert link_key(link) is None
