"""Hostile processes: a refresh killed (SIGKILL) leaves no parser worker nor resource tracker."""

from __future__ import annotations

import sys
from pathlib import Path

from _table import Report, ok

ROOT = Path(__file__).resolve().parent.parent


def measure(folder: Path, quick: bool) -> Report:
    import subprocess

    report = Report()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/cli/test_refresh_processes.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    good = done.returncode == 0
    report.rows.append(
        (
            "helpers left 30 s after SIGKILL/SIGTERM of a refresh",
            "none" if good else "some",
            "alive after 30 s (before)",
            "",
            "none within 30 s",
            ok(good),
        )
    )
    if not good:
        report.misses.append("processes: " + (done.stdout.strip().splitlines() or [""])[-1])
    return report
