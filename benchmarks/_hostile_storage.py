"""Hostile storage: a full disk and a read-only library give one line with the true cause."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from _table import Report, ok

ROOT = Path(__file__).resolve().parent.parent

_SCRIPT = """
import sys
from pathlib import Path
from reader.core import schema
from reader.core.storage import Store
path = Path(sys.argv[1]) / "library.sqlite3"
with Store(path) as store:
    store.add_feed("https://sahel.example/rss")
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
schema.MAX_PAGE_COUNT = pages
from reader.cli import main
url = "https://autre.example/" + "x" * 9000
sys.exit(main(["--data-dir", sys.argv[1], "feed", "add", "--force", url]))
"""


def _last_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.strip().splitlines()
    return lines[-1] if lines else ""


def measure(folder: Path, quick: bool) -> Report:
    report = Report()
    full = folder / "full"
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(full)], cwd=ROOT, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    one_line = len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    good = one_line and "is full" in done.stderr
    report.rows.append(
        (
            "disk full while writing: message",
            "one line, disk full" if good else "NOT one line",
            "traceback (before)",
            "",
            "one line naming the full disk",
            ok(good),
        )
    )
    report.details.append(f"storage: disk full says: {_last_line(done)}")
    ro = folder / "ro"
    subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(ro), "feed", "add", "--force",
         "https://sahel.example/rss"], cwd=ROOT, capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    (ro / "library.sqlite3").chmod(0o444)
    user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    for path in (folder.parent, folder, ro):
        path.chmod(0o755)
    import os
    import pwd

    uid = pwd.getpwnam("nobody").pw_uid
    for path in (ro, ro / "library.sqlite3"):
        os.chown(path, uid, -1)
    listing = subprocess.run(
        [*user, sys.executable, "-m", "reader", "--data-dir", str(ro), "feed", "list"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    report.rows.append(
        (
            "read-only library file: feed list",
            "works" if listing.returncode == 0 else "fails",
            '"not a Press Reader library" (before)',
            "",
            "works",
            ok(listing.returncode == 0),
        )
    )
    if listing.returncode != 0:
        report.misses.append(f"storage: feed list on a read-only library: {_last_line(listing)}")
    if not good:
        report.misses.append(f"storage: disk full: {_last_line(done)}")
    return report
