"""The bundle's entry point: PyInstaller runs this file as ``__main__`` (see press-reader.spec)."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    # A refresh parses feeds in "spawn" worker processes: in a frozen program each worker is
    # this executable again, and freeze_support() turns it into a worker instead of the app.
    multiprocessing.freeze_support()
    sys.exit(main())
