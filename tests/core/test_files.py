"""write_atomically: the permissions of the files it writes, and its guarantees kept."""

from __future__ import annotations

import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import ReaderError
from reader.core.files import write_atomically

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
