"""What the command line prints and writes: outside text (feeds, pages, file names, the
library) made safe for a terminal, JSON, the reports of long commands and their progress line,
and the files ``-o`` names."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from reader.cli.i18n import ngettext
from reader.core import check_replaceable, write_atomically
from reader.core.errors import ReaderError, ReadOnlyFileError

# What a terminal obeys rather than shows: C0 and C1 controls and DEL (escape sequences
# recolour, retitle or rewrite the screen), the bidi embeddings, overrides and isolates
# (U+202E turns the rest of the line around) and their marks, and the line and paragraph
# separators some terminals break lines at. Private-use characters stay: the search
# snippets' match markers are made of them.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_SEPARATORS = "\u2028\u2029"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _is_obeyed(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or char in _BIDI or char in _SEPARATORS


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """``text`` on one line, every character a terminal would obey written as an escape
    (``\\x1b``, ``\\n``, ``\\u202e``) so the user sees it instead of suffering it."""
    return "".join(_escaped(c) if _is_obeyed(c) else c for c in str(text))


def shown_lines(text: str, indent: str = "") -> str:
    """``text`` made printable as :func:`shown` does, but keeping its line breaks: each line
    after the first starts with ``indent``, so a note stays under its record."""
    return ("\n" + indent).join(shown(line) for line in _LINE_BREAK.split(text))


def json_text(value: Any) -> str:
    """``value`` as indented JSON that is just as exact but safe on a terminal: the
    characters :func:`shown` escapes are written as JSON's own ``\\uXXXX`` escapes (the
    json module leaves DEL, C1 controls and bidi overrides raw)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    # Outside strings JSON has only its own punctuation and the indentation's newlines.
    return "".join(f"\\u{ord(c):04x}" if c != "\n" and _is_obeyed(c) else c for c in text)


def print_json(value: Any, out: TextIO) -> None:
    out.write(json_text(value) + "\n")


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def cut(text: str, width: int) -> str:
    """``text`` shortened to ``width`` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def count_articles(n: int) -> str:
    return ngettext("{n} article", "{n} articles", n).format(n=n)


def print_report(out: TextIO, headline: str, details: Iterable[str]) -> None:
    """A command's report on many items (feeds refreshed, outlines imported): its summary
    line, then one line for each item that failed or needs a word (each already indented)."""
    print(headline, file=out)
    for line in details:
        print(line, file=out)


class StatusLine:
    """One line redrawn in place on a terminal: the progress of a long command."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.drawn = False

    def show(self, text: str) -> None:
        self.stream.write(f"\r\033[K{text}")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


@contextmanager
def status_line(stream: TextIO) -> Iterator[StatusLine | None]:
    """A :class:`StatusLine` on ``stream`` when it is a terminal (None when it is not, a file
    or a pipe gets no progress), cleared when the block ends, however it ends."""
    if not stream.isatty():
        yield None
        return
    line = StatusLine(stream)
    try:
        yield line
    finally:
        line.clear()


def check_output(path: Path, *, force: bool) -> None:
    """Refuse an -o the export would not replace: a folder, a pipe, a device, a link to
    nothing, or a read-only file unless --force."""
    with force_hint():
        check_replaceable(path, replace_read_only=force)


def write_output(path: Path, data: bytes, *, force: bool) -> None:
    """write_atomically, the refusal of a read-only file saying how to overrule it."""
    with force_hint():  # made read-only since check_output
        write_atomically(path, data, replace_read_only=force)


@contextmanager
def force_hint() -> Iterator[None]:
    """The refusal of a read-only file, inside the block, says how to overrule it (--force)."""
    try:
        yield
    except ReadOnlyFileError as error:
        raise ReaderError(f"{error}; use --force to replace it") from None
