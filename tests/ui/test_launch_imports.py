"""The window starts without what it does not show: started as the user starts it (the
command line's entry point), once its feeds and first articles have painted, no HTTP stack,
feed parser, sanitizer, page extractor, exporter, or grammar and modules of the other
commands has been imported. Each would cost every start its import time (nh3 and the
sanitizer alone took 9 ms, the command-line grammar and its commands some 80 ms) for work the
user has not asked for yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

#: Modules the first frame must not need: loaded on first use (a refresh, an export, a
#: full text, a dialog that looks a feed up).
NOT_AT_START = (
    "nh3",
    "httpx",
    "httpcore",
    "feedparser",
    "lxml",
    "trafilatura",
    "markdownify",
    "docx",
    "sqlite_utils",
    "reader.cli.parser",
    "reader.cli.dispatch",
    "reader.cli.commands",
    "reader.cli.output",
    "reader.app_check",
    "reader.export",
    "reader.core.sanitize",
    "reader.core.fetch",
    "reader.core.parse",
    "reader.core.extract",
    "reader.core.refresh",
    "reader.core.fulltext",
    "reader.core.opml",
    "reader.core.discover",
)

#: The entry point of the installed ``press-reader``, run until the launch probe has seen the
#: first frame with the articles painted and closed the window; then what had been loaded.
LAUNCH = textwrap.dedent(
    """
    import json, sys
    from reader.cli import main

    status = main(["--data-dir", sys.argv[1]])
    print(json.dumps({
        "status": status,
        "loaded": [m for m in json.loads(sys.argv[2]) if m in sys.modules],
    }))
    """
)


def test_the_first_frame_imports_nothing_it_does_not_show(tmp_path: Path) -> None:
    # A library with a feed and articles, written through the engine in this process.
    from reader.core import Store
    from tests.factories import entry, feed

    with Store(tmp_path / "data" / "library.sqlite3") as store:
        feed_id = store.add_feed("https://sahel.example/rss").id
        store.store_parsed_feed(
            feed_id,
            feed(
                entry("a", "Bamako", "<p>Le conseil s’est réuni.</p>"),
                entry("b", "Niamey", "<p>La coopération reprend.</p>"),
            ),
        )
    probe = tmp_path / "probe.json"
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(tmp_path / "data"), json.dumps(NOT_AT_START)],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "PRESS_READER_LAUNCH_PROBE": str(probe),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["status"] == 0
    assert json.loads(probe.read_text())["rows"] == 2, "the window showed its articles"
    assert report["loaded"] == []
