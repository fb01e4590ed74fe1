"""Markdown export: the brief's structure (headings, contents, passages, sources), the period
in words, and the user's text escaped; the analyst's introduction keeps its Markdown, but none
of its raw HTML (issue #13): a Markdown viewer shows ``<script>`` as text instead of running it
or loading what ``<img src="http://…">`` names."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.briefs import compose
from reader.core.storage import Store
from reader.core.types import Brief, BriefCriteria, BriefItem, BriefSection, Highlight
from reader.export.common import introduction_html
from reader.export.labels import ENGLISH, FRENCH
from reader.export.markdown import escape, introduction_markdown, markdown_bytes, render_markdown
from tests.brief_library import Library, fill_library
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


@pytest.fixture
def library(store: Store) -> Library:
    return fill_library(store)


# -- Markdown ------------------------------------------------------------------------------


def test_period_in_words() -> None:
    day = timedelta(days=1)
    period = ENGLISH.period_text
    assert period(T0.replace(hour=0), T0.replace(hour=0) + 2 * day) == "28–29 November 2026"
    assert period(T0, T0 + 5 * day) == "28 November – 3 December 2026"
    assert period(T0 + 33 * day, T0 + 36 * day) == "31 December 2026 – 3 January 2027"
    assert period(T0, None) == "from 28 November 2026"
    assert period(None, None) == ""
    french = FRENCH.period_text
    assert french(T0 + 3 * day, T0 + 5 * day) == "1er–3 décembre 2026"
    assert french(T0, T0 + 5 * day) == "28 novembre – 3 décembre 2026"
    assert french(None, T0.replace(hour=0) + day) == "jusqu’au 28 novembre 2026"
    assert FRENCH.page(2, 5) == "page 2 sur 5" and ENGLISH.page(2, 5) == "page 2 of 5"


def _tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").parse(text)


def _inline_after(tokens: list[Token], kind: str, tag: str) -> list[str]:
    return [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == kind and t.tag == tag and tokens[i + 1].type == "inline"
    ]


def test_markdown_structure(library: Library) -> None:
    store = library.store
    store.highlights.set_color_meaning("pink", "claim to verify")
    criteria = BriefCriteria(tags=("country",), tag_prefix="country")
    brief = replace(
        compose(
            store,
            criteria,
            title="Revue de presse – Sahel",
            author="Cellule Afrique",
            introduction="Une semaine **chargée** au Sahel.",
        ),
        since=T0.replace(hour=0),
        until=T0.replace(hour=0) + timedelta(days=2),
    )
    text = render_markdown(brief, store.highlights.colors())
    tokens = _tokens(text)
    html = MarkdownIt("commonmark").render(text)
    assert _inline_after(tokens, "heading_open", "h1") == ["Revue de presse – Sahel"]
    assert _inline_after(tokens, "heading_open", "h2") == [
        "Contents",
        "Mali",
        "Niger",
        "Sénégal",
        "Sources",
    ]
    assert "28–29 November 2026" in text and "<strong>chargée</strong>" in html
    # Contents link to the sections' anchors.
    assert '<a href="#mali">Mali</a>' in html and '<a href="#s%C3%A9n%C3%A9gal">Sénégal</a>' in html
    # Headlines link to the articles; passages are blockquotes with their colour's meaning.
    assert (
        '<h3><a href="https://news.example/mali">Mali : reprise de la coopération</a></h3>' in html
    )
    assert "<strong>Claim to verify</strong> — «\u00a0Goïta s’est rendu à Gao\u00a0»" in html
    assert "<em>Note:</em> À suivre" in html
    # Three passages, and the excerpt of the article without highlights.
    assert sum(t.type == "blockquote_open" for t in tokens) == 4
    assert "Dakar accueille le sommet régional sur l’eau." in html
    assert "Le Monde Afrique · Claire Dupont · 28 November 2026" in html
    # Numbered citations point into the sources list.
    assert '<a href="#source-1">[1]</a>' in html and '<a href="#source-3">[3]</a>' in html
    assert '<li><a id="source-2"></a>Jeune Afrique, 28 November 2026' in html


def test_user_text_is_escaped() -> None:
    item = BriefItem(
        article_id=None,
        title="# [Exclusif] *Bamako* <script>",
        link="javascript:alert(1)",
        source="Agence_Presse",
        summary="1. pas une liste",
    )
    brief = Brief(
        title="- Revue * spéciale",
        sections=(BriefSection("Mali > Niger", (item,)),),
    )
    html = MarkdownIt("commonmark").render(render_markdown(brief, []))
    assert "<h1>- Revue * spéciale</h1>" in html
    assert "<h3># [Exclusif] *Bamako* &lt;script&gt;</h3>" in html  # no unsafe link
    assert "javascript" not in html and "<ol" not in html.split("Sources")[0]
    assert "<em>1. pas une liste</em>" in html
    assert escape("a\\b `c` & d") == "a\\\\b \\`c\\` \\& d"
