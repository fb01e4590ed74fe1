"""Every custom Qt signal of the program is named in snake_case, like the rest of its names."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import reader

SOURCE = Path(reader.__file__).resolve().parent
SNAKE_CASE = re.compile(r"_?[a-z][a-z0-9]*(_[a-z0-9]+)*")


def _is_signal(value: ast.expr | None) -> bool:
    """Whether a value is ``Signal(...)`` (or ``QtCore.Signal(...)``)."""
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return name == "Signal"


def declared_signals(tree: ast.Module) -> Iterator[tuple[str, str, int]]:
    """(class, signal, line) for each ``name = Signal(...)`` in a class body."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            if isinstance(statement, ast.Assign) and _is_signal(statement.value):
                targets = statement.targets
            elif isinstance(statement, ast.AnnAssign) and _is_signal(statement.value):
                targets = [statement.target]
            else:
                continue
            for target in targets:
                if isinstance(target, ast.Name):
                    yield node.name, target.id, statement.lineno


def test_the_scan_sees_signals_of_both_spellings() -> None:
    tree = ast.parse(
        "class A:\n"
        "    ok_name = Signal(int)\n"
        "    _private = QtCore.Signal()\n"
        "    badName = Signal(str)\n"
        "    typed: ClassVar[Signal] = Signal()\n"
        "    not_a_signal = Slot()\n"
    )
    found = {name for _, name, _ in declared_signals(tree)}
    assert found == {"ok_name", "_private", "badName", "typed"}
    assert [n for n in sorted(found) if not SNAKE_CASE.fullmatch(n)] == ["badName"]


def test_every_signal_is_snake_case() -> None:
    seen = 0
    wrong = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for cls, name, line in declared_signals(tree):
            seen += 1
            if not SNAKE_CASE.fullmatch(name):
                wrong.append(f"{path.relative_to(SOURCE.parent)}:{line} {cls}.{name}")
    assert seen > 20, "the scan found too few signals to be looking in the right place"
    assert wrong == []
