"""A library on a full disk, or one the user cannot write: one line with the true cause, the
commands that only read still work, and nothing is left behind that outlives the fix."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.cli import main
from reader.core import schema
from reader.core.storage import Store
from tests.factories import T0, entry, feed
from tests.feeds import FeedSite, rss

ROOT = Path(__file__).resolve().parents[2]
AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]

#: Commands that only read: each must work on a library its user cannot write.
READING = [
    ("feed", "list"),
    ("articles",),
    ("search", "pluies"),
    ("show", "1"),
    ("highlight", "list"),
    ("briefs",),
    ("tags",),
    ("opml", "export"),
    ("info",),
]


def make_library(data: Path) -> Path:
    """A library with one tagged, highlighted article."""
    path = paths.user_library_path(data)
    with Store(path) as store:
        feed_id = store.add_feed("https://sahel.example/rss").id
        store.store_parsed_feed(
            feed_id,
            feed(
                entry("pluies", "Les pluies arrivent tôt", "Les semis commencent.", published=T0),
                title="La Gazette du Sahel",
            ),
        )
        (article,) = store.list_articles()
        store.tag_article(article.id, ["country/Niger"])
        store.highlights.add_quote(article.id, "Les semis")
    return path


def run(data: Path, *args: str, user: list[str] = AS_NOBODY) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*user, sys.executable, "-m", "reader", "--data-dir", str(data), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "LC_ALL": "C"},
    )  # fmt: skip


def assert_one_line(done: subprocess.CompletedProcess[str], contains: str) -> None:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("press-reader: error: ")
    assert contains in line, line


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder the unprivileged user reaches (pytest's own is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="press-reader-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


@pytest.fixture
def library(shared: Path) -> Path:
    """The library folder, owned by the unprivileged user."""
    data = shared / "data"
    make_library(data)
    for path in [data, *data.iterdir()]:
        os.chown(path, pwd_uid(), -1)
    return data


def pwd_uid() -> int:
    import pwd

    return pwd.getpwnam("nobody").pw_uid


def sidecars(data: Path) -> list[str]:
    return sorted(p.name for p in data.iterdir() if p.name.endswith(("-wal", "-shm")))


def assert_reads(data: Path, shared: Path) -> None:
    for command in READING:
        done = run(data, *command)
        assert done.returncode == 0, (command, done.stderr)
        assert done.stderr == "", (command, done.stderr)
    assert "Les pluies" in run(data, "articles").stdout
    out = shared / "out"
    out.mkdir(mode=0o777, exist_ok=True)
    out.chmod(0o777)
    done = run(data, "brief", "--tag", "country", "-o", str(out / "revue.md"))
    assert done.returncode == 0, done.stderr
    assert "Les pluies" in (out / "revue.md").read_text()


def test_read_only_library_file(library: Path, shared: Path) -> None:
    path = paths.user_library_path(library)
    path.chmod(0o444)
    assert_reads(library, shared)
    assert_one_line(
        run(library, "feed", "add", "--force", "https://autre.example/rss"),
        f"the library file {path} is read-only",
    )
    assert_one_line(run(library, "brief", "--tag", "country", "-o", "-", "--save"), "read-only")
    # Nothing outlives the fix: once the file is writable again, writing works.
    assert sidecars(library) == []
    path.chmod(0o644)
    done = run(library, "feed", "add", "--force", "https://autre.example/rss")
    assert done.returncode == 0, done.stderr


def test_read_only_folder(library: Path, shared: Path) -> None:
    library.chmod(0o555)
    assert_reads(library, shared)
    assert_one_line(run(library, "tag", "1", "urgent"), f"the folder {library} is read-only")
    library.chmod(0o755)
    assert run(library, "tag", "1", "urgent").returncode == 0


def test_read_only_folder_with_a_pending_log(library: Path, shared: Path) -> None:
    """A writer that died left its last commit in the -wal: reading sees it."""
    path = paths.user_library_path(library)
    writer = subprocess.run(
        [*AS_NOBODY, sys.executable, "-c",
         "import os, sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
         "db.execute(\"UPDATE articles SET title = 'Titre du journal'\"); db.commit();"
         "os._exit(0)", str(path)],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert writer.returncode == 0
    assert sidecars(library) == ["library.sqlite3-shm", "library.sqlite3-wal"]
    library.chmod(0o555)
    done = run(library, "articles")
    assert done.returncode == 0, done.stderr
    assert "Titre du journal" in done.stdout


def test_leftover_read_only_shm_is_repaired(library: Path) -> None:
    """Another reader (an older Press Reader, the sqlite3 shell) read the 0444 library and
    left 0444 -wal and -shm files behind: the next writable open gives them write back."""
    path = paths.user_library_path(library)
    path.chmod(0o444)
    reader = subprocess.run(
        [*AS_NOBODY, sys.executable, "-c",
         "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
         "db.execute('SELECT count(*) FROM articles').fetchall(); db.close()", str(path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert reader.returncode == 0, reader.stderr
    assert "library.sqlite3-shm" in sidecars(library)
    path.chmod(0o644)
    done = run(library, "tag", "1", "urgent")
    assert done.returncode == 0, done.stderr
    assert "urgent" in run(library, "tags").stdout


# -- a full disk ----------------------------------------------------------------------------


def big_feed(count: int) -> bytes:
    return rss("Le Gros", [(f"g{i}", f"Article {i}", "mot " * 4000) for i in range(count)])


def test_disk_full_during_refresh(
    tmp_path: Path, site: FeedSite, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    data = tmp_path / "data"
    path = make_library(data)
    with Store(path) as store:
        store.add_feed(site.publish("/gros.xml", big_feed(40)))
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    # A cap a few pages above the library's size: the feed's articles do not fit.
    monkeypatch.setattr(schema, "MAX_PAGE_COUNT", pages + 20)
    code = main(["--data-dir", str(data), "refresh"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        f"press-reader: error: the disk holding {path} is full: the last change was not saved; "
        "free some space and try again"
    ]
    monkeypatch.setattr(schema, "MAX_PAGE_COUNT", None)
    with Store(path) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [a.title for a in store.list_articles()] == ["Les pluies arrivent tôt"]


@pytest.fixture
def tmpfs(shared: Path) -> Iterator[Path]:
    """A 1 MiB file system of its own, where mounting is allowed (as root, here)."""
    point = shared / "mnt"
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(point)],
        capture_output=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_full_file_system(tmpfs: Path, site: FeedSite) -> None:
    data = tmpfs / "data"
    make_library(data)
    with Store(paths.user_library_path(data)) as store:
        store.add_feed(site.publish("/gros.xml", big_feed(200)))
    done = run(data, "refresh", user=[])
    assert_one_line(done, "is full: the last change was not saved")
    assert run(data, "articles", user=[]).returncode == 0


def test_read_only_file_system(tmpfs: Path, shared: Path) -> None:
    data = tmpfs / "data"
    make_library(data)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    for command in READING:
        done = run(data, *command, user=[])
        assert done.returncode == 0, (command, done.stderr)
    assert_one_line(
        run(data, "tag", "1", "urgent", user=[]), f"{data} is on a read-only file system"
    )


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = make_library(tmp_path / "data")
    with Store(path, read_only=True) as store:
        assert len(store.list_articles()) == 1
        with pytest.raises(schema.LibraryReadOnlyError):
            store.tag_article(1, ["urgent"])
    assert not any(p.name.endswith(("-wal", "-shm")) for p in path.parent.iterdir())
    assert stat.S_IMODE(path.stat().st_mode) & 0o200
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 1


def test_disk_full_at_commit(tmpfs: Path) -> None:
    """A small change fits in memory and meets the full disk only at COMMIT, when its pages
    are appended to the write-ahead log."""
    data = tmpfs / "data"
    path = make_library(data)
    with sqlite3.connect(path) as keeper:  # keeps the -wal and -shm in place, as the app does
        keeper.execute("SELECT count(*) FROM articles").fetchall()
        with contextlib.suppress(OSError), (tmpfs / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
        done = run(data, "tag", "1", "urgent", user=[])
    assert_one_line(done, "is full: the last change was not saved")
