"""What one article may cost: a huge entry is cut early, kept, marked and reported."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

import pytest

from reader.core import sanitize
from reader.core.mend import mend_html
from reader.core.parse import parse_feed
from reader.core.refresh import refresh_feeds
from reader.core.sanitize import (
    MAX_ENTRY_HTML,
    MAX_ENTRY_TEXT,
    TEXT_LIMIT,
    cut_notice,
    html_to_text,
    sanitize_entry,
)
from reader.core.storage import Store
from tests.factories import entry, feed
from tests.feeds import FeedSite, rss

NOW = datetime(2024, 5, 1, tzinfo=UTC)
PARAGRAPH = "<p>Les convois repartent vers le nord et la saison des pluies approche.</p>\n"


def huge_feed(size: int) -> bytes:
    body = PARAGRAPH * (size // len(PARAGRAPH))
    item = (
        "<item><guid>huge</guid><title>Un article démesuré</title>"
        f"<description>{escape(body)}</description></item>"
        "<item><guid>small</guid><title>Brève</title><description>court</description></item>"
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Gros</title><link>https://site.example/</link>{item}</channel></rss>"
    ).encode()


@pytest.fixture
def sanitized_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The characters of HTML handed to the sanitizer (mending, then nh3), call by call."""
    sizes: list[int] = []
    cleaner = sanitize._CLEANER

    class Counting:
        def clean(self, html: str) -> str:
            sizes.append(len(html))
            return cleaner.clean(html)

    def counting_mend(html: str) -> str:
        sizes.append(len(html))
        return mend_html(html)

    monkeypatch.setattr(sanitize, "_CLEANER", Counting())
    monkeypatch.setattr("reader.core.sanitize.mend_html", counting_mend)
    return sizes


def test_a_huge_entry_is_cut_before_it_is_sanitized(sanitized_sizes: list[int]) -> None:
    parsed = parse_feed(huge_feed(10_000_000), "https://site.example/feed", now=NOW)
    assert sanitized_sizes and max(sanitized_sizes) <= MAX_ENTRY_HTML
    huge, small = parsed.entries
    assert huge.text.endswith(cut_notice(TEXT_LIMIT))
    assert huge.summary_html.endswith(f"<p>{escape(cut_notice(TEXT_LIMIT))}</p>")
    assert html_to_text(huge.summary_html) == huge.text
    assert small.text == "court"
    assert parsed.warning and "Un article démesuré" in parsed.warning


def test_a_long_text_is_cut_at_a_word_and_keeps_its_html_and_text_in_step() -> None:
    html = PARAGRAPH * (int(MAX_ENTRY_TEXT * 1.5) // len(PARAGRAPH))
    assert len(html) <= MAX_ENTRY_HTML
    article = sanitize_entry(html)
    assert article.cut == TEXT_LIMIT
    body, _, notice = article.text.rpartition("\n\n")
    assert notice == cut_notice(TEXT_LIMIT)
    assert MAX_ENTRY_TEXT * 0.9 < len(body) <= MAX_ENTRY_TEXT
    assert body.endswith(("approche.", "approche")) or body.rsplit(" ", 1)[-1].isalpha()
    assert html_to_text(article.html) == article.text
    assert sanitize.sanitize_html(article.html) == article.html


def test_an_article_within_the_limits_is_untouched() -> None:
    article = sanitize_entry(PARAGRAPH * 10)
    assert article.cut is None and "cut" not in article.text
    assert (article.html, article.text) == sanitize.sanitize_with_text(PARAGRAPH * 10)


def test_a_refreshed_huge_entry_is_stored_cut_and_the_feed_warns(
    store: Store, site: FeedSite
) -> None:
    fid = store.add_feed(site.publish("/huge.xml", huge_feed(10_000_000))).id
    summary = refresh_feeds(store, parse_processes=0)
    assert summary.ok == 1 and summary.new == 2
    assert summary.outcomes[0].warning and "too long" in summary.outcomes[0].warning
    assert "too long" in (store.get_feed(fid).warning or "")
    stored = {a.title: store.get_article(a.id) for a in store.list_articles()}
    huge = stored["Un article démesuré"]
    assert huge.text.endswith("(article cut at 1 MB of text)")
    assert len(huge.text) <= MAX_ENTRY_TEXT + 100
    # The next refresh of a healthy version clears the warning.
    site.publish("/huge.xml", rss("Gros", [("small", "Brève", "court")]))
    refresh_feeds(store, parse_processes=0)
    assert store.get_feed(fid).warning is None


def test_highlights_on_a_cut_article_are_anchored_again(store: Store) -> None:
    sentence = "Les convois repartent vers le nord et la saison des pluies approche."
    first = sanitize_entry(PARAGRAPH * (int(MAX_ENTRY_TEXT * 1.2) // len(PARAGRAPH)))
    fid = store.add_feed("https://presse.example/rss").id
    store.store_parsed_feed(fid, feed(entry("a1", "Long", first.text, content_html=first.html)))
    article_id = store.list_articles()[0].id
    near_the_end = len(first.text) - len(cut_notice(TEXT_LIMIT)) - 2 - len(sentence)
    start = first.text.rindex(sentence, 0, near_the_end + len(sentence))
    kept = store.highlights.add(article_id, start, start + len(sentence))
    marked = store.highlights.add_quote(article_id, cut_notice(TEXT_LIMIT))
    changed = sanitize_entry("<p>MISE À JOUR.</p>" + PARAGRAPH * (int(MAX_ENTRY_TEXT * 1.2) // 74))
    store.store_parsed_feed(fid, feed(entry("a1", "Long", changed.text, content_html=changed.html)))
    by_id = {h.id: h for h in store.highlights.list()}
    assert not by_id[kept.id].orphaned
    assert changed.text[by_id[kept.id].start : by_id[kept.id].end] == sentence
    notice = by_id[marked.id]
    assert changed.text[notice.start : notice.end] == cut_notice(TEXT_LIMIT)
