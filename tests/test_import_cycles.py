"""No import loop anywhere in reader/: the modules' top-level imports form a graph without cycles.

Imports inside functions count: a loop hidden in a function is still two modules that cannot
be understood apart (parse.py and fastparse.py were such a pair). Imports under
``if TYPE_CHECKING:`` do not (they never run), nor does a module's "import" of its own
packages (Python runs them first anyway). A cycle is reported as the modules of one strongly
connected component.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reader"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _every_import(statements: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import but those under TYPE_CHECKING, wherever it sits."""
    module = ast.Module(body=statements, type_ignores=[])
    type_only = {
        id(node)
        for block in ast.walk(module)
        if isinstance(block, ast.If) and _is_type_checking(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    for node in ast.walk(module):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in type_only:
            yield node


def _top_level_imports(statements: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is first imported (not in functions or classes'
    methods, not under TYPE_CHECKING)."""
    for node in statements:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _top_level_imports(node.body)
            yield from _top_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                yield from _top_level_imports(block)
            for handler in node.handlers:
                yield from _top_level_imports(handler.body)
        elif isinstance(node, ast.ClassDef):
            yield from _top_level_imports(node.body)


def _package_of(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def import_graph(modules: Mapping[str, Path], *, deferred: bool = False) -> dict[str, set[str]]:
    """Module → the project modules it imports at import time (and in its functions too when
    ``deferred``)."""
    imports = _every_import if deferred else _top_level_imports
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets: set[str] = set()
        for node in imports(tree.body):
            if isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    package = _package_of(name, path).split(".")
                    package = package[: len(package) - (node.level - 1)]
                    base = ".".join([*package, base] if base else package)
                candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
            for candidate in candidates:
                # "from reader.x import y": y is a module when reader.x.y is one.
                while candidate and candidate not in modules:
                    candidate = candidate.rpartition(".")[0]
                # A module's own packages run before it whatever it imports: not an edge.
                if candidate and not (name == candidate or name.startswith(candidate + ".")):
                    targets.add(candidate)
        graph[name] = targets
    return graph


def cycles(graph: Mapping[str, set[str]]) -> set[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[tuple[str, ...]] = set()
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.add(tuple(sorted(component)))
    return found


def _project_modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_the_cycle_finder_sees_loops_and_only_loops() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"f"}, "f": {"e"}, "g": set()}
    assert cycles(graph) == {("a", "b", "c"), ("e", "f")}
    assert cycles({"a": {"b"}, "b": set()}) == set()


def test_deferred_and_type_only_imports_do_not_count(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "one.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from pkg import two\n"
        "if TYPE_CHECKING:\n"
        "    from pkg.three import Three\n"
    )
    (package / "two.py").write_text("def later():\n    if True:\n        from pkg import one\n")
    (package / "three.py").write_text("from . import one\n")
    modules = {
        "pkg": package / "__init__.py",
        "pkg.one": package / "one.py",
        "pkg.two": package / "two.py",
        "pkg.three": package / "three.py",
    }
    graph = import_graph(modules)
    assert graph["pkg.one"] == {"pkg.two"}
    assert graph["pkg.two"] == set()
    assert graph["pkg.three"] == {"pkg.one"}
    assert cycles(graph) == set()
    full = import_graph(modules, deferred=True)
    assert full["pkg.two"] == {"pkg.one"}
    assert full["pkg.one"] == {"pkg.two"}  # the TYPE_CHECKING import never runs
    assert cycles(full) == {("pkg.one", "pkg.two")}


def test_reader_has_no_import_loop() -> None:
    found = cycles(import_graph(_project_modules(), deferred=True))
    assert found == set(), "import loops: " + "; ".join(" ↔ ".join(c) for c in sorted(found))
