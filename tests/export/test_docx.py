"""The Word export: a .docx built in memory, read back with python-docx."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm, Inches
from docx.text.paragraph import Paragraph

from reader.core.errors import InvalidBriefError
from reader.core.types import Brief, BriefItem, BriefSection, Highlight, HighlightColor, swatch
from reader.export import export_brief, export_format
from reader.export.docx import TOC_FIELD, clean, docx_bytes
from tests.export.conftest import HOSTILE_TITLE
from tests.factories import T0

W_SHD = qn("w:shd")


def open_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def document_of(brief: Brief, colors: list[HighlightColor], **options: str) -> DocxDocument:
    return open_docx(docx_bytes(brief, colors, **options, now=T0))


def styled(doc: DocxDocument, *names: str) -> list[tuple[str, str]]:
    """(style, text) of the body's paragraphs in those styles, in order."""
    return [
        (p.style.name, p.text)
        for p in doc.paragraphs
        if p.style is not None and p.style.name in names
    ]


def full_text(doc: DocxDocument) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def paragraph_with(doc: DocxDocument, text: str) -> Paragraph:
    found = [p for p in doc.paragraphs if text in p.text]
    assert found, f"no paragraph has {text!r}"
    return found[0]


def instructions(paragraphs: list[Paragraph]) -> list[str]:
    return [(node.text or "").strip() for p in paragraphs for node in p._p.iter(qn("w:instrText"))]


def shaded_runs(doc: DocxDocument) -> dict[str, str]:
    """Text of each shaded run and its fill."""
    shaded: dict[str, str] = {}
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            rpr = run._r.rPr
            shd = None if rpr is None else rpr.find(W_SHD)
            if shd is not None:
                shaded[run.text] = shd.get(qn("w:fill"))
    return shaded


def external_links(doc: DocxDocument) -> dict[str, str]:
    """Text of each external hyperlink of the body and the URL it points to."""
    rels = doc.part.rels
    links: dict[str, str] = {}
    for link in doc.element.body.iter(qn("w:hyperlink")):
        r_id = link.get(qn("r:id"))
        if r_id:
            text = "".join(t.text or "" for t in link.iter(qn("w:t")))
            links[text] = rels[r_id].target_ref
    return links


def item_titles(brief: Brief) -> list[str]:
    return [item.title for section in brief.sections for item in section.items]


# -- outline -------------------------------------------------------------------------------


def test_outline_follows_the_brief(brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(brief, colors)
    outline = styled(doc, "Title", "TOC Heading", "Heading 1", "Heading 2")
    expected = [("Title", "Revue de presse – Sahel"), ("TOC Heading", "Contents")]
    for section in brief.sections:
        expected.append(("Heading 1", section.heading))
        expected += [("Heading 2", item.title) for item in section.items]
    expected.append(("Heading 1", "Sources"))
    assert outline == expected
    assert [text for style, text in outline if style == "Heading 1"][:2] == ["Mali", "Niger"]
    assert ("Heading 2", HOSTILE_TITLE) in outline


def test_contents_is_a_toc_field_word_updates(brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(brief, colors)
    entries = [p for p in doc.paragraphs if p.style is not None and p.style.name == "toc 1"]
    assert [p.text for p in entries] == [s.heading for s in brief.sections] + ["Sources"]
    assert instructions(doc.paragraphs).count(TOC_FIELD) == 1
    assert TOC_FIELD == 'TOC \\o "1-3" \\h \\z \\u'
    kinds = [c.get(qn("w:fldCharType")) for c in doc.element.body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    update = doc.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    # Each entry of the placeholder jumps to its heading.
    anchors = {link.fragment for p in entries for link in p.hyperlinks}
    bookmarks = {b.get(qn("w:name")) for b in doc.element.body.iter(qn("w:bookmarkStart"))}
    assert anchors and anchors <= bookmarks


def test_title_block_says_who_and_when(brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(brief, colors)
    block = paragraph_with(doc, "Author:")
    assert block.text == "Author: Cellule Afrique\nPeriod: 27 November 2026"
    assert [r.text for r in block.runs if r.bold] == ["Author:", "Period:"]


def test_introduction_keeps_its_markdown(brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(brief, colors)
    first = paragraph_with(doc, "Une semaine")
    assert [r.text for r in first.runs if r.bold] == ["chargée"]
    assert [r.text for r in first.runs if r.italic] == ["coopération"]
    bullets = styled(doc, "List Bullet")
    assert bullets == [
        ("List Bullet", "Points saillants : Gao, Niamey"),
        ("List Bullet", "À suivre : le communiqué"),
    ]
    assert external_links(doc)["le communiqué"] == "https://news.example/communique"


def test_introduction_lists_count_from_their_own_start(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    intro = (
        "## Enjeux\n\n1. un\n2. deux\n\nEntre-temps.\n\n3. trois\n4. quatre\n\n"
        "[piège](javascript:alert(1))"
    )
    doc = document_of(replace(brief, introduction=intro), colors)
    assert ("Introduction Heading", "Enjeux") in styled(doc, "Introduction Heading")
    numbered = [p for p in doc.paragraphs if p.style is not None and p.style.name == "List Number"]
    intro_items = [p for p in numbered if p.text in ("un", "deux", "trois", "quatre")]
    num_ids = [
        p._p.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val")) for p in intro_items
    ]
    assert num_ids[0] == num_ids[1] and num_ids[2] == num_ids[3] and num_ids[0] != num_ids[2]
    numbering = doc.part.numbering_part.element
    (second,) = [n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_ids[2]]
    start = second.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
    assert start.get(qn("w:val")) == "3"
    assert "javascript" not in " ".join(external_links(doc).values())


# -- articles ------------------------------------------------------------------------------


def test_headlines_link_to_their_articles_when_they_can(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    doc = document_of(brief, colors)
    headlines = {
        p.text: [link.url for link in p.hyperlinks]
        for p in doc.paragraphs
        if p.style is not None and p.style.name == "Heading 2"
    }
    links = {item.title: item.link for item in brief.items()}
    assert headlines["Mali : reprise de la coopération"] == [
        links["Mali : reprise de la coopération"]
    ]
    assert headlines["Niger : la frontière rouvre"] == ["https://news.example/niger"]
    assert headlines["Tchad : recensement des réfugiés"] == []  # no link
    assert headlines[HOSTILE_TITLE] == []  # javascript: is not linked
    targets = [rel.target_ref for rel in doc.part.rels.values() if rel.is_external]
    assert "https://news.example/mali" in targets
    assert not [t for t in targets if "javascript" in t.lower()]


def test_byline_cites_its_source(brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(brief, colors)
    line = paragraph_with(doc, "Claire Dupont")
    assert line.style is not None and line.style.name == "Byline"
    assert line.text == "Le Monde Afrique · Claire Dupont · 28 November 2026 [1]"
    (citation,) = line.hyperlinks
    assert (citation.text, citation.fragment) == ("[1]", "_Source1")


def test_passages_are_painted_in_their_colour_and_labelled(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    doc = document_of(brief, colors)
    shaded = shaded_runs(doc)
    goita = "«\u00a0Goïta s’est rendu à Gao\u00a0»"
    assert shaded[goita] == swatch("pink").lstrip("#").upper() == "F8BBD0"
    assert shaded["«\u00a0la reprise de la coopération militaire\u00a0»"] == "FFE066"
    assert shaded["«\u00a0les autorités ont rouvert la frontière\u00a0»"] == "90CAF9"
    passage = paragraph_with(doc, goita)
    assert passage.style is not None and passage.style.name == "Quote"
    assert passage.text == f"Claim to verify — {goita}"
    assert [r.text for r in passage.runs if r.bold] == ["Claim to verify"]
    assert passage.style.paragraph_format.left_indent > 0
    assert passage.style.element.pPr.find(qn("w:pBdr")).find(qn("w:left")) is not None


def test_notes_tags_and_changed_articles_are_kept(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    doc = document_of(brief, colors)
    note = paragraph_with(doc, "Note:")
    assert note.text == "Note: À suivre : première visite depuis 2021.\nVérifier auprès de l’AFP."
    orphan = paragraph_with(doc, "des échanges francs")
    assert orphan.text.endswith("» (article changed)")
    assert [r.text for r in orphan.runs if r.italic] == ["(article changed)"]
    assert paragraph_with(doc, "theme/défense").text == "Tags: theme/défense"
    item_tags = paragraph_with(doc, "country/Mali")
    assert item_tags.style is not None and item_tags.style.name == "Tags"
    assert item_tags.text == "Tags: country/Mali, theme/sécurité"


def test_article_without_highlights_shows_its_excerpt(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    doc = document_of(brief, colors)
    excerpt = paragraph_with(doc, "N’Djamena annonce un recensement des réfugiés")
    assert excerpt.style is not None and excerpt.style.name == "Quote"
    assert "eau potable et les soins." in excerpt.text


def test_user_text_survives_literally(brief: Brief, colors: list[HighlightColor]) -> None:
    text = full_text(document_of(brief, colors))
    assert "Goïta s’est rendu à Gao" in text
    assert HOSTILE_TITLE in text
    assert "Revue de presse – Sahel" in text
    assert "«\u00a0Goïta s’est rendu à Gao\u00a0»" in text  # no-break spaces kept


def test_control_characters_are_dropped(brief: Brief, colors: list[HighlightColor]) -> None:
    hostile = replace(
        brief,
        title="Revue\x00 du\x07 jour\x1b",
        author="Cellule\x0b Afrique",
        introduction="Texte\x01 **gras\x02**",
        sections=(
            BriefSection(
                "Section\x08",
                (BriefItem(None, "Titre\x0c", "https://x.example/\x01", "Source\x1f"),),
            ),
        ),
    )
    doc = document_of(hostile, colors)
    assert doc.core_properties.title == "Revue du jour"
    assert [text for _, text in styled(doc, "Title", "Heading 1", "Heading 2")] == [
        "Revue du jour",
        "Section",
        "Titre",
        "Sources",
    ]
    assert "Texte gras" in full_text(doc)
    # A control character around a URL is dropped, as a browser drops it (WHATWG URL).
    assert external_links(doc) == {"Titre": "https://x.example/"}
    assert clean("a\x00b\tc\nd\ud800") == "ab\tc\nd"


def test_sources_are_numbered_and_linked(brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(brief, colors)
    sources = styled(doc, "List Number")
    assert [text for _, text in sources] == [
        "Le Monde Afrique, Claire Dupont, 28 November 2026, Mali : reprise de la coopération",
        "Jeune Afrique, 28 November 2026, Niger : la frontière rouvre",
        "Le Monde Afrique, 28 November 2026, Burkina Faso : réunion des chefs d’état-major",
        "Jeune Afrique, 28 November 2026, Tchad : recensement des réfugiés",
        f"Le Monde Afrique, 28 November 2026, {HOSTILE_TITLE}",
    ]
    bookmarks = [b.get(qn("w:name")) for b in doc.element.body.iter(qn("w:bookmarkStart"))]
    assert [f"_Source{n}" in bookmarks for n in range(1, 6)] == [True] * 5
    links = [
        [link.url for link in p.hyperlinks]
        for p in doc.paragraphs
        if p.style is not None and p.style.name == "List Number"
    ]
    assert links == [
        ["https://news.example/mali"],
        ["https://news.example/niger"],
        ["https://news.example/burkina"],
        [],
        [],
    ]


# -- pages, properties, language -----------------------------------------------------------


def test_header_and_footer_on_every_page(brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(brief, colors)
    (section,) = doc.sections
    assert [p.text for p in section.header.paragraphs] == ["Revue de presse – Sahel"]
    (footer,) = section.footer.paragraphs
    assert footer.text == "page 1 of 1"
    assert instructions([footer]) == ["PAGE", "NUMPAGES"]
    kinds = [c.get(qn("w:fldCharType")) for c in footer._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2


@pytest.mark.parametrize(
    ("paper", "width", "height"),
    [("a4", Cm(21), Cm(29.7)), ("letter", Inches(8.5), Inches(11))],
)
def test_paper_size(
    brief: Brief, colors: list[HighlightColor], paper: str, width: int, height: int
) -> None:
    (section,) = document_of(brief, colors, paper=paper).sections
    assert section.page_width is not None and section.page_height is not None
    assert abs(section.page_width - width) < Cm(0.01)
    assert abs(section.page_height - height) < Cm(0.01)
    assert Cm(1.9) < section.left_margin < Cm(2.6)


def test_unknown_paper_is_refused(brief: Brief, colors: list[HighlightColor]) -> None:
    with pytest.raises(InvalidBriefError, match="paper"):
        docx_bytes(brief, colors, paper="a3", now=T0)


def normal_language(doc: DocxDocument) -> str | None:
    lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    return None if lang is None else lang.get(qn("w:val"))


def test_properties_and_language(brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(brief, colors)
    props = doc.core_properties
    assert (props.title, props.author, props.language) == (
        "Revue de presse – Sahel",
        "Cellule Afrique",
        "en-GB",
    )
    assert normal_language(doc) == "en-GB"


def test_french_brief_speaks_french(french_brief: Brief, colors: list[HighlightColor]) -> None:
    doc = document_of(french_brief, colors)
    assert ("TOC Heading", "Sommaire") in styled(doc, "TOC Heading")
    (footer,) = doc.sections[0].footer.paragraphs
    assert footer.text == "page 1 sur 1"
    assert instructions([footer]) == ["PAGE", "NUMPAGES"]
    text = full_text(doc)
    assert "Période\u202f: 27 novembre 2026" in text
    assert "Le Monde Afrique · Claire Dupont · 28 novembre 2026 [1]" in text
    assert "Note\u202f: À suivre" in text
    assert "(article modifié)" in text
    assert "Mots-clés\u202f: country/Mali" in text
    assert doc.core_properties.language == "fr-FR"
    assert normal_language(doc) == "fr-FR"


def test_package_has_no_template_leftovers(brief: Brief, colors: list[HighlightColor]) -> None:
    data = docx_bytes(brief, colors, now=T0)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "docProps/thumbnail.jpeg" not in package.namelist()
    props = open_docx(data).core_properties
    assert props.comments == ""
    assert props.last_modified_by == "Cellule Afrique"


# -- through the registry ------------------------------------------------------------------


def test_registry_writes_the_docx(
    brief: Brief, colors: list[HighlightColor], tmp_path: Path
) -> None:
    assert export_format("docx").render(brief, colors, now=T0)[:2] == b"PK"
    path = tmp_path / "brief.docx"
    export_brief(brief, colors, path, "docx", paper="letter", now=T0)
    (section,) = open_docx(path.read_bytes()).sections
    assert section.page_width == Inches(8.5)


def test_a_brief_without_articles_is_a_title_page(colors: list[HighlightColor]) -> None:
    doc = document_of(Brief(title="Vide"), colors)
    assert styled(doc, "Title", "TOC Heading", "Heading 1", "Heading 2") == [("Title", "Vide")]
    assert instructions(doc.paragraphs) == []
    assert "No article matched this brief's selection." in [p.text for p in doc.paragraphs]


def make_highlight(number: int, article: int) -> Highlight:
    return Highlight(
        id=number,
        article_id=article,
        article_title=f"Article {article}",
        article_link=f"https://news.example/{article}",
        feed_title="Le Monde",
        exact=f"passage {number}",
        prefix="",
        suffix="",
        start=0,
        end=10,
        color="yellow",
        note="",
        tags=(),
        created=T0,
        updated=T0,
    )


def test_long_brief_keeps_every_passage(colors: list[HighlightColor]) -> None:
    items = tuple(
        BriefItem(
            n,
            f"Article {n}",
            f"https://news.example/{n}",
            "Le Monde",
            highlights=tuple(make_highlight(n * 10 + k, n) for k in range(5)),
        )
        for n in range(1, 21)
    )
    doc = document_of(Brief(title="Long", sections=(BriefSection("Tout", items),)), colors)
    assert len(shaded_runs(doc)) == 100
    assert len(styled(doc, "Heading 2")) == 20
