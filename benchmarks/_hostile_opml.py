"""Hostile OPML files (issue #13): an enormous flat list and folders nested thousands deep.

Each file is generated, then imported with ``press-reader opml import`` in a child process of
its own (seconds and that process's peak RSS, read with ``RUSAGE_CHILDREN`` by a small wrapper
process, so one measure's memory never counts in another's); then ``feed list`` runs on the
library it left, since a deep import once made every later command slow and large. Baselines
are the figures measured on the code before the fix (issue #13).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from _table import Report, Row, info, ok

ROOT = Path(__file__).resolve().parent.parent

#: Measured on the code before the fix (issue #13), by number of outlines or depth.
BEFORE_FLAT = {10_000: "10.4 s (before)", 50_000: "395 s (before)"}
BEFORE_DEEP = {10_000: "147 s, 519 MB (before)", 100_000: "killed at 24 GB (before)"}
BEFORE_LATER = {10_000: "526 MB (before)"}

#: Targets: linear work, and memory that does not grow with the depth.
FLAT_SECONDS_PER_10K = 3.0
DEEP_MB = 200.0
LATER_MB = 120.0

_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.monotonic()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": done.returncode, "seconds": seconds, "mb": peak,
                  "out": done.stdout[-2000:], "err": done.stderr[-2000:]}))
"""


def flat_opml(count: int) -> bytes:
    outlines = "".join(
        f'<outline text="Feed {n}" xmlUrl="http://h{n % 500}.example/{n}.xml"/>'
        for n in range(count)
    )
    body = f'<outline text="All">{outlines}</outline>'
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{body}</body></opml>'.encode()


def deep_opml(depth: int) -> bytes:
    opening = "".join(
        f'<outline text="L{n}"><outline text="F{n}" xmlUrl="http://deep.example/{n}.xml"/>'
        for n in range(depth)
    )
    body = opening + "</outline>" * depth
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{body}</body></opml>'.encode()


def _press(data_dir: Path, *args: str) -> dict[str, object]:
    """Run press-reader in a child process; its time, peak RSS (MB) and output."""
    command = [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=3600,
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _deepest_folder(library: Path) -> int:
    """How many levels deep the library's folders go, read with SQL alone."""
    with sqlite3.connect(library) as db:
        row = db.execute(
            "WITH RECURSIVE tree(id, depth) AS ("
            " SELECT id, 1 FROM folders WHERE parent_id IS NULL"
            " UNION ALL SELECT f.id, t.depth + 1 FROM folders f JOIN tree t ON f.parent_id = t.id)"
            " SELECT ifnull(max(depth), 0) FROM tree"
        ).fetchone()
    return int(row[0])


def _import(folder: Path, name: str, data: bytes) -> tuple[Path, dict[str, object]]:
    path = folder / f"{name}.opml"
    path.write_bytes(data)
    library = folder / name
    return library, _press(library, "opml", "import", str(path))


def measure(folder: Path, quick: bool) -> Report:
    report = Report()
    sizes = (10_000,) if quick else (10_000, 50_000)
    per_10k: list[float] = []
    for count in sizes:
        _, run = _import(folder, f"flat-{count}", flat_opml(count))
        seconds, mb = float(run["seconds"]), float(run["mb"])  # type: ignore[arg-type]
        if run["code"] != 0 or f"{count} added" not in str(run["out"]):
            report.misses.append(f"opml: importing {count} outlines failed: {run['err']}")
            continue
        per_10k.append(seconds / (count / 10_000))
        target = FLAT_SECONDS_PER_10K * count / 10_000
        good = seconds <= target
        row: Row = (
            f"opml import, {count:,} outlines (time, peak RSS)",
            f"{seconds:.1f} s, {mb:.0f} MB",
            BEFORE_FLAT[count],
            "",
            f"≤ {target:g} s (linear)",
            ok(good),
        )
        report.rows.append(row)
        if not good:
            report.misses.append(f"opml import of {count} outlines: {seconds:.1f} s > {target:g} s")
    if len(per_10k) == 2:
        growth = per_10k[1] / per_10k[0]
        report.rows.append(
            (
                "opml import, time per outline, 50 000 vs 10 000",
                f"{growth:.2f} ×",
                "7.6 × (before)",
                "",
                "≤ 1.5 × (linear)",
                ok(growth <= 1.5),
            )
        )
        if growth > 1.5:
            report.misses.append(f"opml import is not linear: {growth:.2f} × per outline")
    depths = (10_000,) if quick else (10_000, 100_000)
    for depth in depths:
        library, run = _import(folder, f"deep-{depth}", deep_opml(depth))
        seconds, mb = float(run["seconds"]), float(run["mb"])  # type: ignore[arg-type]
        imported = f"{depth} added" in str(run["out"])
        good = run["code"] == 0 and imported and mb <= DEEP_MB
        report.rows.append(
            (
                f"opml import, nested {depth:,} deep (time, peak RSS)",
                f"{seconds:.1f} s, {mb:.0f} MB",
                BEFORE_DEEP[depth],
                "",
                f"all {depth:,} feeds in; ≤ {DEEP_MB:g} MB",
                ok(good),
            )
        )
        if not good:
            report.misses.append(
                f"opml import nested {depth} deep: code {run['code']}, "
                f"all imported: {imported}, {mb:.0f} MB: {str(run['err'])[-200:]}"
            )
        if depth in BEFORE_LATER:
            later = _press(library, "feed", "list", "--json")
            later_mb = float(later["mb"])  # type: ignore[arg-type]
            report.rows.append(
                info(
                    "  deepest folder it left (levels)",
                    str(_deepest_folder(library / "library.sqlite3")),
                    f"{depth:,} (before)",
                )
            )
            good = later["code"] == 0 and later_mb <= LATER_MB
            report.rows.append(
                (
                    "  `feed list` on that library afterwards (time, peak RSS)",
                    f"{float(later['seconds']):.1f} s, {later_mb:.0f} MB",  # type: ignore[arg-type]
                    BEFORE_LATER[depth],
                    "",
                    f"≤ {LATER_MB:g} MB",
                    ok(good),
                )
            )
            if not good:
                report.misses.append(f"feed list after a deep import: {later_mb:.0f} MB")
    return report
