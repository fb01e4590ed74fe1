"""The application's icons: bundled SVGs by name, with a standard Qt icon when one is missing."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from reader.paths import resources_dir

_SP = QStyle.StandardPixmap

#: The standard icon shown when a bundled SVG cannot be found (a broken install, a typo).
_FALLBACKS: dict[str, QStyle.StandardPixmap] = {
    "app": _SP.SP_FileDialogDetailedView,
    "feed": _SP.SP_FileIcon,
    "star": _SP.SP_DialogApplyButton,
    "star-empty": _SP.SP_DialogApplyButton,
    "unread": _SP.SP_MessageBoxInformation,
    "refresh": _SP.SP_BrowserReload,
    "add-feed": _SP.SP_FileDialogNewFolder,
    "folder": _SP.SP_DirIcon,
    "search": _SP.SP_FileDialogContentsView,
    "error": _SP.SP_MessageBoxWarning,
    "settings": _SP.SP_FileDialogDetailedView,
    "open-browser": _SP.SP_ArrowForward,
    "mark-read": _SP.SP_DialogApplyButton,
    "import": _SP.SP_ArrowDown,
    "export": _SP.SP_ArrowUp,
    "cancel": _SP.SP_DialogCancelButton,
    "tag": _SP.SP_FileDialogInfoView,
    "highlights": _SP.SP_FileDialogListView,
}

#: Every icon the application ships, by name.
ICON_NAMES: tuple[str, ...] = tuple(_FALLBACKS)


def icon_path(name: str) -> Path:
    """Where the bundled SVG for ``name`` lives (it may not exist)."""
    return resources_dir() / "icons" / f"{name}.svg"


@functools.cache  # an lru_cache without a bound: a few dozen icons at most
def icon(name: str) -> QIcon:
    """The bundled icon ``name``, or a standard icon from the current style if it is missing.

    Needs a QApplication (the fallback asks the application's style).
    """
    path = icon_path(name)
    if path.is_file():
        loaded = QIcon(str(path))
        if not loaded.isNull():
            return loaded
    style = QApplication.style()
    return style.standardIcon(_FALLBACKS.get(name, _SP.SP_FileIcon))


def app_icon() -> QIcon:
    """The application's own icon: a newspaper with a highlighter stroke."""
    return icon("app")


#: The sizes drawn icons are made at: what views ask for, on ordinary and dense screens.
DRAWN_ICON_SIZES = (16, 32)


def drawn_icon(
    paint: Callable[[QPainter], None], *, disabled: bool = False, keep_when_selected: bool = False
) -> QIcon:
    """An icon drawn by ``paint`` in 16×16 units, at each of ``DRAWN_ICON_SIZES``:
    greyed out with ``disabled``; with ``keep_when_selected``, the same in a selected row
    (where the default selected mode would tint it)."""
    icon = QIcon()
    for size in DRAWN_ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size / 16, size / 16)
        paint(painter)
        painter.end()
        if disabled:
            pixmap = QIcon(pixmap).pixmap(size, size, QIcon.Mode.Disabled)
        icon.addPixmap(pixmap, QIcon.Mode.Normal)
        if keep_when_selected:
            icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon
