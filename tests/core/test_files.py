"""write_atomically: the permissions of the files it writes, and its guarantees kept."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import NotAFileError, ReaderError, ReadOnlyFileError
from reader.core.files import check_replaceable, write_atomically

# The umask is one per process and changing it races with every other thread, so each write
# under a chosen umask runs in a child process: the test process's own umask never moves.
_WRITE = (
    "import sys\n"
    "from pathlib import Path\n"
    "from reader.core.files import write_atomically\n"
    "write_atomically(Path(sys.argv[1]), sys.argv[2].encode())\n"
)


def write_under_umask(umask: int, target: Path, text: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WRITE, str(target), text],
        umask=umask, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(
    ("umask", "expected"),
    [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)],
    ids=lambda value: f"{value:04o}",
)
def test_a_new_file_gets_the_users_usual_permissions(
    tmp_path: Path, umask: int, expected: int
) -> None:
    target = tmp_path / "revue.md"
    write_under_umask(umask, target, "# Revue de presse\n")
    assert target.read_text(encoding="utf-8") == "# Revue de presse\n"
    assert mode_of(target) == expected
    assert [p.name for p in tmp_path.iterdir()] == ["revue.md"]


@pytest.mark.parametrize(
    ("existing", "umask"),
    # Each umask would give something else to a new file: the mode seen is the old file's.
    [(0o664, 0o022), (0o600, 0o022), (0o640, 0o002), (0o644, 0o077), (0o755, 0o027)],
    ids=lambda value: f"{value:04o}",
)
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, existing: int, umask: int) -> None:
    target = tmp_path / "revue.md"
    target.write_text("ancienne revue", encoding="utf-8")
    target.chmod(existing)
    write_under_umask(umask, target, "nouvelle revue")
    assert target.read_text(encoding="utf-8") == "nouvelle revue"
    assert mode_of(target) == existing


def test_special_bits_of_a_replaced_file_are_not_carried_over(tmp_path: Path) -> None:
    target = tmp_path / "revue.md"
    target.write_bytes(b"old")
    target.chmod(0o4755)
    write_atomically(target, b"new")
    assert mode_of(target) == 0o755


def test_the_permissions_are_in_place_before_the_file_appears(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader opening the file as soon as the rename happens sees the final mode: it is
    set on the temporary file, never after the rename."""
    target = tmp_path / "revue.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    seen: list[int] = []
    replace = Path.replace

    def watching_replace(self: Path, other: Path) -> Path:
        seen.append(mode_of(self))
        return replace(self, other)

    monkeypatch.setattr(Path, "replace", watching_replace)
    write_atomically(target, b"new")
    assert seen == [0o640]


def test_a_temporary_name_already_taken_is_never_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "revue.md"
    squatter = tmp_path / ".revue.md.0000.tmp"
    squatter.write_bytes(b"someone else's")
    names: Iterator[str] = iter(["0000", "0000", "0001"])
    monkeypatch.setattr("reader.core.files.secrets.token_hex", lambda _: next(names))
    write_atomically(target, b"ours")
    assert target.read_bytes() == b"ours"
    assert squatter.read_bytes() == b"someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".revue.md.0000.tmp", "revue.md"]


def test_a_symlink_planted_at_the_temporary_name_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    (tmp_path / ".revue.md.0000.tmp").symlink_to(victim)
    names: Iterator[str] = iter(["0000", "0001"])
    monkeypatch.setattr("reader.core.files.secrets.token_hex", lambda _: next(names))
    write_atomically(tmp_path / "revue.md", b"ours")
    assert victim.read_bytes() == b"precious"
    assert (tmp_path / "revue.md").read_bytes() == b"ours"


def test_a_failed_rename_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "revue.md").mkdir()  # a folder where the file should go: rename fails
    with pytest.raises(ReaderError, match=r"cannot write .*revue\.md"):
        write_atomically(tmp_path / "revue.md", b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["revue.md"]
    assert (tmp_path / "revue.md").is_dir()


def test_a_failed_chmod_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "revue.md"
    target.write_bytes(b"old")

    def refused(*_: object, **__: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("reader.core.files.os.chmod", refused)
    with pytest.raises(ReaderError, match="Operation not permitted"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["revue.md"]


# -- what is never replaced, and what is replaced only with consent ---------------------------


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    """Root may write anything, so read-only means the owner's write bit is off."""
    target = tmp_path / "revue.md"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyFileError, match=r"revue\.md is read-only$"):
        write_atomically(target, b"new")
    with pytest.raises(ReadOnlyFileError):
        check_replaceable(target)
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["revue.md"]


def test_a_read_only_file_replaced_with_consent_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "revue.md"
    target.write_bytes(b"old")
    target.chmod(0o440)
    check_replaceable(target, replace_read_only=True)
    write_atomically(target, b"new", replace_read_only=True)
    assert target.read_bytes() == b"new"
    assert mode_of(target) == 0o440


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    """The file the link leads to is replaced, in its own folder; the link stays a link."""
    (tmp_path / "exports").mkdir()
    real = tmp_path / "exports" / "revue.md"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "latest.md"
    link.symlink_to(Path("exports") / "revue.md")
    write_atomically(link, b"new")
    assert link.is_symlink() and link.readlink() == Path("exports") / "revue.md"
    assert real.read_bytes() == b"new"
    assert mode_of(real) == 0o640
    assert listing(tmp_path) == ["exports", "latest.md"]
    assert listing(tmp_path / "exports") == ["revue.md"]  # the temporary went there, and away


def test_a_chain_of_symlinks_is_followed_to_its_end(tmp_path: Path) -> None:
    real = tmp_path / "revue.md"
    real.write_bytes(b"old")
    (tmp_path / "one.md").symlink_to("revue.md")
    (tmp_path / "two.md").symlink_to(tmp_path / "one.md")
    write_atomically(tmp_path / "two.md", b"new")
    assert real.read_bytes() == b"new"
    assert (tmp_path / "one.md").is_symlink() and (tmp_path / "two.md").is_symlink()
    assert listing(tmp_path) == ["one.md", "revue.md", "two.md"]


def test_a_symlink_to_a_read_only_file_needs_consent(tmp_path: Path) -> None:
    real = tmp_path / "revue.md"
    real.write_bytes(b"old")
    real.chmod(0o444)
    (tmp_path / "latest.md").symlink_to("revue.md")
    with pytest.raises(ReadOnlyFileError, match=r"latest\.md is read-only"):
        write_atomically(tmp_path / "latest.md", b"new")
    write_atomically(tmp_path / "latest.md", b"new", replace_read_only=True)
    assert real.read_bytes() == b"new" and mode_of(real) == 0o444
    assert (tmp_path / "latest.md").is_symlink()


def test_a_dangling_symlink_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    """Creating the file it names would write where the user never said (GNU cp refuses
    too)."""
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "revue.md"
    link.symlink_to(tmp_path / "elsewhere" / "planted.md")
    with pytest.raises(NotAFileError, match=r"symbolic link to .*planted\.md, which does not"):
        write_atomically(link, b"new")
    assert link.is_symlink()
    assert listing(tmp_path / "elsewhere") == []
    assert listing(tmp_path) == ["elsewhere", "revue.md"]


def test_a_loop_of_symlinks_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    with pytest.raises(ReaderError, match=r"cannot write .*a\.md: Too many levels"):
        write_atomically(tmp_path / "a.md", b"new")
    assert listing(tmp_path) == ["a.md", "b.md"]


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    """Opening a FIFO with no reader would block: nothing may open it, so a thread does the
    write and the test fails (rather than hangs) if it does not come back."""
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            write_atomically(fifo, b"new")
        except ReaderError as error:
            errors.append(error)

    worker = threading.Thread(target=write, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # blocked in open(): unblock it with a reader, then fail
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        pytest.fail("write_atomically opened the FIFO")
    assert [type(e) for e in errors] == [NotAFileError]
    assert str(errors[0]) == f"cannot write {fifo}: it is a named pipe (FIFO), not a regular file"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert listing(tmp_path) == ["pipe.md"]


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A copy of /dev/full made in the test's folder: were it replaced, no real device
    would be."""
    node = tmp_path / "full"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except PermissionError:
        pytest.fail("making a device node needs root, which the machines and CI run as")
    return node


def test_a_device_is_never_replaced(tmp_path: Path, device: Path) -> None:
    with pytest.raises(NotAFileError, match=r"full: it is a character device, not a regular"):
        write_atomically(device, b"new")
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert device.lstat().st_rdev == os.makedev(1, 7)
    assert listing(tmp_path) == ["full"]


def test_a_symlink_to_a_device_is_refused(tmp_path: Path, device: Path) -> None:
    (tmp_path / "revue.md").symlink_to(device)
    with pytest.raises(NotAFileError, match=r"symbolic link to a character device"):
        write_atomically(tmp_path / "revue.md", b"new")
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert (tmp_path / "revue.md").is_symlink()


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(NotAFileError, match="it is a socket"):
            write_atomically(path, b"new")
        assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "revue.md").mkdir()
    (tmp_path / "revue.md" / "inside.txt").write_bytes(b"kept")
    with pytest.raises(NotAFileError, match=r"revue\.md: it is a folder, not a regular file"):
        write_atomically(tmp_path / "revue.md", b"new")
    assert (tmp_path / "revue.md" / "inside.txt").read_bytes() == b"kept"


def test_an_open_descriptor_link_is_refused(tmp_path: Path) -> None:
    """/dev/stdout when the shell sent it to a log with >>: following the link to the log
    and renaming over it would wipe the log."""
    log = tmp_path / "log.txt"
    log.write_bytes(b"earlier lines\n")
    with log.open("ab") as handle:
        link = tmp_path / "stdout"
        link.symlink_to(f"/proc/self/fd/{handle.fileno()}")
        with pytest.raises(NotAFileError, match="a file the program has open"):
            write_atomically(link, b"new")
    assert log.read_bytes() == b"earlier lines\n"


def test_a_failed_rename_of_a_file_leaves_it_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "revue.md"
    target.write_bytes(b"old")

    def refused(self: Path, other: Path) -> Path:
        raise OSError(16, "Device or resource busy")

    monkeypatch.setattr(Path, "replace", refused)
    with pytest.raises(ReaderError, match="Device or resource busy"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["revue.md"]
