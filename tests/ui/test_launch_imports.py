"""The window starts without what it does not show: once it is up, with a library's feeds
and first articles painted, no HTTP stack, feed parser, sanitizer, page extractor, exporter
or command-line machinery has been imported. Each would cost every start its import time
(nh3 and the sanitizer alone took 9 ms) for work the user has not asked for yet."""

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
    "reader.cli",
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

LAUNCH = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from reader.core import Store
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import AppSettings

    folder = Path(sys.argv[1])
    store = Store(folder / "library.sqlite3")
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings)
    window.show()
    end = time.monotonic() + 1.0
    while time.monotonic() < end and window.article_model.rowCount() == 0:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    print(json.dumps({
        "rows": window.article_model.rowCount(),
        "loaded": [m for m in json.loads(sys.argv[2]) if m in sys.modules],
    }))
    """
)


def test_the_first_frame_imports_nothing_it_does_not_show(tmp_path: Path) -> None:
    # A library with a feed and articles, written through the engine in this process.
    from reader.core import Store
    from tests.factories import entry, feed

    with Store(tmp_path / "library.sqlite3") as store:
        feed_id = store.add_feed("https://sahel.example/rss").id
        store.store_parsed_feed(
            feed_id,
            feed(
                entry("a", "Bamako", "<p>Le conseil s’est réuni.</p>"),
                entry("b", "Niamey", "<p>La coopération reprend.</p>"),
            ),
        )
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(tmp_path), json.dumps(NOT_AT_START)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["rows"] == 2, "the window showed its articles"
    assert report["loaded"] == []
