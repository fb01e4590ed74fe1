"""`brief -o` and `opml export -o` never clobber what is not a regular file, follow links, and
replace a read-only file only with --force (issue #13)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.core.storage import Store
from tests.factories import T0, entry, feed

COMMANDS = {
    "brief": ("brief", "--tag", "country", "--format", "md", "-o"),
    "opml": ("opml", "export", "-o"),
}
#: What each command writes, to tell the new file from the old.
WRITTEN = {"brief": "Les semis commencent.", "opml": "sahel.example/rss"}
#: Dropping every privilege, as the user the machines run as (root) does not have.
AS_NOBODY = ("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups")


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder anyone may enter and write in (pytest's own are root's alone), holding a
    library with one tagged article, writable by anyone too."""
    folder = Path(tempfile.mkdtemp(prefix="press-reader-targets-"))
    folder.chmod(0o777)
    data = folder / "data"
    data.mkdir(mode=0o777)
    data.chmod(0o777)
    with Store(paths.user_library_path(data)) as store:
        feed_id = store.add_feed("https://sahel.example/rss").id
        store.store_parsed_feed(
            feed_id,
            feed(entry("pluies", "Les pluies arrivent tôt", "Les semis commencent.", published=T0)),
        )
        (article,) = store.list_articles()
        store.tag_article(article.id, ["country/Niger"])
    for path in data.rglob("*"):
        path.chmod(0o777 if path.is_dir() else 0o666)
    yield folder
    shutil.rmtree(folder)


def run(
    shared: Path, command: str, output: Path | str, *extra: str, user: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*user, sys.executable, "-m", "reader", "--data-dir", str(shared / "data"),
         *COMMANDS[command], str(output), *extra],
        capture_output=True, text=True, timeout=120, check=False, cwd=shared,
    )  # fmt: skip


def one_error(done: subprocess.CompletedProcess[str], text: str) -> None:
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr == f"press-reader: error: {text}\n"


@pytest.fixture(params=list(COMMANDS))
def command(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_read_only_file_needs_force_even_for_root(shared: Path, command: str) -> None:
    target = shared / "revue.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    one_error(run(shared, command, target), f"{target} is read-only; use --force to replace it")
    assert target.read_text(encoding="utf-8") == "old"
    done = run(shared, command, target, "--force")
    assert done.returncode == 0, done.stderr
    assert WRITTEN[command] in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_read_only_file_needs_force_as_an_ordinary_user(shared: Path, command: str) -> None:
    """Checked as nobody, for whom the permission bits count."""
    mine = shared / "mine.md"  # nobody's own file, its write bit taken off
    subprocess.run([*AS_NOBODY, "sh", "-c", f"echo old > {mine}; chmod 444 {mine}"], check=True)
    theirs = shared / "theirs.md"  # root's, which nobody may not write
    theirs.write_text("old", encoding="utf-8")
    theirs.chmod(0o644)
    for target in (mine, theirs):
        one_error(
            run(shared, command, target, user=AS_NOBODY),
            f"{target} is read-only; use --force to replace it",
        )
        assert target.read_text(encoding="utf-8").strip() == "old"
    done = run(shared, command, mine, "--force", user=AS_NOBODY)
    assert done.returncode == 0, done.stderr
    assert WRITTEN[command] in mine.read_text(encoding="utf-8")
    assert stat.S_IMODE(mine.stat().st_mode) == 0o444
    assert sorted(p.name for p in shared.iterdir()) == ["data", "mine.md", "theirs.md"]


def test_a_symlink_chain_is_followed_and_kept(shared: Path, command: str) -> None:
    (shared / "exports").mkdir()
    real = shared / "exports" / "revue.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    (shared / "one.md").symlink_to("exports/revue.md")
    (shared / "two.md").symlink_to(shared / "one.md")
    for link in ("one.md", "two.md"):
        real.write_text("old", encoding="utf-8")
        done = run(shared, command, shared / link)
        assert done.returncode == 0, done.stderr
        assert WRITTEN[command] in real.read_text(encoding="utf-8")
        assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert (shared / "one.md").readlink() == Path("exports/revue.md")
    assert (shared / "two.md").is_symlink()
    assert [p.name for p in (shared / "exports").iterdir()] == ["revue.md"]


def test_a_dangling_symlink_is_refused(shared: Path, command: str) -> None:
    link = shared / "revue.md"
    link.symlink_to("nowhere/planted.md")
    one_error(
        run(shared, command, link),
        f"cannot write {link}: it is a symbolic link to nowhere/planted.md, which does not exist",
    )
    assert link.is_symlink() and not (shared / "nowhere").exists()


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_what_is_not_a_file_is_never_replaced(shared: Path, command: str, kind: str) -> None:
    target = shared / "revue.md"
    if kind == "fifo":
        os.mkfifo(target)  # a write that opened it would block: the timeout of run() says so
        what, check = "a named pipe (FIFO)", stat.S_ISFIFO
    elif kind == "device":
        # A copy of /dev/full in the test's folder: were it replaced, no real device would be.
        os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        what, check = "a character device", stat.S_ISCHR
    else:
        target.mkdir()
        what, check = "a folder", stat.S_ISDIR
    done = run(shared, command, target)
    one_error(done, done.stderr.removeprefix("press-reader: error: ").rstrip("\n"))
    # The brief says a folder its own way (suggesting a file in it); the rest say ours.
    assert done.stderr.startswith(f"press-reader: error: cannot write {target}: it is {what}")
    assert check(target.lstat().st_mode)
    assert sorted(p.name for p in shared.iterdir()) == ["data", "revue.md"]


def test_a_brief_to_stdout_still_goes_to_stdout(shared: Path) -> None:
    done = run(shared, "brief", "-")
    assert done.returncode == 0, done.stderr
    assert "Les semis commencent." in done.stdout
    assert sorted(p.name for p in shared.iterdir()) == ["data"]
