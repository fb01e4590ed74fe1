"""The HTML export: one self-contained, printable page, parsed back with html.parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.core.errors import InvalidBriefError
from reader.core.types import Brief, BriefItem, BriefSection, HighlightColor, swatch
from reader.export import export_brief, export_format
from reader.export.html import clean_fragment, html_bytes, render_html
from tests.export.conftest import HOSTILE_TITLE
from tests.factories import T0

# -- a small DOM ---------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_VOID |= {"track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        """The text inside, a line break as a new line."""
        if self.tag == "br":
            return "\n"
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag: str | None = None) -> list[Node]:
        """Descendants in document order (with the given tag)."""
        found: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    found.append(child)
                found += child.all(tag)
        return found

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        assert node is self.current, f"</{tag}> closes <{self.current.tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> left open"
    assert builder.doctype.lower() == "doctype html"
    return builder.root


def page_of(brief: Brief, colors: list[HighlightColor], **options: str) -> Node:
    return parse(render_html(brief, colors, **options))


def squeeze(text: str) -> str:
    """Text with its runs of ASCII white space as one space (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def css(root: Node) -> str:
    (style,) = root.all("style")
    return style.text()


def with_excerpt(brief: Brief, title_start: str, excerpt: str) -> Brief:
    """The brief with one item's excerpt replaced."""

    def changed(item: BriefItem) -> BriefItem:
        return replace(item, excerpt=excerpt) if item.title.startswith(title_start) else item

    sections = tuple(
        replace(section, items=tuple(changed(item) for item in section.items))
        for section in brief.sections
    )
    return replace(brief, sections=sections)


def item_article(root: Node, title_start: str) -> Node:
    (found,) = [a for a in root.all("article") if a.all("h3")[0].text().startswith(title_start)]
    return found


# -- the document --------------------------------------------------------------------------


def test_page_is_one_self_described_document(brief: Brief, colors: list[HighlightColor]) -> None:
    root = page_of(brief, colors)
    (html,) = root.all("html")
    assert html.attrs["lang"] == "en"
    meta = root.all("meta")
    assert {"charset": "utf-8"} in [m.attrs for m in meta]
    named = {m.attrs["name"]: m.attrs.get("content", "") for m in meta if "name" in m.attrs}
    assert named["generator"] == "Press Reader"
    assert named["author"] == "Cellule Afrique"
    assert named["viewport"].startswith("width=device-width")
    (title,) = root.all("title")
    assert title.text() == "Revue de presse – Sahel"
    assert len(root.all("style")) == 1


def test_outline_follows_the_brief(brief: Brief, colors: list[HighlightColor]) -> None:
    root = page_of(brief, colors)
    assert [h.text() for h in root.all("h1")] == ["Revue de presse – Sahel"]
    assert [h.text() for h in root.all("h2")] == ["Contents", "Mali", "Niger", "Other", "Sources"]
    assert [h.text()[:12] for h in root.all("h3")] == [
        "Mali : repri",
        "Niger : la f",
        "Burkina Faso",
        "Tchad : rece",
        "<script>aler",
    ]
    sections = root.all("section")
    assert [s.all("h2")[0].text() for s in sections if "id" in s.attrs][:3] == [
        "Mali",
        "Niger",
        "Other",
    ]
    assert all(len(s.all("h2")) == 1 for s in sections)


def test_header_says_who_and_when_and_introduces(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    root = page_of(brief, colors)
    (header,) = root.all("header")
    text = squeeze(header.text())
    assert "Author: Cellule Afrique" in text
    assert "Period: 27 November 2026" in text
    assert "chargée" in [s.text() for s in header.all("strong")]
    assert "https://news.example/communique" in [a.attrs.get("href") for a in header.all("a")]


def test_headlines_link_to_their_articles_when_they_can(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    root = page_of(brief, colors)
    links = {h.text(): [a.attrs["href"] for a in h.all("a")] for h in root.all("h3")}
    assert links["Mali : reprise de la coopération"] == ["https://news.example/mali"]
    assert links["Tchad : recensement des réfugiés"] == []  # no link
    assert links[HOSTILE_TITLE] == []  # javascript: is not linked


def test_contents_link_to_the_sections(brief: Brief, colors: list[HighlightColor]) -> None:
    root = page_of(brief, colors)
    (nav,) = root.all("nav")
    targets = [a.attrs["href"] for a in nav.all("a")]
    assert targets == ["#mali", "#niger", "#other"]
    ids = {node.attrs["id"]: node for node in root.all() if "id" in node.attrs}
    for target in targets:
        assert ids[target[1:]].tag == "section"
        assert ids[target[1:]].all("h2")[0].text() == nav.all("a")[targets.index(target)].text()


def test_ids_are_unique_and_stable(brief: Brief, colors: list[HighlightColor]) -> None:
    twice = replace(
        brief,
        sections=(
            *brief.sections,
            BriefSection("Mali", brief.sections[0].items),
            BriefSection("Source 1", brief.sections[1].items),
            BriefSection("« — »", brief.sections[1].items),
        ),
    )
    root = page_of(twice, colors)
    ids = [node.attrs["id"] for node in root.all() if "id" in node.attrs]
    assert len(ids) == len(set(ids))
    assert all(ids)
    sections = [s.attrs["id"] for s in root.all("section") if "sources-section" not in s.classes()]
    assert sections == ["mali", "niger", "other", "mali-1", "source-1-1", "section"]
    assert render_html(twice, colors) == render_html(twice, colors)


def test_citations_link_to_numbered_sources(brief: Brief, colors: list[HighlightColor]) -> None:
    root = page_of(brief, colors)
    cites = [a for a in root.all("a") if "cite" in a.classes()]
    assert [(a.text(), a.attrs["href"]) for a in cites] == [
        (f"[{n}]", f"#source-{n}") for n in range(1, 6)
    ]
    (sources_list,) = [ol for ol in root.all("ol") if "sources" in ol.classes()]
    sources = sources_list.all("li")
    assert [li.attrs["id"] for li in sources] == [f"source-{n}" for n in range(1, 6)]
    first = squeeze(sources[0].text())
    assert first.startswith(
        "Le Monde Afrique, Claire Dupont, 28 November 2026, Mali : reprise de la coopération"
    )
    assert sources[0].all("a")[0].attrs["href"] == "https://news.example/mali"
    # Every in-page link finds its target.
    ids = {node.attrs["id"] for node in root.all() if "id" in node.attrs}
    local = [a.attrs["href"][1:] for a in root.all("a") if a.attrs["href"].startswith("#")]
    assert local and set(local) <= ids


def test_byline_carries_a_machine_readable_date(brief: Brief, colors: list[HighlightColor]) -> None:
    article = item_article(page_of(brief, colors), "Mali")
    (line,) = [p for p in article.all("p") if "byline" in p.classes()]
    assert squeeze(line.text()) == "Le Monde Afrique · Claire Dupont · 28 November 2026 [1]"
    (time,) = line.all("time")
    assert time.attrs["datetime"] == "2026-11-28T07:00:00+00:00"


# -- passages and excerpts -----------------------------------------------------------------


def test_passages_are_painted_in_their_colour_and_labelled(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    article = item_article(page_of(brief, colors), "Mali")
    quotes = [q for q in article.all("blockquote") if "passage" in q.classes()]
    assert [q.all("strong")[0].text() for q in quotes] == ["Key fact", "Claim to verify", "Context"]
    painted = [re.search(r"background-color:\s*(#[0-9a-f]{6})", q.attrs["style"]) for q in quotes]
    assert [m.group(1) if m else None for m in painted] == [
        swatch("yellow"),
        swatch("pink"),
        swatch("green"),
    ]
    assert "«\u00a0la reprise de la coopération militaire\u00a0»" in quotes[0].text()
    note = squeeze(quotes[1].text())
    assert "Note: À suivre : première visite depuis 2021. Vérifier auprès de l’AFP." in note
    assert len(quotes[1].all("br")) == 1
    assert "Tags: theme/défense" in squeeze(quotes[0].text())
    (tags,) = [p for p in article.all("p") if "tags" in p.classes() and p.parent is article]
    assert squeeze(tags.text()) == "Tags: country/Mali, theme/sécurité"


def test_orphaned_passage_is_marked(brief: Brief, colors: list[HighlightColor]) -> None:
    root = page_of(brief, colors)
    orphaned = [q for q in root.all("blockquote") if "orphaned" in q.classes()]
    assert len(orphaned) == 1
    assert "« des échanges francs »" in orphaned[0].text()
    (changed,) = [e for e in orphaned[0].all("em") if "changed" in e.classes()]
    assert changed.text() == "(article changed)"
    assert "(article changed)" not in item_article(root, "Mali").text()


def test_item_without_highlights_shows_its_excerpt(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    root = page_of(brief, colors)
    tchad = item_article(root, "Tchad")
    (excerpt,) = [q for q in tchad.all("blockquote") if "excerpt" in q.classes()]
    assert excerpt.text().strip().startswith("N’Djamena annonce un recensement")
    assert not [q for q in item_article(root, "Mali").all("blockquote") if "excerpt" in q.classes()]


def test_excerpt_is_cleaned_again(brief: Brief, colors: list[HighlightColor]) -> None:
    hostile = (
        '<h1>Gros titre</h1><p>Début <img src="https://tracker.example/p.gif" '
        'srcset="https://tracker.example/p2.gif 2x"> <a href="javascript:alert(1)">piège</a> '
        '<a href="https://ok.example/a">lien</a> <a href="relative/path">relatif</a> '
        '<span style="background:url(https://tracker.example/bg)">fond</span></p>'
        "<script>alert(2)</script><iframe src='https://x.example'></iframe>"
        '<video src="https://tracker.example/v.mp4"></video><style>p{}</style>'
    )
    page = render_html(with_excerpt(brief, "Tchad", hostile), colors)
    root = parse(page)
    tchad = item_article(root, "Tchad")
    text = squeeze(tchad.text())
    assert "Gros titre" in text and "piège" in text and "fond" in text
    (excerpt,) = [q for q in tchad.all("blockquote") if "excerpt" in q.classes()]
    assert [a.attrs.get("href") for a in excerpt.all("a")] == [None, "https://ok.example/a", None]
    assert "tracker.example" not in page
    assert "javascript:" not in page
    assert "alert(2)" not in page
    assert len(root.all("h1")) == 1  # the excerpt's heading does not join the outline
    assert not tchad.all("script") and not tchad.all("iframe") and not tchad.all("img")


@pytest.mark.parametrize(
    ("fragment", "cleaned"),
    [
        ("<p>a <em>b</em></p>", "<p>a <em>b</em></p>"),
        ('<p><img src="https://t.example/x.png">a</p>', "<p>a</p>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ("<h2>T</h2>", '<p class="subhead"><strong>T</strong></p>'),
        ("   ", ""),
    ],
)
def test_clean_fragment(fragment: str, cleaned: str) -> None:
    assert clean_fragment(fragment) == cleaned


# -- safety --------------------------------------------------------------------------------


def test_nothing_is_loaded_from_elsewhere(brief: Brief, colors: list[HighlightColor]) -> None:
    page = render_html(brief, colors)
    root = parse(page)
    assert not root.all("link") and not root.all("script") and not root.all("img")
    assert not root.all("iframe") and not root.all("object") and not root.all("base")
    for node in root.all():
        assert not {"src", "srcset", "background", "poster"} & set(node.attrs), node.tag
        assert not any(name.startswith("on") for name in node.attrs), node.tag
        assert "url(" not in node.attrs.get("style", "")
    sheet = css(root)
    assert "@import" not in sheet and "url(" not in sheet and "@font-face" not in sheet
    assert "Georgia" in sheet and "serif" in sheet


def test_hostile_title_stays_text(brief: Brief, colors: list[HighlightColor]) -> None:
    page = render_html(brief, colors)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    root = parse(page)
    assert HOSTILE_TITLE in [h.text() for h in root.all("h3")]
    (sources,) = [ol for ol in root.all("ol") if "sources" in ol.classes()]
    assert HOSTILE_TITLE in sources.all("li")[4].text()
    hrefs = [a.attrs.get("href", "") for a in root.all("a")]
    assert not [h for h in hrefs if not h.startswith(("#", "https://"))]


def test_hostile_brief_fields_stay_text(brief: Brief, colors: list[HighlightColor]) -> None:
    evil = '"><script>alert(1)</script>'
    hostile = replace(
        brief,
        title=evil,
        author=evil,
        introduction=f"{evil}\n\n[x](javascript:alert(1)) ![img](https://t.example/i.png)",
        sections=(BriefSection(evil, brief.sections[0].items),),
    )
    page = render_html(hostile, colors)
    assert "<script" not in page.lower()
    assert "t.example" not in page
    root = parse(page)
    assert root.all("title")[0].text() == evil
    assert root.all("h1")[0].text() == evil
    authors = [m.attrs["content"] for m in root.all("meta") if m.attrs.get("name") == "author"]
    assert authors == [evil]
    assert not [a for a in root.all("a") if "javascript" in a.attrs.get("href", "")]
    assert "[x](javascript:alert(1))" in root.all("header")[0].text()  # printed, not linked


# -- language, paper and print -------------------------------------------------------------


def test_french_brief(french_brief: Brief, colors: list[HighlightColor]) -> None:
    root = page_of(french_brief, colors)
    assert root.all("html")[0].attrs["lang"] == "fr"
    assert root.all("h2")[0].text() == "Sommaire"
    assert root.all("nav")[0].attrs["aria-labelledby"] == "sommaire"
    assert "Période\u202f: 27 novembre 2026" in squeeze(root.all("header")[0].text())
    assert "28 novembre 2026" in [t.text() for t in root.all("time")]
    burkina = item_article(root, "Burkina")
    assert "(article modifié)" in burkina.text()
    assert "Mots-clés\u202f: country/Mali" in squeeze(item_article(root, "Mali").text())


@pytest.mark.parametrize(("paper", "size"), [("a4", "A4"), ("letter", "letter")])
def test_paper_sets_the_printed_page(
    brief: Brief, colors: list[HighlightColor], paper: str, size: str
) -> None:
    sheet = css(page_of(brief, colors, paper=paper))
    (page_rule,) = re.findall(r"@page\s*\{([^}]*)\}", sheet)
    assert re.search(rf"size:\s*{size}\s*;", page_rule)
    assert "margin:" in page_rule


def test_unknown_paper_is_refused(brief: Brief, colors: list[HighlightColor]) -> None:
    with pytest.raises(InvalidBriefError):
        render_html(brief, colors, paper="a5")


def test_page_prints_well(brief: Brief, colors: list[HighlightColor]) -> None:
    sheet = css(page_of(brief, colors))
    assert "print-color-adjust: exact" in sheet
    assert "-webkit-print-color-adjust: exact" in sheet
    print_rules = sheet[sheet.index("@media print") :]
    assert re.search(r"h1, h2, h3 \{[^}]*break-after: avoid", print_rules)
    assert re.search(r"\.passage \{[^}]*break-inside: avoid", sheet)
    assert '.sources a[href^="http"]::after { content: " (" attr(href) ")"' in print_rules
    assert "prefers-color-scheme: dark" in sheet
    assert "max-width: 46rem" in sheet


def test_html_bytes_are_utf8_and_registered(
    brief: Brief, colors: list[HighlightColor], tmp_path: Path
) -> None:
    data = html_bytes(brief, colors, now=T0)
    assert data.decode("utf-8") == render_html(brief, colors)
    assert export_format("html").render(brief, colors, now=T0) == data
    target = tmp_path / "brief.html"
    export_brief(brief, colors, target, "html", paper="letter", now=T0)
    assert "size: letter" in target.read_text(encoding="utf-8")


def test_empty_brief_is_a_page_without_contents(colors: list[HighlightColor]) -> None:
    root = page_of(Brief(title="Rien", language="fr"), colors)
    assert [h.text() for h in root.all("h1")] == ["Rien"]
    assert "Aucun article ne correspond à la sélection de cette revue." in root.text()
    assert not root.all("h2") and not root.all("nav")
