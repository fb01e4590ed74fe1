"""Exporting briefs: one module per format, and one pipeline that publishes a brief.

Every format renders a whole document in memory and writes it atomically (a temporary file
renamed into place), so a failed export leaves no partial file and an older export intact.
The PDF format draws with QtGui (no widgets) and is imported only when asked for. The
registry of formats is :mod:`reader.export.formats`; checking the target, writing it and
keeping the brief afterwards is :mod:`reader.export.publish`.
"""

from __future__ import annotations

from reader.export.formats import (
    FORMATS,
    PAPERS,
    ExportFormat,
    UnknownFormatError,
    export_format,
    format_for_path,
)
from reader.export.publish import (
    Published,
    check_target,
    export_brief,
    keep_published,
    publish_brief,
)

__all__ = [
    "FORMATS",
    "PAPERS",
    "ExportFormat",
    "Published",
    "UnknownFormatError",
    "check_target",
    "export_brief",
    "export_format",
    "format_for_path",
    "keep_published",
    "publish_brief",
]
