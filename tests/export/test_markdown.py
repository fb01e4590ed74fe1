"""Markdown export: the analyst's introduction keeps its Markdown, but none of its raw HTML
(issue #13): a Markdown viewer shows ``<script>`` as text instead of running it or loading
what ``<img src="http://…">`` names."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.core.types import Brief, BriefItem, BriefSection, Highlight
from reader.export.common import introduction_html
from reader.export.markdown import introduction_markdown, markdown_bytes
from tests.factories import T0

_HTML_READER = MarkdownIt("commonmark", {"html": True})


def raw_html(markdown: str) -> list[str]:
    """The raw HTML a CommonMark viewer with raw HTML on finds in ``markdown``."""
    found = []
    for token in _HTML_READER.parse(markdown):
        if token.type == "html_block":
            found.append(token.content)
        found += [c.content for c in token.children or () if c.type == "html_inline"]
    return found


def test_raw_html_of_the_introduction_is_printed_as_text() -> None:
    intro = (
        "Une semaine **chargée** : <script>alert(1)</script> et *rien* d’autre.\n\n"
        '<iframe src="https://evil.example/"></iframe>\n\n'
        '- [le communiqué](https://news.example/communique) <img src="http://t.example/p.gif">\n'
        "- `<b>` reste du code\n\n"
        "> Une citation <em>appuyée</em>\n\n"
        "Voir <https://news.example/a> ou <redaction@news.example>.\n"
    )
    text = markdown_bytes(Brief(title="Revue", introduction=intro), [], now=T0).decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert '&lt;img src="http://t.example/p.gif"&gt;' in text
    assert raw_html(text) == []
    html = _HTML_READER.render(text)
    assert "<strong>chargée</strong>" in html and "<em>rien</em>" in html
    assert '<a href="https://news.example/communique">le communiqué</a>' in html
    assert "<code>&lt;b&gt;</code>" in html  # code is left as written
    assert "<blockquote>" in html and "&lt;em&gt;appuyée&lt;/em&gt;" in html
    assert '<a href="https://news.example/a">' in html
    assert '<a href="mailto:redaction@news.example">' in html


def test_raw_html_of_notes_and_other_fields_is_printed_as_text() -> None:
    evil = '<script>alert(1)</script><img src="http://t.example/p.gif">'
    highlight = Highlight(
        id=1, article_id=1, article_title=evil, article_link=None, feed_title=evil,
        exact="passage", prefix="", suffix="", start=0, end=7, color="yellow",
        note=f"{evil}\n[lien](javascript:alert(1))", tags=(evil,), created=T0, updated=T0,
    )  # fmt: skip
    item = BriefItem(1, evil, None, evil, author=evil, summary=evil, highlights=(highlight,))
    brief = Brief(title=evil, author=evil, sections=(BriefSection(evil, (item,)),))
    text = markdown_bytes(brief, [], now=T0).decode()
    # Only the sources' own anchors are HTML.
    assert raw_html(text) == ['<a id="source-1">', "</a>"]
    rendered = _HTML_READER.render(text)
    assert 'href="javascript' not in rendered and "[lien](javascript:alert(1))" in rendered


_PIECES = (
    "<script>alert(1)</script>",
    '<iframe src="http://evil.example/"></iframe>',
    '<img src="http://track.example/p.gif">',
    '<a href="javascript:alert(1)">x</a>',
    "<div>",
    "</div>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<?php x ?>",
    "<!DOCTYPE html>",
    "<![CDATA[x]]>",
    "<javascript:alert(1)>",
    "<https://auto.example/(x)>",
    "<a@b.example>",
    "<",
    ">",
    "`",
    "``",
    "\\",
    "&lt;",
    "*em*",
    "**strong**",
    "[lien](https://a.example/x)",
    "[x](<https://a.example/y z>)",
    "\n",
    "\n\n",
    "\n- ",
    "\n1. ",
    "\n> ",
    "\n    ",
    "\n```\n",
    "\n~~~\n",
    " ",
    "mot",
)
introductions = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=14).map(
    "".join
)


@given(introductions)
@example("<!-- x -->\n    <script>alert(1)</script>")
@example("> a\n> ```\n> <b>\n> ```\n<i>")
@example("`x\n\n<b>` c")
@example("a\\\n> <b>")
def test_no_raw_html_is_left_and_every_word_stays(intro: str) -> None:
    escaped = introduction_markdown(intro)
    assert raw_html(escaped) == []
    # Read as other formats read it (raw HTML as text), it says the same.
    assert introduction_html(escaped) == introduction_html(intro)
