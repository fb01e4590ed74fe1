"""Fixtures for the desktop tests: a library, settings that never touch the user's own, and
the session's Qt application (tests/qt_session.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.core.demo import seed_demo_library
from reader.core.storage import Store
from reader.paths import resources_dir
from reader.ui.mainwindow import MainWindow
from reader.ui.settings import AppSettings
from tests.qt_session import _widgets_application  # noqa: F401 - autouse, for this folder
from tests.ui.windows import make_window


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    """Settings in a throwaway INI file."""
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "demo" / "library.sqlite3") as store:
        seed_demo_library(store, resources_dir() / "demo")
        yield store


@pytest.fixture
def demo_window(qtbot: QtBot, demo_store: Store, app_settings: AppSettings) -> MainWindow:
    return make_window(qtbot, demo_store, app_settings)
