"""A hostile entry (issue #13): a feed whose one entry weighs 10 MB, refreshed.

The feed is a local file; ``press-reader feed add --allow-file`` then ``press-reader refresh``
run in child processes of their own, whose time and peak RSS (``RUSAGE_CHILDREN``, read by a
wrapper process) are reported. The baseline is the figure reported on the code before the
per-article cap (issue #13).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from _hostile_search import press
from _table import Report, ok

#: Reported on the code before the cap (issue #13).
BEFORE = {10: "1.29 GB (before)"}
#: Target: one huge entry costs what a cut one does, well under what it cost before.
PEAK_MB = 400.0
PARAGRAPH = "<p>Les convois repartent vers le nord et la saison des pluies approche.</p>\n"


def huge_feed(megabytes: int) -> bytes:
    body = PARAGRAPH * (megabytes * 1_000_000 // len(PARAGRAPH))
    item = (
        "<item><guid>huge</guid><title>Un article démesuré</title>"
        f"<description>{escape(body)}</description></item>"
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Gros</title><link>https://site.example/</link>{item}</channel></rss>"
    ).encode()


def measure(folder: Path, quick: bool) -> Report:
    report = Report()
    megabytes = 10
    path = folder / "huge.xml"
    path.write_bytes(huge_feed(megabytes))
    library = folder / "library"
    added = press(library, "feed", "add", "--allow-file", path.as_uri())
    if added["code"] != 0:
        report.misses.append(f"entry: feed add failed: {added['err']}")
        return report
    run = press(library, "refresh")
    seconds, mb = float(run["seconds"]), float(run["mb"])  # type: ignore[arg-type]
    listed = press(library, "feed", "list")
    warned = "too long" in str(listed["out"])
    good = run["code"] == 0 and mb <= PEAK_MB and warned
    report.rows.append(
        (
            f"refresh a feed with one {megabytes} MB entry (peak RSS, time)",
            f"{mb:.0f} MB, {seconds:.1f} s",
            BEFORE[megabytes],
            "",
            f"≤ {PEAK_MB:g} MB; article cut, feed warned",
            ok(good),
        )
    )
    if not good:
        report.misses.append(
            f"entry: {megabytes} MB entry: {mb:.0f} MB peak (≤ {PEAK_MB:g}), warned={warned}, "
            f"{run['err']}"
        )
    return report
