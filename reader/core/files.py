"""Writing the user's files so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.core.errors import ReaderError


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that it is either the old one or the complete new one, never half."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise ReaderError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ReaderError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise ReaderError(f"cannot write {path}: {error.strerror or error}") from None
