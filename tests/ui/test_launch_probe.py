"""The launch probe tells when the user first saw a usable window: the frame with the feed
tree and a filled article list (or the welcome page of an empty library), in the monotonic
clock a launcher can compare with its own; and the window then closes, leaving nothing
running. Started as the user starts the program, through the command line's entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.factories import entry, feed

PROBE = "PRESS_READER_LAUNCH_PROBE"
STEPS = ("gui", "imported", "application", "store", "window", "shown")


def _launch(
    tmp_path: Path, *argv: str, **env: str
) -> tuple[subprocess.CompletedProcess[str], Path]:
    probe = tmp_path / "probe.json"
    done = subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            PROBE: str(probe),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return done, probe


def test_the_probe_tells_the_first_frame_with_the_articles(tmp_path: Path) -> None:
    from reader.core import Store

    data = tmp_path / "data"
    with Store(data / "library.sqlite3") as store:
        feed_id = store.add_feed("https://sahel.example/rss").id
        store.store_parsed_feed(
            feed_id,
            feed(*(entry(f"e{n}", f"Conseil {n}", "<p>La séance reprend.</p>") for n in range(3))),
        )
    before = time.monotonic()
    done, probe = _launch(tmp_path, "--data-dir", str(data))
    after = time.monotonic()
    assert done.returncode == 0, done.stderr[-3000:]
    record = json.loads(probe.read_text(encoding="utf-8"))
    assert record["rows"] == 3
    assert before < record["monotonic"] < after
    marks = record["marks"]
    assert list(marks) == list(STEPS)
    times = [marks[step] for step in STEPS]
    assert times == sorted(times) and before < times[0] and times[-1] <= record["monotonic"]


def test_an_empty_library_is_told_by_its_welcome_page(tmp_path: Path) -> None:
    done, probe = _launch(tmp_path, "gui", "--data-dir", str(tmp_path / "empty"))
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(probe.read_text(encoding="utf-8"))["rows"] == 0


def test_feeds_never_refreshed_are_told_by_their_empty_list(tmp_path: Path) -> None:
    from reader.core import Store

    data = tmp_path / "data"
    with Store(data / "library.sqlite3") as store:
        store.add_feed("https://sahel.example/rss")
    done, probe = _launch(tmp_path, "--data-dir", str(data))
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(probe.read_text(encoding="utf-8"))["rows"] == 0


def test_without_a_display_the_window_line_gets_one_clear_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("press-reader: error: no display")
    assert not (tmp_path / "data").exists(), "nothing was written for a window never shown"
