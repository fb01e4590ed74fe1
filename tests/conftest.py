"""Shared fixtures: the real-world corpus, throwaway libraries, loopback sites, a stopped clock.

The Qt application is not made here: only the folders that draw ask for it (tests/qt_session.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from pytest_httpserver import HTTPServer

from reader.core.clock import NOW_ENV
from reader.core.storage import Store
from tests.factories import STOPPED, Clock
from tests.feeds import FeedSite
from tests.news import NewsSite

# GUI tests never need a display (set before pytest-qt or a test loads Qt).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI runs the property tests on a fixed sequence of examples, with no time limit per example
# (the machine is shared): a red CI run then always means a change, never a lucky draw. Local
# runs keep exploring new examples, and a failure they find prints how to reproduce it.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("PRESS_READER_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(autouse=True)
def _stopped_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the wall clock: a library opened without a clock of its own, and a
    command run in a subprocess, live at STOPPED (the program's one clock honours
    PRESS_READER_NOW). `make test` runs the suite again with the system clock a year ahead to
    prove that nothing else reads it."""
    monkeypatch.setenv(NOW_ENV, STOPPED.isoformat())


@pytest.fixture
def clock() -> Clock:
    """The time every library in the test sees; move it with ``clock.advance``."""
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    """A fresh library on disk."""
    with Store(tmp_path / "library.sqlite3", clock=clock) as library:
        yield library


@pytest.fixture
def site(httpserver: HTTPServer) -> FeedSite:
    """Feeds served from a loopback server, answering conditional GETs."""
    return FeedSite(httpserver)


@pytest.fixture
def news() -> Iterator[NewsSite]:
    """A threaded loopback news site (feed and article pages) for full-text tests."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        yield NewsSite(server)
    finally:
        server.clear()
        if server.is_running():
            server.stop()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real-world test material in ../shared/corpus; skips when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not available")
    return CORPUS


def corpus_files(*parts: str, pattern: str = "*") -> list[Path]:
    """Files of a corpus folder for parametrizing; empty when the corpus is absent."""
    folder = CORPUS.joinpath(*parts)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(pattern) if p.is_file() and p.name != "PROVENANCE.md")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/ui as a GUI test, so `-m "not gui"` runs the rest."""
    for item in items:
        if "ui" in Path(str(item.fspath)).parent.parts[-1:]:
            item.add_marker(pytest.mark.gui)
