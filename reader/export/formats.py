"""The formats a brief can be exported to: their names, suffixes and renderers, found by key or
by a file name's suffix."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from reader.core.errors import BriefError
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
