"""Launches as the user waits for them: under a real X server (Xvfb, started here), from the
start of a process to the first frame its window painted, told by the window itself through
``PRESS_READER_LAUNCH_PROBE`` (see ``reader/ui/launch_probe.py``).

Press Reader starts through its installed console script (``press-reader --data-dir DIR``,
argument parsing included) and is timed to the frame that shows the feed tree and a filled
article list; the baseline is a bare PySide6 window (``_bare_window.py``) started the same way.
Every launch is a fresh process that has exited before the next starts; nothing stays
resident between them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE = HERE / "_bare_window.py"
PROBE = "PRESS_READER_LAUNCH_PROBE"
#: The screen the windows open on.
SCREEN = "1400x900x24"


def available() -> str | None:
    """Why launches under X cannot be measured here, or None when they can."""
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed (Debian: apt-get install xvfb)"
    return None


@contextmanager
def x_server() -> Iterator[str]:
    """A private Xvfb on a free display; yields its DISPLAY value."""
    read, write = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        if not number:
            raise SystemExit("FAIL: Xvfb did not start")
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(10)


def data_folder(library: Path, folder: Path) -> Path:
    """A data folder holding ``library`` as its library file (a hard link where it can be:
    the large libraries are hundreds of MB)."""
    from reader.paths import LIBRARY_FILE

    data = folder / f"data-{library.stem}"
    target = data / LIBRARY_FILE
    if not target.exists():
        data.mkdir(parents=True, exist_ok=True)
        try:
            os.link(library, target)
        except OSError:
            shutil.copyfile(library, target)
    return data


def app_command(data: Path, executable: Path | None = None) -> list[str]:
    """The installed console script beside this interpreter (or a bundle's executable)."""
    program = executable or Path(sys.executable).with_name("press-reader")
    return [str(program), "--data-dir", str(data)]


def bare_command() -> list[str]:
    return [sys.executable, str(BARE)]


@dataclass(frozen=True)
class XLaunch:
    """One launch: seconds from the spawn to the measured frame, the list's rows in that
    frame, and the start's steps (seconds from the spawn; empty for the bare window)."""

    seconds: float
    rows: int
    steps: dict[str, float]


def launch(command: Sequence[str], display: str, home: Path, timeout: float) -> XLaunch:
    """Run ``command`` on ``display`` until its window has told its first frame and closed."""
    probe = home / "probe.json"
    probe.unlink(missing_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "QT_SCALE_FACTOR", "WAYLAND_DISPLAY")
    }
    env.update(
        DISPLAY=display,
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        **{PROBE: str(probe)},
    )
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    started = time.monotonic()
    done = subprocess.run(
        list(command), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    if done.returncode != 0 or not probe.exists():
        raise SystemExit(
            f"FAIL: {Path(command[0]).name} exited with {done.returncode} without telling its "
            f"first frame:\n{done.stderr[-3000:]}"
        )
    record = json.loads(probe.read_text(encoding="utf-8"))
    steps = {name: at - started for name, at in record.get("marks", {}).items()}
    return XLaunch(record["monotonic"] - started, int(record["rows"]), steps)
