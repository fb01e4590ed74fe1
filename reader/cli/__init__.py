"""The command line: parses arguments, calls the engine, prints; one clear line per error.

``main`` runs one command: the grammar is in :mod:`reader.cli.parser`, each command's function
in the module of its area (``feeds``, ``articles``, ``briefs``…), the table of them in
:mod:`reader.cli.commands`.
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Sequence

from reader.cli import i18n
from reader.cli.commands import HANDLERS as _HANDLERS
from reader.cli.commands import only_reads
from reader.cli.i18n import _
from reader.cli.info import cmd_summary
from reader.cli.library import library_file, open_library, run_window, sigterm_interrupts
from reader.cli.output import shown
from reader.cli.parser import PROG, Clock, build_parser
from reader.core import utc_now
from reader.core.errors import ReaderError

__all__ = ["PROG", "build_parser", "main"]


def user_translation() -> gettext.NullTranslations:
    """The translation for the user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); English
    when there is no catalog for it, or when its catalog cannot be read (with a warning)."""
    try:
        return i18n.translation_for(os.environ)
    except i18n.CatalogError as error:
        print(f"{PROG}: warning: {error}; messages stay in English", file=sys.stderr)
        return gettext.NullTranslations()


def main(argv: Sequence[str] | None = None, *, clock: Clock = utc_now) -> int:
    """Run one command; returns the exit status (0 ok, 1 error, 2 usage).

    Help, usage errors and the commands' reports are in the user's language; errors from the
    engine (exit status 1) stay in English. ``clock`` is the time every date the command
    stamps or counts back from comes from (tests inject their own).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    with i18n.translated(user_translation()):
        return _run(argv, clock)


def _run(argv: Sequence[str] | None, clock: Clock) -> int:
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
