"""A web page's bytes → its text: byte-order marks, declared charsets, UTF-8 first, detection."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

__all__ = ["decode_page"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
#: ``<meta charset>``, ``<meta http-equiv="Content-Type" content="…; charset=…">`` and the
#: XML declaration, looked for in the first bytes only, as browsers do.
_META_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)"""
    rb"""|<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_PRESCAN_BYTES = 16_384
#: Labels that mean windows-1252 on the web (the WHATWG Encoding Standard): pages declared
#: as Latin-1 routinely use its curly quotes and dashes.
_WINDOWS_1252 = frozenset({"iso8859-1", "ascii", "cp1252"})


def decode_page(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """The text of an HTML page's bytes and the name of the encoding that gave it.

    In order: a byte-order mark; UTF-8, when the bytes are valid UTF-8 (a legacy
    encoding almost never produces valid multi-byte sequences by chance, while servers
    often declare ISO-8859-1 by default for pages written in UTF-8); the charset of the
    Content-Type header, then the page's own ``<meta charset>`` or http-equiv, each only if
    the bytes decode in it; windows-1252 when that reads as French or English text (a
    statistical detector is easily misled by a short page); detection (charset_normalizer);
    windows-1252 at last. Latin-1 and ASCII labels read as windows-1252, as browsers do.
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, errors="replace"), encoding
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for label in _declared_charsets(body, content_type):
        decoded = _decode_as(body, label)
        if decoded is not None:
            return decoded
    western = _decode_windows_1252(body)
    if _reads_as_western(western):
        return western, "cp1252"
    from charset_normalizer import from_bytes  # rarely needed: imported on first use

    best = from_bytes(body[: _PRESCAN_BYTES * 4]).best()
    if best is not None:
        decoded = _decode_as(body, best.encoding)
        if decoded is not None:
            return decoded
    return western, "cp1252"


def _declared_charsets(body: bytes, content_type: str | None) -> Iterator[str]:
    header = _HEADER_CHARSET.search(content_type) if content_type else None
    if header:
        yield header.group(1)
    meta = _META_CHARSET.search(body, 0, _PRESCAN_BYTES)
    if meta:
        yield (meta.group(1) or meta.group(2)).decode("ascii")


def _decode_as(body: bytes, label: str) -> tuple[str, str] | None:
    """``body`` decoded strictly in the encoding ``label`` names; None if it does not."""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        # Without a byte-order mark a UTF-16 declaration is a mistake (WHATWG: use UTF-8),
        # and UTF-8 was tried already.
        return None
    if name in _WINDOWS_1252:
        return _decode_windows_1252(body), "cp1252"
    try:
        return body.decode(name), name
    except UnicodeDecodeError:
        return None


def _reads_as_western(text: str) -> bool:
    """Whether the accented letters of ``text`` stand one by one, among plain letters, as in
    French or English ("vallée", "à", "Ségou"); another script read in the wrong single-byte
    encoding gives runs of them instead ("Ïðèâåò", "ÇáÚÑÈíÉ")."""
    accented = alone = 0
    for index, char in enumerate(text):
        if char.isascii() or not char.isalpha():
            continue
        accented += 1
        before = text[index - 1] if index else "a"
        after = text[index + 1] if index + 1 < len(text) else "a"
        if (before.isascii() or not before.isalpha()) and (after.isascii() or not after.isalpha()):
            alone += 1
    return alone >= accented / 2


def _decode_windows_1252(body: bytes) -> str:
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes windows-1252 leaves undefined are C1 controls there, as in Latin-1.
        return body.decode("latin-1")
