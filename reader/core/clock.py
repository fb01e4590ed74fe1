"""The program's one clock: every time Press Reader stamps or compares comes from :func:`utc_now`.

Nothing else in the program reads the wall clock. Objects that need the time are handed a
clock (``Store(path, clock=…)``, ``Fetcher(clock=…)``) whose default is :func:`utc_now`, and
exporters are given the moment of the export by their caller.

For tests only, the environment variable ``PRESS_READER_NOW`` stops this clock at a fixed
time (ISO 8601, e.g. ``2026-11-29T09:00:00Z``; a time without a zone is UTC), so that a
command-line run in a subprocess stamps known dates whatever the day it runs.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from reader.core.errors import ClockError

#: Stops the clock at the ISO 8601 time it holds (for tests).
NOW_ENV = "PRESS_READER_NOW"


def utc_now() -> datetime:
    """The current time, aware, in UTC, to the second (or the time ``PRESS_READER_NOW`` holds)."""
    fixed = os.environ.get(NOW_ENV, "").strip()
    if fixed:
        return _fixed(fixed)
    return datetime.now(UTC).replace(microsecond=0)


def _fixed(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ClockError(f"{NOW_ENV} is not an ISO 8601 time: {text!r}") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)
