"""A feed's bytes as the fast reader parses them: UTF-8 with the declaration feedparser would
write, or None when feedparser would read the bytes in some other encoding."""

from __future__ import annotations

import codecs
import re

from feedparser.encodings import RE_XML_PI_ENCODING, parse_content_type

from reader.core.feedbuild import effective_content_type

__all__ = ["utf8_document"]

_XML_DECLARATION = re.compile(rb"^<\?xml[^>]*?>")
_NEW_DECLARATION = b"<?xml version='1.0' encoding='utf-8'?>"
_UNSAFE_BOMS = (
    codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE,
    b"\x4c\x6f\xa7\x94", b"\x00\x3c\x00\x3f", b"\x3c\x00\x3f\x00", b"\x00\x00\x00\x3c",
    b"\x3c\x00\x00\x00",
)  # fmt: skip
_XML_APPLICATION_TYPES = (
    "application/xml",
    "application/xml-dtd",
    "application/xml-external-parsed-entity",
)


def utf8_document(content: bytes, content_type: str | None) -> bytes | None:
    """The document as feedparser hands it to its XML parser (UTF-8, declaration
    rewritten), or None unless feedparser would read it in its first-choice encoding,
    one of UTF-8, US-ASCII and ISO-8859-1 (mirrors feedparser.encodings.convert_to_utf8).
    """
    data = content
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith(_UNSAFE_BOMS):
        return None
    match = RE_XML_PI_ENCODING.match(data)
    try:
        xml_encoding = match.group(1).decode("utf-8").lower() if match else ""
    except UnicodeDecodeError:
        return None
    effective = effective_content_type(content, content_type)
    if effective:
        mime, http_encoding = parse_content_type(effective)
        if mime in _XML_APPLICATION_TYPES or (
            mime.startswith("application/") and mime.endswith("+xml")
        ):
            encoding = http_encoding or xml_encoding or "utf-8"
        elif mime.startswith("text/"):
            encoding = http_encoding or "us-ascii"
        else:
            encoding = xml_encoding or "utf-8"
    else:
        encoding = xml_encoding or "utf-8"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        return None
    if codec in ("iso8859-1", "latin-1"):
        text = data.decode("latin-1")
        data = text.encode("utf-8")
    elif codec == "ascii":
        if not data.isascii():
            return None
    elif codec != "utf-8":
        return None
    if data.startswith(b"<?xml"):
        return _XML_DECLARATION.sub(_NEW_DECLARATION, data, count=1)
    return data
