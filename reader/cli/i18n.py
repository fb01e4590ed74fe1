"""The command line's translations: reads the bundled .po catalogs, argparse's messages included.

The catalogs are kept as ``.po`` sources only (``resources/translations/press_reader_cli_LANG.po``):
:func:`parse_po` reads the part of the format they use and :func:`compile_mo` turns the
messages into ``.mo`` bytes in memory, which the standard :class:`gettext.GNUTranslations` reads
(plural rules included). :func:`translated` makes one catalog the one :func:`_` and
:func:`ngettext` speak, and routes argparse's own messages ("usage:", "invalid choice: …")
through it for as long as a command runs.
"""

from __future__ import annotations

import argparse
import gettext
import io
import locale
import re
import struct
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources.abc import Traversable

from reader import paths

DOMAIN = "press_reader_cli"
#: Where gettext looks for the user's language, first set first (``LANGUAGE`` is a list).
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_C_LOCALES = ("C", "POSIX")

_active: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """The message in the current language (English when no catalog is active)."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for ``n``, by the current language's plural rule."""
    return _active.ngettext(singular, plural, n)


@contextmanager
def translated(translation: gettext.NullTranslations) -> Iterator[None]:
    """Speak ``translation`` until the block ends, argparse's messages included.

    argparse looks its messages up through the module-level names ``_`` and ``ngettext`` it
    imported from :mod:`gettext` (at parser-building time for "options" and the help option,
    at formatting and parsing time for usage and errors), so those names are what is swapped.
    """
    global _active
    saved = (_active, argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    _active = translation
    argparse._ = translation.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translation.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        _active, argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


# -- choosing the catalog -------------------------------------------------------------------


def requested_languages(environ: Mapping[str, str]) -> list[str]:
    """The languages the user asks for, most wanted first, read as gettext reads them.

    The first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set wins
    (``LANGUAGE`` may list several, ``fr:en``). As GNU gettext does, ``LANGUAGE`` is ignored when
    the locale is explicitly C or POSIX, so ``LC_ALL=C press-reader …`` is always English.
    """
    for name in LANGUAGE_VARIABLES:
        value = environ.get(name)
        if not value:
            continue
        if name == "LANGUAGE" and _is_c_locale(_locale_in(environ)):
            continue
        return [part for part in value.split(":") if part]
    return []


def _locale_in(environ: Mapping[str, str]) -> str:
    return next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name)), "")


def _is_c_locale(language: str) -> bool:
    return _base(language) in _C_LOCALES


def _base(language: str) -> str:
    """``fr_FR.UTF-8@euro`` → ``fr_FR``."""
    return language.split(".")[0].split("@")[0]


def catalog_name(language: str) -> str:
    """The file name of a language's catalog in the translations folder."""
    return f"{DOMAIN}_{language}.po"


def find_catalog(languages: Sequence[str], folder: Traversable) -> Traversable | None:
    """The catalog of the first language that has one (``fr_FR`` falls back to ``fr``); None
    for English: the messages in the code are English (``en`` needs no catalog), and C or POSIX
    stops the search."""
    for language in languages:
        if _is_c_locale(language) or _base(language).split("_")[0] == "en":
            return None
        # locale.normalize also knows the aliases (``french`` → ``fr_FR``).
        for spelling in (language, locale.normalize(language)):
            base = _base(spelling)
            for candidate in dict.fromkeys((base, base.split("_")[0])):
                catalog = folder / catalog_name(candidate)
                if catalog.is_file():
                    return catalog
    return None


def translations_dir() -> Traversable:
    """The bundled catalogs."""
    return paths.resources_dir() / "translations"


def translation_for(
    environ: Mapping[str, str], folder: Traversable | None = None
) -> gettext.NullTranslations:
    """The translation for the user's language: a catalog's, or English (no translation).

    Raises :class:`CatalogError` when the catalog is there but cannot be read.
    """
    catalog = find_catalog(requested_languages(environ), folder or translations_dir())
    if catalog is None:
        return gettext.NullTranslations()
    return load_catalog(catalog)


def load_catalog(catalog: Traversable) -> gettext.GNUTranslations:
    """Read a ``.po`` file into a translation."""
    try:
        text = catalog.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"cannot read {catalog}: {error}") from None
    return translation_from_po(text, str(catalog))


def translation_from_po(text: str, source: str = "<po>") -> gettext.GNUTranslations:
    """A translation from the text of a ``.po`` file; fuzzy and untranslated entries are left
    out (their messages stay in English)."""
    messages = parse_po(text, source)
    header = next((m for m in messages if m.msgid == "" and m.msgid_plural is None), None)
    if header is None or not re.search(r"charset=utf-8\b", header.msgstr[0], re.IGNORECASE):
        # The text was read as UTF-8; a header saying otherwise would be decoded wrongly.
        raise CatalogError(f"{source}: the header must declare 'charset=UTF-8'")
    entries = {header.key: header.value}
    for message in messages:
        if message.msgid and not message.fuzzy and all(message.msgstr):
            entries[message.key] = message.value
    return gettext.GNUTranslations(io.BytesIO(compile_mo(entries)))


# -- the .po format -------------------------------------------------------------------------


class CatalogError(ValueError):
    """A catalog that cannot be read; the message says where (file and line) and why."""


@dataclass(frozen=True)
class Message:
    """One entry of a ``.po`` file: a message and its translation (one form per plural form)."""

    msgid: str
    msgstr: tuple[str, ...]
    msgid_plural: str | None = None
    fuzzy: bool = False
    line: int = 0

    @property
    def key(self) -> str:
        """The entry's key in a ``.mo`` file (singular and plural joined by NUL)."""
        if self.msgid_plural is None:
            return self.msgid
        return f"{self.msgid}\0{self.msgid_plural}"

    @property
    def value(self) -> str:
        """The entry's translation in a ``.mo`` file (plural forms joined by NUL)."""
        return "\0".join(self.msgstr)


_KEYWORD = re.compile(r"(msgid_plural|msgid|msgstr(?:\[(\d+)\])?|msgctxt)\s+(.*)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    '"': '"',
    "\\": "\\",
    "'": "'",
    "?": "?",
}


def parse_po(text: str, source: str = "<po>") -> list[Message]:
    """The entries of a ``.po`` file, in order (the header, ``msgid ""``, included).

    Understood: ``msgid``/``msgstr``, ``msgid_plural``/``msgstr[N]``, strings continued on the
    following lines, C escapes, comments and the ``fuzzy`` flag. Obsolete entries (``#~``) are
    skipped; ``msgctxt`` is refused (no catalog of ours uses it), as is anything else.
    """
    return _PoReader(source).read(text)


class _PoReader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.messages: list[Message] = []
        self.fields: dict[str, list[str]] = {}
        self.flags: set[str] = set()
        self.start = 0
        self.last: str | None = None  # the field a continued string adds to
        self.number = 0

    def read(self, text: str) -> list[Message]:
        for number, raw in enumerate(text.splitlines(), start=1):
            self.number = number
            line = raw.strip()
            if not line:
                continue
            if line.startswith("#"):
                self._comment(line)
            elif line.startswith('"'):
                if self.last is None:
                    raise self._error("a string that continues nothing")
                self.fields[self.last].append(self._string(line))
            else:
                match = _KEYWORD.fullmatch(line)
                if match is None:
                    raise self._error(f"cannot read {line[:40]!r}")
                keyword, _index, rest = match.groups()
                self._keyword(keyword, self._string(rest))
        self._finish()
        return self.messages

    def _comment(self, line: str) -> None:
        if self._has_msgstr():
            self._finish()
        elif self.fields:
            raise self._error("a comment inside an entry")
        if line.startswith("#,"):
            self.flags.update(flag.strip() for flag in line[2:].split(","))
        self.last = None

    def _keyword(self, keyword: str, value: str) -> None:
        if keyword == "msgctxt":
            raise self._error("msgctxt is not supported")
        if keyword == "msgid" and self._has_msgstr():
            self._finish()
        fields = self.fields
        if keyword == "msgid":
            if "msgid" in fields:
                raise self._error("msgid without a msgstr before it")
            self.start = self.number
        elif "msgid" not in fields:
            raise self._error(f"{keyword} before msgid")
        elif keyword == "msgid_plural":
            if "msgid_plural" in fields or self._has_msgstr():
                raise self._error("msgid_plural out of place")
        elif keyword == "msgstr":
            if "msgid_plural" in fields:
                raise self._error("a plural message needs msgstr[0], msgstr[1]…")
            if "msgstr" in fields:
                raise self._error("a second msgstr")
        else:  # msgstr[N]
            if "msgid_plural" not in fields:
                raise self._error(f"{keyword} without msgid_plural")
            expected = f"msgstr[{sum(1 for name in fields if name.startswith('msgstr['))}]"
            if keyword != expected:
                raise self._error(f"{keyword} where {expected} was expected")
        fields[keyword] = [value]
        self.last = keyword

    def _has_msgstr(self) -> bool:
        return any(name.startswith("msgstr") for name in self.fields)

    def _finish(self) -> None:
        fields = self.fields
        if not fields:
            self.flags = set()
            return
        if not self._has_msgstr():
            self.number = self.start
            raise self._error("msgid without msgstr")
        forms = sorted(
            (int(name[7:-1]), "".join(parts))
            for name, parts in fields.items()
            if name.startswith("msgstr[")
        )
        msgstr = tuple(form for _index, form in forms) or ("".join(fields["msgstr"]),)
        plural = fields.get("msgid_plural")
        self.messages.append(
            Message(
                msgid="".join(fields["msgid"]),
                msgstr=msgstr,
                msgid_plural=None if plural is None else "".join(plural),
                fuzzy="fuzzy" in self.flags,
                line=self.start,
            )
        )
        self.fields = {}
        self.flags = set()
        self.last = None

    def _string(self, text: str) -> str:
        match = _STRING.fullmatch(text)
        if match is None:
            raise self._error(f'expected a "quoted string", found {text[:40]!r}')
        return _ESCAPE.sub(self._unescape, match.group(1))

    def _unescape(self, match: re.Match[str]) -> str:
        octal, hexadecimal, char = match.groups()
        if octal is not None:
            return chr(int(octal, 8))
        if hexadecimal is not None:
            return chr(int(hexadecimal, 16))
        if char in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[char]
        raise self._error(f"unknown escape \\{char}")

    def _error(self, reason: str) -> CatalogError:
        return CatalogError(f"{self.source}:{self.number}: {reason}")


def compile_mo(entries: Mapping[str, str]) -> bytes:
    """The ``.mo`` file (GNU format, little-endian, no hash table) holding these translations,
    keyed as in :attr:`Message.key`."""
    keys = sorted(entries, key=lambda key: key.encode("utf-8"))
    ids = [key.encode("utf-8") for key in keys]
    strs = [entries[key].encode("utf-8") for key in keys]
    count = len(keys)
    ids_table = 7 * 4
    strs_table = ids_table + 8 * count
    data = bytearray()
    tables: list[bytes] = []
    for strings in (ids, strs):
        table = bytearray()
        for string in strings:
            table += struct.pack("<2I", len(string), strs_table + 8 * count + len(data))
            data += string + b"\0"
        tables.append(bytes(table))
    header = struct.pack("<7I", 0x950412DE, 0, count, ids_table, strs_table, 0, 0)
    return header + tables[0] + tables[1] + bytes(data)
