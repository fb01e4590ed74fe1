"""The benchmarks' report: machine facts, then one table of measures against their targets."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Row = tuple[str, str, str, str, str, str]
HEADER: Row = ("measure", "Press Reader", "baseline", "ratio", "target", "ok")
#: Columns read as text (left-aligned); the others are figures.
_TEXT_COLUMNS = (0, 4, 5)


def print_table(
    facts: Sequence[tuple[str, str]],
    rows: Sequence[Row],
    *,
    markdown: bool,
    out: Callable[[str], None] = print,
) -> None:
    """The facts as a list and the rows as a table, in Markdown or as aligned plain text."""
    if markdown:
        for name, value in facts:
            out(f"- **{name}**: {value}")
        out("")
        out("| " + " | ".join(HEADER) + " |")
        out("|" + "|".join(["---", "---:", "---:", "---:", "---", "---"]) + "|")
        for row in rows:
            out("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
        return
    width = max(len(name) for name, _ in facts)
    for name, value in facts:
        out(f"{name:<{width}}  {value}")
    out("")
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out(line)
    for row in [HEADER, *rows]:
        cells = [
            cell.ljust(w) if i in _TEXT_COLUMNS else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        out("| " + " | ".join(cells) + " |")
        if row is HEADER:
            out(line)
    out(line)


def ok(good: bool) -> str:
    return "yes" if good else "NO"


def info(name: str, ours: str, baseline: str = "", ratio: str = "") -> Row:
    return (name, ours, baseline, ratio, "", "")


def p90(values: Sequence[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def print(self, facts: Sequence[tuple[str, str]], *, markdown: bool) -> int:
        """The facts and the table, then the details and a ``MISSED:`` line per missed
        target; returns the exit status (1 when a target was missed)."""
        print_table(facts, self.rows, markdown=markdown)
        print()
        for detail in self.details:
            print(detail)
        for miss in self.misses:
            print(f"MISSED: {miss}")
        return 1 if self.misses else 0


def host_facts(root: Path) -> list[tuple[str, str]]:
    """The facts every benchmark report opens with: machine and its load, system, Python, and
    the code's revision (``git describe`` of ``root``)."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        head = subprocess.run(
            ["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
            cwd=root, check=False, timeout=10,
        ).stdout.strip()  # fmt: skip
    except OSError:
        head = ""
    return [
        ("machine", f"{platform.machine()}, {os.cpu_count()} cores, load average {load}"),
        ("system", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("code", head or "unknown"),
    ]


def package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"
