"""Every benchmark still runs: each script, at a size that takes seconds, ends without a
traceback or a FAIL line. Their figures are not checked here (they belong in the printed
tables, on a quiet machine); what is checked is that a change to the code they drive (a
method moved out of the main window, a module renamed) has not left them broken until
someone next runs ``make bench``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"

#: Each script with arguments small enough for the suite (the defaults take minutes).
SMALL_RUNS = {
    "refresh": "--feeds 3 --entries 4 --size 4000 --repeat 1 --no-newsboat",
    "ui": "--articles 300 --feeds 3 --repeat 1 --x-articles 300",
    "highlights": "--repeat 1 --highlights 60 --articles 20 --article-highlights 10 "
    "--article-size 3000",
    "hostile": "--quick",
    "export": "--repeat 1 --articles 4 --per-article 2",
}


@pytest.mark.parametrize("name", sorted(SMALL_RUNS))
def test_the_benchmark_runs_small(name: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PRESS_READER_BENCH_OUT": str(tmp_path / "out"),
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / f"{name}.py"), *SMALL_RUNS[name].split()],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output[-4000:]
    assert "FAIL:" not in output, output[-4000:]
    # A run that met every target exits 0; one that missed a target says so and exits 1.
    assert done.returncode == 0 or "MISSED" in output, output[-4000:]
