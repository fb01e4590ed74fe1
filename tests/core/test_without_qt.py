"""The engine and its tests run without Qt: neither the library's round trip nor the helpers
and modules of tests/core load PySide6 (the Qt application is only made for tests/ui,
tests/export and tests/cli, in tests/qt_session.py)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT = ("PySide6", "shiboken6", "pytestqt")

ROUND_TRIP = """
import sys
from pathlib import Path

from reader.core import ArticleQuery, open_library
from tests.factories import Clock, entry, feed

with open_library(Path(sys.argv[1]), clock=Clock()) as store:
    feed_id = store.add_feed("https://news.example/rss", folder="Sahel").id
    store.store_parsed_feed(feed_id, feed(entry("mali", "Mali : la coopération reprend", "Texte")))
    [article] = store.list_articles(ArticleQuery(feed_ids=(feed_id,)))
    store.set_read([article.id])
    store.tag_article(article.id, ["country/Mali"])
    store.highlights.add_quote(article.id, "Texte", note="À suivre")
    assert store.count_articles(ArticleQuery(unread=True)) == 0
    assert [hit.article.id for hit in store.search("cooperation")] == [article.id]
with open_library(Path(sys.argv[1]), read_only=True) as store:
    assert [h.note for h in store.highlights.list()] == ["À suivre"]

print(sorted(sys.modules))
"""

#: Every module the engine's tests import from tests/ besides their own.
HELPERS = ("conftest", "factories", "fakeparser", "feeds", "news", "trickle", "brief_library")


def _modules_loaded_by(code: str, *args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {name.split(".")[0] for name in ast.literal_eval(result.stdout.splitlines()[-1])}


def test_a_library_round_trip_loads_no_qt(tmp_path: Path) -> None:
    loaded = _modules_loaded_by(ROUND_TRIP, str(tmp_path / "library.sqlite3"))
    assert "reader" in loaded and "sqlite3" in loaded  # the round trip did run
    assert not loaded & set(QT)


def test_the_core_tests_and_their_helpers_load_no_qt() -> None:
    modules = [f"tests.{name}" for name in HELPERS]
    modules += [f"tests.core.{p.stem}" for p in sorted((ROOT / "tests" / "core").glob("*.py"))]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(sys.modules))\n"
    )
    loaded = _modules_loaded_by(code)
    assert "tests" in loaded and "hypothesis" in loaded
    assert not loaded & set(QT)
