"""Getting articles' full text from their pages: downloaded with the refresh's HTTP client
(same timeouts, size cap and User-Agent), at most two at a time per site, the article
extracted and kept beside the feed's content (see ``storage.fulltexts``)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from urllib.parse import urlsplit

from reader.core.errors import ReaderError
from reader.core.extract import extract_article
from reader.core.fetch import Fetcher, FetchResult
from reader.core.parts import make_fetcher
from reader.core.storage import Store
from reader.core.storage.fulltexts import Candidate, PageText

#: What a browser asks for when it opens a page.
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
#: Pages fetched at once from one site: polite to news sites, which are often small.
MAX_PAGES_PER_HOST = 2


def page_text(fetched: FetchResult) -> PageText:
    """The article in a downloaded page (CPU-bound: may run in another process). Raises
    ExtractionError when the page has no article text to find."""
    extracted = extract_article(
        fetched.content, fetched.final_url, content_type=fetched.content_type
    )
    return PageText(
        url=fetched.final_url,
        html=extracted.html,
        text=extracted.text,
        author=extracted.author,
        published=extracted.published,
        canonical_url=extracted.canonical_url,
    )


def retrieve_page(http: Fetcher, url: str, extractor: Executor | None = None) -> PageText:
    """Download an article's page and find its article; extraction runs on ``extractor``
    when given (a process pool), else here. Raises ReaderError with a message for the user
    (the site refused, timed out, nothing found…)."""
    fetched = http.fetch(url, accept=PAGE_ACCEPT, document="page")
    if extractor is None:
        return page_text(fetched)
    return extractor.submit(page_text, fetched).result()


def fetch_full_text(store: Store, article_id: int, *, fetcher: Fetcher | None = None) -> PageText:
    """Fetch one article's full text now and keep it (the "Fetch full text" action). A
    failure is recorded on the article, then raised as ReaderError."""
    article = store.get_article(article_id)
    link = article.link or ""
    if urlsplit(link).scheme not in ("http", "https"):
        raise ReaderError(f"article {article_id} has no web page to fetch its full text from")
    own = fetcher is None
    http = fetcher or make_fetcher(store.parts, clock=store.now)
    try:
        page = retrieve_page(http, link)
    except ReaderError as error:
        store.full_texts.record_failure(article_id, link, str(error))
        raise
    finally:
        if own:
            http.close()
    store.full_texts.save(article_id, page)
    return page


class PageQueue:
    """Pages waiting to be fetched, released so that no more than ``per_host`` of them run
    against one site at a time (sites are served in turn, so one busy site does not hold the
    others back)."""

    def __init__(self, per_host: int = MAX_PAGES_PER_HOST) -> None:
        self._per_host = per_host
        self._waiting: dict[str, deque[Candidate]] = {}
        self._running: dict[str, int] = {}
        self._queued: set[int] = set()

    def add(self, candidates: Iterable[Candidate]) -> int:
        """Queue pages (each article once); returns how many were new to the queue."""
        added = 0
        for candidate in candidates:
            if candidate.article_id in self._queued:
                continue
            self._queued.add(candidate.article_id)
            self._waiting.setdefault(_host(candidate.url), deque()).append(candidate)
            added += 1
        return added

    def take(self, limit: int) -> Iterator[Candidate]:
        """Up to ``limit`` pages that may start now; each must be given back with ``done``."""
        taken = 0
        progress = True
        while taken < limit and progress:
            progress = False
            for host in list(self._waiting):
                if taken >= limit:
                    break
                if self._running.get(host, 0) >= self._per_host:
                    continue
                queue = self._waiting[host]
                candidate = queue.popleft()
                if not queue:
                    del self._waiting[host]
                self._running[host] = self._running.get(host, 0) + 1
                taken += 1
                progress = True
                yield candidate

    def done(self, candidate: Candidate) -> None:
        host = _host(candidate.url)
        self._running[host] -= 1
        if not self._running[host]:
            del self._running[host]

    def drop_waiting(self) -> int:
        """Forget the pages not started yet (a cancelled refresh); returns how many."""
        dropped = sum(len(queue) for queue in self._waiting.values())
        self._waiting.clear()
        return dropped

    def __bool__(self) -> bool:
        return bool(self._waiting)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").casefold()
    except ValueError:
        return ""
