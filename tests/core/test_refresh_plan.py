"""What refreshing one feed writes, decided from plain values: no server, no library."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reader.core.errors import (
    FeedGoneError,
    FetchError,
    HTTPStatusError,
    ParseError,
    RateLimitedError,
)
from reader.core.fetch import FetchResult
from reader.core.identity import identify
from reader.core.refresh_plan import (
    MAX_RETRY_AFTER,
    ArticleChanges,
    FeedDecision,
    decide_articles,
    decide_feed,
    outcome_of,
    plan_entry_updates,
)
from reader.core.types import Feed, ParsedEntry
from reader.core.updates import EntryUpdates, Identified
from tests.factories import T0, entry

FEED = Feed(id=7, url="https://news.example/feed.xml", title="News")
FULL_TEXT = Feed(id=8, url="https://news.example/teasers.xml", title="Teasers", full_text="on")


def fetched(
    *,
    permanent_url: str | None = None,
    not_modified: bool = False,
    etag: str | None = '"v2"',
    last_modified: str | None = "Sat, 28 Nov 2026 07:00:00 GMT",
) -> FetchResult:
    """A download of FEED as the fetcher reports it."""
    final = permanent_url or FEED.url
    return FetchResult(
        url=FEED.url,
        final_url=final,
        permanent_url=permanent_url,
        not_modified=not_modified,
        content=b"" if not_modified else b"<rss/>",
        content_type="application/rss+xml",
        etag=etag,
        last_modified=last_modified,
        status=304 if not_modified else 200,
        elapsed=0.1,
    )


def identified(*entries: ParsedEntry) -> list[Identified]:
    return [(e, identify(e)) for e in entries]


# -- the download's outcome ------------------------------------------------------------------


def test_a_fresh_download_is_stored_with_its_validators() -> None:
    decision = decide_feed(FEED, now=T0, fetched=fetched())
    assert decision == FeedDecision(
        "ok", etag='"v2"', last_modified="Sat, 28 Nov 2026 07:00:00 GMT"
    )


def test_a_304_keeps_the_validators_and_stores_nothing() -> None:
    decision = decide_feed(FEED, now=T0, fetched=fetched(not_modified=True, etag='"v1"'))
    assert (decision.status, decision.etag) == ("not_modified", '"v1"')


@pytest.mark.parametrize("not_modified", [False, True])
def test_a_permanent_redirect_moves_the_feed(not_modified: bool) -> None:
    new = "https://news.example/new-feed.xml"
    decision = decide_feed(
        FEED, now=T0, fetched=fetched(permanent_url=new, not_modified=not_modified)
    )
    assert decision.move_to == new


def test_a_redirect_back_to_the_same_address_moves_nothing() -> None:
    assert decide_feed(FEED, now=T0, fetched=fetched(permanent_url=FEED.url)).move_to is None


def test_a_temporary_redirect_moves_nothing() -> None:
    # The fetcher gives no permanent_url unless every hop was a 301 or 308.
    assert decide_feed(FEED, now=T0, fetched=fetched()).move_to is None


def test_a_410_disables_the_feed() -> None:
    gone = FeedGoneError("the feed is gone (HTTP 410)", 410)
    decision = decide_feed(FEED, now=T0, error=gone)
    assert decision == FeedDecision("failed", error="the feed is gone (HTTP 410)", disable=True)


@pytest.mark.parametrize(
    "error",
    [
        HTTPStatusError("HTTP 404 Not Found", 404),
        FetchError("timed out"),
        ParseError("not a feed"),
        RateLimitedError("HTTP 503: retry later", 503, None),
    ],
)
def test_other_failures_are_recorded_and_the_feed_stays_enabled(error: FetchError) -> None:
    decision = decide_feed(FEED, now=T0, error=error)
    assert (decision.status, decision.error) == ("failed", str(error))
    assert not decision.disable and decision.retry_after is None


def test_retry_after_is_honoured() -> None:
    later = T0 + timedelta(hours=2)
    decision = decide_feed(FEED, now=T0, error=RateLimitedError("HTTP 429", 429, later))
    assert decision.retry_after == later and not decision.disable


def test_retry_after_is_capped_at_a_day() -> None:
    never = T0 + timedelta(days=365)
    decision = decide_feed(FEED, now=T0, error=RateLimitedError("HTTP 429", 429, never))
    assert decision.retry_after == T0 + MAX_RETRY_AFTER == T0 + timedelta(days=1)


def test_an_error_wins_over_what_was_downloaded() -> None:
    decision = decide_feed(FEED, now=T0, fetched=fetched(), error=ParseError("not a feed"))
    assert decision.status == "failed"


def test_a_refresh_has_a_download_or_an_error() -> None:
    with pytest.raises(ValueError):
        decide_feed(FEED, now=T0)


# -- the entries -----------------------------------------------------------------------------


def test_entries_are_new_changed_or_unchanged() -> None:
    same, edited, fresh = entry("a", text="same"), entry("b", text="after"), entry("c")
    known = {
        "a": (1, identify(same).digest),
        "b": (2, identify(entry("b", text="before")).digest),
    }
    updates = plan_entry_updates(known, identified(same, edited, fresh))
    assert [e.key for e, _ in updates.new] == ["c"]
    assert [(i, e.key) for i, e, _ in updates.changed] == [(2, "b")]
    assert updates.unchanged == 1


def test_an_entry_listed_twice_counts_once_and_the_first_wins() -> None:
    first, second = entry("a", text="newest"), entry("a", text="older")
    updates = plan_entry_updates({}, identified(first, second))
    assert [e.text for e, _ in updates.new] == ["newest"]


def test_a_stored_article_missing_from_the_feed_is_left_alone() -> None:
    updates = plan_entry_updates({"gone": (9, "digest")}, [])
    assert updates == EntryUpdates()


# -- which articles changed, which need their page ---------------------------------------------


def updates_with(new: tuple[str, ...] = (), rewritten: tuple[int, ...] = ()) -> EntryUpdates:
    return EntryUpdates(
        new=tuple((entry(k), identify(entry(k))) for k in new),
        changed=tuple((i, entry(f"k{i}"), identify(entry(f"k{i}"))) for i in rewritten),
    )


def test_rewritten_articles_are_reported_whatever_the_full_text_mode() -> None:
    changes = decide_articles(FEED, updates_with(new=("n",), rewritten=(3, 5)))
    assert changes == ArticleChanges(new=1, rewritten=(3, 5))


def test_a_feed_without_full_text_fetches_no_page() -> None:
    changes = decide_articles(FEED, updates_with(new=("n1", "n2"), rewritten=(4,)))
    assert (changes.pages_for_keys, changes.pages_for_ids) == ((), ())


@pytest.mark.parametrize("mode", ["on", "auto"])
def test_a_full_text_feed_fetches_the_pages_of_new_and_rewritten_articles(mode: str) -> None:
    feed = Feed(id=8, url=FULL_TEXT.url, title="Teasers", full_text=mode)
    changes = decide_articles(feed, updates_with(new=("n1", "n2"), rewritten=(4,)))
    assert changes.pages_for_keys == ("n1", "n2") and changes.pages_for_ids == (4,)


def test_nothing_changed_fetches_nothing() -> None:
    assert decide_articles(FULL_TEXT, EntryUpdates(unchanged=3)) == ArticleChanges()


# -- the report ------------------------------------------------------------------------------


def test_the_report_of_a_stored_feed() -> None:
    decision = decide_feed(FEED, now=T0, fetched=fetched(permanent_url=FEED.url + "?v=2"))
    changes = ArticleChanges(new=2, rewritten=(3,))
    outcome = outcome_of(
        FEED, decision, moved=True, changes=changes, warning="malformed", page_ids=(10, 3)
    )
    assert (outcome.status, outcome.new, outcome.updated) == ("ok", 2, 1)
    assert outcome.rewritten == (3,) and outcome.article_ids == (10, 3)
    assert outcome.moved_to == FEED.url + "?v=2" and outcome.warning == "malformed"


def test_a_redirect_the_library_could_not_follow_is_not_reported() -> None:
    # Another feed already has the new address.
    decision = decide_feed(FEED, now=T0, fetched=fetched(permanent_url=FEED.url + "?v=2"))
    assert outcome_of(FEED, decision, moved=False, changes=ArticleChanges()).moved_to is None


def test_the_report_of_a_feed_not_modified() -> None:
    decision = decide_feed(FEED, now=T0, fetched=fetched(not_modified=True))
    outcome = outcome_of(FEED, decision)
    assert (outcome.status, outcome.new, outcome.rewritten) == ("not_modified", 0, ())


def test_the_report_of_a_feed_gone() -> None:
    decision = decide_feed(FEED, now=T0, error=FeedGoneError("gone", 410))
    outcome = outcome_of(FEED, decision)
    assert (outcome.status, outcome.error, outcome.disabled) == ("failed", "gone", True)
