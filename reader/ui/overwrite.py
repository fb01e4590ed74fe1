"""Asking the user before an export replaces a read-only file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reader.core import check_replaceable
from reader.core.errors import ReadOnlyFileError
from reader.ui.prompts import confirm


def consent_to_replace(path: Path, ask: Callable[[Path], bool]) -> bool | None:
    """What to pass as ``replace_read_only`` when writing ``path``: False when nothing
    read-only is there, True when there is and ``ask`` said yes, None when it said no.

    A folder, a pipe, a device or a link to nothing raises NotAFileError (a ReaderError),
    for the caller to show; the file dialog lets the user pick such names.
    """
    try:
        check_replaceable(path)
    except ReadOnlyFileError:
        return True if ask(path) else None
    return False


def ask_replace_read_only(parent: QWidget, path: Path) -> bool:
    """Replace or Cancel (the default), for a read-only file an export would replace; the
    new file keeps the old one's permissions, so it stays read-only."""
    return confirm(
        parent,
        QCoreApplication.translate("ReadOnlyFile", "Read-Only File"),
        QCoreApplication.translate("ReadOnlyFile", "“{0}” is read-only. Replace it?").format(
            path.name
        ),
        QCoreApplication.translate("ReadOnlyFile", "Replace"),
    )
