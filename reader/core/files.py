"""Writing the user's files so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from reader.core.errors import NotAFileError, ReaderError, ReadOnlyFileError

# The flags tempfile.mkstemp uses, less its fixed 0600 mode: O_EXCL so that a name taken by
# someone else is never reused, O_NOFOLLOW so that a planted symlink is never written
# through, O_BINARY so that Windows does not translate line ends.
_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)
#: Names tried before giving up, as many as tempfile tries.
_ATTEMPTS = 10_000


def write_atomically(path: Path, data: bytes, *, replace_read_only: bool = False) -> None:
    """Write a file so that it is either the old one or the complete new one, never half.

    The data goes to a temporary file in the same folder, is flushed to the disk, then
    renamed over ``path``. A new file gets the permissions any program would give it (0666
    less the umask, or what the folder's default ACL says); a file replaced keeps its own
    permission bits, so an export shared with colleagues stays readable by them.

    ``path`` is first checked as check_replaceable() does: a symbolic link is followed and
    the file it leads to is the one replaced (the link stays); anything but a regular file
    is refused, and so is a read-only file unless ``replace_read_only``. Raises
    NotAFileError, ReadOnlyFileError or ReaderError; nothing is written then.
    """
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise ReaderError(f"cannot write {path}: the folder {folder} does not exist")
    target, kept_mode = _replaceable_target(path, replace_read_only=replace_read_only)
    try:
        fd, tmp = _create_temporary(target.parent, target.name)
    except OSError as error:
        raise ReaderError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if kept_mode is not None:
                _set_permissions(handle.fileno(), tmp, kept_mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise ReaderError(f"cannot write {path}: {error.strerror or error}") from None


def check_replaceable(path: Path, *, replace_read_only: bool = False) -> None:
    """Raise what write_atomically(path, …) would refuse ``path`` with, writing nothing.

    Callers ask before long work (rendering a PDF) or before asking the user where else to
    write; write_atomically checks again, since the file may change in between.
    """
    _replaceable_target(path, replace_read_only=replace_read_only)


def _is_read_only(info: os.stat_result, path: Path) -> bool:
    """Whether a regular file counts as read-only: its owner has no write permission (as
    GNU tools mean "write-protected"; this holds for root too, whom os.access lets write
    anything), or the user running us may not write it."""
    return not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)


def _replaceable_target(path: Path, *, replace_read_only: bool) -> tuple[Path, int | None]:
    """The file to rename the new content over, and the permission bits to give it (None
    for a new file), once ``path`` is known to be one we may replace."""
    try:
        # Followed as the kernel would follow it, so that /dev/stdout (a link to a pipe or
        # a terminal) is seen for what it leads to. Nothing is opened: a FIFO never blocks.
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            # Refused rather than creating the file it names, as GNU cp refuses: the link may
            # have been planted, and the user never named the place it points to.
            raise NotAFileError(
                f"cannot write {path}: it is a symbolic link to {path.readlink()}, "
                "which does not exist"
            ) from None
        return path, None
    except OSError as error:  # a loop of links, a file where a folder should be…
        raise ReaderError(f"cannot write {path}: {error.strerror or error}") from None
    linked = path.is_symlink()
    if linked and _leads_through_descriptor(path):
        # /dev/stdout, /dev/fd/2…: renaming over the file behind it would wipe what the
        # shell redirected there (a log opened with >>) instead of writing to the stream.
        raise NotAFileError(
            f"cannot write {path}: it stands for a file the program has open, "
            "which cannot be replaced safely"
        )
    if not stat.S_ISREG(info.st_mode):
        what = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        lead = "it is a symbolic link to" if linked else "it is"
        raise NotAFileError(f"cannot write {path}: {lead} {what}, not a regular file")
    # The rename must land on the file the link leads to, in that file's folder: renaming
    # over the link itself would turn it into a regular file and leave the target as it was.
    target = Path(os.path.realpath(path)) if linked else path
    if not replace_read_only and _is_read_only(info, target):
        raise ReadOnlyFileError(f"{path} is read-only", path)
    # Only read, write and execute for owner, group and others: a set-user-id bit must not
    # carry over to content the program just wrote.
    return target, stat.S_IMODE(info.st_mode) & 0o777


def _leads_through_descriptor(path: Path) -> bool:
    """Whether the chain of links from ``path`` passes through /proc/PID/fd/N, where the
    kernel's links name the files a process has open rather than places on the disk."""
    current = path
    for _ in range(_MAX_LINKS):
        if not current.is_symlink():
            return False
        folder = Path(os.path.realpath(current.parent))
        if folder.parts[:2] == ("/", "proc") and folder.name == "fd":
            return True
        link = current.readlink()
        current = link if link.is_absolute() else current.parent / link
    return False  # path.stat() succeeded, so the kernel found an end: this is not reached


#: Links followed before giving up, as Linux does (MAXSYMLINKS).
_MAX_LINKS = 40

#: What each kind of file that is not a regular one is called in a refusal.
_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


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


def _set_permissions(fd: int, path: Path, mode: int) -> None:
    """chmod through the open file where the system allows it (not Windows), else by name."""
    if os.chmod in os.supports_fd:
        os.chmod(fd, mode)
    else:
        path.chmod(mode)
