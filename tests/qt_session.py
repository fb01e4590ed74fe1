"""The session's QApplication, for the test folders that draw: tests/ui, tests/export, tests/cli.

Their conftests import the fixture below; the engine's tests (tests/core) never ask for it, so
they run without Qt (tests/core/test_without_qt.py proves the engine does not load it).
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _widgets_application(qapp: object) -> None:
    """The session's QApplication, made before the folder's first test runs: code that draws
    without widgets (the PDF export from the command line) starts a bare QGuiApplication when
    none exists, and widgets cannot be made after that one."""
