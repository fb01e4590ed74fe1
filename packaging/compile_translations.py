"""Compile the interface's translations: resources/translations/*.ts into a .qm beside each.

Run from anywhere after editing a .ts (``make translations`` does it):

    .venv/bin/python packaging/compile_translations.py

The .ts files are the sources; the .qm files built from them are committed too, so that a
build by plain pip needs no Qt tool (tests/test_packaging.py checks that they agree).
``pyside6-lrelease`` is taken beside the running Python (the virtual environment's bin
folder), else from PATH. Exits 1 with one line on stderr when it cannot compile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TOOL = "pyside6-lrelease"


def find_lrelease() -> str | None:
    """pyside6-lrelease beside this Python, else on PATH; None when there is none."""
    beside = Path(sys.executable).parent
    for name in (TOOL, TOOL + ".exe"):
        candidate = beside / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(TOOL)


def compile_all(tool: str, sources: list[Path]) -> list[Path]:
    """Compile each .ts into the .qm beside it; raises CalledProcessError on a failure."""
    built = []
    for source in sources:
        target = source.with_suffix(".qm")
        subprocess.run(
            [tool, "-silent", str(source), "-qm", str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        built.append(target)
    return built


def main() -> int:
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        print(f"compile_translations: no .ts file in {TRANSLATIONS}", file=sys.stderr)
        return 1
    tool = find_lrelease()
    if tool is None:
        print(
            f"compile_translations: {TOOL} not found beside {sys.executable} nor on PATH "
            "(it comes with PySide6: install the project's dependencies first)",
            file=sys.stderr,
        )
        return 1
    try:
        built = compile_all(tool, sources)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"compile_translations: {TOOL} failed: {error}", file=sys.stderr)
        return 1
    print(", ".join(str(path.relative_to(ROOT)) for path in built))
    return 0


if __name__ == "__main__":
    sys.exit(main())
