"""The command-line tests expect English: the user's own language is kept out of them."""

from __future__ import annotations

import pytest

from reader.cli.i18n import LANGUAGE_VARIABLES


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    # Messages only: the other locale categories (and Qt's) stay as the machine has them.
    monkeypatch.setenv("LC_MESSAGES", "C")
