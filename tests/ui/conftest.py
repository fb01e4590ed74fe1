"""Fixtures for the desktop tests: a library, settings that never touch the user's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.core.store import Store
from reader.ui.settings import AppSettings
from tests.factories import Clock


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "library.sqlite3", clock=Clock()) as s:
        yield s


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    """Settings in a throwaway INI file."""
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
