"""Publishing a brief: check where it goes, render and write it atomically, then keep it in the
library and record its articles as used — the one sequence the command line and the desktop
follow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reader.core import check_replaceable, write_atomically
from reader.core.errors import InvalidBriefError, ReaderError
from reader.core.types import Brief, HighlightColor
from reader.export.formats import PAPERS, export_format

if TYPE_CHECKING:
    from reader.core import BriefStore, Store


@dataclass(frozen=True, slots=True)
class Published:
    """What publishing a brief did: the brief as kept (with its id once saved) and how many
    of its articles were recorded as used (0 when they were not marked)."""

    brief: Brief
    marked: int = 0


def check_target(path: Path, *, replace_read_only: bool = False) -> None:
    """Refuse a file the export could not write, before the work of rendering it: its
    folder missing, or ``path`` something other than a file it may replace (a folder, a
    pipe, a device, a read-only file unless ``replace_read_only``).
    Raises ReaderError, NotAFileError or ReadOnlyFileError."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise ReaderError(f"cannot write {path}: the folder {folder} does not exist")
    check_replaceable(path, replace_read_only=replace_read_only)


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
    only with ``replace_read_only`` (the user agreed). Touches no library, so it runs on
    any thread (the desktop exports on its own).
    Raises UnknownFormatError, InvalidBriefError (an unknown paper size), ReadOnlyFileError,
    NotAFileError (``path`` is a folder, a pipe, a device…) or ReaderError (the folder is
    missing or read-only, the disk is full…)."""
    chosen = export_format(fmt)
    _check_paper(paper)
    path = Path(path)
    # Said before rendering, which may take a while for a long PDF.
    check_target(path, replace_read_only=replace_read_only)
    data = chosen.render(brief, colors, now=now, paper=paper)
    write_atomically(path, data, replace_read_only=replace_read_only)


def keep_published(briefs: BriefStore, brief: Brief, *, mark_used: bool) -> Published:
    """Once ``brief`` is exported: save it (a new brief gets its id) and, with ``mark_used``,
    record its articles as used, so that an ``unused`` selection leaves them out next time."""
    saved = briefs.save(brief)
    marked = briefs.mark_exported(saved) if mark_used else 0
    return Published(saved, marked)


def publish_brief(
    store: Store,
    brief: Brief,
    target: Path | BinaryIO,
    fmt: str,
    *,
    paper: str = "a4",
    replace_read_only: bool = False,
    save: bool = False,
    mark_used: bool = False,
) -> Published:
    """Export ``brief`` as ``fmt`` with the library's palette, dated by its clock, to
    ``target``: a file (checked, then written atomically, as :func:`export_brief` does) or
    a binary stream (standard output). Then, with ``save`` or ``mark_used``, keep it in the
    library, and with ``mark_used`` record its articles as used. A failed export keeps and
    marks nothing. Raises what :func:`export_brief` raises, and the library's errors."""
    colors = store.highlights.colors()
    if isinstance(target, Path):
        export_brief(
            brief,
            colors,
            target,
            fmt,
            now=store.now(),
            paper=paper,
            replace_read_only=replace_read_only,
        )
    else:
        _check_paper(paper)
        target.write(export_format(fmt).render(brief, colors, now=store.now(), paper=paper))
        target.flush()
    if not (save or mark_used):
        return Published(brief)
    return keep_published(store.briefs, brief, mark_used=mark_used)


def _check_paper(paper: str) -> None:
    if paper not in PAPERS:
        raise InvalidBriefError(f"unknown paper size {paper!r} (choose one of a4, letter)")
