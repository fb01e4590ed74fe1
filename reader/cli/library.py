"""The library a command works on: which file (the user's or the demo one), opened how, and
the desktop window that opens it instead."""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths
from reader.core import Store, is_writable, utc_now
from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.cli.parser import Clock


def demo_library(data: Path, clock: Clock = utc_now) -> Path:
    """The demo library's file in a data folder, seeded from the bundled feeds on first use."""
    from reader.core import seed_demo_library

    path = paths.demo_library_path(data)
    with Store(path, clock=clock) as store:
        seed_demo_library(store, paths.resources_dir() / "demo")
    return path


def open_library(
    path: Path, clock: Clock = utc_now, *, reading: bool = False, demo: bool = False
) -> Store:
    """The library at ``path`` (the ``demo`` one refreshes offline); a command that only
    reads it opens a library the user cannot write read-only, and any other is refused by
    the Store with the reason it is read-only."""
    read_only = reading and path.exists() and not is_writable(path)
    if demo:
        from reader.core import open_demo_library

        return open_demo_library(path, clock=clock, read_only=read_only)
    return Store(path, clock=clock, read_only=read_only)


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Stop on SIGTERM as on Ctrl-C (KeyboardInterrupt): a refresh shuts its parser processes
    down and keeps what it stored, instead of dying with them left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def library_file(args: argparse.Namespace, clock: Clock = utc_now) -> Path:
    """The library the arguments point to; with --demo, the demo library."""
    data = paths.data_dir(getattr(args, "data_dir", None))
    if getattr(args, "demo", False):
        return demo_library(data, clock)
    return paths.user_library_path(data)


def run_window(args: argparse.Namespace) -> int:
    """Open the desktop window (Qt is imported only here)."""
    from reader.ui.app import display_problem, run_gui

    problem = display_problem()
    if problem is not None:
        raise ReaderError(problem)
    data = paths.data_dir(getattr(args, "data_dir", None))
    return run_gui(library_file(args), demo_library=lambda: demo_library(data))
