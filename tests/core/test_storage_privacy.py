"""Only the storage package reaches inside a store: everything else calls its public methods.

A module outside ``reader/core/storage/`` must not read a private attribute of a store or of
one of its parts (``store._query``, ``store._conn``, ``self._store._now``,
``store.highlights._check_color``), nor fetch one with ``getattr``. An attribute counts as a
store's when the expression it is read from names a store (``store``, ``self._store``,
``self.window.store``), or when its name is one the storage package's classes define.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent
STORAGE = PACKAGE / "core" / "storage"


def _is_private(name: str) -> bool:
    return (
        name.startswith("_") and name != "_" and not (name.startswith("__") and name.endswith("__"))
    )


def storage_private_names(sources: Iterable[str]) -> frozenset[str]:
    """The private names the storage classes define: their methods, their class attributes
    and the ``self._…`` attributes their methods set."""
    names: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ClassDef):
                continue
            for statement in node.body:
                if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                    names.add(statement.name)
                elif isinstance(statement, ast.Assign | ast.AnnAssign):
                    targets = (
                        statement.targets
                        if isinstance(statement, ast.Assign)
                        else [statement.target]
                    )
                    names.update(t.id for t in targets if isinstance(t, ast.Name))
            names.update(
                member.attr
                for member in ast.walk(node)
                if isinstance(member, ast.Attribute)
                and isinstance(member.ctx, ast.Store)
                and isinstance(member.value, ast.Name)
                and member.value.id == "self"
            )
    return frozenset(name for name in names if _is_private(name))


def _chain(node: ast.expr) -> list[str]:
    """The names an expression is reached through: ``self.window.store`` → self, window,
    store (calls and subscripts are looked through)."""
    names: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return names[::-1]


def _reaches_a_store(base: ast.expr, attr: str, private: frozenset[str]) -> bool:
    chain = _chain(base)
    if chain in (["self"], ["cls"]):
        return False  # an object's own attribute, whatever its name
    return any("store" in name.casefold() for name in chain) or attr in private


def private_store_accesses(source: str, private: frozenset[str]) -> list[tuple[int, str]]:
    """(line, expression) of every private attribute of a store that ``source`` reaches."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            if _reaches_a_store(node.value, node.attr, private):
                found.append((node.lineno, ast.unparse(node)))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _is_private(node.args[1].value)
            and _reaches_a_store(node.args[0], node.args[1].value, private)
        ):
            found.append((node.lineno, ast.unparse(node)))
    return sorted(found)


def offences(root: Path, storage: Path) -> list[str]:
    """``path:line: expression`` for every private store access under ``root`` outside
    ``storage``."""
    private = storage_private_names(p.read_text(encoding="utf-8") for p in storage.rglob("*.py"))
    return [
        f"{path.relative_to(root.parent).as_posix()}:{line}: {expression}"
        for path in sorted(root.rglob("*.py"))
        if storage not in path.parents
        for line, expression in private_store_accesses(path.read_text(encoding="utf-8"), private)
    ]


STORAGE_LIKE = """
class Store:
    def __init__(self):
        self._conn = None
        self.highlights = Highlights(self)

    def _query(self, sql):
        return self._conn.execute(sql)

class Highlights:
    def __init__(self, store):
        self._store = store

    @staticmethod
    def _check_color(db, color):
        pass
"""


def test_the_storage_classes_private_names_are_collected() -> None:
    assert storage_private_names([STORAGE_LIKE]) == {"_conn", "_query", "_store", "_check_color"}


def test_private_store_accesses_are_found() -> None:
    private = storage_private_names([STORAGE_LIKE])
    source = """
def used(store, library, window):
    store._query("SELECT 1")
    library._conn.execute("PRAGMA user_version")
    window.store.highlights._check_color(None, "red")
    getattr(store, "_conn")

class Panel:
    def reload(self):
        return self._store._now()
"""
    assert private_store_accesses(source, private) == [
        (3, "store._query"),
        (4, "library._conn"),
        (5, "window.store.highlights._check_color"),
        (6, "getattr(store, '_conn')"),
        (10, "self._store._now"),
    ]


def test_public_calls_and_an_objects_own_attributes_are_not_offences() -> None:
    private = storage_private_names([STORAGE_LIKE])
    source = """
class ArticleList:
    def __init__(self, store):
        self._store = store
        self._query = None

    def reload(self):
        self._query = self._store.list_articles(self._query)
        return self._store.highlights.list(), store.transaction(), self.__class__
"""
    assert private_store_accesses(source, private) == []


def test_a_planted_offence_outside_storage_fails_the_walk(tmp_path: Path) -> None:
    root = tmp_path / "reader"
    storage = root / "core" / "storage"
    storage.mkdir(parents=True)
    (storage / "__init__.py").write_text(STORAGE_LIKE)
    (storage / "briefs.py").write_text("def rows(store):\n    return store._query('x')\n")
    (root / "cli.py").write_text("def run(store):\n    return store.list_feeds()\n")
    assert offences(root, storage) == []
    (root / "core" / "briefs.py").write_text("def used(store):\n    return store._query('x')\n")
    assert offences(root, storage) == ["reader/core/briefs.py:2: store._query"]


def test_no_module_outside_storage_reaches_inside_a_store() -> None:
    assert offences(PACKAGE, STORAGE) == []
