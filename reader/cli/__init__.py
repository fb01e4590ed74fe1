"""The command line: parses arguments, calls the engine, prints; one clear line per error.

``main`` runs one command (see :mod:`reader.cli.dispatch`). A command line that only opens the
desktop window is recognised first (:mod:`reader.cli.window_args`), so that the window does
not wait for the grammar and the modules of every other command.
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.cli.parser import Clock

__all__ = ["PROG", "build_parser", "main"]

#: The program's name, in its messages and its usage.
PROG = "press-reader"


def __getattr__(name: str) -> Any:
    # The grammar and the table of commands, loaded when asked for.
    if name == "build_parser":
        from reader.cli.parser import build_parser

        return build_parser
    if name == "_HANDLERS":
        from reader.cli.commands import HANDLERS

        return HANDLERS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def user_translation() -> gettext.NullTranslations:
    """The translation for the user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); English
    when there is no catalog for it, or when its catalog cannot be read (with a warning)."""
    from reader.cli import i18n

    try:
        return i18n.translation_for(os.environ)
    except i18n.CatalogError as error:
        print(f"{PROG}: warning: {error}; messages stay in English", file=sys.stderr)
        return gettext.NullTranslations()


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 error, 2 usage).

    Help, usage errors and the commands' reports are in the user's language; errors from the
    engine (exit status 1) stay in English. ``clock`` is the time every date the command
    stamps or counts back from comes from (the system's when None; tests inject their own).
    """
    from reader.cli import i18n
    from reader.cli.window_args import window_request

    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    with i18n.translated(user_translation()):
        window = window_request(sys.argv[1:] if argv is None else argv)
        if window is not None:
            from reader.cli.library import run_window
            from reader.cli.outcome import exit_status

            return exit_status(lambda: run_window(window))
        from reader.cli.dispatch import run
        from reader.core import utc_now

        return run(argv, clock or utc_now)
