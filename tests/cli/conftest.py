"""The command-line tests expect English: the user's own language is kept out of them. They
share the session's Qt application: the PDF export draws (tests/qt_session.py)."""

from __future__ import annotations

import pytest

from reader.cli.i18n import LANGUAGE_VARIABLES
from tests.qt_session import _widgets_application  # noqa: F401 - autouse, for this folder


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    # Messages only: the other locale categories (and Qt's) stay as the machine has them.
    monkeypatch.setenv("LC_MESSAGES", "C")
