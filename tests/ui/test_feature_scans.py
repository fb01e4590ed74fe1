"""PySide6's check of every imported module's source (does it mention PySide6?) is answered
for this program's modules without reading them; other modules are still read."""

from __future__ import annotations

import inspect
import sys
from types import ModuleType

import pytest

import reader.ui.app  # noqa: F401 - imports PySide6, then answers the scans


def test_the_programs_modules_are_answered_without_reading_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no source scan to answer")
    reads: list[str] = []

    def counting_getsource(module: ModuleType) -> str:
        reads.append(module.__name__)
        return "import json\n"

    monkeypatch.setattr(inspect, "getsource", counting_getsource)
    assert feature._mod_uses_pyside(ModuleType("reader.ui.some_pane")) is True
    assert reads == []
    assert feature._mod_uses_pyside(ModuleType("elsewhere")) is False
    assert reads == ["elsewhere"]
