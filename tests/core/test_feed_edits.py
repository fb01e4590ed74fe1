"""Correcting a feed's address and removing a folder its feeds have left."""

from __future__ import annotations

import pytest

from reader.core.errors import FeedExistsError, InvalidFeedURLError
from reader.core.storage import Store


def test_a_new_address_forgets_the_old_one_s_state(store: Store) -> None:
    feed = store.add_feed("https://a.example/rss")
    store.record_not_modified(feed.id, etag='"x"', last_modified="Sat, 28 Nov 2026")
    store.record_error(feed.id, "the feed is gone (HTTP 410)", disable=True)
    moved = store.set_feed_url(feed.id, " https://A.example/feed/ ")
    assert moved.url == "https://a.example/feed/"
    assert (moved.etag, moved.last_modified, moved.last_error, moved.error_count) == (
        None,
        None,
        None,
        0,
    )
    assert moved.enabled


def test_an_address_taken_or_invalid_is_refused(store: Store) -> None:
    first = store.add_feed("https://a.example/rss")
    store.add_feed("https://b.example/rss")
    with pytest.raises(FeedExistsError, match="feed 2"):
        store.set_feed_url(first.id, "https://b.example/rss")
    with pytest.raises(InvalidFeedURLError):
        store.set_feed_url(first.id, "ftp://a.example/rss")
    assert store.get_feed(first.id).url == "https://a.example/rss"


def test_only_an_empty_folder_is_removed(store: Store) -> None:
    feed = store.add_feed("https://a.example/rss", folder="Sahel/Mali")
    assert not store.is_empty_folder("Sahel/Mali")
    assert not store.remove_empty_folder("Sahel/Mali")
    assert not store.remove_empty_folder("Sahel")  # holds a folder
    store.remove_feed(feed.id)
    assert store.is_empty_folder("Sahel/Mali")
    assert store.remove_empty_folder("Sahel/Mali")
    assert store.list_folders() == [("Sahel",)]
    assert not store.remove_empty_folder("Nowhere")
    assert not store.remove_empty_folder("")
