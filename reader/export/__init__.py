"""Exporting briefs: one module per format, and one entry point that picks the module.

Every format renders a whole document in memory and writes it atomically (a temporary file
renamed into place), so a failed export leaves no partial file and an older export intact.
The PDF format draws with QtGui (no widgets) and is imported only when asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from reader.core import check_replaceable, write_atomically
from reader.core.errors import BriefError, InvalidBriefError, ReaderError
from reader.core.types import Brief, HighlightColor


class UnknownFormatError(BriefError, ValueError):
    """An export format Press Reader does not write."""


class _Renderer(Protocol):
    def __call__(
        self, brief: Brief, colors: Sequence[HighlightColor], *, now: datetime, paper: str = ...
    ) -> bytes: ...


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """A format a brief can be exported to."""

    key: str  # as the command line spells it
    name: str  # as a menu shows it
    suffix: str
    module: str
    function: str

    def render(
        self, brief: Brief, colors: Sequence[HighlightColor], *, now: datetime, paper: str = "a4"
    ) -> bytes:
        """The brief as this format's bytes; ``now`` is the moment of the export (the
        caller's clock), printed where a format dates the file."""
        renderer: _Renderer = getattr(importlib.import_module(self.module), self.function)
        return renderer(brief, colors, now=now, paper=paper)


FORMATS: dict[str, ExportFormat] = {
    f.key: f
    for f in (
        ExportFormat("md", "Markdown", ".md", "reader.export.markdown", "markdown_bytes"),
        ExportFormat("pdf", "PDF", ".pdf", "reader.export.pdf", "pdf_bytes"),
        ExportFormat("docx", "Word document", ".docx", "reader.export.docx", "docx_bytes"),
        ExportFormat("html", "Web page (HTML)", ".html", "reader.export.html", "html_bytes"),
        ExportFormat(
            "w3c", "W3C Web Annotations (JSON-LD)", ".jsonld", "reader.export.w3c", "w3c_bytes"
        ),
    )
}

#: Paper sizes the paged formats (PDF, DOCX) are laid out for.
PAPERS = ("a4", "letter")


def export_format(key: str) -> ExportFormat:
    """The format named ``key`` (``md``, ``pdf``, ``docx``, ``html`` or ``w3c``)."""
    try:
        return FORMATS[key.casefold().lstrip(".")]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"unknown format {key!r} (choose one of {known})") from None


def format_for_path(path: Path) -> ExportFormat | None:
    """The format a file name's suffix suggests (``brief.pdf`` → PDF), if any."""
    suffix = Path(path).suffix.casefold()
    for fmt in FORMATS.values():
        if suffix == fmt.suffix or (fmt.key == "md" and suffix == ".markdown"):
            return fmt
        if fmt.key == "w3c" and suffix == ".json":
            return fmt
        if fmt.key == "html" and suffix == ".htm":
            return fmt
    return None


def export_brief(
    brief: Brief,
    colors: Sequence[HighlightColor],
    path: Path,
    fmt: str,
    *,
    now: datetime,
    paper: str = "a4",
    replace_read_only: bool = False,
) -> None:
    """Render ``brief`` as ``fmt`` and write it to ``path`` atomically. ``colors`` is the
    palette (``store.highlights.colors()``) naming what each highlight colour means; ``now``
    is the moment of the export (``store.now()``). A read-only file at ``path`` is replaced
    only with ``replace_read_only`` (the user agreed).
    Raises UnknownFormatError, InvalidBriefError (an unknown paper size), ReadOnlyFileError,
    NotAFileError (``path`` is a folder, a pipe, a device…) or ReaderError (the folder is
    missing or read-only, the disk is full…)."""
    chosen = export_format(fmt)
    if paper not in PAPERS:
        raise InvalidBriefError(f"unknown paper size {paper!r} (choose one of a4, letter)")
    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        # Said before rendering, which may take a while for a long PDF.
        raise ReaderError(f"cannot write {path}: the folder {folder} does not exist")
    check_replaceable(path, replace_read_only=replace_read_only)
    data = chosen.render(brief, colors, now=now, paper=paper)
    write_atomically(path, data, replace_read_only=replace_read_only)
