"""The WordprocessingML a Word brief needs and python-docx has no API for: hyperlinks,
bookmarks, fields, run shading, paragraph borders, styles' fonts, in the child order Word
insists on; and user text made fit for an XML file."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reader.export.common import (
    linkable,
    one_line,
)

#: Characters XML 1.0 cannot carry: C0 controls but tab and new lines, lone surrogates and
#: the two non-characters. They are dropped from user text rather than break the file.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Where run, paragraph and settings children go: WordprocessingML fixes their order, and
# Word refuses a file that breaks it. Each tuple lists the elements that come after one.
AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
AFTER_SHD = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", *AFTER_LANG)
AFTER_PBDR = (
    *("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap"),
    *("w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi"),
    *("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing"),
    *("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment"),
    *("w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr"),
    "w:pPrChange",
)
AFTER_NUMPR = ("w:suppressLineNumbers", "w:pBdr", *AFTER_PBDR)
AFTER_UPDATE_FIELDS = (
    *("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars"),
    *("w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping"),
    *("w:doNotAutoCompressPictures", "w:shapeDefaults", "w:decimalSymbol", "w:listSeparator"),
)


def clean(text: str) -> str:
    """User text without the characters an XML file cannot hold."""
    return _INVALID_XML.sub("", text)


def clean_line(text: str) -> str:
    """User text on one line, fit for the file."""
    return clean(one_line(text))


def safe_url(url: str | None) -> str | None:
    """A URL the document may link to (see ``linkable``), or None."""
    safe = linkable(url)
    return safe if safe is not None and clean(safe) == safe else None


def element(tag: str, **attributes: str) -> BaseOxmlElement:
    """A WordprocessingML element; attribute names are given without their ``w:`` prefix."""
    return OxmlElement(tag, {qn(f"w:{name}"): value for name, value in attributes.items()})


def insert(parent: BaseOxmlElement, child: BaseOxmlElement, successors: Sequence[str]) -> None:
    """Put ``child`` in ``parent`` before the first of ``successors`` it has (the order the
    schema requires), at the end when it has none; an older element of the same name goes."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def shade(run: Run, color: str) -> None:
    """Paint a run's background with ``color`` (``#rrggbb``), as a highlighter would."""
    shading = element("w:shd", val="clear", color="auto", fill=color.lstrip("#").upper())
    insert(run._r.get_or_add_rPr(), shading, AFTER_SHD)


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    style: CharacterStyle | None = None,
) -> Run:
    """A run of (cleaned) text at the end of a paragraph."""
    run = paragraph.add_run(clean(text))
    if style is not None:
        # Set by id: python-docx's own setter looks the style up among all of them each time.
        run._r.style = style.style_id
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def hyperlink(
    paragraph: Paragraph, runs: Sequence[Run], *, url: str = "", anchor: str = ""
) -> None:
    """Wrap the paragraph's last ``runs`` in a link to an external ``url`` or to a bookmark
    ``anchor`` in the document."""
    link = element("w:hyperlink", history="1")
    runs[0]._r.addprevious(link)
    for run in runs:
        link.append(run._r)
    if url:
        # Set once the element is in the tree, so the attribute takes the document's r: prefix.
        link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    else:
        link.set(qn("w:anchor"), anchor)


def add_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    """A field (PAGE, NUMPAGES…) at the end of a paragraph, showing ``result`` until Word
    updates it."""
    begin_field(paragraph, instruction)
    paragraph.add_run(result)
    end_field(paragraph)


def begin_field(paragraph: Paragraph, instruction: str) -> None:
    """The start of a field: its instruction, then the separator after which its result
    goes (a result may span paragraphs, as a table of contents does)."""
    fld_char(paragraph, "begin")
    instr = element("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char(paragraph, "separate")


def end_field(paragraph: Paragraph) -> None:
    fld_char(paragraph, "end")


def fld_char(paragraph: Paragraph, kind: str) -> None:
    paragraph.add_run()._r.append(element("w:fldChar", fldCharType=kind))


def bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Make the whole paragraph the target of an internal link named ``name``."""
    p = paragraph._p
    start = element("w:bookmarkStart", id=str(number), name=name)
    if p.pPr is not None:
        p.pPr.addnext(start)
    else:
        p.insert(0, start)
    p.append(element("w:bookmarkEnd", id=str(number)))


# -- styles ----------------------------------------------------------------------------------


def set_font(style: ParagraphStyle | CharacterStyle, name: str) -> None:
    """Set a style's font for every script, dropping the theme fonts that would win over it."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(script), name)


def border(style: ParagraphStyle, side: str, color: str, *, size: int, space: int) -> None:
    """A rule on one ``side`` of a style's paragraphs (``size`` in eighths of a point)."""
    ppr = style.element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = element("w:pBdr")
        insert(ppr, borders, AFTER_PBDR)
    for old in borders.findall(qn(f"w:{side}")):
        borders.remove(old)
    rule = element(f"w:{side}", val="single", sz=str(size), space=str(space), color=color)
    borders.append(rule)


def paragraph_style(
    doc: DocxDocument, name: str, *, base: str = "Normal", size: float | None = None
) -> ParagraphStyle:
    """The paragraph style ``name``, added (based on ``base``) when the template lacks it."""
    styles = doc.styles
    if name in styles:
        style = cast(ParagraphStyle, styles[name])
    else:
        style = cast(ParagraphStyle, styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
        style.base_style = styles[base]
        style.quick_style = True
    if size is not None:
        style.font.size = Pt(size)
    return style
