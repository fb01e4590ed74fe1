"""Starting the desktop application: the QApplication, the crash handler, the main window."""

from __future__ import annotations

import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication

from reader.ui.pyside_scan import answer_feature_scans

# Before the window's modules load: see reader.ui.pyside_scan.
answer_feature_scans()

from reader import __version__  # noqa: E402
from reader.core import Store  # noqa: E402

ORGANIZATION = "PressReader"
APPLICATION = "Press Reader"


def display_problem() -> str | None:
    """Why a window cannot be shown here, or None when it can (checked before Qt aborts)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        return (
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "the command-line commands work without one: see 'press-reader --help'"
        )
    return None


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created with the names QSettings files are kept under."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName("press-reader")
    return app


def crash_report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """The text a user can copy into a bug report."""
    lines = traceback.format_exception(kind, value, tb)
    return (
        f"Press Reader {__version__}, Python {platform.python_version()}, Qt {qVersion()}, "
        f"PySide6 {pyside_version}, {platform.platform()}\n\n" + "".join(lines)
    )


def install_crash_handler(show: Callable[[str], None]) -> None:
    """Unexpected exceptions in slots show a report dialog; the app keeps running."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        report = crash_report(kind, value, tb)
        sys.stderr.write(report)
        show(report)

    sys.excepthook = hook


def run_gui(library: Path, *, demo_library: Callable[[], Path] | None = None) -> int:
    """Open the main window on ``library`` and run until it closes."""
    marks = {"gui": time.monotonic()}
    from reader.ui import launch_probe
    from reader.ui.i18n import install_language
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import AppSettings

    marks["imported"] = time.monotonic()
    app = make_application()
    marks["application"] = time.monotonic()
    settings = AppSettings()
    # Before any window: widgets take their texts and their locale when they are made.
    install_language(settings.preferences().language)
    store = Store(library)
    marks["store"] = time.monotonic()
    window = MainWindow(store, settings, demo_library=demo_library)
    marks["window"] = time.monotonic()
    launch_probe.install(window, marks)  # owned by the window

    def show_report(report: str) -> None:
        from reader.ui.help_dialogs import ErrorReportDialog

        ErrorReportDialog(report, parent=window).exec()

    install_crash_handler(show_report)
    window.show()
    marks["shown"] = time.monotonic()
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        window.store.close()
