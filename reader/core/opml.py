"""OPML 1.0/2.0 import and export, folders kept."""

from __future__ import annotations

import html.entities
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlsplit
from xml.parsers import expat

import defusedxml
import defusedxml.ElementTree as DET

from reader.core.errors import OPMLError
from reader.core.types import MAX_FOLDER_DEPTH, InvalidOutline, OPMLDocument, OutlineFeed

__all__ = [
    "MAX_FOLDER_DEPTH",
    "InvalidOutline",
    "OPMLDocument",
    "OutlineFeed",
    "export_opml",
    "parse_opml",
]


# -- import --------------------------------------------------------------------------------

_FEED_SCHEMES = frozenset({"http", "https"})
# Outline types that say "this is meant to be a subscription" even without an xmlUrl.
_FEED_TYPES = frozenset({"rss", "atom"})
# Leaf outlines of these types (or none) without an address are empty folders.
_FOLDER_TYPES = frozenset({"", "folder", "category"})
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_ENTITY_REF = re.compile(rb"&([A-Za-z][A-Za-z0-9]{0,31});")


def parse_opml(data: bytes) -> OPMLDocument:
    """Read an OPML 1.0/2.0 subscription list; raise OPMLError when it cannot be read.

    Leniency, as real readers need it: attribute names are matched case-insensitively
    (``xmlUrl``, ``xmlURL``); any outline with an ``xmlUrl`` is a feed whatever its
    ``type``; an outline with children is a folder named by its ``text`` (else ``title``),
    and an unnamed one is transparent; an outline with both an ``xmlUrl`` and children is
    a feed in the current folder *and* a folder, named like the feed, for its children;
    a top-level feed takes its folder from the first slash-led ``category`` path
    (``"/Sahel/Mali"``; comma-separated items without a leading slash are tags and are
    ignored); HTML entities that XML does not define (``&aelig;``) are decoded; a file
    whose root is not ``<opml>`` or that lacks ``<body>`` is still read when it holds
    outlines with an ``xmlUrl``. Entities declared in the document are never expanded and
    external resources are never loaded: such a file is refused. Folders nest at most
    ``MAX_FOLDER_DEPTH`` deep: what is nested deeper belongs to the deepest folder allowed.
    The outlines are walked without recursion, so a deep file costs time and memory in
    proportion to its size only.
    """
    root = _parse_xml(data)
    root_name = _local(root.tag)
    body = next((child for child in root if _local(child.tag) == "body"), None)
    lenient = root_name != "opml" or body is None
    if lenient and not any(_attributes(el).get("xmlurl") for el in root.iter() if _is_outline(el)):
        if root_name != "opml":
            raise OPMLError(f"not an OPML file: the root element is <{root_name}>, not <opml>")
        raise OPMLError("not an OPML file: it has no <body> element")
    reader = _OutlineReader()
    reader.read(body if body is not None else root)
    return OPMLDocument(
        title=_document_title(root),
        feeds=tuple(reader.feeds),
        invalid=tuple(reader.invalid),
        folders=tuple(reader.folders),
    )


def _parse_xml(data: bytes) -> ET.Element:
    """Parse bytes safely into an element tree, or explain in an OPMLError why not."""
    if not data.strip():
        raise OPMLError("not an OPML file: the file is empty")
    try:
        try:
            return _fromstring(data)
        except ET.ParseError as error:
            if error.code != expat.errors.codes[expat.errors.XML_ERROR_UNDEFINED_ENTITY]:
                raise
            # HTML entities such as &aelig; are common in hand-made or HTML-minded exports;
            # decode them as numeric references rather than refusing the file.
            return _fromstring(_ENTITY_REF.sub(_numeric_reference, data))
    except ET.ParseError as error:
        raise OPMLError(_syntax_message(data, error)) from error
    except (LookupError, UnicodeError) as error:
        # expat asks Python for the codec named in the XML declaration.
        raise OPMLError(f"not an OPML file: cannot decode its text ({error})") from error
    except defusedxml.EntitiesForbidden as error:
        raise OPMLError(
            f"not a safe OPML file: it declares the XML entity {error.name!r}; "
            "Press Reader never expands entities"
        ) from error
    except defusedxml.DefusedXmlException as error:
        raise OPMLError(
            "not a safe OPML file: it refers to external resources, which Press Reader never loads"
        ) from error


def _fromstring(data: bytes) -> ET.Element:
    root: ET.Element = DET.fromstring(data, forbid_dtd=False, forbid_entities=True)
    return root


def _numeric_reference(match: re.Match[bytes]) -> bytes:
    name = match.group(1)
    if name in _XML_ENTITIES:
        return match.group(0)
    text = html.entities.html5.get(name.decode("ascii") + ";")
    if text is None:
        return match.group(0)
    return b"".join(b"&#%d;" % ord(char) for char in text)


def _syntax_message(data: bytes, error: ET.ParseError) -> str:
    line, column = error.position
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:100].lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "not an OPML file: it is an HTML page"
    reason = expat.ErrorString(error.code)
    return f"not an OPML file: XML syntax error at line {line}, column {column + 1} ({reason})"


def _document_title(root: ET.Element) -> str | None:
    for child in root:
        if _local(child.tag) == "head":
            for item in child:
                if _local(item.tag) == "title":
                    return _collapse(item.text or "") or None
    return None


class _OutlineReader:
    """Walks the outlines in document order, collecting feeds, folders and rejects."""

    def __init__(self) -> None:
        self.feeds: list[OutlineFeed] = []
        self.invalid: list[InvalidOutline] = []
        self.folders: list[tuple[str, ...]] = []
        self._seen_urls: set[str] = set()
        self._seen_folders: set[tuple[str, ...]] = set()

    def read(self, container: ET.Element) -> None:
        # An explicit stack instead of recursion: hostile files may nest very deeply.
        stack: list[tuple[Iterator[ET.Element], tuple[str, ...]]] = [(iter(container), ())]
        while stack:
            children, path = stack[-1]
            element = next(children, None)
            if element is None:
                stack.pop()
            elif not _is_outline(element):
                stack.append((iter(element), path))  # lenient: look for outlines inside
            else:
                inner = self._outline(element, path)
                if len(element):
                    stack.append((iter(element), inner))

    def _outline(self, element: ET.Element, path: tuple[str, ...]) -> tuple[str, ...]:
        """Record one outline; return the folder path its children belong to."""
        attrs = _attributes(element)
        text = _collapse(attrs.get("text", ""))
        title = _collapse(attrs.get("title", ""))
        folder_name = text or title
        raw_url = attrs.get("xmlurl", "").strip()
        has_children = len(element) > 0
        if raw_url:
            self._feed(attrs, raw_url, title or text or None, path)
            if not has_children:
                return path
        elif not has_children:
            kind = attrs.get("type", "").strip().lower()
            if kind in _FEED_TYPES or attrs.get("htmlurl", "").strip() or kind not in _FOLDER_TYPES:
                self.invalid.append(
                    InvalidOutline(title or text or "untitled outline", "no feed address (xmlUrl)")
                )
            elif folder_name and len(path) < MAX_FOLDER_DEPTH:
                self._folder((*path, folder_name))
            return path
        if not folder_name or len(path) >= MAX_FOLDER_DEPTH:
            return path  # transparent: its children belong to the current folder
        inner = (*path, folder_name)
        self._folder(inner)
        return inner

    def _feed(
        self, attrs: dict[str, str], raw_url: str, title: str | None, path: tuple[str, ...]
    ) -> None:
        url, reason = _check_url(raw_url)
        if url is None:
            self.invalid.append(InvalidOutline(title or raw_url, reason))
            return
        if not path:
            path = _category_folder(attrs.get("category", ""))
            for depth in range(1, len(path) + 1):
                self._folder(path[:depth])
        key = _url_key(url)
        if key in self._seen_urls:
            return
        self._seen_urls.add(key)
        site_url, _ = _check_url(attrs.get("htmlurl", "").strip())
        self.feeds.append(OutlineFeed(url=url, title=title, folder=path, site_url=site_url))

    def _folder(self, path: tuple[str, ...]) -> None:
        if path not in self._seen_folders:
            self._seen_folders.add(path)
            self.folders.append(path)


def _check_url(raw: str) -> tuple[str | None, str]:
    """Return (usable address, "") or (None, why it is not usable)."""
    if not raw:
        return None, "no feed address (xmlUrl)"
    if raw.startswith("|"):
        return None, "not a valid URL (a shell command)"
    url = raw
    lowered = url.lower()
    if lowered.startswith("feed://"):
        url = "http://" + url[len("feed://") :]
    elif lowered.startswith(("feed:http://", "feed:https://")):
        url = url[len("feed:") :]
    if any(char.isspace() or ord(char) < 0x20 for char in url):
        return None, "not a valid URL"
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return None, "not a valid URL"
    scheme = parts.scheme.lower()
    if not scheme:
        return None, "not a valid URL"
    if scheme not in _FEED_SCHEMES:
        return None, f"unsupported address scheme {scheme!r}"
    if not parts.hostname:
        return None, "not a valid URL"
    return scheme + url[len(scheme) :], ""


def _url_key(url: str) -> str:
    """Duplicates differ at most in the case of their scheme and host."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.lower()).geturl()


def _category_folder(category: str) -> tuple[str, ...]:
    """The first slash-led path of an OPML 2.0 ``category`` attribute, as a folder path."""
    for item in category.split(","):
        item = item.strip()
        if item.startswith("/"):
            path = tuple(name for name in map(_collapse, item.split("/")) if name)
            if path:
                return path[:MAX_FOLDER_DEPTH]
    return ()


def _is_outline(element: ET.Element) -> bool:
    return isinstance(element.tag, str) and _local(element.tag) == "outline"


def _local(tag: str) -> str:
    """The tag name without its namespace, lower-cased (we read leniently)."""
    return tag.rpartition("}")[2].lower()


def _attributes(element: ET.Element) -> dict[str, str]:
    """Attributes without a namespace, by lower-cased name; the first spelling wins."""
    attrs: dict[str, str] = {}
    for name, value in element.attrib.items():
        if not name.startswith("{"):
            attrs.setdefault(name.lower(), value)
    return attrs


def _collapse(text: str) -> str:
    return " ".join(text.split())


# -- export --------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export_opml(
    feeds: Iterable[OutlineFeed],
    *,
    title: str = "Press Reader subscriptions",
    folders: Iterable[tuple[str, ...]] = (),
    now: datetime | None = None,
) -> bytes:
    """Write feeds and folders as an indented OPML 2.0 document in UTF-8.

    Feeds are written in the order given and folders open in the order of ``folders``
    (then first use), so ``parse_opml`` gives back the same feeds and folders. A folder is
    written more than once only when that order cannot be kept otherwise. Folder names
    are whitespace-collapsed and empty names dropped, as ``parse_opml`` would read them.
    A naive ``now`` is taken as UTC.
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _xml_text(title)
    if now is not None:
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        ET.SubElement(head, "dateCreated").text = format_datetime(now.astimezone(UTC), usegmt=True)
    writer = _OutlineWriter(ET.SubElement(root, "body"), [_clean_path(p) for p in folders])
    for feed in feeds:
        writer.feed(feed)
    writer.finish()
    ET.indent(root, space="  ")
    document = ET.tostring(root, encoding="unicode")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + document.encode("utf-8") + b"\n"


class _OutlineWriter:
    """Builds nested folder outlines while keeping the feeds' and folders' order."""

    def __init__(self, body: ET.Element, folders: list[tuple[str, ...]]) -> None:
        self._body = body
        self._open: list[ET.Element] = []  # folder outline elements, outermost first
        self._path: tuple[str, ...] = ()
        self._seen: set[tuple[str, ...]] = set()
        # The wanted first-opening order: every folder preceded by its parents.
        self._order: list[tuple[str, ...]] = []
        ordered: set[tuple[str, ...]] = set()  # a set: thousands of folders stay linear
        for path in folders:
            for depth in range(1, len(path) + 1):
                if path[:depth] not in ordered:
                    ordered.add(path[:depth])
                    self._order.append(path[:depth])
        self._position = {path: index for index, path in enumerate(self._order)}
        self._next = 0

    def feed(self, feed: OutlineFeed) -> None:
        path = _clean_path(feed.folder)
        for depth in range(1, len(path) + 1):
            prefix = path[:depth]
            if prefix not in self._seen and prefix in self._position:
                self._flush_until(self._position[prefix])
        self._go_to(path)
        attrs = {"type": "rss", "text": _xml_text(feed.title or "")}
        if feed.title is not None:
            attrs["title"] = _xml_text(feed.title)
        attrs["xmlUrl"] = _xml_text(feed.url)
        if feed.site_url:
            attrs["htmlUrl"] = _xml_text(feed.site_url)
        ET.SubElement(self._open[-1] if self._open else self._body, "outline", attrs)

    def finish(self) -> None:
        self._flush_until(len(self._order))

    def _flush_until(self, stop: int) -> None:
        """Open, in order, the wanted folders before index ``stop`` not opened yet."""
        while self._next < stop:
            path = self._order[self._next]
            self._next += 1
            if path not in self._seen:
                self._go_to(path)

    def _go_to(self, path: tuple[str, ...]) -> None:
        common = 0
        while common < min(len(path), len(self._path)) and path[common] == self._path[common]:
            common += 1
        del self._open[common:]
        for depth in range(common, len(path)):
            parent = self._open[-1] if self._open else self._body
            name = _xml_text(path[depth])
            self._open.append(ET.SubElement(parent, "outline", text=name, title=name))
            self._seen.add(path[: depth + 1])
        self._path = path


def _clean_path(path: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in (_collapse(_xml_text(part)) for part in path) if name)


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)
