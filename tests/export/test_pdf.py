"""PDF export: read back with pypdf (text, fonts, links, page sizes), as a reader of the file
would find it."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from reader.core.types import Brief, BriefItem, BriefSection, Highlight, HighlightColor
from reader.export.pdf import pdf_bytes
from tests.factories import T0


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def pages_text(reader: PdfReader) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def test_text_comes_back_with_french_typography(brief: Brief, colors: list[HighlightColor]) -> None:
    reader = read(pdf_bytes(brief, colors, now=T0))
    text = " ".join(pages_text(reader))
    for expected in (
        "Revue de presse – Sahel",
        "« Goïta s’est rendu à Gao »",
        "Claim to verify".upper(),
        "Note: À suivre : première visite depuis 2021.",
        "Vérifier auprès de l’AFP.",  # no "fi" ligature: the word can be searched
        "« des échanges francs » (article changed)",
        "N’Djamena annonce un recensement",  # the excerpt of an article without highlights
        "Tags: country/Mali, theme/sécurité",
        "Contents",
        "Sources",
        "<script>alert('x')</script> Bamako & « Ségou » [1]",  # printed, not interpreted
    ):
        assert expected in text, expected
    assert reader.metadata is not None and reader.metadata.title == "Revue de presse – Sahel"
    assert reader.metadata.author == "Cellule Afrique"


def test_every_page_has_its_counter_and_the_running_header(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    long = _long_brief(brief, colors)
    reader = read(pdf_bytes(long, colors, now=T0))
    texts = pages_text(reader)
    pages = len(texts)
    assert pages >= 4
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {pages}" in text
        # The title opens the first page; the others carry it in their header.
        assert "Revue de presse – Sahel" in text


def test_contents_give_the_page_each_section_starts_on(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    long = _long_brief(brief, colors)
    texts = pages_text(read(pdf_bytes(long, colors, now=T0)))
    for section in long.sections:
        match = re.search(rf"{section.heading} \({len(section.items)}\) (\d+)", texts[0])
        assert match, f"{section.heading} is not in the contents"
        page = int(match.group(1))
        first_item = section.items[0].title
        assert first_item in texts[page - 1], (section.heading, page)
        assert all(first_item not in t for t in texts[1 : page - 1])


def test_fonts_are_embedded(brief: Brief, colors: list[HighlightColor]) -> None:
    reader = read(pdf_bytes(brief, colors, now=T0))
    fonts: list[DictionaryObject] = []
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                fonts.append(descendant.get_object())
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font


def test_links_are_clickable_and_only_safe_ones(brief: Brief, colors: list[HighlightColor]) -> None:
    data = pdf_bytes(brief, colors, now=T0)
    uris = set()
    for page in read(data).pages:
        for annotation in page.get("/Annots", []) or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                uris.add(str(action.get("/URI")))
    assert {
        "https://news.example/mali",
        "https://news.example/niger",
        "https://news.example/burkina",
        "https://news.example/communique",  # a link of the introduction
    } <= uris
    assert b"javascript" not in data


def test_french_brief(french_brief: Brief, colors: list[HighlightColor]) -> None:
    texts = pages_text(read(pdf_bytes(french_brief, colors, now=T0)))
    text = " ".join(texts)
    assert "Sommaire" in text and "Mots-clés : country/Niger" in text.replace("\u202f", " ")
    assert "27 novembre 2026" in text and "(article modifié)" in text
    assert f"page 1 sur {len(texts)}" in texts[0]


@pytest.mark.parametrize(("paper", "width_mm"), [("a4", 210.0), ("letter", 215.9)])
def test_paper_sizes(
    brief: Brief, colors: list[HighlightColor], paper: str, width_mm: float
) -> None:
    page = read(pdf_bytes(brief, colors, paper=paper, now=T0)).pages[0]
    width = float(page.mediabox.width) / 72 * 25.4
    assert width == pytest.approx(width_mm, abs=0.5)


def test_an_empty_brief_says_so(brief: Brief, colors: list[HighlightColor]) -> None:
    empty = replace(brief, sections=())
    text = " ".join(pages_text(read(pdf_bytes(empty, colors, now=T0))))
    assert "No article matched this brief's selection." in text
    assert "Contents" not in text


def _long_brief(brief: Brief, colors: list[HighlightColor]) -> Brief:
    """The fixture brief with each section's items repeated until it runs over pages."""
    del colors
    sections = []
    for index, section in enumerate(brief.sections):
        items: list[BriefItem] = []
        for copy in range(6):
            for item in section.items:
                items.append(
                    replace(
                        item,
                        title=f"{item.title} ({index}.{copy})",
                        published=T0 - timedelta(hours=copy),
                        highlights=tuple(_with_note(h, copy) for h in item.highlights),
                    )
                )
        sections.append(BriefSection(section.heading, tuple(items)))
    return replace(brief, sections=tuple(sections))


def _with_note(highlight: Highlight, copy: int) -> Highlight:
    return replace(highlight, note=f"{highlight.note}\nRelu ({copy}).".strip())
