"""Starting the app: no display, unexpected exceptions, the window's library."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reader import __version__
from reader.ui.app import crash_report, display_problem, install_crash_handler


def test_no_display_is_explained_before_qt_aborts(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    problem = display_problem()
    assert problem is not None and "no display" in problem
    monkeypatch.setenv("DISPLAY", ":0")
    assert display_problem() is None


@pytest.fixture
def restore_excepthook() -> Iterator[None]:
    original = sys.excepthook
    yield
    sys.excepthook = original


def test_an_unexpected_exception_shows_a_report_and_the_app_goes_on(
    qtbot: QtBot, restore_excepthook: None, capsys: pytest.CaptureFixture[str]
) -> None:
    reports: list[str] = []
    install_crash_handler(reports.append)
    try:
        raise ZeroDivisionError("a bug in a slot")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # what PySide6 does with an exception in a slot
    assert len(reports) == 1
    assert "ZeroDivisionError: a bug in a slot" in reports[0]
    assert f"Press Reader {__version__}" in reports[0]
    assert "Traceback" in capsys.readouterr().err
    # The event loop goes on afterwards.
    fired: list[bool] = []
    QTimer.singleShot(10, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True], timeout=1000)


def test_crash_report_names_versions_and_the_traceback() -> None:
    try:
        raise ValueError("boom")
    except ValueError as error:
        report = crash_report(type(error), error, error.__traceback__)
    assert report.startswith(f"Press Reader {__version__}, Python ")
    assert "Qt " in report and "ValueError: boom" in report
