"""Folders as paths of names: a folder written ``"Sahel/Mali"`` or given as names, cleaned."""

from __future__ import annotations

from collections.abc import Sequence

FOLDER_SEPARATOR = "/"


def split_folder(path: str | Sequence[str] | None) -> tuple[str, ...]:
    """A folder given as ``"Sahel/Mali"`` or as a sequence of names, cleaned."""
    if path is None:
        return ()
    parts = path.split(FOLDER_SEPARATOR) if isinstance(path, str) else list(path)
    return tuple(" ".join(p.split()) for p in parts if p.strip())
