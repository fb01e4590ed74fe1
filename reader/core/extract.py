"""An article page's bytes → the article alone, as safe HTML with its metadata (trafilatura)."""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from reader.core.errors import ExtractionError, PaywalledError
from reader.core.pagedecode import decode_page
from reader.core.pagemeta import page_language, page_metadata, published_date
from reader.core.sanitize import sanitize_with_text, text_from_plain

__all__ = [
    "Extracted",
    "ExtractionError",
    "PaywalledError",
    "extract_article",
    "looks_like_excerpt",
]

#: A page marked as paywalled whose article text is shorter than this is taken for a teaser.
TEASER_MAX_CHARS = 1500

_MAX_URL_IN_MESSAGE = 200


# -- results and errors --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Extracted:
    """The article found in a web page.

    ``html`` is sanitized with the same policy as feed content and ``text`` is its canonical
    plain text (what search indexes and highlights anchor to). ``canonical_url`` is the
    address the page declares for itself (``<link rel="canonical">``, ``og:url``), else
    ``source_url``, the address the page was read from. ``published`` is aware UTC; it is
    midnight when the page gives a day but no time. ``language`` is a primary language
    subtag (``"fr"``, ``"en"``).
    """

    html: str
    text: str
    title: str | None
    author: str | None
    published: datetime | None
    canonical_url: str
    language: str | None
    source_url: str


def _short(url: str) -> str:
    url = " ".join(url.split())
    if len(url) <= _MAX_URL_IN_MESSAGE:
        return url
    return url[: _MAX_URL_IN_MESSAGE - 1] + "…"


#: Control characters libxml2 refuses in text (tab, newline and carriage return are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# -- extraction ----------------------------------------------------------------------------

#: Content types that may hold a web page (servers label some pages text/plain).
_PAGE_TYPES = ("text/", "application/xhtml", "application/xml", "application/html")


#: Parts of a page trafilatura keeps but that are not the article, named by the conventions
#: of the CMSs of the French-language press: SPIP's breadcrumb (``arbo``), publication line
#: (``info-publi``) and kicker (``surtitre``), "fil d'Ariane" breadcrumbs, "Lire aussi"
#: boxes. They are marked while the page is prepared, and pruned by trafilatura after it has
#: read the page's metadata (SPIP's publication line holds the author and the time).
_NOT_ARTICLE = re.compile(
    r"(?:^|\s)(?:arbo|info-publi|surtitre|(?:fil[-_]?(?:d[-_]?)?)?ariane|(?:a[-_]?)?lire[-_]?aussi)"
    r"(?:\s|$)",
    re.IGNORECASE,
)
#: Never pruned, whatever their classes say (WordPress gives an article a class per tag).
_CONTAINERS = frozenset({"html", "body", "main", "article"})
_PRUNE_MARK = "data-press-reader-prune"
_PRUNE_XPATH = [f"//*[@{_PRUNE_MARK}]"]
#: Class names French-language sites give the article's body, which trafilatura does not
#: know: the first element so named gets one it does.
_FRENCH_BODY_CLASS = re.compile(
    r"(?:^|\s)(?:corps|contenu|texte)[-_]?(?:de[-_]?)?article(?:\s|$)"
    r"|(?:^|\s)article[-_](?:corps|contenu|texte)(?:\s|$)"
)
_LINK_ATTRIBUTES = {"a": ("href",), "img": ("src", "data-src", "data-lazy-src", "data-original")}
_ABSOLUTE = ("http://", "https://", "//", "#", "mailto:", "javascript:", "data:", "tel:")


def extract_article(
    body: bytes, url: str, *, content_type: str | None = None, min_chars: int = 200
) -> Extracted:
    """The article of the web page ``body`` read from ``url``, without the page around it.

    Navigation, sidebars, sharing buttons, related articles, newsletter boxes, cookie
    banners, comments and forms are left out; headings, paragraphs, lists, quotes,
    tables, links and images (with their captions) are kept. Relative links are resolved
    against the page's address (or its ``<base href>``) and the HTML goes through the same
    sanitizer as feed content. ``content_type`` is the HTTP header, whose charset is used
    when the bytes are not UTF-8 (see :func:`decode_page`).

    Raises :class:`PaywalledError` when the page looks reserved for subscribers and shows
    only a teaser, and :class:`ExtractionError` when it is not a web page or its article
    text is shorter than ``min_chars`` characters.
    """
    where = _short(url)
    if content_type and not content_type.strip().lower().startswith(_PAGE_TYPES):
        kind = content_type.split(";", 1)[0].strip()
        raise ExtractionError(f"the page at {where} is not a web page ({kind})", url=url)
    if not body or body.isspace():
        raise ExtractionError(f"the page at {where} is empty", url=url)
    if b"\x00" in body[:1024] and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ExtractionError(f"the page at {where} is not a web page (binary data)", url=url)

    # Imported on first use: trafilatura (with htmldate, dateparser, courlan) takes a third
    # of a second to import, which starting the app need not pay.
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    text, _encoding = decode_page(body, content_type)
    tree = _parse(text, url)
    base = _base_url(tree, url)
    _prepare(tree, base, base_is_url=base == url)
    _unwrap_layout_tables(tree)

    title_found, author_found, day_found = page_metadata(tree, url)
    document = bare_extraction(
        tree,
        url=url,
        output_format="python",
        include_comments=False,
        include_tables=True,
        include_images=True,
        include_links=True,
        include_formatting=True,
        # Our own, lighter metadata pass (see pagemeta.page_metadata).
        with_metadata=False,
        prune_xpath=_PRUNE_XPATH,
        # No second opinion from the readability and jusText fallbacks: it halves the time
        # (40 → 22 ms for a 100 KB page), and our own pruning above already does their job
        # on the pages we tested.
        fast=True,
    )
    if not isinstance(document, Document) or document.body is None:
        if _paywall_signals(tree, ""):
            raise PaywalledError(
                f"the page at {where} looks paywalled and shows no article text", url=url
            )
        raise ExtractionError(
            f"the page at {where} has no article text that could be found", url=url
        )

    title = text_from_plain(title_found) or None
    above_title = _text_above_title(tree, title)
    body_html = _body_to_html(document.body, title, above_title, _captions(tree, base), base)
    safe_html, article_text = sanitize_with_text(body_html, base)
    chars = len(article_text)
    if chars < max(min_chars, TEASER_MAX_CHARS) and _paywall_signals(tree, article_text):
        raise PaywalledError(
            f"only a teaser: the page at {where} looks paywalled ({chars} characters)",
            url=url,
            chars=chars,
        )
    if chars < min_chars:
        found = f" (only {chars} characters)" if chars else ""
        raise ExtractionError(
            f"the page at {where} has no article text that could be found{found}",
            url=url,
            chars=chars,
        )
    return Extracted(
        html=safe_html,
        text=article_text,
        title=title,
        author=text_from_plain(author_found) or None,
        published=published_date(tree, day_found),
        canonical_url=_canonical(tree, base, url),
        language=page_language(tree, article_text),
        source_url=url,
    )


def _parse(text: str, url: str) -> lxml.html.HtmlElement:
    text = _CONTROL.sub("", text)
    # lxml refuses a str that declares its encoding ("<?xml … encoding=…?>").
    if text.lstrip().startswith("<?xml"):
        text = text.lstrip().split("?>", 1)[-1]
    parser = lxml.html.HTMLParser(
        collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
    )
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        raise ExtractionError(
            f"the page at {_short(url)} could not be read as HTML", url=url
        ) from None
    if tree is None or tree.find("body") is None:
        raise ExtractionError(f"the page at {_short(url)} could not be read as HTML", url=url)
    return tree


#: A table holding headings, other tables or several paragraphs lays out a page (sites
#: built in the 2000s) rather than showing data; trafilatura would keep all of it.
_LAYOUT_TABLES = "//table[.//h1 or .//h2 or .//table or count(.//p) >= 3]"
_TABLE_PARTS = ("thead", "tbody", "tfoot", "tr", "td", "th")


def _unwrap_layout_tables(tree: lxml.html.HtmlElement) -> None:
    """Turn layout tables (and their rows and cells) into plain divisions."""
    for table in tree.xpath(_LAYOUT_TABLES):
        parts = [table]
        for part in table.iter(*_TABLE_PARTS):
            # Rows and cells of this table, not of a data table nested in it.
            if next(part.iterancestors("table")) is table:
                parts.append(part)
        for part in parts:
            part.tag = "div"


def _prepare(tree: lxml.html.HtmlElement, base: str, *, base_is_url: bool) -> None:
    """Make the page ready for trafilatura, in one pass over its elements: resolve the links
    it would get wrong, mark the article's body and the parts to prune."""
    body_found = False
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        # trafilatura resolves a link against the site's root (wrong for "page.html" in a
        # sub-folder, or "?page=2") and an image against the page, whatever its <base>.
        for attribute in _LINK_ATTRIBUTES.get(tag, ()):
            value = element.get(attribute)
            if value and (tag == "a" or not base_is_url) and _relative(value, base_is_url):
                absolute = _absolute(value, base)
                if absolute:
                    element.set(attribute, absolute)
        if tag in _CONTAINERS:
            continue
        names = element.get("class") or ""
        identifier = element.get("id") or ""
        if (names or identifier) and _NOT_ARTICLE.search(f"{names} {identifier}"):
            element.set(_PRUNE_MARK, "")
        elif names and not body_found and _FRENCH_BODY_CLASS.search(names):
            element.set("class", f"{names} article-content")
            body_found = True


def _relative(value: str, base_is_url: bool) -> bool:
    """Whether a link needs resolving here: relative to the page's folder or query, or
    relative to the root of a <base> that is not the page."""
    value = value.lstrip()
    if value.startswith(_ABSOLUTE):
        return False
    return not base_is_url or not value.startswith("/")


def _base_url(tree: lxml.html.HtmlElement, url: str) -> str:
    """The address relative links of the page are resolved against."""
    for href in tree.xpath("//head/base/@href"):
        try:
            base = urljoin(url, str(href).strip())
        except ValueError:
            continue
        if urlsplit(base).scheme in ("http", "https"):
            return base
    return url


_CANONICAL = (
    "//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', 'canonical')),"
    " ' '), ' canonical ')]/@href|//meta[@property='og:url']/@content"
)


def _canonical(tree: lxml.html.HtmlElement, base: str, url: str) -> str:
    """The address the page declares for itself (read here: trafilatura's drops the query,
    which is the whole address of a SPIP article), else ``url``."""
    for declared in tree.xpath(_CANONICAL):
        address = _absolute(str(declared), base)
        if not address:
            continue
        try:
            parts = urlsplit(address)
        except ValueError:
            continue
        if parts.scheme in ("http", "https") and parts.netloc:
            return parts.geturl()
    return url


# -- from trafilatura's XML to HTML --------------------------------------------------------

_FORMATTING = {"#b": "b", "#i": "i", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: A block before the article's own title is header material (kicker, breadcrumb, byline)
#: only if it is this short; longer text is kept.
_HEADER_BLOCK_CHARS = 200
_HEADER_BLOCKS = 8
#: A short line right under the title naming its author ("Par Awa Diallo", "By …").
_BYLINE = re.compile(r"(?:Par|By|De notre (?:correspondante?|envoyée? spéciale?))\b.{0,100}$")


def _body_to_html(
    body: lxml.etree._Element,
    title: str | None,
    above_title: str | None,
    captions: dict[str, str],
    base: str,
) -> str:
    """HTML for trafilatura's XML body (TEI-like: p, head, list/item, quote, hi, ref,
    graphic, table/row/cell, lb), without the page header above a repeated title, and with
    each captioned image as a figure."""
    out: list[str] = []
    skip_caption: str | None = None
    for block in _without_header(list(body), title, above_title):
        if not isinstance(block.tag, str):
            continue
        if skip_caption is not None:
            previous, skip_caption = skip_caption, None
            if _norm(_text_of(block)) == _norm(previous):
                # trafilatura kept the caption as a paragraph: it is in the figure now.
                out.append(html.escape(block.tail or "", quote=False))
                continue
        if block.tag == "graphic":
            caption = captions.get(_absolute(block.get("src"), base) or "")
            if caption:
                out.append("<figure>")
                _render(block, out)
                out.append(f"<figcaption>{html.escape(caption, quote=False)}</figcaption>")
                out.append("</figure>")
                skip_caption = caption
                continue
        _render(block, out)
    return "".join(out)


def _without_header(
    blocks: list[lxml.etree._Element], title: str | None, above_title: str | None
) -> list[lxml.etree._Element]:
    """The blocks without the page header trafilatura sometimes keeps: the repeated title,
    short blocks that stand above the title on the page (kicker, breadcrumb, date, or a
    sidebar of a table layout; ``above_title`` is that text, loosely normalized) and a byline
    right under it. Images stay."""
    if not title:
        return blocks
    wanted = _norm(title)
    start = 0
    for index, block in enumerate(blocks[:_HEADER_BLOCKS]):
        if block.tag == "graphic":
            continue
        text = _norm(_text_of(block))
        if block.tag == "head" and _same_title(text, wanted):
            start = index + 1
            break
        if above_title is None or len(text) > _HEADER_BLOCK_CHARS or text not in above_title:
            break
        start = index + 1
    if start == 0:
        return blocks
    rest = blocks[start:]
    if rest and rest[0].tag == "p" and _BYLINE.match(_text_of(rest[0])):
        rest = rest[1:]
    return [b for b in blocks[:start] if b.tag == "graphic"] + rest


def _text_above_title(tree: lxml.html.HtmlElement, title: str | None) -> str | None:
    """The page's text above its title heading, loosely normalized; None without one."""
    if not title:
        return None
    wanted = _norm(title)
    for heading in tree.iter("h1", "h2"):
        if _same_title(_norm(_text_of(heading)), wanted):
            return _norm(" ".join(heading.xpath(_TEXT_BEFORE)))
    return None


_TEXT_BEFORE = (
    "preceding::text()[not(ancestor::head) and not(ancestor::script) and not(ancestor::style)]"
)


def _same_title(heading: str, title: str) -> bool:
    if not heading or not title:
        return False
    if heading == title:
        return True
    # Titles from <title> or og:title sometimes carry the site's name, or lose a kicker.
    shorter, longer = sorted((heading, title), key=len)
    return len(shorter) >= 20 and longer.startswith(shorter)


def _render(element: lxml.etree._Element, out: list[str]) -> None:
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        out.append(html.escape(element.tail or "", quote=False))
        return
    name, attributes = _html_tag(element)
    if name == "br" or name == "img":
        out.append(f"<{name}{attributes}>")
    else:
        out.append(f"<{name}{attributes}>" if name else "")
        out.append(html.escape(element.text or "", quote=False))
        for child in element:
            _render(child, out)
        out.append(f"</{name}>" if name else "")
    out.append(html.escape(element.tail or "", quote=False))


def _html_tag(element: lxml.etree._Element) -> tuple[str, str]:
    """The HTML tag (empty: just the content) and attributes for one XML element."""
    tag = str(element.tag)
    rend = element.get("rend") or ""
    if tag == "p":
        return "p", ""
    if tag == "head":
        return (rend if rend in _HEADINGS else "h3"), ""
    if tag == "list":
        return {"ol": "ol", "dl": "dl"}.get(rend, "ul"), ""
    if tag == "item":
        parent = element.getparent()
        if parent is not None and parent.get("rend") == "dl":
            return ("dt" if rend.startswith("dt") else "dd"), ""
        return "li", ""
    if tag == "quote":
        return "blockquote", ""
    if tag == "hi":
        return _FORMATTING.get(rend, "em"), ""
    if tag == "ref":
        return "a", _attributes(href=element.get("target"))
    if tag == "graphic":
        return "img", _attributes(
            src=element.get("src"), alt=element.get("alt"), title=element.get("title")
        )
    if tag == "lb":
        return "br", ""
    if tag == "del":
        return "s", ""
    if tag == "code":
        inline = element.getparent() is not None and element.getparent().tag != "body"
        return ("code" if inline and "\n" not in (element.text or "") else "pre"), ""
    if tag == "table":
        return "table", ""
    if tag == "row":
        return "tr", ""
    if tag == "cell":
        return ("th" if element.get("role") == "head" else "td"), ""
    if tag in ("div", "note", "label"):
        return "div", ""
    return "", ""


def _attributes(**values: str | None) -> str:
    return "".join(
        f' {name}="{html.escape(value, quote=True)}"' for name, value in values.items() if value
    )


def _text_of(element: lxml.etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


_NON_WORD = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    """Text compared loosely: case, punctuation and spacing ignored."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _absolute(src: str | None, base: str) -> str | None:
    if not src:
        return None
    try:
        return urljoin(base, src.strip())
    except ValueError:
        return None


_IMAGE_SOURCES = ("src", "data-src", "data-lazy-src", "data-original", "data-srcset", "srcset")


def _captions(tree: lxml.html.HtmlElement, base: str) -> dict[str, str]:
    """The caption of each captioned image of the page, by the image's absolute address.

    trafilatura keeps images but drops ``<figcaption>`` (and WordPress' ``wp-caption-text``):
    they are read from the page itself.
    """
    captions: dict[str, str] = {}
    containers = tree.xpath(
        "//figure[.//img and .//figcaption]|//*[contains(@class, 'wp-caption') and .//img"
        " and .//*[contains(@class, 'wp-caption-text')]]"
    )
    for container in containers:
        found = container.xpath(".//figcaption|.//*[contains(@class, 'wp-caption-text')]")
        caption = _text_of(found[0]) if found else ""
        if not caption:
            continue
        for image in container.iter("img"):
            for attribute in _IMAGE_SOURCES:
                value = image.get(attribute)
                if not value:
                    continue
                if attribute.endswith("srcset"):
                    value = value.strip().split(",", 1)[0].split()[0] if value.strip() else ""
                address = _absolute(value, base)
                if address:
                    captions.setdefault(address, caption)
    return captions


# -- paywalls ------------------------------------------------------------------------------

_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?false"?', re.IGNORECASE)
#: What publishers print where the rest of the article would be.
_PAYWALL_PHRASES = re.compile(
    r"réservée?s? (?:aux|à nos) abonnés|la suite est réservée|pour lire la suite"
    r"|il vous reste \d+\s?% de cet article|abonnez-vous pour (?:lire|continuer)"
    r"|déjà abonnée? \?"
    r"|subscribers? only|for (?:our )?subscribers|subscribe to (?:continue|read)"
    r"|to continue reading,? (?:please )?(?:subscribe|log in|sign in)|already a subscriber\?",
    re.IGNORECASE,
)


_TEXT_OUTSIDE_LINKS = (
    "//body//text()[not(ancestor::a) and not(ancestor::script) and not(ancestor::style)]"
)


def _paywall_signals(tree: lxml.html.HtmlElement, article_text: str) -> bool:
    """Whether the page says it is (at least partly) reserved for subscribers: schema.org's
    ``isAccessibleForFree: false``, ``article:content_tier`` "locked", or a paywall notice
    in the article's text or in the page outside its links (a label on a link to another
    article says nothing about this one)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        if script.text and _NOT_FREE.search(script.text):
            return True
    tiers = tree.xpath("//meta[@property='article:content_tier']/@content")
    if any(str(tier).strip().lower() == "locked" for tier in tiers):
        return True
    if _PAYWALL_PHRASES.search(article_text):
        return True
    page_text = " ".join(tree.xpath(_TEXT_OUTSIDE_LINKS))
    return _PAYWALL_PHRASES.search(page_text) is not None


# -- excerpts ------------------------------------------------------------------------------

#: WordPress' feed footer, on excerpts and full texts alike: not part of the text.
_FEED_FOOTER = re.compile(
    r"(?:L[’']article .{1,300}? est apparu en premier sur .{1,200}?"
    r"|The post .{1,300}? appeared first on .{1,200}?)\s*\.?$",
    re.IGNORECASE | re.DOTALL,
)
_ELLIPSIS = re.compile(r"(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\))$")
_READ_MORE = re.compile(
    # A call to read on stands after the end of a sentence, on a line or in brackets of
    # its own: "… du fleuve. Lire la suite", "[Read more]", not "they read more".
    r"(?:(?:^|\n|[.!?…»\"”)\]:|>›→–—\-\[(])\s*"
    r"(?:lire la suite|read more|keep reading"
    # WordPress themes follow these with the article's title, sometimes quoted.
    r"|(?:continuer la lecture|continue reading|lire la suite de)(?:\s+[^.!?\n]{0,150})?)"
    r"|\(\s*suite)$",
    re.IGNORECASE,
)
#: What may follow a call to read on: spaces, punctuation, arrows, closing brackets.
_AFTER_CALL = " \t\r\n\u00a0\u202f.…:;,!?»›→>)]-–—|"


def looks_like_excerpt(text: str, *, threshold: int = 600) -> bool:
    """Whether a feed entry's text is only a teaser of the article.

    True when it has fewer than ``threshold`` characters, or ends in an ellipsis ("…",
    "...", "[…]", "[...]") or a call to read on ("Lire la suite", "Continuer la
    lecture", "Read more", "Continue reading", "(suite)"), whatever spaces, punctuation or
    arrows follow the call. WordPress' "The post … appeared first on …" footer is ignored.
    """
    if len(" ".join(text.split())) < threshold:
        return True
    text = _FEED_FOOTER.sub("", text.strip()).rstrip()
    if _ELLIPSIS.search(text):
        return True
    return bool(_READ_MORE.search(text.rstrip(_AFTER_CALL)[-200:]))
