"""A brief's highlights as a W3C Web Annotation ``AnnotationCollection`` (JSON-LD), so other
annotation tools can read the passages, notes, tags and colour meanings of a press review.

One annotation per highlight, in the brief's order, embedded in the collection's single
page. Each annotation carries its own ``@context`` and validates alone against the Web
Annotation Data Model's MUST assertions. Ids are ``urn:uuid:`` names derived from what they
identify, so exporting the same brief again gives the same ids.

The target is the article as a Specific Resource: its link (``urn:uuid:`` when it has no
http(s) link) with a TextQuoteSelector and, unless the passage is orphaned, a
TextPositionSelector. The positions count characters of the article's canonical text (the
text Press Reader keeps from the feed), which may differ from the web page the link serves:
a client should check them against the quote, and fall back to the quote when they disagree.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

from reader import __version__
from reader.core import swatch, to_db
from reader.core.types import Brief, BriefItem, Highlight, HighlightColor
from reader.export.common import linkable, meaning

#: The JSON-LD context of the Web Annotation Data Model.
CONTEXT = "http://www.w3.org/ns/anno.jsonld"

#: The namespace of every id this export derives (uuid5), fixed so ids stay stable.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://press-reader.invalid/ns/w3c-annotation")

#: Characters kept as they are when an IRI is mapped to a URI (RFC 3987, 3.1): the
#: reserved ones and "%"; anything else outside ASCII letters, digits and "-._~" is
#: percent-encoded as UTF-8.
_URI_SAFE = ":/?#[]@!$&'()*+,;=%"


def _urn(*parts: object) -> str:
    """A ``urn:uuid:`` IRI named by ``parts`` (uuid5 in this export's namespace)."""
    name = "\x1f".join("" if part is None else str(part) for part in parts)
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, name)}"


def _timestamp(value: datetime) -> str:
    """An xsd:dateTime in UTC, to the second, with a ``Z`` (naive times are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _web_link(url: str | None) -> str | None:
    """An article's link as a URI when it is http(s), else None (javascript:, mailto:…).
    Characters a URI cannot hold (accented letters of an IRI…) are percent-encoded."""
    url = linkable(url)
    if url is None or urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    return quote(url, safe=_URI_SAFE)


def _agent(name: str) -> dict[str, Any] | None:
    """The brief's author as a Person, or None when the brief names none."""
    name = " ".join(name.split())
    return {"type": "Person", "name": name} if name else None


def _generator() -> dict[str, Any]:
    """Press Reader as the Software that wrote the file, with its version (schema.org's
    softwareVersion: the annotation context declares the ``schema`` prefix)."""
    return {"type": "Software", "name": "Press Reader", "schema:softwareVersion": __version__}


def collection_id(brief: Brief) -> str:
    """The collection's id: from the brief's id and creation time once it is saved (so a
    renamed brief keeps it), from its title, author and period before."""
    if brief.id is not None:
        return _urn("brief", brief.id, to_db(brief.created))
    return _urn("brief", brief.title, brief.author, to_db(brief.since), to_db(brief.until))


def annotation_id(highlight: Highlight) -> str:
    """A highlight's annotation id: from its id and creation time (an id the library reuses
    after a deletion still gives a new annotation)."""
    return _urn("highlight", highlight.id, to_db(highlight.created))


def source_of(item: BriefItem) -> dict[str, Any]:
    """The article a passage is in, as an External Web Resource: its http(s) link, or a
    ``urn:uuid:`` named by its source and title when it has none (a javascript: link is
    never written); its title as the label."""
    link = _web_link(item.link)
    return {
        "id": link if link is not None else _urn("article", item.source, item.title),
        "type": "Text",
        "label": item.title,
    }


def _style_class(color: str) -> str:
    return "highlight-" + "".join(c if c.isalnum() else "-" for c in color.casefold())


def _bodies(highlight: Highlight, label: str, language: str) -> list[dict[str, Any]]:
    """The note (commenting), the tags (tagging) and the colour's meaning (classifying)."""
    bodies: list[dict[str, Any]] = []
    if highlight.note.strip():
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": highlight.note.strip(),
                "format": "text/plain",
                "language": language,
            }
        )
    for tag in highlight.tags:
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": tag})
    if label:
        bodies.append({"type": "TextualBody", "purpose": "classifying", "value": label})
    return bodies


def _selectors(highlight: Highlight) -> list[dict[str, Any]]:
    """The quote with its context, and its position unless the passage is orphaned (its
    positions are stale)."""
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": highlight.exact,
            "prefix": highlight.prefix,
            "suffix": highlight.suffix,
        }
    ]
    if highlight.start is not None and highlight.end is not None:
        selectors.append(
            {"type": "TextPositionSelector", "start": highlight.start, "end": highlight.end}
        )
    return selectors


def render_annotation(
    brief: Brief, item: BriefItem, highlight: Highlight, colors: Sequence[HighlightColor]
) -> dict[str, Any]:
    """One highlight as a standalone Web Annotation (with its own ``@context``)."""
    style = _style_class(highlight.color)
    annotation: dict[str, Any] = {
        "@context": CONTEXT,
        "id": annotation_id(highlight),
        "type": "Annotation",
        "motivation": "commenting" if highlight.note.strip() else "highlighting",
        "created": _timestamp(highlight.created),
    }
    if highlight.updated > highlight.created:
        annotation["modified"] = _timestamp(highlight.updated)
    creator = _agent(brief.author)
    if creator is not None:
        annotation["creator"] = creator
    bodies = _bodies(highlight, meaning(highlight.color, colors), brief.language)
    if bodies:
        annotation["body"] = bodies
    annotation["target"] = {
        "type": "SpecificResource",
        "source": source_of(item),
        "selector": _selectors(highlight),
        "styleClass": style,
    }
    # The colour itself, for clients that paint annotations (the model's section 4.4).
    annotation["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".{style} {{ background-color: {swatch(highlight.color)}; }}",
    }
    return annotation


def render_w3c(brief: Brief, colors: Sequence[HighlightColor], *, now: datetime) -> dict[str, Any]:
    """The brief's highlights as an AnnotationCollection: label, author, dates, Press Reader
    as generator, and one embedded AnnotationPage of annotations in the brief's order.
    ``colors`` is the palette naming what each colour means; ``now`` is when the file is
    generated."""
    annotations = [
        render_annotation(brief, item, highlight, colors)
        for item in brief.items()
        for highlight in item.highlights
    ]
    identifier = collection_id(brief)
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": identifier,
        "type": "AnnotationCollection",
        "label": brief.title,
        "total": len(annotations),
    }
    creator = _agent(brief.author)
    if creator is not None:
        collection["creator"] = creator
    collection["created"] = _timestamp(brief.created or now)
    if brief.updated is not None and brief.created is not None and brief.updated > brief.created:
        collection["modified"] = _timestamp(brief.updated)
    collection["generated"] = _timestamp(now)
    collection["generator"] = _generator()
    if annotations:
        # The model wants a first page whenever there are annotations, and none otherwise.
        page = _urn("page", identifier, 0)
        collection["first"] = {
            "id": page,
            "type": "AnnotationPage",
            "partOf": identifier,
            "startIndex": 0,
            "items": annotations,
        }
        collection["last"] = page
    return collection


def w3c_bytes(
    brief: Brief, colors: Sequence[HighlightColor], *, now: datetime, paper: str = "a4"
) -> bytes:
    """The collection as UTF-8 JSON-LD, indented, characters kept as they are (« », ’…),
    generated ``now``. ``paper`` is accepted like every format's, and ignored."""
    del paper
    text = json.dumps(render_w3c(brief, colors, now=now), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
