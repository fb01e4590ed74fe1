"""``press-reader --self-check``: open the main window offscreen on a fresh demo library, close it.

Meant for installs and bundles (``make bundle-check``): it proves that the resources, the
parser worker processes, Qt and its plugins, and the main window all work on this machine,
without a display and without touching the user's library or settings. Qt is imported only
when the check runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import paths

if TYPE_CHECKING:
    from reader.core import Store

#: Worker processes the demo refresh parses in (more than one, so that the pool is used).
PARSE_PROCESSES = 2
#: How long the window stays open, processing events, before it is closed.
OPEN_MS = 500
#: After this long the event loop is stopped, whatever happened.
WATCHDOG_MS = 20_000


class SelfCheckFailed(Exception):
    """One step of the self-check went wrong; the message says which, for the user."""


def run_self_check() -> int:
    """Run the check; print ``self-check ok`` and return 0, or one line on stderr and 1."""
    try:
        _check()
    except SelfCheckFailed as failure:
        print(f"press-reader: self-check failed: {failure}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the check's purpose: any failure, one clear line
        print(f"press-reader: self-check failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print("self-check ok")
    return 0


def _check() -> None:
    # Here, not at the top: the parser of every command imports this module for its option.
    from reader.core import open_demo_library, seed_demo_library

    resources = paths.resources_dir()
    demo = resources / "demo"
    if not (demo / "demo.opml").is_file():
        raise SelfCheckFailed(f"the demo library is missing from the resources ({resources})")
    with tempfile.TemporaryDirectory(prefix="press-reader-check-") as tmp:
        data = Path(tmp)
        library = paths.demo_library_path(data)
        with open_demo_library(library) as store:
            if seed_demo_library(store, demo) == 0:
                raise SelfCheckFailed(f"no demo feed could be loaded from {demo}")
            _refresh_in_processes(store)
        _extract_sample_page()
        _open_and_close_window(library, data)


def _refresh_in_processes(store: Store) -> None:
    """Refresh the demo library (offline) with its parsing in worker processes: a frozen
    bundle must be able to start them (``multiprocessing.freeze_support``)."""
    from reader.core import refresh_feeds

    summary = refresh_feeds(store, parse_processes=PARSE_PROCESSES)
    if not summary.outcomes or summary.failed:
        raise SelfCheckFailed(f"refreshing the demo library failed: {summary.describe()}")


#: A small article page: the full-text extractor must find its paragraphs (and trafilatura and
#: jusText their data files, which a bundle has to carry).
_SAMPLE_PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Reprise de la coopération régionale</title></head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Reprise de la coopération régionale</h1>
<p>Les ministres de la région se sont réunis mardi pour examiner la reprise de la coopération
en matière de sécurité, suspendue depuis le début de l’année.</p>
<p>Selon le communiqué final, les délégations ont adopté un calendrier de travail commun et
prévu une nouvelle réunion avant la fin du trimestre, dans la capitale du pays hôte.</p>
<p>Les observateurs notent toutefois que plusieurs questions restent ouvertes, notamment le
financement des patrouilles conjointes et le partage des renseignements.</p></article>
<footer>© Journal de démonstration</footer></body></html>"""


def _extract_sample_page() -> None:
    from reader.core import extract_article

    found = extract_article(_SAMPLE_PAGE.encode(), "https://example.org/cooperation")
    if "patrouilles conjointes" not in found.text or "Accueil" in found.text:
        raise SelfCheckFailed("the full-text extractor did not find the sample article")


def _open_and_close_window(library: Path, data: Path) -> None:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        # Set before Qt starts: the check never needs (nor uses) the user's display.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QSettings, QTimer, qInstallMessageHandler

    from reader.core import Store
    from reader.ui.app import make_application
    from reader.ui.icons import icon_path
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import AppSettings

    qInstallMessageHandler(_quiet_known_warnings)
    app = make_application()
    _check_icons_and_translations(paths.resources_dir(), icon_path("app"))

    settings = AppSettings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
    store = Store(library)
    try:
        window = MainWindow(store, settings, demo_library=lambda: library, cache_dir=data / "cache")
        window.show()
        QTimer.singleShot(OPEN_MS, window.close)
        QTimer.singleShot(WATCHDOG_MS, app.quit)
        app.exec()
        if window.isVisible():
            raise SelfCheckFailed(f"the main window did not close within {WATCHDOG_MS} ms")
        if window.feed_model.rowCount() == 0:
            raise SelfCheckFailed("the main window showed no feeds of the demo library")
        window.deleteLater()
    finally:
        store.close()


#: Harmless messages of the offscreen platform, kept out of the check's output.
_KNOWN_WARNINGS = ("This plugin does not support propagateSizeHints()",)


def _quiet_known_warnings(kind: object, context: object, message: str) -> None:
    if message not in _KNOWN_WARNINGS:
        print(message, file=sys.stderr)


def _check_icons_and_translations(resources: Path, app_icon: Path) -> None:
    """The SVG icon renders (Qt's SVG plugins are there) and every compiled translation loads."""
    from PySide6.QtCore import QSize, QTranslator
    from PySide6.QtGui import QIcon

    if QIcon(str(app_icon)).pixmap(QSize(64, 64)).isNull():
        raise SelfCheckFailed(f"the application icon {app_icon} cannot be drawn (Qt SVG support?)")
    for qm in sorted((resources / "translations").glob("*.qm")):
        if not QTranslator().load(str(qm)):
            raise SelfCheckFailed(f"the translation {qm.name} cannot be loaded")


class SelfCheckAction(argparse.Action):
    """The ``--self-check`` option: runs the check and exits with its status, as ``--version``
    prints and exits. Hidden from ``--help``: it is for packagers, not for daily use."""

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str = argparse.SUPPRESS,
        default: Any = argparse.SUPPRESS,
        help: str | None = argparse.SUPPRESS,
    ) -> None:
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        parser.exit(run_self_check())
