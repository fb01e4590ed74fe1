"""Writing the user's files so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from reader.core.errors import ReaderError

# The flags tempfile.mkstemp uses, less its fixed 0600 mode: O_EXCL so that a name taken by
# someone else is never reused, O_NOFOLLOW so that a planted symlink is never written
# through, O_BINARY so that Windows does not translate line ends.
_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)
#: Names tried before giving up, as many as tempfile tries.
_ATTEMPTS = 10_000


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that it is either the old one or the complete new one, never half.

    The data goes to a temporary file in the same folder, is flushed to the disk, then
    renamed over ``path``. A new file gets the permissions any program would give it (0666
    less the umask, or what the folder's default ACL says); a file replaced keeps its own
    permission bits, so an export shared with colleagues stays readable by them.
    """
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise ReaderError(f"cannot write {path}: the folder {folder} does not exist")
    kept_mode = _permissions_of(path)
    try:
        fd, tmp = _create_temporary(folder, path.name)
    except OSError as error:
        raise ReaderError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if kept_mode is not None:
                _set_permissions(handle.fileno(), tmp, kept_mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise ReaderError(f"cannot write {path}: {error.strerror or error}") from None


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty, open file in ``folder`` with a name no one else holds.

    Unlike tempfile.mkstemp (always 0600), the file is created with mode 0666 and the
    kernel applies the umask, in the same system call: the umask is never read, so there is
    none of os.umask's race with other threads (it can only be read by changing it).
    """
    for _ in range(_ATTEMPTS):
        candidate = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(candidate, _CREATE_FLAGS, 0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(17, "no free name for a temporary file")


def _permissions_of(path: Path) -> int | None:
    """The permission bits of the file ``path`` names, or None when there is none to keep.

    Only read, write and execute for owner, group and others: a set-user-id bit must not
    carry over to content the program just wrote.
    """
    try:
        info = path.stat()
    except OSError:  # absent, or unreadable: the rename will tell if it matters
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return stat.S_IMODE(info.st_mode) & 0o777


def _set_permissions(fd: int, path: Path, mode: int) -> None:
    """chmod through the open file where the system allows it (not Windows), else by name."""
    if os.chmod in os.supports_fd:
        os.chmod(fd, mode)
    else:
        path.chmod(mode)
