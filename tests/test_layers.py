"""Outside the engine, code reaches it only through its face: ``reader.core``, its values
(``reader.core.types``) and its errors (``reader.core.errors``)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent
ENGINE = PACKAGE / "core"
#: The engine's modules that code outside it may import.
FACE = {"reader.core", "reader.core.types", "reader.core.errors"}


def _outside_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if ENGINE not in p.parents)


def _engine_modules_imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every engine module ``path`` imports."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: a relative import"
            module = node.module or ""
            found.append((node.lineno, module))
            if module == "reader.core":
                # ``from reader.core import store`` imports a module, not a public name.
                found += [
                    (node.lineno, f"reader.core.{alias.name}")
                    for alias in node.names
                    if (ENGINE / f"{alias.name}.py").exists() or (ENGINE / alias.name).is_dir()
                ]
    return [
        (line, module)
        for line, module in found
        if (module == "reader.core" or module.startswith("reader.core.")) and module not in FACE
    ]


def test_the_walk_sees_the_desktop_the_exporters_and_the_command_line() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in _outside_modules()}
    assert {
        "cli/__init__.py",
        "cli/parser.py",
        "app_check.py",
        "paths.py",
        "ui/mainwindow.py",
        "export/__init__.py",
    } <= names


def test_code_outside_the_engine_imports_only_its_face() -> None:
    offences = [
        f"{path.relative_to(PACKAGE.parent).as_posix()}:{line}: {module}"
        for path in _outside_modules()
        for line, module in _engine_modules_imported(path)
    ]
    assert offences == []


def test_the_highlights_filter_decides_without_qt() -> None:
    """The Highlights window's filter is plain Python: it loads no Qt module."""
    code = (
        "import sys, reader.ui.highlight_filter as f; "
        "assert f.HighlightFilter(tag='country').tag == 'country'; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_parser_process_imports_only_what_parsing_needs() -> None:
    """Each refresh starts fresh parser processes: they import the parsing job, not the HTTP
    stack, the store or the page extractor."""
    code = (
        "import sys, reader.core.parse_job; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('httpx', 'sqlite3', "
        "'trafilatura', 'lxml') or m.startswith(('reader.core.storage', 'reader.core.fetch', "
        "'reader.core.extract', 'reader.core.refresh'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
