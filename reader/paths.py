"""Where Press Reader keeps its files: data, config and cache folders, and bundled resources."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import appdirs

APP_NAME = "press-reader"
APP_AUTHOR = "PressReader"
LIBRARY_FILE = "library.sqlite3"
DATA_DIR_ENV = "PRESS_READER_DATA_DIR"
#: The top-level resources/ folder, installed under this name (see pyproject.toml).
RESOURCES_PACKAGE = "reader.resources"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the user's library: the override, then $PRESS_READER_DATA_DIR, then the
    platform's user data folder (``~/.local/share/press-reader`` on Linux)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    """The folder for settings."""
    return Path(appdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    """The folder for things that can be rebuilt (feed icons, downloaded images)."""
    return Path(appdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def user_library_path(data: Path) -> Path:
    """The library database inside a data folder."""
    return data / LIBRARY_FILE


def demo_library_path(data: Path) -> Path:
    """The demo library lives apart from the user's own, in its own sub-folder."""
    return data / "demo" / LIBRARY_FILE


def resources_dir() -> Path:
    """The bundled resources (demo library, icons, stylesheets, translations).

    Found through ``importlib.resources`` the same way in an editable install, an installed
    wheel and the PyInstaller bundle. Only a bare checkout that was never installed falls
    back to the top-level ``resources`` folder beside the package.
    """
    try:
        root = resources.files(RESOURCES_PACKAGE)
    except ModuleNotFoundError:
        return _PACKAGE_DIR.parent / "resources"
    if not isinstance(root, Path):
        # A zipped install: the demo library and Qt need real files, so it is not supported.
        raise RuntimeError(f"Press Reader's resources are not a folder on disk: {root}")
    return root
