"""Running one command: parse the arguments, call the engine, print; one clear line per error.

The grammar is in :mod:`reader.cli.parser`, each command's function in the module of its area
(``feeds``, ``articles``, ``briefs``…), the table of them in :mod:`reader.cli.commands`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader.cli.commands import HANDLERS as _HANDLERS
from reader.cli.commands import only_reads
from reader.cli.info import cmd_summary
from reader.cli.library import library_file, open_library, run_window, sigterm_interrupts
from reader.cli.outcome import exit_status, print_error
from reader.cli.parser import Clock, build_parser
from reader.core.errors import ReaderError


def run(argv: Sequence[str] | None, clock: Clock) -> int:
    """Run the command ``argv`` asks for (``sys.argv`` when None); the exit status."""
    try:
        args = build_parser(clock).parse_args(argv)
    except ReaderError as error:  # a clock that cannot be read (PRESS_READER_NOW)
        print_error(error)
        return 1
    command = args.command or "gui"
    if command == "gui":
        return exit_status(lambda: run_window(args))
    action = getattr(args, f"{command}_command", None)
    handler = _HANDLERS.get((command, action), cmd_summary)

    def run_command() -> int:
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

    return exit_status(run_command)
