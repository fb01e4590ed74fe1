"""The engine's public face: every name it promises resolves, and importing it is free."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import reader.core
from reader.core import errors, types

#: Modules that must wait for the first use of the engine part that needs them.
HEAVY = (
    "httpx",
    "feedparser",
    "nh3",
    "sqlite_utils",
    "lxml",
    "trafilatura",
    "markdownify",
    "docx",
    "PySide6",
)


def test_importing_the_face_its_values_and_its_errors_loads_no_third_party_module() -> None:
    code = (
        "import reader.core, reader.core.types, reader.core.errors, sys; print(sorted(sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = {name.split(".")[0] for name in ast.literal_eval(result.stdout)}
    assert not loaded & set(HEAVY)


@pytest.mark.parametrize("name", reader.core.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(reader.core, name) is not None


def test_every_value_and_error_is_public() -> None:
    def public(module: object) -> set[str]:
        return {
            name
            for name, value in vars(module).items()
            if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__  # type: ignore[attr-defined]
        }

    assert public(types) <= set(reader.core.__all__)
    assert public(errors) <= set(reader.core.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nonesuch'"):
        reader.core.Nonesuch  # noqa: B018


def test_open_library_gives_a_store_with_the_injected_clock(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    stopped = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    store = reader.core.open_library(tmp_path / "library.sqlite", clock=lambda: stopped)
    try:
        assert isinstance(store, reader.core.Store)
        assert store.now() == stopped
    finally:
        store.close()
