"""How a command's run ends: its exit status, and the one line an error or an interrupt gets.

Shared by the window's short path and every other command (see :mod:`reader.cli.dispatch`),
so that Ctrl-C, a broken pipe or an error from the engine read the same whichever path ran.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from reader.cli import PROG
from reader.cli.i18n import _
from reader.core.errors import ReaderError


def print_error(error: ReaderError) -> None:
    """An error from the engine, as one printable line on stderr."""
    # Errors repeat titles, addresses and reasons from outside: made safe for a terminal.
    from reader.cli.output import shown

    print(f"{PROG}: error: {shown(error)}", file=sys.stderr)


def exit_status(run: Callable[[], int]) -> int:
    """Run a command; its own status, or 1 after an engine error, 130 after an interrupt."""
    try:
        return run()
    except ReaderError as error:
        print_error(error)
        return 1
    except KeyboardInterrupt:
        print(_("{prog}: interrupted").format(prog=PROG), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error worth a word.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
