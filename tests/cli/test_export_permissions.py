"""Files the command line exports are readable as the user's umask says, like any other."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader import paths
from reader.core.storage import Store
from tests.factories import T0, entry, feed


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A library with one tagged article, enough for a brief and an OPML list."""
    data = tmp_path / "data"
    data.mkdir()
    with Store(paths.user_library_path(data)) as store:
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
    return data


def run(data_dir: Path, umask: int, *args: str) -> None:
    """``press-reader`` in a child process: the umask is the process's, so it is set there."""
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        umask=umask, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("umask", "expected"), [(0o022, 0o644), (0o027, 0o640)], ids=["022", "027"]
)
@pytest.mark.parametrize(
    "command",
    [("brief", "--tag", "country", "-o"), ("opml", "export", "-o")],
    ids=["brief", "opml"],
)
def test_exported_files_follow_the_umask(
    data_dir: Path, tmp_path: Path, command: tuple[str, ...], umask: int, expected: int
) -> None:
    target = tmp_path / "shared" / ("revue.md" if command[0] == "brief" else "feeds.opml")
    target.parent.mkdir()
    run(data_dir, umask, *command, str(target))
    assert stat.S_IMODE(target.stat().st_mode) == expected
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_exporting_again_keeps_the_permissions_the_user_gave(
    data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "revue.md"
    run(data_dir, 0o022, "brief", "--tag", "country", "-o", str(target))
    target.chmod(0o664)  # opened to the group by hand
    run(data_dir, 0o077, "brief", "--tag", "country", "-o", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert "Les semis commencent." in target.read_text(encoding="utf-8")
