"""A hostile search (issue #13): one article of 10 MB whose only match is 9 MB in.

The library is built with the store, then ``press-reader search cooperation`` runs in a child
process of its own (time and peak RSS read with ``RUSAGE_CHILDREN`` by a wrapper process), the
median of a few runs. FTS5's own ``snippet()`` was quadratic in the article's size; the
baselines are the figures measured on the code before the fix (issue #13).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from _table import Report, ok

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.storage import Store  # noqa: E402
from reader.core.types import ParsedEntry, ParsedFeed  # noqa: E402

#: Measured on the code before the fix (issue #13), by article size in MB.
BEFORE = {1: "36.5 s at 0.3 MB (before)", 10: "> 600 s (before)"}
#: Target: a search over a huge article as fast as a search at all (docs: median ≤ 50 ms,
#: plus the process's start).
SECONDS = 3.0
FILLER = "Les convois repartent vers le nord et la saison des pluies approche encore. "

_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.monotonic()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": done.returncode, "seconds": seconds, "mb": peak,
                  "out": done.stdout[-2000:], "err": done.stderr[-2000:]}))
"""


def press(data_dir: Path, *args: str) -> dict[str, object]:
    """Run press-reader in a child process; its time, peak RSS (MB) and output."""
    command = [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=3600,
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _library(data_dir: Path, megabytes: int) -> None:
    data_dir.mkdir(parents=True)
    far = FILLER * (megabytes * 900_000 // len(FILLER))
    text = far + "Le ministre évoque la coopération régionale. " + FILLER * 1000
    entry = ParsedEntry(
        key="long", title="Un très long article", link="https://long.example/1",
        content_html="<p>long</p>", text=text,
    )  # fmt: skip
    with Store(data_dir / "library.sqlite3") as store:
        fid = store.add_feed("https://long.example/rss").id
        store.store_parsed_feed(fid, ParsedFeed(title="Long", site_url=None, entries=(entry,)))


def measure(folder: Path, quick: bool) -> Report:
    report = Report()
    megabytes = 1 if quick else 10
    data_dir = folder / "library"
    _library(data_dir, megabytes)
    runs = [press(data_dir, "search", "cooperation") for _ in range(3 if quick else 5)]
    seconds = statistics.median(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
    mb = statistics.median(float(r["mb"]) for r in runs)  # type: ignore[arg-type]
    shown = all(r["code"] == 0 and "[coopération]" in str(r["out"]) for r in runs)
    good = shown and seconds <= SECONDS
    report.rows.append(
        (
            f"search a word 90 % into one {megabytes} MB article (median time, peak RSS)",
            f"{seconds:.2f} s, {mb:.0f} MB",
            BEFORE[megabytes],
            "",
            f"≤ {SECONDS:g} s, word shown",
            ok(good),
        )
    )
    if not good:
        report.misses.append(
            f"search: {megabytes} MB article: {seconds:.2f} s, shown={shown}: {runs[0]['err']}"
        )
    report.details.append(
        json.dumps({"search_runs_s": [round(float(r["seconds"]), 2) for r in runs]})
    )  # type: ignore[arg-type]
    return report
