"""What makes an entry itself: its digest changes with anything stored about it and nothing
else, and its duplicate keys stay the same when the same story comes back reworded, re-linked
or from another feed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from reader.core.identity import EntryIdentity, content_key, entry_digest, identify
from reader.core.types import ParsedEntry
from tests.factories import T0, entry

STORY = "Les ministres ont signé l'accord à l'aube."

#: Spelled out rather than built by tests/factories.py, so that the pinned digest below only
#: changes when the digest itself does.
PINNED = ParsedEntry(
    key="mali-accord",
    title="Mali : l'accord est signé",
    link="https://news.example/mali/accord",
    author="Claire Dupont",
    published=datetime(2026, 11, 28, 7, 0, tzinfo=UTC),
    content_html=f"<p>{STORY}</p>",
    text=STORY,
)


# -- the digest -------------------------------------------------------------------------------


def test_the_digest_is_the_same_from_one_version_to_the_next() -> None:
    # Libraries keep it: were it to change, every article would look rewritten at the next
    # refresh (new revisions, highlights re-anchored, the reader told of changes that are not).
    assert entry_digest(PINNED) == "3083fa000b302ed1cb071f040918271539858c49"


def test_equal_entries_have_equal_digests() -> None:
    assert entry_digest(replace(PINNED)) == entry_digest(PINNED)
    assert identify(replace(PINNED)) == identify(PINNED)


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Mali : l'accord est signé à Bamako"},
        {"link": "https://news.example/mali/accord-signe"},
        {"author": "C. Dupont"},
        {"author": None},
        {"published": datetime(2026, 11, 28, 7, 30, tzinfo=UTC)},
        {"updated": datetime(2026, 11, 28, 9, 0, tzinfo=UTC)},
        {"summary_html": "<p>En bref.</p>"},
        {"content_html": f"<p>{STORY}</p><p>Mis à jour.</p>"},
        {"enclosures": ("https://news.example/mali/photo.jpg",)},
    ],
)
def test_anything_stored_about_the_entry_changes_its_digest(change: dict[str, object]) -> None:
    assert entry_digest(replace(PINNED, **change)) != entry_digest(PINNED)  # type: ignore[arg-type]


# -- the keys of a story ------------------------------------------------------------------------


def test_a_story_reworded_keeps_its_link_key_and_changes_its_content_key() -> None:
    first = identify(PINNED)
    rewritten = identify(
        replace(
            PINNED,
            content_html="<p>Les ministres ont signé l'accord lundi.</p>",
            text="Les ministres ont signé l'accord lundi.",
        )
    )
    assert rewritten.link_key == first.link_key == "news.example/mali/accord"
    assert rewritten.content_key != first.content_key
    assert rewritten.digest != first.digest


def test_a_story_relinked_for_tracking_keeps_both_keys() -> None:
    first = identify(PINNED)
    tracked = identify(
        replace(PINNED, link="http://www.news.example/mali/accord/?utm_source=rss#top")
    )
    assert (tracked.link_key, tracked.content_key) == (first.link_key, first.content_key)
    assert tracked.digest != first.digest  # the stored link did change


def test_the_same_story_from_another_feed_has_the_same_keys() -> None:
    ours = identify(PINNED)
    agency = identify(
        entry(
            "dépêche-1234",
            "MALI : L'ACCORD EST SIGNÉ",
            "Les  ministres ont signé\nl'accord à l'aube.",
            link="https://news.example/mali/accord?xtor=RSS-1",
            published=T0 - timedelta(hours=3),
        )
    )
    assert agency.link_key == ours.link_key
    assert agency.content_key == ours.content_key


def test_case_spacing_and_title_accents_do_not_count_in_the_content_key() -> None:
    key = content_key("Accord signé", STORY)
    assert content_key("ACCORD  SIGNE", STORY) == key
    assert content_key("accord signé", "  " + STORY.upper().replace(" ", "\n ")) == key


def test_the_text_and_its_accents_do_count() -> None:
    key = content_key("Accord signé", STORY)
    assert content_key("Accord signé", STORY.replace("à l'aube", "a l'aube")) != key
    assert content_key("Accord signé", "Autre chose.") != key
    assert content_key("Autre titre", STORY) != key


def test_a_bare_title_gives_no_content_key() -> None:
    assert content_key("Accord signé", "") is None
    assert content_key("Accord signé", " \n\t ") is None
    assert identify(entry("x", "Accord signé", link=None)) == EntryIdentity(
        digest=entry_digest(entry("x", "Accord signé", link=None)),
        link_key=None,
        content_key=None,
    )
