"""Refreshing many feeds at once: fetch in threads, parse on every core, store in one place.

The pipeline's I/O half: what each feed's result calls for is decided by ``refresh_plan``."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from reader.core.errors import (
    ArticleNotFoundError,
    FetchError,
    ParseError,
    ReaderError,
    ResponseTooLargeError,
)
from reader.core.fetch import Fetcher, FetchResult
from reader.core.fulltext import PageQueue, retrieve_page
from reader.core.identity import EntryIdentity, identify
from reader.core.parse_job import parse_and_identify
from reader.core.parts import FeedParser, make_fetcher
from reader.core.refresh_plan import decide_articles, decide_feed, outcome_of
from reader.core.storage import Store
from reader.core.storage.fulltexts import Candidate, PageText
from reader.core.types import Feed, FeedOutcome, ParsedFeed, RefreshProgress, RefreshSummary
from reader.core.workers import parser_pool, stopped_on_error

#: Below this many feeds, starting parser processes costs more than it saves.
PARALLEL_PARSE_MIN_FEEDS = 8
DEFAULT_JOBS = 8
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Retrieved:
    """What a worker thread brings back for one feed."""

    feed: Feed
    fetched: FetchResult | None = None
    parsed: ParsedFeed | None = None
    identities: tuple[EntryIdentity, ...] = ()
    error: ReaderError | None = None


ProgressCallback = Callable[[RefreshProgress], None]


def refresh_feeds(
    store: Store,
    feed_ids: Iterable[int] | None = None,
    *,
    fetcher: Fetcher | None = None,
    parser: FeedParser | None = None,
    jobs: int = DEFAULT_JOBS,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    parse_processes: int | None = None,
) -> RefreshSummary:
    """Fetch, parse and store the given feeds (every enabled feed that is due by default).

    Downloads run in ``jobs`` threads (the fetcher also limits connections per host); parsing,
    which is CPU-bound, runs in worker processes when there are enough feeds to repay starting
    them; every write happens here, on the calling thread, one transaction per feed. One
    feed's failure is recorded on that feed and never stops the others. Setting ``cancel``
    stops after the feeds already under way. ``fetcher`` and ``parser`` replace those the
    library was opened with (``store.parts``); a parser so given runs in this process.

    Then the pages of new articles of feeds set to full text are fetched (two at a time per
    site) and their articles kept; they start once every feed is stored, so that the new
    articles are all there as soon as without full text, and the extraction's CPU does not
    hold back the parsing of feeds.
    """
    feeds = store.feeds_due(feed_ids)
    summary = RefreshSummary()
    if not feeds:
        return summary
    own_fetcher = fetcher is None
    http = fetcher or make_fetcher(store.parts, clock=store.now, max_connections=max(jobs, 1))
    parse = parser or store.parts.parser
    # The worker processes parse the feeds and extract the pages, unless a parser is given.
    processes = None if parse is not None else _parser_pool(len(feeds), parse_processes)
    now = store.now()
    workers = max(jobs, 1)
    try:
        with (
            ThreadPoolExecutor(max_workers=workers, thread_name_prefix="refresh") as pool,
            ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pages") as page_pool,
            stopped_on_error(processes, pool, page_pool),
        ):
            # A bounded window of feeds in flight: results wait for the single writer, and
            # parsed feeds are large, so never let them pile up faster than they are stored.
            queue = iter(feeds)
            pending: set[Future[_Retrieved]] = set()
            # Articles' pages, fetched beside the feeds and stored by the same writer.
            pages = PageQueue()
            fetching: dict[Future[Any], Candidate] = {}

            exhausted = False
            pages_total = pages_done = 0

            def top_up() -> None:
                nonlocal exhausted
                while len(pending) < window and not exhausted:
                    feed = next(queue, None)
                    if feed is None:
                        exhausted = True
                        break
                    pending.add(pool.submit(_retrieve, feed, http, parse, processes, now))
                if pending or not exhausted:
                    return  # feeds first
                for candidate in pages.take(workers - len(fetching)):
                    future = page_pool.submit(retrieve_page, http, candidate.url, processes)
                    fetching[future] = candidate

            window = workers + 2
            top_up()
            new_total = 0
            while pending or fetching:
                waiting: list[Future[Any]] = [*pending, *fetching]
                done, _ = wait(waiting, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    candidate = fetching.pop(future, None)
                    if candidate is not None:
                        pages.done(candidate)
                        _record_page(store, candidate, future, summary)
                        pages_done += 1
                        if on_progress is not None:
                            on_progress(
                                RefreshProgress(
                                    len(feeds),
                                    len(feeds),
                                    new_total,
                                    None,
                                    pages_done,
                                    pages_total,
                                )
                            )
                        continue
                    pending.discard(future)
                    outcome = _write(store, future.result())
                    summary.outcomes.append(outcome)
                    new_total += outcome.new
                    if outcome.article_ids:
                        pages_total += pages.add(
                            store.full_texts.candidates(outcome.feed.id, outcome.article_ids)
                        )
                    if on_progress is not None:
                        on_progress(
                            RefreshProgress(
                                len(summary.outcomes),
                                len(feeds),
                                new_total,
                                outcome,
                                pages_done,
                                pages_total,
                            )
                        )
                if cancel is None or not cancel.is_set():
                    top_up()
                else:
                    # Feeds and pages not started yet are dropped; those under way finish and
                    # are kept.
                    dropped = {f for f in pending if f.cancel()}
                    summary.cancelled += len(dropped) + sum(1 for _ in queue)
                    pending -= dropped
                    for future in [f for f in fetching if f.cancel()]:
                        pages.done(fetching.pop(future))
                    pages.drop_waiting()
    finally:
        if processes is not None:
            processes.shutdown(cancel_futures=True)
        if own_fetcher:
            http.close()
    return summary


def _record_page(
    store: Store, candidate: Candidate, future: Future[PageText], summary: RefreshSummary
) -> None:
    """Keep an article's full text, or the reason its page gave none; never fails the
    refresh."""
    try:
        page = future.result()
    except ReaderError as error:
        reason = str(error)
    except Exception as error:  # noqa: BLE001 - an extractor bug on one page must not stop the rest
        reason = f"could not read the page (unexpected {type(error).__name__}: {error})"
    else:
        try:
            store.full_texts.save(candidate.article_id, page)
        except ArticleNotFoundError:
            return  # deleted while its page was on the way
        summary.full_texts += 1
        summary.full_text_ids.append(candidate.article_id)
        return
    try:
        store.full_texts.record_failure(candidate.article_id, candidate.url, reason)
    except ArticleNotFoundError:
        return
    summary.full_text_failures.append((candidate.article_id, reason))


def _parser_pool(feed_count: int, processes: int | None) -> Executor | None:
    if processes is None:
        cores = os.cpu_count() or 1
        processes = cores if feed_count >= PARALLEL_PARSE_MIN_FEEDS and cores > 1 else 0
    if processes <= 0:
        return None
    return parser_pool(processes)


def _retrieve(
    feed: Feed,
    http: Fetcher,
    parse: FeedParser | None,
    processes: Executor | None,
    now: datetime,
) -> _Retrieved:
    """Runs in a worker thread: download, then parse (with ``parse`` when given, else in a
    process when there is a pool, else here)."""
    try:
        if feed.url.startswith("file:"):
            fetched = _read_local(feed.url)
        else:
            fetched = http.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if fetched.not_modified:
            return _Retrieved(feed, fetched)
        args = (fetched.content, fetched.final_url, fetched.content_type, now)
        if parse is not None:
            parsed = parse(*args)
            identities = tuple(identify(entry) for entry in parsed.entries)
        elif processes is None:
            parsed, identities = parse_and_identify(*args)
        else:
            parsed, identities = processes.submit(parse_and_identify, *args).result()
        return _Retrieved(feed, fetched, parsed, identities)
    except ReaderError as error:
        return _Retrieved(feed, error=error)
    except Exception as error:  # noqa: BLE001 - a parser bug on one feed must not stop the rest
        message = f"could not read the feed (unexpected {type(error).__name__}: {error})"
        return _Retrieved(feed, error=ParseError(message))


def _read_local(url: str) -> FetchResult:
    """A ``file:`` feed, which the user subscribed to explicitly."""
    path = Path(unquote(urlsplit(url).path))
    try:
        size = path.stat().st_size
        if size > DEFAULT_MAX_BYTES:
            raise ResponseTooLargeError(f"the file is larger than {DEFAULT_MAX_BYTES >> 20} MiB")
        content = path.read_bytes()
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror or error}") from None
    return FetchResult(url, url, None, False, content, None, None, None, 200, 0.0)


def _write(store: Store, result: _Retrieved) -> FeedOutcome:
    """Write one feed's result to the library as ``refresh_plan`` decides (on the refreshing
    thread)."""
    feed = result.feed
    decision = decide_feed(feed, now=store.now(), fetched=result.fetched, error=result.error)
    if decision.status == "failed":
        store.record_error(
            feed.id,
            decision.error or "",
            retry_after=decision.retry_after,
            disable=decision.disable,
        )
        return outcome_of(feed, decision)
    moved = decision.move_to is not None and store.move_feed_url(feed.id, decision.move_to)
    if decision.status == "not_modified":
        store.record_not_modified(feed.id, etag=decision.etag, last_modified=decision.last_modified)
        return outcome_of(feed, decision, moved=moved)
    assert result.parsed is not None
    updates = store.store_parsed_feed(
        feed.id,
        result.parsed,
        etag=decision.etag,
        last_modified=decision.last_modified,
        identities=result.identities,
    )
    changes = decide_articles(feed, updates)
    page_ids: tuple[int, ...] = ()
    if changes.pages_for_keys or changes.pages_for_ids:
        page_ids = (
            *store.article_ids(feed.id, changes.pages_for_keys),
            *changes.pages_for_ids,
        )
    return outcome_of(
        store.get_feed(feed.id),
        decision,
        moved=moved,
        changes=changes,
        warning=result.parsed.warning,
        page_ids=page_ids,
    )
