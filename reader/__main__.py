"""Entry point for ``python -m reader``."""

import sys

from reader.cli import main

# The guard matters: parse worker processes import this module under another name.
if __name__ == "__main__":
    sys.exit(main())
