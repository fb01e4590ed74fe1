"""The command lines that only open the desktop window, recognised without the whole grammar.

``press-reader``, ``press-reader gui``, with ``--demo`` and ``--data-dir DIR`` in any of their
places, are what a launcher runs many times a day; building the parser of every command (some
forty of them, their help translated) and importing their modules is time the window would
wait for. Anything else, or anything unusual about these (an abbreviated option, an empty
folder, ``--help``), goes to the full parser, which gives the same result or the same error
it always did.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

DATA_DIR = "--data-dir"


def window_request(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments the full parser would give for ``argv`` when it only opens the window;
    None when the full parser must decide."""
    command = False
    demo = False
    data_dir: str | None = None
    tokens = iter(argv)
    for token in tokens:
        if token == "gui" and not command:
            command = True
        elif token == "--demo":
            demo = True
        elif token == DATA_DIR:
            data_dir = next(tokens, "")
            if not data_dir or data_dir.startswith("-"):
                return None
        elif token.startswith(DATA_DIR + "="):
            data_dir = token.removeprefix(DATA_DIR + "=")
            if not data_dir:
                return None
        else:
            return None
    args = argparse.Namespace(command="gui" if command else None, demo=demo)
    if data_dir is not None:
        args.data_dir = data_dir
    return args
