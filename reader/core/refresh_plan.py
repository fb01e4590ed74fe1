"""Deciding, from plain values, what refreshing one feed writes: the refresh's pure half.

``refresh_feeds`` fetches and parses, asks :func:`decide_feed` what the download's outcome
calls for (a failure to record, a feed to disable or to leave alone for a while, a permanent
redirect to follow, validators to keep), lets the store compare the entries with the stored
ones (:func:`plan_entry_updates`, inside its write transaction), asks :func:`decide_articles`
which articles were added or rewritten and which need their page fetched, and writes. Nothing
here reads the clock, the network or the library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from reader.core.errors import FeedGoneError, RateLimitedError, ReaderError
from reader.core.types import Feed, FeedOutcome, FeedStatus
from reader.core.updates import EntryUpdates, plan_entry_updates

if TYPE_CHECKING:
    from reader.core.fetch import FetchResult

__all__ = [
    "MAX_RETRY_AFTER",
    "ArticleChanges",
    "FeedDecision",
    "decide_articles",
    "decide_feed",
    "outcome_of",
    "plan_entry_updates",
]

#: A server may ask for anything; a day is as long as we let a feed go quiet.
MAX_RETRY_AFTER = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class FeedDecision:
    """What one feed's download calls for, before its entries are looked at.

    ``status`` is "failed" (record ``error``; ``disable`` the feed when the server said it
    is gone for good; leave it alone until ``retry_after``), "not_modified" (keep the
    validators) or "ok" (store the parsed feed with the validators). ``move_to`` is the
    feed's new address after a permanent redirect, whatever the status.
    """

    status: FeedStatus
    error: str | None = None
    disable: bool = False
    retry_after: datetime | None = None
    move_to: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def decide_feed(
    feed: Feed,
    *,
    now: datetime,
    fetched: FetchResult | None = None,
    error: ReaderError | None = None,
) -> FeedDecision:
    """What to record for ``feed`` given its download (``fetched``) or why it failed
    (``error``, which wins when both are given: the parser failed on what was fetched)."""
    if error is not None:
        retry_after = None
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            retry_after = min(error.retry_after, now + MAX_RETRY_AFTER)
        return FeedDecision(
            "failed",
            error=str(error),
            disable=isinstance(error, FeedGoneError),
            retry_after=retry_after,
        )
    if fetched is None:
        raise ValueError("a feed's refresh has either a download or an error")
    new_url = fetched.permanent_url
    return FeedDecision(
        "not_modified" if fetched.not_modified else "ok",
        move_to=new_url if new_url and new_url != feed.url else None,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
    )


@dataclass(frozen=True, slots=True)
class ArticleChanges:
    """What storing one feed's entries did to its articles."""

    new: int = 0
    #: Stored articles whose content the feed rewrote (their highlights were re-anchored).
    rewritten: tuple[int, ...] = ()
    #: The keys of the new articles whose page is to be fetched (their ids come once stored).
    pages_for_keys: tuple[str, ...] = ()
    #: The rewritten articles whose page is to be fetched again.
    pages_for_ids: tuple[int, ...] = ()


def decide_articles(feed: Feed, updates: EntryUpdates) -> ArticleChanges:
    """Which articles the store added and rewrote, and which of them need their page: every
    new or rewritten one when the feed fetches full text, none otherwise."""
    rewritten = tuple(article_id for article_id, _, _ in updates.changed)
    if feed.full_text == "off":
        return ArticleChanges(len(updates.new), rewritten)
    return ArticleChanges(
        len(updates.new),
        rewritten,
        pages_for_keys=tuple(entry.key for entry, _ in updates.new),
        pages_for_ids=rewritten,
    )


def outcome_of(
    feed: Feed,
    decision: FeedDecision,
    *,
    moved: bool = False,
    changes: ArticleChanges | None = None,
    warning: str | None = None,
    page_ids: tuple[int, ...] = (),
) -> FeedOutcome:
    """The report of one feed's refresh. ``feed`` is as stored after it (a first refresh
    gives a feed its title); ``moved`` says whether the store could follow ``move_to`` (no
    other feed had that address); ``page_ids`` are the articles whose page is to be fetched."""
    if decision.status == "failed":
        return FeedOutcome(feed, "failed", error=decision.error, disabled=decision.disable)
    moved_to = decision.move_to if moved else None
    if decision.status == "not_modified" or changes is None:
        return FeedOutcome(feed, decision.status, moved_to=moved_to)
    return FeedOutcome(
        feed,
        "ok",
        new=changes.new,
        updated=len(changes.rewritten),
        warning=warning,
        moved_to=moved_to,
        article_ids=page_ids,
        rewritten=changes.rewritten,
    )
