"""Parsing feed documents into ParsedFeed values."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from reader.core.errors import ParseError
from reader.core.feedbuild import UNTITLED
from reader.core.parse import parse_feed
from reader.core.sanitize import html_to_text
from reader.core.types import ParsedEntry, ParsedFeed
from tests.conftest import corpus_files
from tests.core.test_sanitize import assert_safe

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
FEED_URL = "https://example.org/feeds/main.xml"


def parse(
    document: str | bytes, url: str = FEED_URL, content_type: str | None = None
) -> ParsedFeed:
    data = document.encode("utf-8") if isinstance(document, str) else document
    return parse_feed(data, url, content_type=content_type, now=NOW)


def rss(items: str, channel: str = "<title>Channel</title>") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel>{channel}{items}</channel></rss>"
    )


def only(feed: ParsedFeed) -> ParsedEntry:
    assert len(feed.entries) == 1
    return feed.entries[0]


def is_web_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# -- the real-world corpus -------------------------------------------------------------------

CORPUS_FEEDS = corpus_files("feeds", "real") + corpus_files("feeds", "edge-cases")
#: Corpus files that are expected to raise ParseError: none, every one is readable.
EXPECTED_PARSE_ERRORS: frozenset[str] = frozenset()


def corpus_feed(corpus_dir: Path, *parts: str) -> ParsedFeed:
    path = corpus_dir.joinpath("feeds", *parts)
    return parse(path.read_bytes(), f"https://example.org/feeds/{path.name}")


@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS_FEEDS, ids=lambda p: p.name)
def test_corpus_feed_parses_into_sound_values(corpus_dir: Path, path: Path) -> None:
    url = f"https://example.org/feeds/{path.name}"
    if path.name in EXPECTED_PARSE_ERRORS:
        with pytest.raises(ParseError):
            parse(path.read_bytes(), url)
        return
    feed = parse(path.read_bytes(), url)

    keys = [entry.key for entry in feed.entries]
    assert all(keys)
    assert len(set(keys)) == len(keys)
    for url_value in (feed.site_url, feed.icon_url):
        assert url_value is None or is_web_url(url_value)
    for entry in feed.entries:
        assert entry.title.strip()
        assert "\n" not in entry.title
        assert entry.title == entry.title.strip()
        for date in (entry.published, entry.updated):
            assert date is None or (date.tzinfo is not None and date.utcoffset() == timedelta(0))
            assert date is None or date <= NOW + timedelta(days=1)
        assert entry.link is None or is_web_url(entry.link)
        assert all(is_web_url(enclosure) for enclosure in entry.enclosures)
        assert_safe(entry.content_html)
        assert_safe(entry.summary_html)
        assert entry.summary_html != entry.content_html or not entry.content_html
        assert entry.text == html_to_text(entry.content_html or entry.summary_html)


@pytest.mark.corpus
def test_corpus_feeds_with_entries(corpus_dir: Path) -> None:
    # Guard against a parse that "succeeds" by finding nothing.
    counts = {p.name: len(parse(p.read_bytes()).entries) for p in CORPUS_FEEDS}
    assert counts["daringfireball.atom"] == 48
    assert counts["biorxiv.rdf"] == 30
    assert counts["heise_rss09_rdf.xml"] == 60
    assert counts["orf_at_rss10.xml"] == 1
    # scriptingnews repeats two guids: the first occurrence of each is kept.
    assert counts["scriptingnews.rss"] == 48


@pytest.mark.corpus
@pytest.mark.parametrize(
    "parts",
    [
        ("real", "reporterre_fr_spip.xml"),
        ("real", "cercle_psy_fr_latin1_no_decl.xml"),
        ("edge-cases", "miniflux_iso8859-1_fr.xml"),
    ],
    ids=lambda parts: parts[1],
)
def test_french_feeds_decode_accents(corpus_dir: Path, parts: tuple[str, str]) -> None:
    feed = corpus_feed(corpus_dir, *parts)
    everything = " ".join(
        [feed.title or ""] + [f"{e.title} {e.text} {e.summary_html}" for e in feed.entries]
    )
    assert "é" in everything
    for mojibake in ("Ã©", "Ã¨", "Ã", "\ufffd"):
        assert mojibake not in everything


@pytest.mark.corpus
def test_french_titles_read_correctly(corpus_dir: Path) -> None:
    reporterre = corpus_feed(corpus_dir, "real", "reporterre_fr_spip.xml")
    assert reporterre.title is not None and reporterre.title.startswith("Reporterre, le média")
    # No-break spaces of French typography become plain spaces in titles.
    assert only(reporterre).title.startswith("Europe : vers un « affaiblissement")
    cercle = corpus_feed(corpus_dir, "real", "cercle_psy_fr_latin1_no_decl.xml")
    assert any("études" in entry.text for entry in cercle.entries)
    miniflux = corpus_feed(corpus_dir, "edge-cases", "miniflux_iso8859-1_fr.xml")
    assert miniflux.title == "Café"


@pytest.mark.corpus
def test_utf8_bytes_with_a_wrong_single_byte_declaration(corpus_dir: Path) -> None:
    euro = corpus_feed(corpus_dir, "edge-cases", "miniflux_utf8-bytes_declared-windows1252.xml")
    assert euro.title == "Euro €"
    korean = corpus_feed(corpus_dir, "edge-cases", "miniflux_utf8-bytes_declared-iso8859-1.xml")
    assert korean.title == "테스트 피드"
    assert only(korean).title == "Café"


@pytest.mark.corpus
def test_other_encodings(corpus_dir: Path) -> None:
    koi8 = corpus_feed(corpus_dir, "edge-cases", "miniflux_koi8r.xml")
    assert koi8.entries[0].title == "Первая новость"
    gb = corpus_feed(corpus_dir, "real", "kc0011_gb2312.rss")
    assert gb.entries[0].title == "建国35周年纪念，华表，和平鸽"
    invalid = corpus_feed(corpus_dir, "edge-cases", "miniflux_invalid-encoding-name.xml")
    assert only(invalid).title == "Café"
    assert invalid.warning is not None and "encoding" in invalid.warning


@pytest.mark.corpus
def test_relative_urls_in_atom(corpus_dir: Path) -> None:
    path = corpus_dir / "feeds" / "edge-cases" / "reader_relative_urls.atom"
    feed = parse(path.read_bytes(), "https://example.org/feeds/relative.atom")
    assert feed.site_url == "https://example.org/feeds/file.html"
    entry = only(feed)
    assert entry.key == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
    assert entry.link == "https://example.org/feeds/entries/entry.html"
    assert entry.enclosures == ("https://example.org/feeds/enclosure?q=a#fragment",)
    # Without xml:base, links inside the summary resolve against the entry's link.
    assert 'href="https://example.org/feeds/entries/target"' in entry.summary_html
    # Two contents of equal length: the HTML one wins, and its script is gone.
    assert entry.content_html == "content"
    assert entry.text == "content"
    assert entry.title == "content"


@pytest.mark.corpus
def test_relative_urls_in_rss(corpus_dir: Path) -> None:
    path = corpus_dir / "feeds" / "edge-cases" / "reader_relative_urls.rss"
    feed = parse(path.read_bytes(), "https://example.org/feeds/relative.rss")
    assert feed.site_url == "https://example.org/feeds/file.html"
    entry = only(feed)
    # The guid is kept as written, not "resolved" like a permalink: the key must not
    # change when the feed moves to another address.
    assert entry.key == "7bd204c6-1655-4c27-aeee-53f933c5395f"
    assert entry.link == "https://example.org/feeds/blog/post/1"
    assert entry.enclosures == ("https://example.org/feeds/enclosure?q=a#fragment",)
    assert 'href="https://example.org/feeds/blog/post/target"' in entry.summary_html
    assert "evil" not in entry.content_html + entry.text


@pytest.mark.corpus
def test_entries_without_titles_get_one(corpus_dir: Path) -> None:
    feed = corpus_feed(corpus_dir, "edge-cases", "newsboat_items_without_titles.xml")
    assert [e.title for e in feed.entries] == ["some content"] * 3
    assert feed.entries[1].link == "http://example.com/a_missing_rel_attribute.php"
    scripting = corpus_feed(corpus_dir, "real", "scriptingnews.rss")
    assert scripting.entries[0].title == "Good morning students and teachers! 🍏"
    assert all(e.title != UNTITLED for e in scripting.entries)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "entries", "line"),
    [
        ("feedparser_incomplete_cdata.xml", 1, 5),
        ("feedparser_broken_end_tag.xml", 0, 6),
        ("feedparser_undeclared_namespace.xml", 0, 8),
    ],
)
def test_malformed_feeds_read_leniently_with_a_warning(
    corpus_dir: Path, name: str, entries: int, line: int
) -> None:
    feed = corpus_feed(corpus_dir, "edge-cases", name)
    assert feed.warning is not None
    assert feed.warning.startswith("malformed XML, read in lenient mode: ")
    # The line is the file's own, not shifted by the declaration feedparser adds.
    assert feed.warning.endswith(f" at line {line}")
    assert "\n" not in feed.warning
    assert len(feed.entries) == entries


@pytest.mark.corpus
def test_blank_lines_before_the_declaration(corpus_dir: Path) -> None:
    feed = corpus_feed(corpus_dir, "real", "androidauthority_wordpress_leading_blanklines.xml")
    assert feed.warning is not None
    entry = only(feed)
    assert entry.title.startswith("Japan’s plans for 5G")
    assert entry.author == "Williams Pelegrin"
    assert len(entry.text) > 1000


@pytest.mark.corpus
def test_well_formed_feeds_have_no_warning(corpus_dir: Path) -> None:
    # A missing Content-Type (feedparser's NonXMLContentType) is not worth a warning.
    for name in ("daringfireball.atom", "natasha_wordpress.xml", "biorxiv.rdf"):
        assert corpus_feed(corpus_dir, "real", name).warning is None


# -- hand-written feeds ----------------------------------------------------------------------


def test_rss2_with_content_encoded_and_media() -> None:
    feed = parse(
        rss(
            """
            <item>
              <title>Harbour &amp; lights</title>
              <link>https://news.example/harbour</link>
              <guid isPermaLink="false">harbour-1</guid>
              <dc:creator>Ada Writer</dc:creator>
              <pubDate>Tue, 10 Jun 2025 09:30:00 +0200</pubDate>
              <description>Short teaser about the harbour.</description>
              <content:encoded><![CDATA[<p>The harbour lights were <b>bright</b>.</p>
                <p onclick="x()">Second <a href="/more">paragraph</a>.</p>
                <script>track()</script>]]></content:encoded>
              <media:content url="https://cdn.example/harbour.jpg" medium="image"/>
              <enclosure url="/audio/harbour.mp3" type="audio/mpeg" length="1"/>
            </item>""",
            "<title>Port news</title><link>https://news.example/</link>",
        )
    )
    assert feed.title == "Port news"
    assert feed.site_url == "https://news.example/"
    assert feed.warning is None
    entry = only(feed)
    assert entry.key == "harbour-1"
    assert entry.title == "Harbour & lights"
    assert entry.author == "Ada Writer"
    assert entry.published == datetime(2025, 6, 10, 7, 30, tzinfo=UTC)
    assert entry.summary_html == "Short teaser about the harbour."
    assert entry.content_html == (
        "<p>The harbour lights were <b>bright</b>.</p>\n"
        '                <p>Second <a href="https://news.example/more" rel="noopener noreferrer">'
        "paragraph</a>.</p>"
    )
    assert entry.text == "The harbour lights were bright.\n\nSecond paragraph."
    assert entry.enclosures == (
        "https://example.org/audio/harbour.mp3",
        "https://cdn.example/harbour.jpg",
    )


def test_atom_with_xhtml_content_and_xml_base() -> None:
    feed = parse(
        """<?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/journal/">
          <title type="html">Notes &amp;amp; sketches</title>
          <link href="index.html"/>
          <icon>img/icon.png</icon>
          <entry xml:base="2025/">
            <id>tag:blog.example,2025:1</id>
            <title type="html">Fish &amp;amp; &lt;em&gt;chips&lt;/em&gt;</title>
            <link href="first.html"/>
            <author><name>Bo Author</name></author>
            <updated>2025-06-10T09:30:00+02:00</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
              <p>Hello <a href="pics/one.html">there</a>.</p><ul><li>one</li><li>two</li></ul>
            </div></content>
          </entry>
        </feed>"""
    )
    assert feed.title == "Notes & sketches"
    assert feed.site_url == "https://blog.example/journal/index.html"
    assert feed.icon_url == "https://blog.example/journal/img/icon.png"
    entry = only(feed)
    assert entry.title == "Fish & chips"
    assert entry.link == "https://blog.example/journal/2025/first.html"
    assert entry.author == "Bo Author"
    assert entry.published == entry.updated == datetime(2025, 6, 10, 7, 30, tzinfo=UTC)
    assert 'href="https://blog.example/journal/2025/pics/one.html"' in entry.content_html
    assert entry.text == "Hello there.\n\n• one\n• two"


def test_rss1_rdf() -> None:
    feed = parse(
        """<?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example/">
            <title>RDF channel</title><link>https://rdf.example/</link>
            <description>d</description>
          </channel>
          <item rdf:about="https://rdf.example/a">
            <title>First item</title><link>https://rdf.example/a</link>
            <description>About the &lt;i&gt;first&lt;/i&gt; item.</description>
            <dc:date>2025-03-01T08:00:00-05:00</dc:date>
            <dc:creator>Cy Reporter</dc:creator>
          </item>
          <item rdf:about="https://rdf.example/b">
            <title>Second item</title><link>https://rdf.example/b</link>
          </item>
        </rdf:RDF>"""
    )
    assert feed.title == "RDF channel"
    first, second = feed.entries
    assert first.key == "https://rdf.example/a"
    assert first.published == datetime(2025, 3, 1, 13, 0, tzinfo=UTC)
    assert first.author == "Cy Reporter"
    assert first.summary_html == "About the <i>first</i> item."
    assert first.text == "About the first item."
    assert second.title == "Second item"
    assert second.text == ""


def test_entry_without_guid_is_keyed_by_its_absolute_link() -> None:
    feed = parse(rss("<item><title>t</title><link>/posts/7?x=1</link></item>"))
    assert only(feed).key == "link:https://example.org/posts/7?x=1"
    assert only(feed).link == "https://example.org/posts/7?x=1"


def test_entry_without_link_or_guid_has_a_stable_hash_key() -> None:
    document = rss(
        "<item><title>One</title><description>first</description>"
        "<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate></item>"
        "<item><title>Two</title><description>second</description></item>"
    )
    first = parse(document)
    again = parse(document, "https://moved.example/feed.xml")
    keys = [entry.key for entry in first.entries]
    assert keys == [entry.key for entry in again.entries]
    assert all(key.startswith("hash:") and len(key) == len("hash:") + 40 for key in keys)
    assert keys[0] != keys[1]
    changed = parse(document.replace("first", "changed"))
    assert changed.entries[0].key != keys[0]


def test_blank_guid_falls_back_to_the_link() -> None:
    feed = parse(rss("<item><guid>   </guid><link>https://a.example/p</link></item>"))
    assert only(feed).key == "link:https://a.example/p"


def test_repeated_ids_keep_the_first_entry() -> None:
    feed = parse(
        rss(
            "<item><guid>same</guid><title>newest</title></item>"
            "<item><guid>same</guid><title>older copy</title></item>"
        )
    )
    assert [e.title for e in feed.entries] == ["newest"]


@pytest.mark.parametrize(
    ("written", "utc"),
    [
        ("Tue, 10 Jun 2025 09:30:00 +0200", datetime(2025, 6, 10, 7, 30, tzinfo=UTC)),
        ("Tue, 10 Jun 2025 09:30:00 -0500", datetime(2025, 6, 10, 14, 30, tzinfo=UTC)),
        ("Tue, 10 Jun 2025 09:30:00 GMT", datetime(2025, 6, 10, 9, 30, tzinfo=UTC)),
        ("Tue, 10 Jun 2025 09:30:00 EST", datetime(2025, 6, 10, 14, 30, tzinfo=UTC)),
        ("2025-06-10T23:30:00+05:30", datetime(2025, 6, 10, 18, 0, tzinfo=UTC)),
        ("2025-06-10T09:30:00Z", datetime(2025, 6, 10, 9, 30, tzinfo=UTC)),
        ("Sun, 31 Dec 2025 23:30:00 -0200", datetime(2026, 1, 1, 1, 30, tzinfo=UTC)),
    ],
)
def test_dates_are_normalized_to_utc(written: str, utc: datetime) -> None:
    entry = only(parse(rss(f"<item><guid>g</guid><pubDate>{written}</pubDate></item>")))
    assert entry.published == utc
    assert entry.published is not None and entry.published.tzinfo is UTC


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Fri, 02 Jan 2026 06:00:00 GMT", True),  # 18 hours ahead: clocks differ, keep it
        ("Sat, 03 Jan 2026 12:00:01 GMT", False),  # more than a day ahead
        ("Mon, 01 Jan 2125 00:00:00 GMT", False),
        ("not a date at all", False),
        ("", False),
    ],
)
def test_future_or_unreadable_dates_become_none(written: str, kept: bool) -> None:
    entry = only(parse(rss(f"<item><guid>g</guid><pubDate>{written}</pubDate></item>")))
    assert (entry.published is not None) is kept


def test_updated_date_is_used_when_there_is_no_published_date() -> None:
    feed = parse(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        "<entry><id>x</id><title>a</title><updated>2025-05-05T05:05:05Z</updated></entry></feed>"
    )
    entry = only(feed)
    assert entry.published == entry.updated == datetime(2025, 5, 5, 5, 5, 5, tzinfo=UTC)


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_feed(rss("").encode(), FEED_URL, now=datetime(2026, 1, 1))


def test_title_made_from_text_is_cut_at_a_word() -> None:
    words = " ".join(f"word{i}" for i in range(40))
    feed = parse(rss(f"<item><guid>a</guid><description>{words}</description></item>"))
    title = only(feed).title
    assert title.endswith("…")
    assert len(title) <= 81
    assert words.startswith(title[:-1])
    assert title[-2] != " "
    short = parse(
        rss("<item><guid>b</guid><description>Tiny &lt;b&gt;note&lt;/b&gt;</description></item>")
    )
    assert only(short).title == "Tiny note"
    empty = parse(rss('<item><guid>c</guid><enclosure url="https://a.example/x.mp3"/></item>'))
    assert only(empty).title == UNTITLED


def test_plain_text_content_is_escaped_into_paragraphs() -> None:
    feed = parse(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>x</id>'
        '<title>a</title><content type="text">&lt;b&gt;not bold&lt;/b&gt; &amp; more\n'
        "next line\n\n  second paragraph</content></entry></feed>"
    )
    entry = only(feed)
    assert entry.content_html == (
        "<p>&lt;b&gt;not bold&lt;/b&gt; &amp; more<br>next line</p><p>second paragraph</p>"
    )
    assert entry.text == "<b>not bold</b> & more\nnext line\n\nsecond paragraph"


def test_longest_content_wins_and_equal_summary_is_not_stored_twice() -> None:
    feed = parse(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>x</id>'
        "<title>a</title>"
        '<content type="html">&lt;p&gt;short&lt;/p&gt;</content>'
        '<content type="html">&lt;p&gt;the longer one&lt;/p&gt;</content>'
        "</entry></feed>"
    )
    assert only(feed).content_html == "<p>the longer one</p>"
    only_content = parse(
        rss("<item><guid>g</guid><content:encoded>&lt;p&gt;body&lt;/p&gt;</content:encoded></item>")
    )
    entry = only(only_content)
    assert entry.content_html == "<p>body</p>"
    assert entry.summary_html == ""


def test_unsafe_and_non_web_links_are_dropped() -> None:
    feed = parse(
        rss(
            "<item><guid>a</guid><link>javascript:alert(1)</link></item>"
            "<item><guid>b</guid><link>ftp://files.example/x</link></item>",
            "<title>t</title><link>javascript:alert(2)</link>",
        )
    )
    assert feed.site_url is None
    assert [entry.link for entry in feed.entries] == [None, None]


def test_charset_from_the_content_type_header() -> None:
    latin1 = rss("<item><guid>g</guid><title>Crème brûlée</title></item>").replace(
        'encoding="utf-8"', 'encoding="iso-8859-1"'
    )
    as_latin1 = latin1.encode("iso-8859-1")
    assert only(parse(as_latin1)).title == "Crème brûlée"
    # The same text in UTF-8 bytes under a Latin-1 label: the bytes win.
    assert only(parse(latin1.encode("utf-8"))).title == "Crème brûlée"
    labelled = parse(latin1.encode("utf-8"), content_type="text/xml; charset=ISO-8859-1")
    assert only(labelled).title == "Crème brûlée"


# -- documents that are not feeds ------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"", "not a feed: the document is empty"),
        (b"  \n\t ", "not a feed: the document is empty"),
        (
            b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
            "not a feed: the document is HTML, not RSS or Atom",
        ),
        (
            b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": []}',
            "not a feed: JSON Feed is not supported yet",
        ),
        (b'{"hello": "world"}', "not a feed: the document is JSON, not RSS or Atom"),
        (b"<note><to>you</to></note>", "not a feed: the document is XML with root <note>"),
        (b"just some words", "not a feed: XML syntax error at line 1"),
    ],
)
def test_documents_that_are_not_feeds(document: bytes, message: str) -> None:
    with pytest.raises(ParseError) as raised:
        parse(document)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a9c", encoding="utf-8")
    document = f"""<?xml version="1.0"?>
    <!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>
    <rss version="2.0"><channel><title>x &xxe; y</title>
    <item><guid>g</guid><title>a &xxe; b</title><description>&xxe;</description></item>
    </channel></rss>"""
    feed = parse(document)
    seen = repr(feed)
    assert "TOP-SECRET" not in seen
    assert only(feed).key == "g"


def test_entity_expansion_bombs_are_not_expanded() -> None:
    levels = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    for level in range(1, 10):
        refs = f"&lol{level - 1};" * 10
        levels.append(f'<!ENTITY lol{level} "{refs}">')
    document = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [' + "".join(levels) + "]>\n"
        '<rss version="2.0"><channel><title>bomb</title>'
        "<item><guid>g</guid><title>t &lol9;</title><description>&lol9;</description></item>"
        "</channel></rss>"
    )
    started = time.perf_counter()
    feed = parse(document)
    assert time.perf_counter() - started < 5
    entry = only(feed)
    assert "lollol" not in entry.title + entry.text + entry.summary_html
    assert len(entry.title) < 100
