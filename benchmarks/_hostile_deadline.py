"""Servers that never finish (issue #13): a body trickled one byte every 0.1 s, for ever.

Each download runs in a child process of its own against a loopback server (in that child)
that sends one byte every 0.1 s for as long as the client listens, plainly or as a gzip
stream that never decodes to a byte: a feed refreshed, an article's page fetched for its full
text, an address looked up to subscribe. Each must stop at its deadline (60 s for a feed, 30 s
for a page or a look-up; ``--quick`` uses 3 s for all) with its one-line error, having read a
bounded number of bytes. Before the fix nothing stopped them but the server: 90 s observed for
one feed, and as long as the server likes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from _table import Report, ok

ROOT = Path(__file__).resolve().parent.parent

#: What the measures do: (label, kind of download, gzip).
CASES = (
    ("feed refresh, body trickled for ever", "feed", False),
    ("feed refresh, gzip trickle decoding to nothing", "feed", True),
    ("full-text page, body trickled for ever", "page", False),
    ("subscribing (feed discovery), body trickled for ever", "discover", False),
)
QUICK_DEADLINE = 3.0
#: A deadline is kept when the download ends within this much of it.
SLACK = 2.0

_WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": done.returncode, "mb": peak, "out": done.stdout, "err": done.stderr}))
"""


def _measure_here(kind: str, gzip: bool, quick: bool) -> dict[str, object]:
    """One endless download, in this (child) process: seconds, bytes sent, the error."""
    import tempfile
    import time

    from reader.core.discover import discover_feeds
    from reader.core.errors import ReaderError
    from reader.core.fetch import DEADLINES, Fetcher
    from reader.core.fulltext import retrieve_page
    from reader.core.refresh import refresh_feeds
    from reader.core.storage import Store
    from tests.factories import T0
    from tests.trickle import trickle_server

    deadlines = dict.fromkeys(DEADLINES, QUICK_DEADLINE) if quick else dict(DEADLINES)
    deadline = deadlines["feed" if kind == "feed" else "page"]
    message = ""
    with (
        trickle_server(interval=0.1, gzip=gzip) as trickle,
        Fetcher(deadlines=deadlines, clock=lambda: T0) as http,
        tempfile.TemporaryDirectory() as tmp,
    ):
        started = time.monotonic()
        if kind == "feed":
            with Store(Path(tmp) / "library.sqlite3", clock=lambda: T0) as store:
                store.add_feed(trickle.url("/feed.xml"))
                summary = refresh_feeds(store, fetcher=http, jobs=1)
                message = summary.outcomes[0].error or ""
        else:
            try:
                if kind == "page":
                    retrieve_page(http, trickle.url("/article.html"))
                else:
                    discover_feeds(trickle.url("/"), http, now=T0)
            except ReaderError as error:
                message = str(error)
        seconds = time.monotonic() - started
        sent = trickle.sent
    return {"seconds": seconds, "sent": sent, "error": message, "deadline": deadline}


def measure(folder: Path, quick: bool) -> Report:
    del folder
    report = Report()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    for label, kind, gzip in CASES:
        command = [sys.executable, __file__, kind, "gzip" if gzip else "plain"]
        if quick:
            command.append("quick")
        done = subprocess.run(
            [sys.executable, "-c", _WRAPPER, *command],
            capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=600,
        )  # fmt: skip
        run = json.loads(done.stdout)
        if run["code"] != 0:
            report.misses.append(f"deadline: {label}: the child failed: {run['err'][-300:]}")
            continue
        result = json.loads(run["out"])
        seconds, deadline = float(result["seconds"]), float(result["deadline"])
        said = f"took longer than {deadline:g} s" in result["error"]
        good = said and seconds <= deadline + SLACK
        report.rows.append(
            (
                f"{label} (time, bytes read, peak RSS)",
                f"{seconds:.1f} s, {result['sent']} bytes, {run['mb']:.0f} MB",
                "90 s observed, unbounded (before)",
                "",
                f"≤ {deadline:g} s deadline + {SLACK:g} s, says so",
                ok(good),
            )
        )
        if not good:
            report.misses.append(
                f"deadline: {label}: {seconds:.1f} s for a {deadline:g} s deadline; "
                f"error: {result['error']!r}"
            )
    return report


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    arguments = sys.argv[1:]
    print(json.dumps(_measure_here(arguments[0], arguments[1] == "gzip", "quick" in arguments)))
