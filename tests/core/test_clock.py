"""The one clock: nothing but reader/core/clock.py reads the wall clock, and it can be stopped."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core import clock
from reader.core.clock import NOW_ENV, utc_now
from reader.core.errors import ClockError, ReaderError
from tests.conftest import ROOT

PACKAGE = ROOT / "reader"

#: Calls that read the wall clock, by the attribute called: ``datetime.now()``,
#: ``date.today()``, Qt's ``QDateTime.currentDateTime()``…
_WALL_CLOCK_ATTRIBUTES = {
    "now",
    "utcnow",
    "today",
    "time",
    "currentDateTime",
    "currentDateTimeUtc",
    "currentDate",
    "currentTime",
    "currentSecsSinceEpoch",
    "currentMSecsSinceEpoch",
}
#: …and by the name called: the clock itself, which only objects' defaults may name.
_WALL_CLOCK_NAMES = {"utc_now"}
#: Receivers whose ``now``/``today``/``time`` are the wall clock (``store.now()`` is not).
_CLOCK_RECEIVERS = {"datetime", "date", "time", "QDateTime", "QDate", "QTime"}


def _reads_wall_clock(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in _WALL_CLOCK_NAMES
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr in _WALL_CLOCK_NAMES:
        return True
    receiver = ast.unparse(func.value).rsplit(".", 1)[-1]
    return func.attr in _WALL_CLOCK_ATTRIBUTES and receiver in _CLOCK_RECEIVERS


def wall_clock_calls(source: str) -> list[tuple[int, str]]:
    """The line and text of every call in ``source`` that reads the wall clock."""
    return [
        (node.lineno, ast.unparse(node))
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and _reads_wall_clock(node.func)
    ]


def test_the_detector_finds_each_way_of_reading_the_clock() -> None:
    source = "\n".join(
        [
            "datetime.now(UTC)",
            "datetime.datetime.utcnow()",
            "date.today()",
            "time.time()",
            "QDateTime.currentDateTime()",
            "QDate.currentDate()",
            "utc_now()",
            "clock.utc_now()",
            "store.now()",  # the injected clock: allowed
            "self._clock()",
            "Store(path, clock=utc_now)",  # naming the default without calling it: allowed
        ]
    )
    assert [line for line, _ in wall_clock_calls(source)] == [1, 2, 3, 4, 5, 6, 7, 8]


def test_nothing_but_the_clock_module_reads_the_wall_clock() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "core" / "clock.py"
        for line, text in wall_clock_calls(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "take the time from the injected clock:\n" + "\n".join(offenders)


def test_the_clock_is_aware_utc_to_the_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NOW_ENV)
    before = datetime.now(UTC).replace(microsecond=0)
    now = utc_now()
    assert now.tzinfo is UTC and now.microsecond == 0
    assert before <= now <= datetime.now(UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-29T09:00:00Z", datetime(2026, 11, 29, 9, tzinfo=UTC)),
        ("2026-11-29T10:30:00+01:00", datetime(2026, 11, 29, 9, 30, tzinfo=UTC)),
        ("2026-11-29T09:00:00.750", datetime(2026, 11, 29, 9, tzinfo=UTC)),  # no zone: UTC
        (" 2027-01-01 ", datetime(2027, 1, 1, tzinfo=UTC)),
    ],
)
def test_the_environment_stops_the_clock(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: datetime
) -> None:
    monkeypatch.setenv(NOW_ENV, text)
    assert clock.utc_now() == expected


def test_a_stopped_clock_that_is_not_a_time_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_ENV, "tomorrow")
    with pytest.raises(ClockError, match="PRESS_READER_NOW is not an ISO 8601 time") as raised:
        utc_now()
    assert isinstance(raised.value, ReaderError)


def _press_reader(tmp_path: Path, *args: str, now: str) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, NOW_ENV: now, "LC_MESSAGES": "C", "LANGUAGE": ""}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_command_line_counts_relative_dates_from_the_stopped_clock(tmp_path: Path) -> None:
    """A feed file's article of 2026-11-27 is within 7 days of 2026-11-29, not of 2027-01-10."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<rss version='2.0'><channel><title>T</title><item><guid>a</guid><title>Un</title>"
        "<pubDate>Fri, 27 Nov 2026 10:00:00 +0000</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    now = "2026-11-29T09:00:00Z"
    assert (
        _press_reader(tmp_path, "feed", "add", feed.as_uri(), "--allow-file", now=now).returncode
        == 0
    )
    assert _press_reader(tmp_path, "refresh", now=now).returncode == 0
    recent = _press_reader(tmp_path, "articles", "--since", "7d", "--json", now=now)
    assert recent.returncode == 0 and '"Un"' in recent.stdout
    later = _press_reader(tmp_path, "articles", "--since", "7d", "--json", now="2027-01-10T09:00Z")
    assert later.returncode == 0 and later.stdout.strip() == "[]"


def test_the_command_line_says_when_the_stopped_clock_is_not_a_time(tmp_path: Path) -> None:
    result = _press_reader(tmp_path, "articles", "--since", "7d", now="soon")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "press-reader: error: PRESS_READER_NOW is not an ISO 8601 time: 'soon'"
    ]
