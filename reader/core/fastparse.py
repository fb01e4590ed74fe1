"""A fast reader for well-formed RSS and Atom; anything unusual goes to feedparser."""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, cast

from feedparser.datetimes import _parse_date
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import _urljoin, make_safe_absolute_uri
from feedparser.util import FeedParserDict

from reader.core.fastparse_bytes import utf8_document
from reader.core.feedbuild import Dict, build_feed
from reader.core.types import ParsedFeed

__all__ = ["parse_fast"]

# How this works: feedparser is a SAX state machine with many quirks (which element
# wins, which values are resolved, stripped or re-decoded). We parse the document with
# ElementTree (C speed) and replay, element by element, what feedparser's handlers would
# store under the keys that feedbuild.build_feed reads, for the elements we understand.
# Any other element either provably stores nothing we read (it is "inert") or makes us
# give up, so parse_feed falls back to feedparser. Small feedparser helpers (URL joins,
# date parsing, the cp1252 table) are imported rather than copied, to agree exactly.


class _Unsure(Exception):
    """The document does something we do not mirror exactly: let feedparser read it."""


ATOM_NS = "http://www.w3.org/2005/Atom"
RSS10_NS = "http://purl.org/rss/1.0/"
RSS090_NS = "http://my.netscape.com/rdf/simple/0.9/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_XML_BASE = "{" + XML_NS + "}base"
_RSS_VERSIONS = frozenset({"2.0", "0.91", "0.92", "0.93", "0.94"})

#: feedparser's namespace table: lowercased URI → its standard prefix ('' for the core).
_KNOWN_NS: dict[str, str] = {k.lower(): v for k, v in _FeedParserMixin.namespaces.items()}
_STANDARD_PREFIXES = frozenset(_KNOWN_NS.values()) - {""}
_KEYMAP: dict[str, Any] = FeedParserDict.keymap
_CAN_BE_RELATIVE: frozenset[str] = frozenset(_FeedParserMixin.can_be_relative_uri)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_looks_like_html: Callable[[str], bool] = _FeedParserMixin.looks_like_html
_map_content_type: Callable[[str], str] = _FeedParserMixin.map_content_type

_TITLE = frozenset({"title", "dc_title"})
_DESCRIPTION = frozenset({"description", "dc_description"})
_SUMMARY = frozenset({"summary", "itunes_summary"})
_CONTENT = frozenset({"content_encoded", "fullitem"})
_AUTHOR = frozenset({"author", "managingeditor", "dc_author", "dc_creator", "itunes_author"})
_DATES = {
    "published": "published",
    "pubdate": "published",
    "issued": "published",
    "dcterms_issued": "published",
    "updated": "updated",
    "modified": "updated",
    "lastbuilddate": "updated",
    "dc_date": "updated",
    "dcterms_modified": "updated",
    "created": "created",
    "dcterms_created": "created",
}
#: Elements with a feedparser handler that store nothing feedbuild.build_feed reads (their
#: children are checked the same way).
_INERT_HANDLED = frozenset(
    {
        "category", "keywords", "dc_subject", "media_category", "media_keywords",
        "itunes_keywords", "itunes_category", "media_rating", "media_credit",
        "media_restriction", "media_license", "media_thumbnail", "media_player",
        "media_group", "contributor", "dc_contributor", "rights", "copyright",
        "dc_rights", "subtitle", "tagline", "itunes_subtitle", "language", "dc_language",
        "generator", "cloud", "itunes_block", "itunes_explicit", "itunes_owner",
        "itunes_name", "itunes_email", "webmaster", "dc_publisher", "expirationdate",
        "info", "feedburner_browserfriendly", "name", "email", "url", "uri", "homepage",
        "width", "height", "cc_license", "creativecommons_license", "dcterms_valid",
        "admin_generatoragent", "admin_errorreportsto", "itunes_image", "itunes_link",
    }
)  # fmt: skip
#: Keys (after FeedParserDict's key map) an unhandled element must not be stored under.
_READ_KEYS = frozenset(
    {
        "link", "links", "id", "title", "title_detail", "summary", "summary_detail",
        "content", "author", "author_detail", "authors", "published", "published_parsed",
        "updated", "updated_parsed", "created", "created_parsed", "media_content", "icon",
        "image", "guidislink",
    }
)  # fmt: skip
_EMAIL = re.compile(
    r"""(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9\-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?"""
)
#: Attribute names that matter to some handler: unsafe in an unknown namespace, where
#: feedparser files them under their bare name.
_SENSITIVE_ATTRIBUTES = frozenset(
    {"href", "rel", "type", "url", "uri", "ispermalink", "mode", "src", "lastmod", "base"}
    | {"version", "about", "term", "text"}
)
#: Characters feedparser remaps from windows-1252 (str.translate is slow: test first).
_C1_CONTROLS = re.compile("[\x80-\x9f]")
_QUERY_ENTITY = re.compile("&([A-Za-z0-9_]+);")
_BASE_ATTRIBUTE = re.compile(rb"base\s*=")


def parse_fast(
    content: bytes, url: str, *, content_type: str | None, now: datetime
) -> ParsedFeed | None:
    """Parse an ordinary, well-formed RSS 2.0/0.9x, RSS 1.0 or Atom 1.0 document.

    The result equals what parse_feed's feedparser path gives for the same bytes. None
    when the document is anything else, or does anything this reader does not mirror
    exactly (the caller then uses feedparser).
    """
    if now.tzinfo is None:
        return None
    data = utf8_document(content, content_type)
    if data is None or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return None
    parser: ET.XMLPullParser[Any] = ET.XMLPullParser(events=("start-ns", "start"))
    try:
        parser.feed(data)
        parser.close()
    except ET.ParseError:
        return None
    declarations: list[tuple[str, str]] = []
    root: ET.Element | None = None
    events = cast(Iterator[tuple[str, Any]], parser.read_events())
    for event, value in events:
        if event == "start-ns":
            declarations.append(cast(tuple[str, str], value))
        elif root is None:
            root = cast(ET.Element, value)
    if root is None:
        return None
    try:
        replay = _Replay(declarations, has_base=_BASE_ATTRIBUTE.search(data) is not None)
        replay.document(root)
    except _Unsure:
        return None
    return build_feed(replay.feed, replay.entries, url, now, None)


class _Replay:
    """feedparser's handlers, replayed over an element tree for the keys we read."""

    def __init__(self, declarations: list[tuple[str, str]], *, has_base: bool) -> None:
        self.has_base = has_base
        self.baseuri = ""
        self.basestack: list[str] = []
        self.title_depth = -1
        self.has_content = False
        self.infeed = False
        self.guidislink = False
        self.version = ""
        self.feed: Dict = {}
        self.entries: list[Dict] = []
        self._prefix_for_unknown: dict[str, str] = {}
        #: feedparser's namespacemap: declared prefix → standard prefix (known URIs).
        self._namespacemap: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        self._declare(declarations)

    # -- names -------------------------------------------------------------------------

    def _declare(self, declarations: list[tuple[str, str]]) -> None:
        """Check the namespace declarations are unambiguous; note feedparser's version."""
        seen: dict[str, str] = {}
        unknown_prefixes: dict[str, set[str]] = {}
        for prefix, uri in declarations:
            lower = uri.lower()
            if not self.version:
                if not prefix and lower == RSS090_NS:
                    self.version = "rss090"
                elif lower == RSS10_NS:
                    self.version = "rss10"
                elif lower == ATOM_NS.lower():
                    self.version = "atom10"
            if "backend.userland.com/rss" in lower:
                lower = "http://backend.userland.com/rss"
            standard = _KNOWN_NS.get(lower)
            previous = seen.setdefault(prefix, uri)
            if prefix and previous != uri:
                # feedparser's tables are not scoped: the meaning would depend on order.
                raise _Unsure("a prefix is declared for two namespaces")
            if standard is None:
                unknown_prefixes.setdefault(uri, set()).add(prefix)
            elif prefix:
                self._namespacemap[prefix] = standard
        for uri, prefixes in unknown_prefixes.items():
            named = prefixes - {""}
            if len(named) > 1 or (named and "" in prefixes):
                raise _Unsure("a namespace is declared under several prefixes")
            if named:
                self._prefix_for_unknown[uri] = named.pop().lower()

    def key(self, tag: str) -> str:
        """The name feedparser dispatches an element on, e.g. 'title', 'dc_creator'."""
        found = self._keys.get(tag)
        if found is not None:
            return found
        if tag[0] == "{":
            uri, local = tag[1:].split("}", 1)
        else:
            uri, local = "", tag
        local = local.lower()
        lower = uri.lower()
        if "backend.userland.com/rss" in lower:
            lower = "http://backend.userland.com/rss"
        standard = _KNOWN_NS.get(lower)
        if standard is None and uri:
            prefix = self._prefix_for_unknown.get(uri, "")
        else:
            prefix = standard or ""
        if prefix:
            prefix = self._namespacemap.get(prefix, prefix)
        found = prefix + "_" + local if prefix else local
        self._keys[tag] = found
        return found

    @staticmethod
    def attrs(element: ET.Element) -> dict[str, str]:
        """feedparser's attribute dict: lowercased names, 'prefix:name' for known
        namespaces, lowercased rel and type values."""
        result: dict[str, str] = {}
        for name, value in element.attrib.items():
            if name[0] == "{":
                uri, local = name[1:].split("}", 1)
                prefix = _KNOWN_NS.get(uri.lower(), "")
                if not prefix:
                    if local.lower() in _SENSITIVE_ATTRIBUTES:
                        raise _Unsure("a meaningful attribute in an unknown namespace")
                    continue
                name = prefix + ":" + local
            name = name.lower()
            if name in ("rel", "type"):
                value = value.lower()
            result[name] = value
        return result

    # -- xml:base ------------------------------------------------------------------------

    def enter(self, element: ET.Element) -> None:
        """feedparser's xml:base tracking (the base sticks when leaving an element)."""
        if not self.has_base:
            return
        attrib = element.attrib
        baseuri = attrib.get(_XML_BASE) or attrib.get("base") or self.baseuri
        for name in attrib:
            local = name.rsplit("}", 1)[-1].lower()
            if local == "base" and name not in ("base", _XML_BASE):
                raise _Unsure("an unusual base attribute")
        if self.baseuri:
            self.baseuri = make_safe_absolute_uri(self.baseuri, baseuri) or self.baseuri
        else:
            self.baseuri = _urljoin(self.baseuri, baseuri)
        self.basestack.append(self.baseuri)

    def leave(self) -> None:
        if not self.has_base:
            return
        self.basestack.pop()
        if self.basestack and self.basestack[-1]:
            self.baseuri = self.basestack[-1]

    # -- text ----------------------------------------------------------------------------

    def text(self, element: ET.Element, name: str, kind: str | None = None) -> tuple[str, str]:
        """An element's text as feedparser's pop() returns it, and its content type."""
        if len(element):
            raise _Unsure("markup inside a text element")
        output = (element.text or "").strip()
        if name in _CAN_BE_RELATIVE and output and (name != "id" or self.guidislink):
            output = _urljoin(self.baseuri or "", output)
        if (
            kind == "text/plain"
            and not self.version.startswith("atom")
            and _looks_like_html(output)
        ):
            kind = "text/html"
        if not output.isascii():
            # feedparser's repair of UTF-8 read as Latin-1.
            with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                output = output.encode("iso-8859-1").decode("utf-8")
            if _C1_CONTROLS.search(output):
                output = output.translate(_cp1252)
        return output, kind or ""

    def content_type(self, attrs: dict[str, str], default: str) -> str:
        kind = _map_content_type(attrs.get("type", default))
        if kind not in ("text/plain", "text/html") or "mode" in attrs or "src" in attrs:
            raise _Unsure("content that is not plain text or HTML")
        return kind

    def detail(self, element: ET.Element, name: str, default: str) -> Dict:
        """A content-like element (title, summary, content) as feedparser's detail dict."""
        kind = self.content_type(self.attrs(element), default)
        base = self.baseuri
        value, kind = self.text(element, name, kind)
        return {"type": kind, "base": base, "value": value}

    # -- document ------------------------------------------------------------------------

    def document(self, root: ET.Element) -> None:
        key = self.key(root.tag)
        if key == "rss":
            if root.tag != "rss" or root.get("version") not in _RSS_VERSIONS:
                raise _Unsure("not RSS 2.0 or 0.9x")
            self.version = "rss"
            self.enter(root)
            for child in root:
                if self.key(child.tag) != "channel":
                    raise _Unsure("RSS root holds something other than a channel")
                self.channel(child, 2)
            self.leave()
        elif key == "feed":
            if root.tag != "{" + ATOM_NS + "}feed" or self.version != "atom10":
                raise _Unsure("not Atom 1.0")
            self.infeed = True
            self.enter(root)
            self.feed_children(root, 2)
            self.leave()
        elif key == "rdf_rdf":
            if root.tag != "{" + RDF_NS + "}RDF" or self.version != "rss10":
                raise _Unsure("not RSS 1.0")
            self.enter(root)
            for child in root:
                child_key = self.key(child.tag)
                if child_key == "channel":
                    self.channel(child, 2)
                elif child_key == "item":
                    self.entry(child, 2)
                else:
                    self.feed_child(child, child_key, 2)
            self.leave()
        else:
            raise _Unsure("not a feed root")

    def channel(self, element: ET.Element, depth: int) -> None:
        attrs = self.attrs(element)
        if "lastmod" in attrs or "href" in attrs:
            raise _Unsure("CDF attributes")
        self.infeed = True
        self.enter(element)
        self.feed_children(element, depth + 1)
        self.leave()
        self.infeed = False

    def feed_children(self, element: ET.Element, depth: int) -> None:
        for child in element:
            key = self.key(child.tag)
            if key in ("item", "entry"):
                self.entry(child, depth)
            else:
                self.feed_child(child, key, depth)

    # -- feed-level elements -------------------------------------------------------------

    def feed_child(self, element: ET.Element, key: str, depth: int) -> None:
        feed = self.feed
        self.enter(element)
        if key in _TITLE:
            detail = self.detail(element, "title", "text/plain")
            if self.infeed and not (-1 < self.title_depth <= depth):
                feed["title"] = detail["value"]
                feed["title_detail"] = detail
            if detail["value"]:
                self.title_depth = depth
        elif key == "link":
            self.link(element, feed, in_entry=False)
        elif key in ("id", "guid"):
            self.guidislink = self.attrs(element).get("ispermalink", "true") == "true"
            value, _ = self.text(element, "id")
            if self.infeed:
                feed["id"] = value
            feed.setdefault("guidislink", self.guidislink and "link" not in feed)
            if self.guidislink:
                feed.setdefault("link", value)
        elif key == "icon":
            attrs = self.attrs(element)
            if attrs:
                if self.infeed:
                    feed["icon"] = attrs
                self.inert_children(element, depth, None)
            else:
                value, _ = self.text(element, "icon")
                if self.infeed:
                    feed["icon"] = value
        elif key == "image":
            self.image(element, depth)
        elif key in ("itunes_image", "itunes_link"):
            attrs = self.attrs(element)
            if attrs.get("href"):
                feed["image"] = {"href": attrs["href"]}
            elif attrs.get("url"):
                feed["image"] = {"href": attrs["url"]}
            self.inert_children(element, depth, None)
        elif key in ("textinput",):
            self.textinput(element, depth)
        elif key in _DESCRIPTION or key in _SUMMARY:
            self.content_type(self.attrs(element), "text/plain")
            if "summary" in feed and not self.has_content:
                self.has_content = True
            elif key in _SUMMARY:
                if not self.infeed:
                    raise _Unsure("a summary outside the channel")
                feed["summary"] = True
            self.inert_children(element, depth, None)
        elif key in _CONTENT or key == "content":
            self.content_type(self.attrs(element), "text/html")
            self.has_content = True
            feed.setdefault("summary", True)
            self.inert_children(element, depth, None)
        elif key in _DATES or key in _AUTHOR:
            self.inert_children(element, depth, None)  # the feed's own: not read
        else:
            self.inert(element, key, depth, None, enter=False)
        self.leave()

    def image(self, element: ET.Element, depth: int) -> None:
        image = self.feed.setdefault("image", {})
        self.title_depth = -1
        for child in element:
            key = self.key(child.tag)
            self.enter(child)
            if key == "url":
                value, _ = self.text(child, "href")
                if self.infeed:
                    image["href"] = value
            elif key == "title":
                value, _ = self.text(child, "title", "text/plain")
                if value:
                    self.title_depth = depth + 1
            elif key in ("link", "width", "height", "description"):
                self.inert_children(child, depth + 1, None)
            else:
                raise _Unsure("an unusual element in an image")
            self.leave()

    def textinput(self, element: ET.Element, depth: int) -> None:
        self.title_depth = -1
        for child in element:
            key = self.key(child.tag)
            self.enter(child)
            if key == "title":
                value, _ = self.text(child, "title", "text/plain")
                if value:
                    self.title_depth = depth + 1
            elif key in ("link", "name", "description"):
                self.inert_children(child, depth + 1, None)
            else:
                raise _Unsure("an unusual element in a text input")
            self.leave()

    # -- entries -------------------------------------------------------------------------

    def entry(self, element: ET.Element, depth: int) -> None:
        ctx: Dict = {}
        self.entries.append(ctx)
        self.guidislink = False
        self.title_depth = -1
        self.enter(element)
        attrs = self.attrs(element)
        if "lastmod" in attrs or "href" in attrs:
            raise _Unsure("CDF attributes")
        about = attrs.get("rdf:about")
        if about:
            ctx["id"] = about
        child_depth = depth + 1
        for child in element:
            self.entry_child(child, ctx, child_depth)
        self.leave()
        self.has_content = False

    def entry_child(self, element: ET.Element, ctx: Dict, depth: int) -> None:
        key = self.key(element.tag)
        self.enter(element)
        if key in _TITLE:
            detail = self.detail(element, "title", "text/plain")
            if not (-1 < self.title_depth <= depth):
                ctx["title"] = detail["value"]
                ctx["title_detail"] = detail
            if detail["value"]:
                self.title_depth = depth
        elif key == "link":
            self.link(element, ctx, in_entry=True)
        elif key in ("id", "guid"):
            self.guidislink = self.attrs(element).get("ispermalink", "true") == "true"
            value, _ = self.text(element, "id")
            ctx["id"] = value
            ctx.setdefault("guidislink", self.guidislink and "link" not in ctx)
            if self.guidislink:
                ctx.setdefault("link", value)
        elif key in _DESCRIPTION or key in _SUMMARY:
            if "summary" in ctx and not self.has_content:
                self.has_content = True
                self.content(element, ctx, "text/plain")
            else:
                default = "text/html" if key in _DESCRIPTION else "text/plain"
                detail = self.detail(element, "summary", default)
                ctx["summary"] = detail["value"]
                ctx["summary_detail"] = detail
        elif key == "content" or key in _CONTENT:
            self.has_content = True
            self.content(element, ctx, "text/plain" if key == "content" else "text/html")
        elif key in _AUTHOR:
            self.author(element, ctx, depth)
        elif key in _DATES:
            name = _DATES[key]
            value, _ = self.text(element, name)
            ctx[name] = value
            ctx[name + "_parsed"] = _parse_date(value)
        elif key in ("image", "source") and not len(element):
            self.title_depth = -1  # all their handlers do that matters to us
        elif key == "enclosure":
            attrs = self._enforce_href(self.attrs(element))
            attrs["rel"] = "enclosure"
            ctx.setdefault("links", []).append(attrs)
            self.inert_children(element, depth, ctx)
        else:
            self.inert(element, key, depth, ctx, enter=False)
        self.leave()

    def content(self, element: ET.Element, ctx: Dict, default: str) -> None:
        detail = self.detail(element, "content", default)
        ctx.setdefault("content", []).append(detail)
        ctx.setdefault("summary", detail["value"])

    def author(self, element: ET.Element, ctx: Dict, depth: int) -> None:
        authors: list[Dict] = ctx.setdefault("authors", [])
        authors.append({})
        pieces = [element.text or ""]
        for child in element:
            key = self.key(child.tag)
            self.enter(child)
            if key in ("name", "email"):
                if len(child):
                    raise _Unsure("markup in an author name")
                self._save_author(ctx, key, (child.text or "").strip())
            elif key in ("url", "uri", "homepage"):
                value, _ = self.text(child, "href")
                self._save_author(ctx, "href", value)
            else:
                # e.g. Blogger's gd:image. Text of an element with attributes goes to
                # the author's own text in feedparser (nothing is pushed for it).
                self.inert(child, key, depth + 1, None, enter=False)
                if child.attrib:
                    pieces.append(child.text or "")
            self.leave()
            pieces.append(child.tail or "")
        if len(element):
            if "".join(pieces).strip():
                raise _Unsure("an author with both text and elements")
            ctx["author"] = ""
        else:
            ctx["author"], _ = self.text(element, "author")
        self._sync_author_detail(ctx)

    def _save_author(self, ctx: Dict, key: str, value: str) -> None:
        ctx.setdefault("author_detail", {})[key] = value
        self._sync_author_detail(ctx)
        ctx.setdefault("authors", [{}])[-1][key] = value

    @staticmethod
    def _sync_author_detail(ctx: Dict) -> None:
        """feedparser's _sync_author_detail, for entry authors."""
        detail: Dict = ctx.get("authors", [{}])[-1]
        if detail:
            name = detail.get("name")
            email = detail.get("email")
            if name and email:
                ctx["author"] = f"{name} ({email})"
            elif name:
                ctx["author"] = name
            elif email:
                ctx["author"] = email
            return
        author: str | None = ctx.get("author")
        found_email = None
        if not author:
            return
        match = _EMAIL.search(author)
        if match:
            found_email = match.group(0)
            author = author.replace(found_email, "")
            author = author.replace("()", "")
            author = author.replace("<>", "")
            author = author.replace("&lt;&gt;", "")
            author = author.strip()
            if author and (author[0] == "("):
                author = author[1:]
            if author and (author[-1] == ")"):
                author = author[:-1]
            author = author.strip()
        if author or found_email:
            ctx.setdefault("author_detail", detail)
        if author:
            detail["name"] = author
        if found_email:
            detail["email"] = found_email

    # -- links ---------------------------------------------------------------------------

    @staticmethod
    def _enforce_href(attrs: dict[str, str]) -> dict[str, str]:
        href = attrs.get("url", attrs.get("uri", attrs.get("href")))
        if href:
            attrs.pop("url", None)
            attrs.pop("uri", None)
            attrs["href"] = href
        return attrs

    def link(self, element: ET.Element, ctx: Dict, *, in_entry: bool) -> None:
        """feedparser's _start_link/_end_link (Atom links, RSS links, atom:link in RSS)."""
        attrs = self.attrs(element)
        attrs.setdefault("rel", "alternate")
        attrs.setdefault("type", "application/atom+xml" if attrs["rel"] == "self" else "text/html")
        attrs = self._enforce_href(attrs)
        if "href" in attrs:
            attrs["href"] = _urljoin(self.baseuri or "", attrs["href"])
            if attrs["rel"] == "enclosure" and in_entry:
                ctx.setdefault("links", []).append(attrs)
            if attrs["rel"] == "alternate" and _map_content_type(attrs["type"]) in _HTML_TYPES:
                ctx["link"] = attrs["href"]
            self.inert_children(element, 0, ctx if in_entry else None)
            return
        if not in_entry and not self.infeed:
            self.text(element, "link")
            return
        value, _ = self.text(element, "link")
        if in_entry:
            value = value.replace("&amp;", "&")
        value = _QUERY_ENTITY.sub(r"&\g<1>", value)
        ctx["link"] = value
        if value and attrs["rel"] == "enclosure" and in_entry:
            attrs["href"] = value
            ctx.setdefault("links", []).append(attrs)

    # -- everything else -----------------------------------------------------------------

    def inert_children(self, element: ET.Element, depth: int, ctx: Dict | None) -> None:
        for child in element:
            self.inert(child, self.key(child.tag), depth + 1, ctx, enter=True)

    def inert(
        self, element: ET.Element, key: str, depth: int, ctx: Dict | None, *, enter: bool
    ) -> None:
        """An element that must store nothing we read; media:content is collected."""
        if enter:
            self.enter(element)
        if key == "media_content":
            if ctx is not None:
                ctx.setdefault("media_content", []).append(self.attrs(element))
        elif key in _INERT_HANDLED:
            pass
        elif hasattr(_FeedParserMixin, "_start_" + key) or hasattr(_FeedParserMixin, "_end_" + key):
            raise _Unsure(f"an element feedparser handles: {key}")
        else:
            stored = _KEYMAP.get(key, key)
            if isinstance(stored, list):
                stored = stored[0]
            if stored in _READ_KEYS or key in _READ_KEYS:
                raise _Unsure(f"an element stored under a key we read: {key}")
        self.inert_children(element, depth, ctx)
        if enter:
            self.leave()
