"""Content the sanitizer must not lose: self-closed tags and lazy-loaded images."""

from __future__ import annotations

import io
import re
from html import escape
from pathlib import Path

import feedparser
import nh3
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.mend import PLACEHOLDER_WORDS, RAW_TEXT_TAGS, VOID_TAGS, mend_html
from reader.core.sanitize import html_to_text, sanitize_html, sanitize_with_text
from tests.conftest import corpus_files
from tests.core.test_sanitize import _Collector, assert_safe

BASE = "https://journal.example/2026/11/article.html"

# -- self-closed elements ------------------------------------------------------------------

#: Elements whose self-closed form an HTML parser reads as an open element that swallows what
#: follows: raw text, elements removed with their content, and ordinary ones.
SWALLOWING = sorted(
    RAW_TEXT_TAGS
    | {"plaintext", "select", "template", "svg", "math", "object", "video", "audio"}
    | {"a", "span", "div", "p", "em", "table", "ul", "blockquote", "canvas", "button"}
)

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçôûï", min_size=1, max_size=10)
attribute_values = st.text(alphabet="abc /<>='\"&;:.-", max_size=12)


@st.composite
def self_closed_tags(draw: st.DrawFn) -> str:
    """``<name …/>`` in the ways feeds write it: any case, any attributes, any spacing."""
    name = draw(st.sampled_from(SWALLOWING))
    name = draw(st.sampled_from([name, name.upper(), name.capitalize()]))
    attributes = []
    for attribute in draw(
        st.lists(st.sampled_from(["src", "title", "class", "width"]), max_size=3)
    ):
        value = draw(attribute_values)
        quote = "'" if '"' in value else '"'
        value = value.replace(quote, "")
        attributes.append(f"{attribute}={quote}{value}{quote}")
    space = draw(st.sampled_from(["", " ", "  ", "\n"]))
    return f"<{name}{''.join(' ' + a for a in attributes)}{space}/>"


@st.composite
def articles_with_self_closed_tags(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Paragraphs of text, with self-closed elements between and inside them."""
    count = draw(st.integers(min_value=2, max_value=5))
    paragraphs = [
        f"Alinéa {i} : " + " ".join(draw(st.lists(words, min_size=1, max_size=6)))
        for i in range(count)
    ]
    parts: list[str] = []
    for paragraph in paragraphs:
        if draw(st.booleans()):
            parts.append(draw(self_closed_tags()))
        if draw(st.booleans()):  # inside the paragraph, after its first word
            head, _, tail = paragraph.partition(" ")
            parts.append(f"<p>{head} {draw(self_closed_tags())}{tail}</p>")
        else:
            parts.append(f"<p>{paragraph}</p>")
    if draw(st.booleans()):
        parts.append(draw(self_closed_tags()))
    return "\n".join(parts), paragraphs


@given(articles_with_self_closed_tags())
def test_a_self_closed_element_never_swallows_the_rest(article: tuple[str, list[str]]) -> None:
    html, paragraphs = article
    safe, text = sanitize_with_text(html, BASE)
    # An element that is a block (a div, a p) inside a paragraph breaks its line: the words
    # are all there, in order, with a line break where the block was.
    flowing = " ".join(text.split())
    for paragraph in paragraphs:
        assert paragraph in flowing, (html, text)
    assert html_to_text(html) == text
    assert_safe(safe)
    assert sanitize_html(safe, BASE) == safe


@pytest.mark.parametrize("name", sorted(RAW_TEXT_TAGS | {"plaintext"}))
def test_every_raw_text_element_written_self_closed(name: str) -> None:
    html = f'<p>Avant.</p><{name} src="https://video.example/embed/1"/><p>Après.</p>'
    assert html_to_text(html) == "Avant.\n\nAprès."


def test_the_video_embed_of_the_issue() -> None:
    html = (
        "<p>La séance a été filmée.</p>"
        '<iframe src="https://video.example/embed/1" width="560" height="315"/>'
        "<p>Le ministre a répondu aux questions.</p><p>La suite mardi.</p>"
    )
    safe = sanitize_html(html, BASE)
    assert safe == (
        "<p>La séance a été filmée.</p><p>Le ministre a répondu aux questions.</p>"
        "<p>La suite mardi.</p>"
    )


def test_an_anchor_written_self_closed_does_not_make_the_rest_a_link() -> None:
    safe = sanitize_html('<p><a name="suite"/>Le texte continue.</p><p>Et ici.</p>', BASE)
    assert "Le texte continue." in safe and "Et ici." in safe
    assert re.search(r"<a [^>]*></a>Le texte continue", safe), safe


@pytest.mark.parametrize(
    "html",
    [
        "<p><a href=https://x.example/a/>un lien</a></p>",  # "/" of an unquoted value
        "<p>a <br/> b <img src='https://x.example/i.png'/> c</p>",  # void elements
        "<p>x</p><!-- <iframe/> --><p>y</p>",  # in a comment
        '<p title="<iframe/>">x</p>',  # in an attribute value
        "<textarea><iframe/></textarea><p>x</p>",  # in raw text
    ],
)
def test_what_is_not_a_self_closed_element_is_left_alone(html: str) -> None:
    assert mend_html(html) == html


def test_void_elements_need_no_mending() -> None:
    for name in VOID_TAGS:
        html = f"<p>a<{name}/>b</p>"
        assert mend_html(html) == html


@pytest.mark.parametrize(
    "hostile",
    ["<a" + " x" * 20_000, '<a b="' * 20_000, "<!--" * 20_000, "<noscript>" * 20_000,
     '<img class=lazy src="data:x"><noscript>' * 5_000, "<img srcset='" + "a 1w, " * 20_000],
)  # fmt: skip
def test_mending_takes_linear_time(hostile: str) -> None:
    """Untrusted input of any shape: no regular expression here may backtrack on it (the
    test would take minutes if one did)."""
    mend_html(hostile)
    mend_html(hostile * 2)


# -- lazy-loaded images ---------------------------------------------------------------------

PLACEHOLDERS = [
    None,  # no src at all
    "",
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
    "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201%201'%3E%3C/svg%3E",
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "/wp-content/plugins/lazy-load/images/1x1.trans.gif",
    "https://journal.example/img/blank.gif",
    "spacer.gif",
    "/static/lazy_placeholder.png",
    "https://cdn.example/assets/grey.gif?v=3",
    "/themes/journal/loading.svg",
]
#: A real image's file name: never one that names a stand-in ("lazy.jpg", "pixel-1.jpg"),
#: which the mender rightly takes for a placeholder.
paths = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12).filter(
    lambda name: PLACEHOLDER_WORDS.isdisjoint(re.findall(r"[a-z0-9]+", name))
)


@st.composite
def lazy_images(draw: st.DrawFn) -> tuple[str, str]:
    """A lazy image as lazy loaders write it, and the address of the real image."""
    real = f"https://images.example/{draw(paths)}.jpg"
    placeholder = draw(st.sampled_from(PLACEHOLDERS))
    kind = draw(st.sampled_from(["data-src", "data-lazy-src", "data-original", "data-srcset",
                                 "srcset", "noscript only"]))  # fmt: skip
    attributes: list[tuple[str, str]] = []
    if placeholder is not None:
        attributes.append(("src", placeholder))
    if kind in ("data-srcset", "srcset"):
        widths = sorted(draw(st.sets(st.integers(100, 2000), min_size=1, max_size=4)))
        candidates = [f"https://images.example/small-{w}.jpg {w}w" for w in widths[:-1]]
        candidates.append(f"{real} {widths[-1]}w")
        ordered = draw(st.permutations(candidates))
        attributes.append((kind, ", ".join(ordered)))
    elif kind != "noscript only":
        attributes.append((kind, real))
    if draw(st.booleans()):
        attributes.append(("class", draw(st.sampled_from(["lazyload", "lazy", "wp-image-7 lazy"]))))
    if draw(st.booleans()):
        attributes.append(("alt", "Le fleuve à Niamey"))
    attributes = draw(st.permutations(attributes))
    quote = draw(st.sampled_from(['"', "'"]))
    tag = "<img" + "".join(f" {n}={quote}{escape(v)}{quote}" for n, v in attributes)
    tag += draw(st.sampled_from([">", "/>", " />"]))
    noscript = kind == "noscript only" or draw(st.booleans())
    if noscript:
        between = draw(st.sampled_from(["", " ", "\n  "]))
        tag += f'{between}<noscript><img src="{real}" alt="Le fleuve"></noscript>'
    return tag, real


def image_sources(html: str) -> list[str | None]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return [dict(attrs).get("src") for tag, attrs in collector.tags if tag == "img"]


@given(lazy_images(), st.booleans())
def test_a_lazy_image_keeps_its_real_image_once(image: tuple[str, str], in_figure: bool) -> None:
    markup, real = image
    if in_figure:
        markup = f"<figure>{markup}<figcaption>Le fleuve en crue.</figcaption></figure>"
    html = f"<p>Avant l’image.</p>{markup}<p>Après l’image.</p>"
    safe, text = sanitize_with_text(html, BASE)
    assert image_sources(safe) == [real], html
    assert "Avant l’image." in text and "Après l’image." in text
    assert_safe(safe)
    assert sanitize_html(safe, BASE) == safe


def test_the_lazy_image_of_the_issue() -> None:
    html = (
        '<img src="placeholder.gif" data-src="real.jpg" class="lazyload">'
        '<noscript><img src="real.jpg"></noscript>'
    )
    assert image_sources(sanitize_html(html, BASE)) == ["https://journal.example/2026/11/real.jpg"]


def test_a_noscript_lends_its_image_only_to_a_stand_in() -> None:
    # An ordinary image followed by a tracking pixel for browsers without scripts.
    html = (
        '<p>Texte.</p><img src="https://images.example/photo.jpg" alt="Photo">'
        '<noscript><img src="https://tracker.example/p?id=9" width="1" height="1"></noscript>'
    )
    assert image_sources(sanitize_html(html, BASE)) == ["https://images.example/photo.jpg"]
    # A pixel alone, or a noscript far from any stand-in, gives no image.
    assert (
        image_sources(sanitize_html('<noscript><img src="https://t.example/p"></noscript>')) == []
    )
    html = '<img class="lazy"><p>Texte.</p><noscript><img src="https://i.example/a.jpg"></noscript>'
    assert image_sources(sanitize_html(html, BASE)) == [None]


def test_a_normal_image_with_a_srcset_is_left_as_it_is() -> None:
    html = (
        '<img src="https://images.example/photo-840.jpg" '
        'srcset="https://images.example/photo-300.jpg 300w, '
        'https://images.example/photo-1200.jpg 1200w">'
    )
    assert mend_html(html) == html


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
     '" onerror="alert(1)', "x><script>alert(1)</script>"],
)  # fmt: skip
def test_a_lazy_address_is_as_untrusted_as_any(address: str) -> None:
    for attribute in ("data-src", "data-srcset"):
        html = f'<img src="blank.gif" {attribute}="{escape(address)}"><p>Texte.</p>'
        safe = sanitize_html(html, BASE)
        assert_safe(safe)
        for source in image_sources(safe):
            assert source is None or source.startswith("https://journal.example/"), safe


# -- the real-world corpus ------------------------------------------------------------------

_EMPTY_PAIR = re.compile(
    r"<(" + "|".join(SWALLOWING) + r")(\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?></\1>", re.IGNORECASE
)


def _entry_html(path: Path) -> list[str]:
    parsed = feedparser.parse(
        io.BytesIO(path.read_bytes()), sanitize_html=False, resolve_relative_uris=False
    )
    found: list[str] = []
    for entry in parsed.entries:
        found += [content.value for content in entry.get("content", [])]
        if entry.get("summary"):
            found.append(entry["summary"])
    return found


@pytest.mark.parametrize(
    "path", corpus_files("feeds", "real") + corpus_files("feeds", "sanitize"), ids=lambda p: p.name
)
def test_corpus_entries_read_the_same_written_xhtml_style(path: Path) -> None:
    """Every empty element of the corpus's entries (their iframes, spans, anchors…) written
    self-closed, as an XHTML feed would: the text is the same."""
    rewritten = 0
    for html in _entry_html(path):
        xhtml, count = _EMPTY_PAIR.subn(r"<\1\2/>", html)
        rewritten += count
        if count:
            assert html_to_text(xhtml) == html_to_text(html)
    if not rewritten:
        pytest.skip("no empty element in this feed")


@pytest.mark.parametrize("path", corpus_files("feeds", "real"), ids=lambda p: p.name)
def test_corpus_images_are_untouched(path: Path) -> None:
    """No image of the corpus is lazy: mending changes none of them (srcset ones included)."""
    for html in _entry_html(path):
        before = image_sources(nh3.clean(html, tags={"img"}, attributes={"img": {"src"}}))
        mended = mend_html(html)
        after = image_sources(nh3.clean(mended, tags={"img"}, attributes={"img": {"src"}}))
        assert after == before
