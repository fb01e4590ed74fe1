"""Dates: aware UTC values, their text form in the library, and dates typed by users."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from reader.core.errors import InvalidDateError

_RELATIVE = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}

# The dates a user may type. Python's own range (years 1 to 9999) leaves no room for the
# arithmetic done with them (a zone's offset, the day after --until, a period's label), so
# the edges are kept well inside it; no news is older than 1900.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9999, 1, 1, tzinfo=UTC)


def to_db(value: datetime | None) -> str | None:
    """The library's text form of a time: ISO 8601 in UTC, to the second, sortable as text."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def from_db(value: str | None) -> datetime | None:
    """Back from :func:`to_db`."""
    if not value:
        return None
    return datetime.fromisoformat(value)


def parse_user_date(text: str, *, now: datetime) -> datetime:
    """A date as a user types it: ``2026-11-28``, ``2026-11-28T09:30``, or relative to now:
    ``30m``, ``24h``, ``7d``, ``2w``. Dates without a zone are taken as UTC.

    Raises :class:`InvalidDateError` for anything else, and for a date before
    :data:`EARLIEST` or from :data:`LATEST` on (``0001-01-01``, ``99999999d``)."""
    match = _RELATIVE.match(text)
    try:
        if match:
            amount, unit = int(match.group(1)), match.group(2).lower()
            parsed = now - timedelta(**{_UNITS[unit]: amount})
        else:
            parsed = _absolute(text.strip())
    except ValueError:
        raise InvalidDateError(
            f"not a date: {text!r} (use 2026-11-28, 2026-11-28T09:30, or 7d, 24h, 30m, 2w)"
        ) from None
    except OverflowError:  # beyond what a datetime holds: far out of range too
        parsed = None
    if parsed is None or not EARLIEST <= parsed < LATEST:
        raise InvalidDateError(
            f"date out of range: {text!r} (dates run from {EARLIEST:%Y-%m-%d} "
            f"to {LATEST - timedelta(days=1):%Y-%m-%d})"
        )
    return parsed


def _absolute(cleaned: str) -> datetime:
    if len(cleaned) == 10:
        day = date.fromisoformat(cleaned)
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    parsed = datetime.fromisoformat(cleaned.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
