"""Sanitizing untrusted HTML and deriving the canonical plain text."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core.sanitize import (
    ALLOWED_TAGS,
    html_to_text,
    sanitize_html,
    sanitize_with_text,
    text_from_plain,
)
from tests.conftest import corpus_files

FORBIDDEN_TAGS = frozenset(
    {"script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "math"}
    | {"textarea", "select", "link", "meta", "base", "frame", "frameset", "applet"}
)
SAFE_SCHEMES = ("http:", "https:", "mailto:")


class _Collector(HTMLParser):
    """Every tag and attribute of a fragment, as a browser-like tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_safe(html: str) -> None:
    """Fail when ``html`` has a dangerous tag, attribute or URL."""
    lowered = html.lower()
    # Text "<" is always escaped in sanitized output, so these can only be real tags.
    for tag in ("<script", "<iframe", "<object", "<embed", "<form", "<style", "<svg"):
        assert tag not in lowered, f"{tag} in {html!r}"
    collector = _Collector()
    collector.feed(html)
    collector.close()
    for tag, attrs in collector.tags:
        assert tag in ALLOWED_TAGS, f"tag <{tag}> in {html!r}"
        assert tag not in FORBIDDEN_TAGS
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler {name} in {html!r}"
            assert name != "style", f"style attribute in {html!r}"
            if name in ("href", "src") and value is not None:
                compact = "".join(value.split()).lower()
                has_scheme = ":" in compact.split("/", 1)[0]
                assert not has_scheme or compact.startswith(SAFE_SCHEMES), (
                    f"unsafe URL {value!r} in {html!r}"
                )
        if tag == "a":
            assert ("rel", "noopener noreferrer") in attrs


# -- the hostile corpus ----------------------------------------------------------------------

#: file → (text that must survive, text that must be gone). The files come from
#: feedparser's sanitizer tests; their "Expect:" lines are feedparser's own output, which
#: differs from ours in one deliberate way: we drop an iframe together with its content.
HOSTILE = {
    "feedparser_entry_content_crazy.xml": (
        ["Did The Javascript Execute?", "I will execute here, too, if you mouse over me"],
        ["executeMe", "alert", "am_i_javascript", "onmouseover", "onload"],
    ),
    "feedparser_entry_content_iframe.xml": (["safe"], ["example.com", "<b>"]),
    "feedparser_entry_content_onclick.xml": (
        ['<img src="http://www.ragingplatypus.com/i/cam-full.jpg">'],
        ["onclick", "location.href"],
    ),
    "feedparser_entry_content_script_base64.xml": (
        ["safe", "description"],
        ["location.href", "text/javascript"],
    ),
    "feedparser_entry_content_style.xml": (
        [
            '<a href="http://www.ragingplatypus.com/" rel="noopener noreferrer">'
            "never trust your upstream platypus</a>"
        ],
        ["background", "position:absolute", "z-index"],
    ),
}


def test_every_hostile_file_has_expectations(corpus_dir: Path) -> None:
    names = {p.name for p in corpus_files("feeds", "sanitize")}
    assert names == set(HOSTILE)


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("feeds", "sanitize"), ids=lambda p: p.name)
def test_hostile_corpus_is_neutralised(corpus_dir: Path, path: Path) -> None:
    parsed = feedparser.parse(
        io.BytesIO(path.read_bytes()), sanitize_html=False, resolve_relative_uris=False
    )
    raw = parsed["entries"][0]["content"][0]["value"]
    assert "<script" in raw.lower() or "on" in raw.lower() or "<iframe" in raw.lower()

    safe = sanitize_html(raw, "https://example.org/feed")

    assert_safe(safe)
    assert "javascript:" not in safe.lower()
    assert "style=" not in safe.lower()
    kept, gone = HOSTILE[path.name]
    for text in kept:
        assert text in safe
    for text in gone:
        assert text not in safe
    assert sanitize_html(safe, "https://example.org/feed") == safe


# -- sanitize_html ---------------------------------------------------------------------------


@pytest.mark.parametrize("empty", ["", "   \n\t", None])
def test_empty_input_gives_empty_string(empty: str | None) -> None:
    assert sanitize_html(empty) == ""
    assert html_to_text(empty) == ""


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<a href="../up/page.html">x</a>', "https://example.org/a/up/page.html"),
        ('<a href="/root">x</a>', "https://example.org/root"),
        ('<a href="same.html?q=1#f">x</a>', "https://example.org/a/b/same.html?q=1#f"),
        ('<a href="#note">x</a>', "https://example.org/a/b/post.html#note"),
        ('<img src="//cdn.example.net/i.png">', "https://cdn.example.net/i.png"),
        ('<img src="pics/i.png" alt="a">', "https://example.org/a/b/pics/i.png"),
        ('<a href="http://other.example/">x</a>', "http://other.example/"),
    ],
)
def test_relative_urls_resolve_against_base(markup: str, expected: str) -> None:
    safe = sanitize_html(markup, "https://example.org/a/b/post.html")
    assert f'="{expected}"' in safe


def test_relative_urls_stay_relative_without_a_usable_base() -> None:
    markup = '<a href="page.html">x</a>'
    assert 'href="page.html"' in sanitize_html(markup)
    assert 'href="page.html"' in sanitize_html(markup, "not a url")
    # A javascript: "base" must not be glued onto relative links.
    safe = sanitize_html('<a href="#x">x</a>', "javascript:alert(1)//")
    assert "javascript" not in safe
    assert 'href="#x"' in safe


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "java&#x09;script:alert(1)",
        "jav&#x0A;ascript:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
    ],
)
def test_dangerous_url_schemes_are_removed(url: str) -> None:
    safe = sanitize_html(
        f'<a href="{url}">link</a><img src="{url}" alt="pic">', "https://example.org/"
    )
    assert_safe(safe)
    assert "href=" not in safe
    assert "src=" not in safe
    assert ">link</a>" in safe
    assert 'alt="pic"' in safe


def test_mailto_and_web_links_are_kept() -> None:
    safe = sanitize_html(
        '<a href="mailto:ed@example.org">mail</a> <a href="https://a.example/">w</a>'
    )
    assert 'href="mailto:ed@example.org"' in safe
    assert 'href="https://a.example/"' in safe


def test_links_get_rel_noopener_and_lose_target() -> None:
    safe = sanitize_html('<a href="https://a.example/" rel="opener" target="_blank">x</a>')
    assert safe == '<a href="https://a.example/" rel="noopener noreferrer">x</a>'


def test_script_and_style_content_is_removed_not_shown() -> None:
    safe = sanitize_html(
        "<p>before</p><script>var secret = 1;</script><style>p { color: red }</style>"
        "<noscript>no js</noscript><p>after</p>"
    )
    assert safe == "<p>before</p><p>after</p>"


def test_event_handlers_and_style_attributes_are_removed() -> None:
    safe = sanitize_html(
        '<p onclick="x()" style="color:red" class="c" id="i">t</p>'
        '<img src="https://a.example/i.png" onerror="x()" width="10" height="20" alt="a">'
    )
    assert safe == ('<p>t</p><img src="https://a.example/i.png" width="10" height="20" alt="a">')


@pytest.mark.parametrize(
    "markup",
    [
        '<iframe src="https://evil.example/"></iframe>',
        '<object data="x.swf"></object>',
        '<embed src="x.swf">',
        '<form action="https://evil.example/"><input name="q"><button>go</button></form>',
        "<svg><circle r='1'/></svg>",
        "<math><mi>x</mi></math>",
        '<link rel="stylesheet" href="x.css"><meta http-equiv="refresh" content="0">',
        '<base href="https://evil.example/">',
    ],
)
def test_forbidden_elements_are_removed(markup: str) -> None:
    safe = sanitize_html(f"<p>keep</p>{markup}")
    assert_safe(safe)
    assert safe.startswith("<p>keep</p>")


def test_allowed_structure_survives() -> None:
    markup = (
        "<h2>Title</h2><p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <code>c</code></p>"
        "<blockquote><p>q</p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol>"
        "<dl><dt>t</dt><dd>d</dd></dl><pre>x  y</pre>"
        '<figure><img src="https://a.example/i.png" alt="a"><figcaption>cap</figcaption></figure>'
        '<table><caption>c</caption><thead><tr><th colspan="2">h</th></tr></thead>'
        '<tbody><tr><td rowspan="2">a</td><td>b</td></tr></tbody></table>'
    )
    assert sanitize_html(markup) == markup


def test_comments_are_stripped() -> None:
    assert sanitize_html("<p>a<!-- <script>alert(1)</script> -->b</p>") == "<p>ab</p>"


@pytest.mark.parametrize(
    "markup",
    [
        "<p>unclosed <b>bold <i>both</p> after",
        "<table><td>cell</td><p>stray</p></table>",
        '<a href="x.html"><a href="y.html">nested</a></a>',
        "<ul><li>a<li>b</ul><p>&amp;&nbsp;&lt;</p>",
        "text & more < less > greater",
        '<img src="https://a.example/i.png" alt="quote &quot;here&quot;">',
        # Clutter removed the first time (see test_clutter.py) is not looked for again.
        "<p>" + "Une longue phrase d’article. " * 8 + "</p><div><h3>Partager :</h3>"
        '<ul><li><a href="?share=x">X</a></li></ul></div><p>Lire aussi : la suite</p>',
    ],
)
def test_sanitizing_is_idempotent(markup: str) -> None:
    once = sanitize_html(markup, "https://example.org/a/")
    assert sanitize_html(once, "https://example.org/a/") == once
    assert html_to_text(once) == html_to_text(markup)


# -- html_to_text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>First  para.</p><p>Second\n para.</p>", "First para.\n\nSecond para."),
        ("<div><div><p> deep </p></div>tail</div>", "deep\n\ntail"),
        ("<h1>Head</h1>body<blockquote><p>quote</p></blockquote>", "Head\n\nbody\n\nquote"),
        ("a<br>b", "a\nb"),
        ("a<br><br>b", "a\n\nb"),
        ("a<br><br><br><br>b", "a\n\nb"),
        ("<p>a<br></p><p>b</p>", "a\n\nb"),
        ("<ul><li>one</li><li> two </li></ul>", "• one\n• two"),
        ("<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"),
        (
            "<p>intro</p><ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul><p>end</p>",
            "intro\n\n• a\n• a1\n• b\n\nend",
        ),
        ("<ul><li></li><li>only</li></ul>", "• only"),
        ("<li><p>item para</p></li>", "• item para"),
        ("<dl><dt>term</dt><dd>def</dd></dl>", "term\ndef"),
        (
            "<table><tr><th>h1</th><th>h2</th></tr><tr><td>a</td><td></td><td>c</td></tr></table>",
            "h1 | h2\na | c",
        ),
        ("<table><tr><td><p>x</p><p>y</p></td><td>z</td></tr></table>", "x y | z"),
        ("<pre>  line  one\n\n\n  line two\n</pre>", "line one\n\nline two"),
        ("caf&eacute; &amp; th&#233; &lt;b&gt; &#x263A;", "café & thé <b> ☺"),
        ("a&nbsp;&nbsp;b\u00a0c\u202fd\u2009e", "a b c d e"),
        ("<p>a <b>b</b>c <em>d</em></p>", "a bc d"),
        ("<figure><img src='x' alt='ignored'><figcaption>cap</figcaption></figure>", "cap"),
        ("<p>x</p><hr><p>y</p>", "x\n\ny"),
        ("   plain   text\n\nwithout tags  ", "plain text without tags"),
        ("<script>alert(1)</script><style>p{}</style>visible", "visible"),
        ("<!DOCTYPE html><html><head><title>T</title></head><body>b</body></html>", "b"),
        ("<p>  </p><p>\n</p>", ""),
        ("a < b > c", "a < b > c"),
    ],
)
def test_canonical_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_sanitize_with_text_matches_the_two_calls() -> None:
    markup = '<p>a <a href="x.html">b</a></p><ul><li>c</li></ul><script>d</script>'
    assert sanitize_with_text(markup, "https://example.org/") == (
        sanitize_html(markup, "https://example.org/"),
        html_to_text(markup),
    )
    assert sanitize_with_text("", None) == ("", "")


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("  A  title\nover lines ", "A title over lines"),
        ("Fish &amp; chips", "Fish & chips"),
        ("Non\u00a0breaking", "Non breaking"),
        ("a <b> stays", "a <b> stays"),
        ("", ""),
        (None, ""),
    ],
)
def test_text_from_plain(plain: str | None, expected: str) -> None:
    assert text_from_plain(plain) == expected


# -- properties ------------------------------------------------------------------------------

_TAG_NAMES = sorted(
    ALLOWED_TAGS
    | FORBIDDEN_TAGS
    | {"title", "noscript", "template", "xmp", "plaintext", "noembed", "html", "body", "head"}
)
_ATTRS = [
    'href="javascript:alert(1)"',
    'src="data:text/html,x"',
    'href="vbscript:x"',
    'href=" jav&#x09;ascript:x"',
    'onclick="x()"',
    "onmouseover=y",
    'style="color:red"',
    'href="/relative"',
    'src="//cdn.example/x"',
    'title="t"',
    'href="https://ok.example/"',
]
_PIECES = st.one_of(
    st.tuples(st.sampled_from(_TAG_NAMES), st.lists(st.sampled_from(_ATTRS), max_size=3)).map(
        lambda t: f"<{t[0]} {' '.join(t[1])}>"
    ),
    st.sampled_from(_TAG_NAMES).map(lambda t: f"</{t}>"),
    st.text(max_size=12),
    st.sampled_from(
        ["<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#", "&nbsp;", "<", ">", '"', "'", "\n"]
    ),
)
HTMLISH = st.lists(_PIECES, max_size=40).map("".join)
BASES = st.sampled_from([None, "https://example.org/a/b", "javascript:alert(1)//x/"])


@settings(max_examples=300, deadline=None)
@given(HTMLISH, BASES)
def test_sanitized_output_is_always_safe_and_stable(markup: str, base: str | None) -> None:
    safe = sanitize_html(markup, base)
    assert_safe(safe)
    again = sanitize_html(safe, base)
    assert_safe(again)
    # Exact idempotence holds for real-world HTML (tested above) but not for every tree:
    # "<h1><button><h1>" loses the button, and an <h1> directly inside an <h1> re-parses
    # as two siblings. The text, which highlights anchor to, does not change.
    assert html_to_text(again) == html_to_text(safe)


def _assert_canonical(text: str) -> None:
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert "  " not in text
    assert "\t" not in text and "\r" not in text and "\u00a0" not in text
    for line in text.split("\n"):
        assert line == line.strip()


@settings(max_examples=300, deadline=None)
@given(HTMLISH)
@example("<p ><button >0<dt >0")  # a block left inside a paragraph once the button is gone
def test_text_is_canonical_and_independent_of_sanitizing(markup: str) -> None:
    text = html_to_text(markup)
    _assert_canonical(text)
    assert html_to_text(sanitize_html(markup, "https://example.org/")) == text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_text_functions_never_raise(anything: str) -> None:
    _assert_canonical(html_to_text(anything))
    line = text_from_plain(anything)
    assert "\n" not in line
    assert line == line.strip()
