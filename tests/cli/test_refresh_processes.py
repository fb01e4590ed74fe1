"""A refresh stopped by SIGKILL or SIGTERM leaves no parser process nor resource tracker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader import paths
from reader.core.refresh import PARALLEL_PARSE_MIN_FEEDS
from reader.core.storage import Store
from tests.feeds import rss

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds the processes through /proc"
)

FAST = PARALLEL_PARSE_MIN_FEEDS
SLOW = 4
#: How long a slow feed keeps its answer at most (the test releases it sooner).
SLOW_CAP_S = 60.0


class _SlowSite(ThreadingHTTPServer):
    daemon_threads = True
    release = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    server: _SlowSite

    def do_GET(self) -> None:
        if self.path.startswith("/slow"):
            self.server.release.wait(SLOW_CAP_S)
        body = rss(
            f"Feed {self.path}", [(f"{self.path}-{i}", f"Item {i}", "texte") for i in range(30)]
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def slow_site() -> Iterator[_SlowSite]:
    server = _SlowSite(("127.0.0.1", 0), _Handler)
    server.release = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def _state(pid: int) -> tuple[str, int] | None:
    """(state, session id) of a process, or None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return fields[0], int(fields[3])


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def helpers_of(session: int) -> dict[int, str]:
    """The live processes of the refresh's session but itself: its parser workers and the
    resource tracker (a zombie waiting for a reaper is gone)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == session:
            continue
        state = _state(int(entry.name))
        if state is not None and state[1] == session and state[0] not in ("Z", "X"):
            found[int(entry.name)] = _cmdline(int(entry.name))
    return found


def wait_until(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting after {timeout:.0f} s: {what}")
        time.sleep(0.1)


def start_refresh(tmp_path: Path, site: _SlowSite) -> subprocess.Popen[str]:
    data = tmp_path / "data"
    port = site.server_address[1]
    with Store(paths.user_library_path(data)) as store:
        for i in range(FAST):
            store.add_feed(f"http://127.0.0.1:{port}/fast{i}.xml")
        for i in range(SLOW):
            store.add_feed(f"http://127.0.0.1:{port}/slow{i}.xml")
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "refresh"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its session id marks every process it starts
    )  # fmt: skip


def workers(session: int) -> list[int]:
    return [pid for pid, cmd in helpers_of(session).items() if "spawn_main" in cmd]


@pytest.fixture
def refresh(tmp_path: Path, slow_site: _SlowSite) -> Iterator[subprocess.Popen[str]]:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: a refresh parses in its own process, with no workers")
    process = start_refresh(tmp_path, slow_site)
    try:
        wait_until(lambda: workers(process.pid), 60, "the refresh's parser workers to start")
        yield process
    finally:
        slow_site.release.set()
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)
        for pid in helpers_of(process.pid):  # never leave them to the next test
            os.kill(pid, signal.SIGKILL)


def test_killed_refresh_leaves_no_process(refresh: subprocess.Popen[str]) -> None:
    refresh.kill()
    refresh.wait(timeout=30)
    wait_until(lambda: not helpers_of(refresh.pid), 30, "the workers and resource tracker to exit")


def test_terminated_refresh_stops_like_ctrl_c(
    refresh: subprocess.Popen[str], slow_site: _SlowSite
) -> None:
    refresh.send_signal(signal.SIGTERM)
    # The downloads under way finish (here when the site answers); the workers go at once.
    wait_until(lambda: not workers(refresh.pid), 30, "the parser workers to exit")
    slow_site.release.set()
    _, err = refresh.communicate(timeout=60)
    assert refresh.returncode == 130
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "press-reader: interrupted"
    wait_until(lambda: not helpers_of(refresh.pid), 30, "the resource tracker to exit")
