"""Running one command: parse the arguments, call the engine, print; one clear line per error.

The grammar is in :mod:`reader.cli.parser`, each command's function in the module of its area
(``feeds``, ``articles``, ``briefs``…), the table of them in :mod:`reader.cli.commands`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from reader.cli import PROG
from reader.cli.commands import HANDLERS as _HANDLERS
from reader.cli.commands import only_reads
from reader.cli.i18n import _
from reader.cli.info import cmd_summary
from reader.cli.library import library_file, open_library, run_window, sigterm_interrupts
from reader.cli.output import shown
from reader.cli.parser import Clock, build_parser
from reader.core.errors import ReaderError


def run(argv: Sequence[str] | None, clock: Clock) -> int:
    """Run the command ``argv`` asks for (``sys.argv`` when None); the exit status."""
    try:
        args = build_parser(clock).parse_args(argv)
    except ReaderError as error:  # a clock that cannot be read (PRESS_READER_NOW)
        print(f"{PROG}: error: {shown(error)}", file=sys.stderr)
        return 1
    command = args.command or "gui"
    action = getattr(args, f"{command}_command", None)
    handler = _HANDLERS.get((command, action), cmd_summary)
    try:
        if command == "gui":
            return run_window(args)
        with (
            sigterm_interrupts(),
            open_library(
                library_file(args, clock),
                clock,
                reading=only_reads(args),
                demo=getattr(args, "demo", False),
            ) as store,
        ):
            return handler(store, args, sys.stdout)
    except ReaderError as error:
        # Errors repeat titles, addresses and reasons from outside: one printable line.
        print(f"{PROG}: error: {shown(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("{prog}: interrupted").format(prog=PROG), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error worth a word.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
