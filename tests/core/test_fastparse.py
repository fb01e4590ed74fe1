"""The fast path for ordinary feeds: same results as feedparser, or None."""

from __future__ import annotations

import importlib.util
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ParseError
from reader.core.fastparse import parse_fast
from reader.core.parse import _parse_with_feedparser, parse_feed
from reader.core.types import ParsedFeed
from tests.conftest import ROOT, corpus_files

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
FEED_URL = "https://example.org/feeds/main.xml"


def _feedgen() -> ModuleType:
    path = ROOT / "benchmarks" / "_feedgen.py"
    spec = importlib.util.spec_from_file_location("_bench_feedgen", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


FEEDGEN = _feedgen()


def both(
    data: bytes, url: str = FEED_URL, content_type: str | None = None
) -> tuple[ParsedFeed | None, ParsedFeed | ParseError]:
    fast = parse_fast(data, url, content_type=content_type, now=NOW)
    try:
        slow: ParsedFeed | ParseError = _parse_with_feedparser(
            data, url, content_type=content_type, now=NOW
        )
    except ParseError as error:
        slow = error
    return fast, slow


def assert_same(data: bytes, url: str = FEED_URL, content_type: str | None = None) -> bool:
    """The fast result equals feedparser's when there is one; True when there is."""
    fast, slow = both(data, url, content_type)
    if fast is not None:
        assert fast == slow
    return fast is not None


def fast(document: str | bytes, content_type: str | None = None) -> ParsedFeed | None:
    data = document.encode("utf-8") if isinstance(document, str) else document
    result = parse_fast(data, FEED_URL, content_type=content_type, now=NOW)
    if result is not None:
        assert result == _parse_with_feedparser(data, FEED_URL, content_type=content_type, now=NOW)
    return result


def rss(items: str, channel: str = "<title>Channel</title>", head: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"{head}"
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel>{channel}{items}</channel></rss>"
    )


def atom(entries: str, feed: str = "<title>Feed</title>", attrs: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom"{attrs}>{feed}{entries}</feed>'
    )


# -- equivalence on real and generated material ------------------------------------------

REAL = corpus_files("feeds", "real")
CORPUS = REAL + corpus_files("feeds", "edge-cases") + corpus_files("feeds", "sanitize")
DEMO = sorted((ROOT / "resources" / "demo" / "feeds").glob("*.*"))
#: Real feeds that must take the fast path: well-formed UTF-8/Latin-1 RSS 2.0, RSS 1.0, Atom.
EXPECTED_FAST = frozenset(
    {
        "4fsodonline_blogger.atom", "billmill_atom_escape.xml", "biorxiv.rdf",
        "blogger_aksmoblog_2006.rss", "daringfireball.atom", "github_commits.atom",
        "golem_de_iso8859-1.xml", "google_actualites_fr.xml", "livemint_news.xml",
        "macworld_news.rss", "manton_wordpress.rss", "natasha_wordpress.xml",
        "nytimes_health.xml", "onefoottsunami_wordpress.atom", "orf_at_rss10.xml",
        "reporterre_fr_spip.xml", "scriptingnews.rss", "theomnishow_podcast.rss",
    }
)  # fmt: skip


@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_fast_path_agrees_with_feedparser(corpus_dir: Path, path: Path) -> None:
    accepted = assert_same(path.read_bytes(), f"https://example.org/feeds/{path.name}")
    if path.name in EXPECTED_FAST:
        assert accepted, f"{path.name} fell back to feedparser"


@pytest.mark.corpus
def test_most_of_the_real_corpus_takes_the_fast_path(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fallbacks = [
        p.name
        for p in REAL
        if parse_fast(p.read_bytes(), FEED_URL, content_type=None, now=NOW) is None
    ]
    with capsys.disabled():
        print(f"\nfast path: {len(REAL) - len(fallbacks)}/{len(REAL)}; feedparser: {fallbacks}")
    assert len(fallbacks) <= len(REAL) // 3


@pytest.mark.parametrize("path", DEMO, ids=lambda p: p.name)
def test_demo_feeds_take_the_fast_path(path: Path) -> None:
    assert assert_same(path.read_bytes(), f"https://example.org/{path.name}")


@pytest.mark.parametrize("index", range(30))
def test_benchmark_feeds_take_the_fast_path(index: int) -> None:
    assert assert_same(FEEDGEN.generate_feed(index))
    small = FEEDGEN.FeedSpec(entries=3, target_bytes=3_000, seed="small")
    assert assert_same(FEEDGEN.generate_feed(index, small))


# -- what falls back -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(
            rss("<item><title>&t;</title></item>", head='<!DOCTYPE rss [<!ENTITY t "x">]>'),
            id="entity",
        ),
        pytest.param(rss("<item/>", head='<!DOCTYPE rss SYSTEM "x.dtd">'), id="doctype"),
        pytest.param(rss("<item><title>x</title>").encode(), id="malformed"),
        pytest.param(
            '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
            "<title>caf\xe9 \u20ac</title></channel></rss>".encode("cp1252"),
            id="windows-1252",
        ),
        pytest.param(
            '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title></feed>',
            id="atom-0.3",
        ),
        pytest.param('<rss version="3.0"><channel/></rss>', id="unknown-rss-version"),
        pytest.param("<html><body>hi</body></html>", id="html"),
        pytest.param(
            atom(
                '<entry><id>1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
                "<p>x</p></div></content></entry>"
            ),
            id="xhtml-content",
        ),
        pytest.param(
            atom('<entry><id>1</id><content src="http://x/y"/></entry>'), id="content-src"
        ),
        pytest.param(
            atom('<entry><id>1</id><content type="image/png">AAAA</content></entry>'),
            id="base64-content",
        ),
        pytest.param(
            rss("<item><title>a <b>b</b></title></item>").replace("<b>b</b>", "<b>b</b>"),
            id="markup-in-title",
        ),
        pytest.param(
            rss("<item><source url='http://s/'><title>x</title></source></item>"),
            id="source-with-children",
        ),
        pytest.param("\ufeff".encode("utf-16-le") + rss("").encode("utf-16-le"), id="utf-16"),
    ],
)
def test_unusual_documents_fall_back(document: str | bytes) -> None:
    data = document.encode("utf-8") if isinstance(document, str) else document
    assert parse_fast(data, FEED_URL, content_type=None, now=NOW) is None


def test_http_charset_rules_are_followed() -> None:
    latin = '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
    data = (latin + "<title>Café</title></channel></rss>").encode("latin-1")
    feed = fast(data)
    assert feed is not None and feed.title == "Café"
    # text/* without a charset means US-ASCII to feedparser: it overrides and warns.
    assert fast(data, content_type="text/xml") is None
    # The server's charset wins for application/xml (here it is right).
    assert fast(data, content_type="application/rss+xml; charset=iso-8859-1") is not None
    utf8 = rss("<item><title>Café</title></item>").encode()
    assert fast(utf8, content_type="application/xml; charset=utf-8") is not None
    # A single-byte charset on UTF-8 bytes is corrected, as on the feedparser path.
    assert fast(utf8, content_type="text/xml; charset=iso-8859-1") is not None


def test_parse_feed_uses_the_fast_result() -> None:
    data = rss("<item><guid>a</guid><title>T</title></item>").encode()
    assert parse_feed(data, FEED_URL, now=NOW) == parse_fast(
        data, FEED_URL, content_type=None, now=NOW
    )


# -- hand-written cases --------------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    [
        "Fri, 14 Mar 2025 09:30:00 +0000",
        "Fri, 14 Mar 2025 09:30:00 GMT",
        "14 Mar 2025 09:30:00 EST",
        "Fri, 14 Mar 2025 09:30 PDT",
        "Fri, 14 Mar 25 09:30:00 +0130",
        "2025-03-14T09:30:00Z",
        "2025-03-14T09:30:00.123+02:00",
        "2025-03-14T09:30+02:00",
        "2025-03-14",
        "2025-03-14 09:30:00",
        "Friday, March 14, 2025",
        "not a date",
        "2027-01-01T00:00:00Z",  # the future: dropped
        "",
    ],
)
def test_dates(date: str) -> None:
    feed = fast(rss(f"<item><guid>a</guid><pubDate>{date}</pubDate></item>"))
    assert feed is not None
    feed = fast(atom(f"<entry><id>a</id><updated>{date}</updated></entry>"))
    assert feed is not None
    feed = fast(rss(f"<item><guid>a</guid><dc:date>{date}</dc:date></item>"))
    assert feed is not None


def test_xml_base_and_relative_links() -> None:
    feed = fast(
        atom(
            '<entry xml:base="http://other.example/dir/"><id>1</id><link href="a.html"/>'
            '<content type="html" xml:base="sub/">&lt;a href="x"&gt;x&lt;/a&gt;</content>'
            "</entry>"
            '<entry><id>2</id><link href="/b.html"/><summary>s</summary></entry>',
            feed='<title>F</title><link href="/home"/><icon>i.png</icon>',
            attrs=' xml:base="http://base.example/feed/"',
        )
    )
    assert feed is not None
    assert feed.site_url == "http://base.example/home"
    assert feed.entries[0].link == "http://other.example/dir/a.html"
    assert 'href="http://other.example/dir/sub/x"' in feed.entries[0].content_html
    assert feed.entries[1].link == "http://base.example/b.html"

    # Without an enclosing base, feedparser's xml:base sticks after the element that set
    # it: we mirror that too.
    feed = fast(
        atom(
            '<entry xml:base="http://other.example/dir/"><id>1</id><link href="a"/></entry>'
            '<entry><id>2</id><link href="b"/></entry>'
        )
    )
    assert feed is not None
    assert [e.link for e in feed.entries] == [
        "http://other.example/dir/a",
        "http://other.example/dir/b",
    ]

    feed = fast(rss("<item><link>post/1</link><guid>g</guid></item>", "<link>/home</link>"))
    assert feed is not None
    assert feed.site_url == "https://example.org/home"
    assert feed.entries[0].link == "https://example.org/feeds/post/1"


def test_guid_is_perma_link() -> None:
    feed = fast(
        rss(
            '<item><guid isPermaLink="true">https://example.org/p/1</guid><title>a</title></item>'
            '<item><guid isPermaLink="false">https://example.org/p/2</guid><title>b</title></item>'
            "<item><guid>https://example.org/p/3</guid><link>https://example.org/l/3</link>"
            "<title>c</title></item>"
        )
    )
    assert feed is not None
    assert [e.link for e in feed.entries] == [
        "https://example.org/p/1",
        None,
        "https://example.org/l/3",
    ]
    assert [e.key for e in feed.entries][1] == "https://example.org/p/2"


def test_missing_titles_and_odd_entries() -> None:
    feed = fast(
        rss(
            "<item><description>Only a description &amp;amp; &lt;b&gt;bold&lt;/b&gt;"
            "</description></item>"
            "<item><title></title><dc:title>Second title</dc:title><guid>x</guid></item>"
            "<item><title>A &amp; B &lt;i&gt;c&lt;/i&gt;</title><guid>y</guid></item>"
            "<item><guid>z</guid><content:encoded><![CDATA[<p>Body</p>]]></content:encoded>"
            "<description>Body</description></item>"
            "<item><guid>w</guid><author>jo@example.org (Jo Doe)</author>"
            '<enclosure url="https://example.org/a.mp3" type="audio/mpeg"/>'
            '<media:content url="https://example.org/v.mp4"/><image>https://x/y.png</image>'
            "</item>",
            channel="<title>Channel &amp; co</title>"
            "<image><url>/logo.png</url><title>L</title><link>/</link></image>",
        )
    )
    assert feed is not None
    assert feed.icon_url == "https://example.org/logo.png"
    first, second, third, fourth, fifth = feed.entries
    assert first.title.startswith("Only a description")
    assert second.title == "Second title"
    assert third.title == "A & B c"
    assert (fourth.content_html, fourth.summary_html) == ("<p>Body</p>", "Body")
    assert fifth.author == "Jo Doe"
    assert fifth.enclosures == ("https://example.org/a.mp3", "https://example.org/v.mp4")


def test_atom_authors_and_summary_content() -> None:
    feed = fast(
        atom(
            "<entry><id>1</id><title type='html'>&lt;b&gt;T&lt;/b&gt;</title>"
            "<author><name>Ann</name><email>ann@example.org</email></author>"
            "<summary type='text'>a &lt; b</summary><content type='text'>line 1\n\nline 2</content>"
            "</entry>"
            "<entry><id>2</id><author><email>bob@example.org</email></author>"
            "<summary>one</summary><summary>two</summary></entry>"
        )
    )
    assert feed is not None
    assert feed.entries[0].title == "T"
    assert feed.entries[0].author == "Ann"
    assert feed.entries[1].author == "bob@example.org"


# -- random documents ----------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("abc xyz ÉéàçŒœ€—’“&<>\"'/\n\t;#0123456789\x85Ã©")),
    max_size=40,
)
_HTML = st.lists(
    st.sampled_from(["<p>", "</p>", "<b>", "</b>", '<a href="/x">', "</a>", "&amp;", "&eacute;"])
    | _TEXT,
    max_size=6,
).map("".join)
_DATES = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
)


@st.composite
def _date_text(draw: st.DrawFn) -> str:
    when: datetime = draw(_DATES)
    offset = timedelta(minutes=draw(st.sampled_from([0, 60, -300, 330])))
    local = when.astimezone(__import__("datetime").timezone(offset))
    return draw(
        st.sampled_from(
            [
                format_datetime(when),
                format_datetime(local),
                local.isoformat(),
                when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                when.strftime("%Y-%m-%dT%H:%MZ"),
                when.strftime("%a, %d %b %Y %H:%M:%S GMT"),
                when.strftime("%d %b %Y %H:%M %Z"),
                when.strftime("%Y-%m-%d"),
            ]
        )
    )


#: Elements mixed into random entries (RSS and Atom alike: feedparser does not care).
_EXTRAS = (
    "<category>News</category>",
    '<enclosure url="https://e.org/a.mp3" length="1" type="audio/mpeg"/>',
    '<media:content url="/v.mp4"><media:thumbnail url="/t.jpg"/></media:content>',
    "<comments>https://e.org/c</comments>",
    "<itunes:summary>Podcast &amp; summary</itunes:summary>",
    "<itunes:author>Pod Caster</itunes:author>",
    "<dc:creator>Second Author</dc:creator>",
    '<atom:link rel="alternate" href="https://e.org/alt"/>',
    '<atom:link rel="enclosure" href="/enc.ogg"/>',
    "<atom:updated>2024-02-03T04:05:06Z</atom:updated>",
    "<title>Second title</title>",
    "<description>Second description</description>",
    "<source url='https://s.org/'>Elsewhere</source>",
    "<image>https://e.org/i.png</image>",
    "<author>jo@example.org (Jo)</author>",
    "<guid isPermaLink='false'>other-guid</guid>",
    "<wfw:commentRss>https://e.org/c.rss</wfw:commentRss>",
)
_NAMESPACES = (
    ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
    ' xmlns:atom="http://www.w3.org/2005/Atom" xmlns:wfw="http://wellformedweb.org/CommentAPI/"'
    ' xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def _ordered(parts: list[str], entry: dict[str, object]) -> str:
    parts = parts + [str(x) for x in entry["extra"]]  # type: ignore[attr-defined]
    order = [i for i in entry["order"] if i < len(parts)]  # type: ignore[attr-defined]
    return "".join(parts[i] for i in order) + "".join(parts[len(order) :])


def _wrap(value: str, cdata: bool) -> str:
    if cdata and "]]>" not in value:
        return f"<![CDATA[{value}]]>"
    return escape(value, quote=False)


@st.composite
def _entries(draw: st.DrawFn) -> list[dict[str, object]]:
    count = draw(st.integers(0, 4))
    entries = []
    for _ in range(count):
        entries.append(
            {
                "title": draw(st.none() | _TEXT),
                "link": draw(st.none() | st.sampled_from(["https://e.org/a?x=1&y=2", "/rel/p"])),
                "id": draw(st.none() | st.sampled_from(["urn:x:1", "https://e.org/1", "1"])),
                "permalink": draw(st.none() | st.booleans()),
                "author": draw(st.none() | _TEXT),
                "date": draw(st.none() | _date_text()),
                "summary": draw(st.none() | _HTML),
                "content": draw(st.none() | _HTML),
                "cdata": draw(st.booleans()),
                "order": draw(st.permutations(range(12))),
                "extra": draw(st.lists(st.sampled_from(_EXTRAS), max_size=3)),
            }
        )
    return entries


def _render_rss(entries: list[dict[str, object]], title: str) -> str:
    items = []
    for e in entries:
        cdata = bool(e["cdata"])
        parts = []
        if e["title"] is not None:
            parts.append(f"<title>{_wrap(str(e['title']), cdata)}</title>")
        if e["link"] is not None:
            parts.append(f"<link>{escape(str(e['link']))}</link>")
        if e["id"] is not None:
            attr = "" if e["permalink"] is None else f' isPermaLink="{str(e["permalink"]).lower()}"'
            parts.append(f"<guid{attr}>{e['id']}</guid>")
        if e["author"] is not None:
            parts.append(f"<dc:creator>{_wrap(str(e['author']), cdata)}</dc:creator>")
        if e["date"] is not None:
            parts.append(f"<pubDate>{e['date']}</pubDate>")
        if e["summary"] is not None:
            parts.append(f"<description>{_wrap(str(e['summary']), cdata)}</description>")
        if e["content"] is not None:
            parts.append(f"<content:encoded>{_wrap(str(e['content']), cdata)}</content:encoded>")
        items.append("<item>" + _ordered(parts, e) + "</item>")
    return rss("".join(items), f"<title>{escape(title)}</title><link>/</link>").replace(
        "<rss ",
        "<rss"
        + _NAMESPACES.replace(
            'xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"',
            "",
        )
        + " ",
        1,
    )


def _render_atom(entries: list[dict[str, object]], title: str) -> str:
    items = []
    for e in entries:
        cdata = bool(e["cdata"])
        parts = []
        if e["title"] is not None:
            kind = "html" if cdata else "text"
            parts.append(f'<title type="{kind}">{_wrap(str(e["title"]), cdata)}</title>')
        if e["link"] is not None:
            parts.append(f'<link href="{escape(str(e["link"]))}"/>')
        if e["id"] is not None:
            parts.append(f"<id>{e['id']}</id>")
        if e["author"] is not None:
            parts.append(f"<author><name>{escape(str(e['author']))}</name></author>")
        if e["date"] is not None:
            parts.append(f"<published>{e['date']}</published>")
        if e["summary"] is not None:
            parts.append(f'<summary type="html">{_wrap(str(e["summary"]), cdata)}</summary>')
        if e["content"] is not None:
            kind = "html" if cdata else "text"
            parts.append(f'<content type="{kind}">{_wrap(str(e["content"]), cdata)}</content>')
        items.append("<entry>" + _ordered(parts, e) + "</entry>")
    document = atom("".join(items), f'<title>{escape(title)}</title><link href="/"/>')
    return (
        document.replace("<atom:", "<")
        .replace(" xmlns:atom=", " xmlns:a=")
        .replace("<feed ", "<feed" + _NAMESPACES + " ", 1)
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip
@given(entries=_entries(), title=_TEXT, as_atom=st.booleans())
def test_random_feeds_agree_with_feedparser(
    entries: list[dict[str, object]], title: str, as_atom: bool
) -> None:
    document = (_render_atom if as_atom else _render_rss)(entries, title)
    fast_result, slow = both(document.encode("utf-8"))
    assert fast_result is None or fast_result == slow
