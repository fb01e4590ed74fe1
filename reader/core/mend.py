"""Untrusted HTML mended before it is parsed, so that the parser keeps what the author meant.

Two habits of feeds and pages lose content in an HTML5 parser, and are mended here, on the
raw markup, by :func:`mend_html`:

* **Tags closed XHTML-style.** An HTML parser ignores the "/" of ``<iframe src="…"/>``: the
  iframe stays open, and since its content is raw text (and is removed by the sanitizer)
  the rest of the article goes with it. The same happens with every element of raw text
  (``script``, ``style``, ``title``, ``textarea``, ``noscript``, ``xmp``, ``noembed``,
  ``noframes``…) and with the elements the sanitizer removes with their content
  (``select``, ``template``); an ``<a name="x"/>`` would make the rest of the article a
  link. Every self-closed element that is not void becomes an empty pair, as in XHTML;
  ``<plaintext/>``, which no end tag can close, is dropped.
* **Lazy-loaded images.** ``<img src="blank.gif" data-src="photo.jpg">``, often followed by
  ``<noscript><img src="photo.jpg"></noscript>`` for browsers without scripts: the
  reader runs no scripts, and the sanitizer removes ``noscript`` and ``data-*``. The
  image's real address is moved into ``src`` (from ``data-src`` and its kin, or from a
  ``srcset`` when ``src`` is a placeholder); a placeholder with no address of its own
  takes the image of the ``noscript`` right after it. Either way one image is left.

Nothing here makes HTML safe: the sanitizer (:mod:`reader.core.sanitize`) still parses the
result and decides what survives. So the scanner only has to agree with an HTML5 tokenizer
on well-formed markup, and must never take more than linear time on any input.
"""

from __future__ import annotations

import html as _html
import re

__all__ = ["mend_html"]

#: Elements without content: their self-closing "/" is allowed and changes nothing.
VOID_TAGS: frozenset[str] = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
        "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
#: Elements whose content an HTML5 parser reads as text up to their end tag (``noscript``
#: too, as the sanitizer's parser runs with scripting on).
RAW_TEXT_TAGS: frozenset[str] = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
#: Attributes holding a lazy image's real address, most trusted first.
LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-echo")
#: Attributes holding a lazy image's real candidates (``srcset`` syntax), most trusted first.
LAZY_SOURCE_SETS = ("data-srcset", "data-lazy-srcset")

# Attributes inside a start tag, as the HTML5 tokenizer splits them: a name runs to
# whitespace, "/", ">" or "="; an unquoted value runs to whitespace or ">" (so the "/" of
# <a href=x/> belongs to the value, and that tag is not self-closed). Possessive
# quantifiers keep every match linear, whatever the input.
_ATTRIBUTE = r"""[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+"""
_ATTRIBUTES = rf"(?:\s++|/(?!>)|{_ATTRIBUTE})*+"
_NAME_END = r"(?=[\s/>])"
_SPECIAL_NAMES = "|".join(sorted(RAW_TEXT_TAGS | {"img", "plaintext"}))
_VOID_NAMES = "|".join(sorted(VOID_TAGS))
#: Markup passed over without a look: text, comments, end tags, declarations, and start tags
#: other than the ones this module mends. Matched inside the regex engine, so that the
#: Python loop only sees tags it has work to do on; and matched as the HTML5 tokenizer
#: would, so that nothing inside a comment or an attribute value is mistaken for a tag.
_PASSED_OVER = (
    r"[^<]++"
    r"|<!--(?:-?>|.*?--!?>|.*\Z)"  # a comment (HTML5 also ends "<!-->" and "<!--->" at once)
    r"|<[!?/][^>]*+>?"  # end tag, doctype, CDATA, processing instruction
    r"|<(?![a-zA-Z!?/])"  # a "<" that opens nothing
    rf"|<(?!(?i:{_SPECIAL_NAMES}){_NAME_END})"
    rf"(?:(?i:{_VOID_NAMES}){_NAME_END}{_ATTRIBUTES}/?+>|[a-zA-Z][^\s/>]*+{_ATTRIBUTES}>)"
)
#: From any position, what is passed over and then the next tag to look at ("tag"): an
#: image, an element of raw text, a self-closed element, a start tag that never ends
#: ("unended": an HTML5 tokenizer reads the rest as its attributes), or the end. Always
#: matches, in one pass: the loop is possessive and ends at the end of the text.
_NEXT = re.compile(
    rf"(?:{_PASSED_OVER})*+"
    r"(?P<tag><(?P<name>[a-zA-Z][^\s/>]*+)"
    rf"(?P<attributes>{_ATTRIBUTES})(?P<closed>/?)>|(?P<unended><[a-zA-Z])|\Z)",
    re.DOTALL,
)
_ATTRIBUTE_IN_TAG = re.compile(_ATTRIBUTE)
#: Words of the file name of a placeholder image (a transparent pixel, a spinner, a blank).
PLACEHOLDER_WORDS: frozenset[str] = frozenset(
    {
        "blank", "spacer", "pixel", "placeholder", "transparent", "lazy", "lazyload",
        "loading", "loader", "spinner", "grey", "gray", "empty", "1x1", "dummy",
    }
)  # fmt: skip
_IMAGE_SUFFIXES = frozenset({"gif", "png", "svg", "jpg", "jpeg", "webp"})
_NAME_WORD = re.compile(r"[a-z0-9]+")
_WHITESPACE = re.compile(r"\s*+")


def mend_html(html: str) -> str:
    """``html`` with self-closed non-void elements made pairs and lazy images made plain.

    Returns ``html`` itself when nothing needed mending. See the module's docstring.
    """
    pieces: list[str] = []
    done = 0  # html[:done] is in pieces already
    pos = 0
    # The last lazy stand-in image seen: its index in pieces, its attributes, and where its
    # tag ends, for a noscript right after it (nothing but whitespace between).
    stand_in: tuple[int, dict[str, str], int] | None = None
    while True:
        match = _NEXT.match(html, pos)
        assert match is not None  # see _NEXT
        start, pos = match.span("tag")
        name = match.group("name")
        if name is None:  # the end, or a tag that never ends
            break
        name = name.lower()
        if match.group("closed") and name not in VOID_TAGS:
            pieces.append(html[done:start])
            if name != "plaintext":  # no end tag closes it: the empty element is dropped
                pieces.append(f"<{match.group('name')}{match.group('attributes')}></{name}>")
            done = pos
        elif name == "img":
            attributes = _attributes(match.group("attributes"))
            real = _real_source(attributes)
            if real is not None:
                pieces += (html[done:start], _image(real, attributes))
                done = pos
            elif _is_lazy(attributes):
                pieces += (html[done:start], match.group("tag"))
                done = pos
                stand_in = (len(pieces) - 1, attributes, pos)
        elif name == "plaintext":  # the rest of the document is text
            break
        elif name in RAW_TEXT_TAGS:
            end = _end_of_raw_text(html, name, pos)
            if name == "noscript" and stand_in is not None:
                index, outer, after = stand_in
                stand_in = None
                adjacent = _only_whitespace(html, after, start)
                inner = _first_real_image(html[pos:end]) if adjacent else None
                if inner is not None:
                    real, attributes = inner
                    if "alt" not in attributes and "alt" in outer:
                        attributes["alt"] = outer["alt"]
                    pieces[index] = _image(real, attributes)
            pos = end
    if not pieces:
        return html
    pieces.append(html[done:])
    return "".join(pieces)


def _only_whitespace(html: str, start: int, end: int) -> bool:
    """Whether ``html[start:end]`` is whitespace or empty (without copying it)."""
    found = _WHITESPACE.match(html, start, end)
    return found is not None and found.end() == end


def _end_of_raw_text(html: str, name: str, pos: int) -> int:
    """Where the raw text of element ``name`` opened before ``pos`` ends (its end tag)."""
    found = re.compile(rf"</{name}[\s/>]", re.IGNORECASE).search(html, pos)
    return found.start() if found else len(html)


def _attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag, names in lower case, values decoded; first one wins."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE_IN_TAG.finditer(text):
        name, _, value = match.group().partition("=")
        name = name.strip().lower()
        value = value.strip()
        if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) > 1:
            value = value[1:-1]
        found.setdefault(name, _html.unescape(value))
    return found


def _is_placeholder(url: str) -> bool:
    """Whether an image address is a stand-in: none, an inline image, a pixel's file name."""
    url = url.strip().lower()
    if not url or url.startswith(("data:", "about:")):
        return True
    file_name = url.partition("?")[0].partition("#")[0].rpartition("/")[2]
    stem, _, suffix = file_name.rpartition(".")
    return suffix in _IMAGE_SUFFIXES and not PLACEHOLDER_WORDS.isdisjoint(_NAME_WORD.findall(stem))


def _is_lazy(attributes: dict[str, str]) -> bool:
    """Whether an image is a lazy loader's stand-in for one a script would show."""
    if _is_placeholder(attributes.get("src", "")):
        return True
    return "lazy" in attributes.get("class", "").lower() or _is_pixel(attributes)


def _is_pixel(attributes: dict[str, str]) -> bool:
    """Whether an image is drawn one pixel wide and high: a stand-in, or a tracker."""
    return (
        attributes.get("width", "").strip() == "1" and attributes.get("height", "").strip() == "1"
    )


def _real_source(attributes: dict[str, str]) -> str | None:
    """The address a lazy image's script would load, when it differs from ``src``."""
    for name in LAZY_SOURCES:
        value = attributes.get(name, "").strip()
        if value and not _is_placeholder(value):
            return value if value != attributes.get("src", "").strip() else None
    sets: tuple[str, ...] = LAZY_SOURCE_SETS
    if _is_placeholder(attributes.get("src", "")):
        sets = (*sets, "srcset")  # a browser would load the srcset: so do we
    for name in sets:
        best = _largest_candidate(attributes.get(name, ""))
        if best is not None:
            return best
    return None


def _first_real_image(fragment: str) -> tuple[str, dict[str, str]] | None:
    """The first image with a real address in ``fragment`` (a noscript's raw text)."""
    pos = 0
    while True:
        match = _NEXT.match(fragment, pos)
        assert match is not None  # see _NEXT
        pos = match.end()
        name = match.group("name")
        if name is None:
            return None
        if name.lower() != "img":
            continue
        attributes = _attributes(match.group("attributes"))
        real = _real_source(attributes)
        if (
            real is None
            and not _is_placeholder(attributes.get("src", ""))
            and not _is_pixel(attributes)
        ):
            real = attributes["src"].strip()
        if real is not None:
            return real, attributes


def _image(src: str, attributes: dict[str, str]) -> str:
    """An ``<img>`` tag showing ``src``, with the other attributes kept (the sanitizer will
    choose among them); the ones that named sources go, their work done."""
    dropped = {"src", "srcset", *LAZY_SOURCES, *LAZY_SOURCE_SETS}
    kept = "".join(
        f' {name}="{_html.escape(value)}"'
        for name, value in attributes.items()
        if name not in dropped and _is_attribute_name(name)
    )
    return f'<img src="{_html.escape(src)}"{kept}>'


def _is_attribute_name(name: str) -> bool:
    return bool(name) and not any(c in name for c in "\"'<=")


def _largest_candidate(srcset: str) -> str | None:
    """The largest image of a ``srcset`` (by width, else density), placeholders left out.

    Splits as the HTML standard does: a candidate's address runs to whitespace, and a comma
    that ends it (or its descriptor) separates it from the next; so the commas inside an
    address (``data:`` URLs, some image services) stay in it.
    """
    best: str | None = None
    best_size = (-1, -1.0)
    for address, descriptor in _candidates(srcset):
        if _is_placeholder(address):
            continue
        size = (0, 1.0)
        descriptor = descriptor.strip().lower()
        try:
            if descriptor.endswith("w"):
                size = (1, float(descriptor[:-1]))
            elif descriptor.endswith("x"):
                size = (0, float(descriptor[:-1]))
        except ValueError:
            pass
        if size > best_size:
            best, best_size = address, size
    return best


_CANDIDATE_ADDRESS = re.compile(r"[\s,]*+(\S++)")


def _candidates(srcset: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    pos = 0
    while (match := _CANDIDATE_ADDRESS.match(srcset, pos)) is not None:
        address = match.group(1)
        pos = match.end()
        if address.endswith(","):
            found.append((address.rstrip(","), ""))
            continue
        comma = srcset.find(",", pos)
        end = len(srcset) if comma < 0 else comma
        found.append((address, srcset[pos:end]))
        pos = end + 1
    return found
