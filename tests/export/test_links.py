"""Hostile links in every export: a feed's article link, a note's Markdown link and the
introduction's links come out as http, https or mailto addresses in a form that cannot break
out of a PDF string (issue #13: ``)/S/JavaScript/JS(…`` became a script in the PDF), an HTML
attribute, a Word relationship or a Markdown destination."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import quote

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from reader.core.types import Brief, BriefItem, BriefSection, Highlight
from reader.export.docx import clean, docx_bytes
from reader.export.html import html_bytes
from reader.export.markdown import markdown_bytes
from reader.export.pdf import pdf_bytes
from tests.factories import T0

# -- the expected safe form, written again independently of reader.export.common -----------

#: RFC 3986's unreserved and reserved characters, but the parentheses (PDF string syntax).
_URI_KEPT = "-._~:/?#[]@!$&'*+,;="


def expected_link(url: str) -> str | None:
    """What an export must link to for ``url``: None unless http, https or mailto; else
    the URL without surrounding controls and spaces and without tabs and new lines (what a
    browser drops), every other character but RFC 3986's (less the parentheses)
    percent-encoded as UTF-8, and a ``%`` that starts no escape as ``%25``."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", url)
    if scheme is None or scheme.group(1).lower() not in ("http", "https", "mailto"):
        return None
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url)
    return quote(url, safe=_URI_KEPT + "%")


def test_the_expected_form_of_a_few_links() -> None:
    assert expected_link("http://host/x)/S/JavaScript/JS(app.alert(1)") == (
        "http://host/x%29/S/JavaScript/JS%28app.alert%281%29"
    )
    assert expected_link(" https://é.example/a b\\c\n%zz%41 ") == (
        "https://%C3%A9.example/a%20b%5Cc%25zz%41"
    )
    assert expected_link("javascript:alert(1)") is None
    assert expected_link("java\nscript:alert(1)") is None
    assert expected_link("file:///etc/passwd") is None


# -- hostile links -------------------------------------------------------------------------

#: What an attacker puts in a link: PDF string syntax and actions, HTML and Markdown syntax,
#: white space and controls, non-ASCII letters and escapes.
_PIECES = (
    ")/S/JavaScript/JS(app.alert(1)",
    ")>>/A<</S/Launch/F(calc.exe)",
    ")/S/SubmitForm/F(http://evil.example/)",
    "\\",
    "\\)",
    "(",
    ")",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\x00",
    "\x07",
    "\x7f",
    "é",
    "«\u00a0»",
    "\u202e",
    "🦊",
    "%",
    "%41",
    "%zz",
    '"',
    "'",
    "<",
    ">",
    "&amp;",
    "#",
    "?",
    "[",
    "]",
    "`",
    "*",
)
_SCHEMES = (
    "http://",
    "https://",
    "HTTPS://",
    "mailto:",
    "javascript:",
    "JavaScript:",
    "java\nscript:",
    " javascript:",
    "file://",
    "data:text/html,",
    "vbscript:",
    "ftp://",
    "",
)
hostile_urls = st.builds(
    lambda scheme, host, pieces: scheme + host + "".join(pieces),
    st.sampled_from(_SCHEMES),
    st.sampled_from(("host.example/", "h", "", "é.example/", "a@b.example")),
    st.lists(
        st.one_of(st.sampled_from(_PIECES), st.text(st.characters(codec="utf-8"), max_size=3)),
        max_size=8,
    ),
)

_MARKERS = ("ARTICLE", "INTRO", "INTRO-POINTY", "NOTE")


def _brief(url: str) -> Brief:
    """One article linking to ``url``, with a passage whose note and the introduction link
    to it in Markdown (plainly and between pointy brackets)."""
    highlight = Highlight(
        id=1,
        article_id=1,
        article_title="ARTICLE",
        article_link=url,
        feed_title="Source",
        exact="un passage",
        prefix="",
        suffix="",
        start=0,
        end=10,
        color="yellow",
        note=f"Voir [NOTE]({url}) et <{url}>",
        tags=(),
        created=T0,
        updated=T0,
    )
    item = BriefItem(1, "ARTICLE", url, "Source", highlights=(highlight,))
    return Brief(
        title="Revue",
        introduction=f"Voir [INTRO]({url}) et [INTRO-POINTY](<{url}>).\n\n<{url}>\n",
        sections=(BriefSection("Section", (item,)),),
    )


def _expected(url: str, introduction: Callable[[str], str] = str) -> set[str]:
    """The links an export of _brief(url) may carry: the article's, and the introduction's
    (as the format prepares it) as a CommonMark parser reads them (it unescapes and
    normalises destinations itself)."""
    wanted = {expected_link(url)}
    for token in MarkdownIt("commonmark").parse(introduction(_brief(url).introduction)):
        for child in token.children or ():
            href = child.attrGet("href")
            if child.type == "link_open" and isinstance(href, str):
                wanted.add(expected_link(href))
    return {link for link in wanted if link is not None}


_SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_INJECTION = "http://host/x)/S/JavaScript/JS(app.alert(1)"


# -- PDF -----------------------------------------------------------------------------------


def _names(value: object, seen: set[int]) -> set[str]:
    """Every name (dictionary keys included) reachable from a PDF object."""
    if isinstance(value, IndirectObject):
        if value.idnum in seen:
            return set()
        seen.add(value.idnum)
        return _names(value.get_object(), seen)
    if isinstance(value, NameObject):
        return {str(value)}
    if isinstance(value, DictionaryObject):
        found = {str(key) for key in value}
        for item in value.values():
            found |= _names(item, seen)
        return found
    if isinstance(value, ArrayObject):
        found = set()
        for item in value:
            found |= _names(item, seen)
        return found
    return set()


def pdf_links(data: bytes) -> tuple[list[DictionaryObject], set[str]]:
    """The link annotations' actions, and every name in every object of the file."""
    reader = PdfReader(io.BytesIO(data))
    actions = [
        annotation.get_object()["/A"].get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", []) or []
        if "/A" in annotation.get_object()
    ]
    names: set[str] = set()
    seen: set[int] = set()
    size = reader.trailer["/Size"]
    assert isinstance(size, int)
    for number in range(1, size):
        try:
            names |= _names(reader.get_object(number), seen)
        except (KeyError, ValueError):  # a free entry of the cross-reference table
            continue
    return actions, names


@_SLOW
@given(hostile_urls)
@example(_INJECTION)
@example("http://host/y)>>/A<</S/Launch/F(calc.exe")
@example("https://host/\\)/S/SubmitForm/F(http://evil.example/")
@example("https://é.example/a(b)\nc\\d")
@example("javascript:app.alert(1)")
@example("file:///etc/passwd")
def test_pdf_links_are_uri_actions_in_their_safe_form(url: str) -> None:
    actions, names = pdf_links(pdf_bytes(_brief(url), [], now=T0))
    assert all(action.get("/S") == "/URI" for action in actions), actions
    assert {str(action["/URI"]) for action in actions} == _expected(url)
    assert not names & {"/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData"}


# -- HTML, Word and Markdown -----------------------------------------------------------------


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src")]


@_SLOW
@given(hostile_urls)
@example(_INJECTION)
@example("https://é.example/a(b)\nc\\d")
def test_html_links_are_in_their_safe_form(url: str) -> None:
    parser = _Hrefs()
    parser.feed(html_bytes(_brief(url), [], now=T0).decode("utf-8"))
    hrefs = {h for h in parser.hrefs if not h.startswith("#")}
    # The introduction is cleaned again by nh3, which also drops addresses it cannot parse
    # (``http://`` alone): the article's link is there, and nothing but the expected links.
    assert hrefs <= _expected(url)
    safe = expected_link(url)
    assert safe is None or safe in hrefs


@_SLOW
@given(hostile_urls)
@example(_INJECTION)
@example("https://é.example/a(b)\nc\\d")
def test_word_relationships_are_in_their_safe_form(url: str) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(_brief(url), [], now=T0))) as docx:
        rels = docx.read("word/_rels/document.xml.rels").decode("utf-8")
    external = re.findall(r'<Relationship [^>]*TargetMode="External"[^>]*/>', rels)
    targets = {re.search(r'Target="([^"]*)"', rel).group(1) for rel in external}  # type: ignore[union-attr]
    # Word drops the characters XML cannot hold from the introduction before reading it.
    assert {t.replace("&amp;", "&") for t in targets} == _expected(url, clean)


@_SLOW
@given(hostile_urls)
@example(_INJECTION)
def test_markdown_links_are_the_articles_in_their_safe_form(url: str) -> None:
    text = markdown_bytes(_brief(url), [], now=T0).decode("utf-8")
    body = text.split("## Contents", 1)[1]  # after the introduction, the analyst's own text
    hrefs = set()
    for token in MarkdownIt("commonmark").parse(body):
        for child in token.children or ():
            href = child.attrGet("href")
            if child.type == "link_open" and isinstance(href, str) and not href.startswith("#"):
                hrefs.add(href)
    safe = expected_link(url)
    # The parser percent-encodes a few more characters ([ and ]) itself.
    assert hrefs == ({MarkdownIt().normalizeLink(safe)} if safe else set())
