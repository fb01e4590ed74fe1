"""The parser processes: a pool whose workers never outlive the program that started them."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

#: A worker whose parent is gone exits with this status.
ORPHAN_EXIT_STATUS = 3


def parser_pool(processes: int) -> ProcessPoolExecutor:
    """``processes`` worker processes, started fresh ("spawn": forking a process that runs
    threads, or Qt, is not safe), each watching its parent so that it exits when the parent
    dies, even by SIGKILL, when no shutdown ever reaches it."""
    return ProcessPoolExecutor(
        processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_exit_with_parent,
    )


def _exit_with_parent() -> None:
    """Runs first in each worker: leave Ctrl-C to the parent, and exit when it is gone.

    A spawned child holds the read end of a pipe whose write end only its parent has
    (``parent_process().sentinel``, a process handle on Windows): it becomes ready when the
    parent exits however it exits, on every platform, with no polling. The pool's own queues
    cannot tell: each worker holds both ends of them. When the last worker exits, the
    resource tracker reads the end of its own pipe and exits too.
    """
    # The terminal sends Ctrl-C to the whole process group; the parent stops the pool itself,
    # and a worker interrupted mid-task would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        # os._exit: the pool's threads are blocked on a parent that will never answer, and
        # interpreter shutdown would wait for them.
        os._exit(ORPHAN_EXIT_STATUS)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


@contextmanager
def stopped_on_error(parser: Executor | None, *pools: Executor) -> Iterator[None]:
    """On an error or an interrupt (Ctrl-C, or SIGTERM turned into one), drop the work not
    started yet and let the parser processes go at once: the thread pools' own exit then waits
    only for the downloads under way, not for workers that have nothing left to do."""
    try:
        yield
    except BaseException:
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
        if parser is not None:
            parser.shutdown(wait=False, cancel_futures=True)
        raise
