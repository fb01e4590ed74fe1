"""PyInstaller hook: where the analysis finds ``reader.resources``.

pyproject.toml installs the top-level resources/ folder as the package reader.resources; an
editable install resolves it with an import hook that PyInstaller's analysis does not run. Adding
the checkout to the package's search path during the analysis lets it find resources/__init__.py
as reader.resources, which then goes into the bundle like any other module.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pre_safe_import_module(api):  # type: ignore[no-untyped-def]
    api.append_package_path(str(ROOT))
