"""Hostile input: seconds and megabytes each bounded input costs, one table.

    .venv/bin/python benchmarks/hostile.py            # every area
    .venv/bin/python benchmarks/hostile.py --markdown # the table for docs/benchmarks.md
    .venv/bin/python benchmarks/hostile.py --only search,opml

Each area of hostile input (a search over a huge article, an enormous or deep OPML, a server
that trickles forever…) lives in ``benchmarks/_hostile_<area>.py`` and gives its rows through
``measure(folder: Path, quick: bool) -> Report``: what it cost here, with the figure before
the fix as its baseline where one was measured on the landed code, and the bound it must stay
within as its target. Every measure runs in child processes or temporary libraries of its own,
so one area's memory does not count in another's.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _table import Report, host_facts

ROOT = Path(__file__).resolve().parent.parent
#: The areas, in the order of the table.
AREAS = ("pdf", "search", "entry", "opml", "deadline", "storage", "processes")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    parser.add_argument("--only", default="", help="comma-separated areas (default: all)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wanted = [a for a in args.only.split(",") if a] or list(AREAS)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="press-bench-hostile-") as tmp:
        for area in wanted:
            try:
                module = importlib.import_module(f"_hostile_{area}")
            except ModuleNotFoundError:
                report.details.append(f"{area}: no measure yet (benchmarks/_hostile_{area}.py)")
                continue
            print(f"Measuring {area}…", file=sys.stderr, flush=True)
            folder = Path(tmp) / area
            folder.mkdir()
            part: Report = module.measure(folder, args.quick)
            report.rows.extend(part.rows)
            report.details.extend(part.details)
            report.misses.extend(part.misses)
    return report.print(host_facts(ROOT), markdown=args.markdown)


if __name__ == "__main__":
    sys.exit(main())
