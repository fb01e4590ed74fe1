"""The base of every background job: a worker on its own thread, started, stopped, joined."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread, Signal, Slot
from pytestqt.qtbot import QtBot

from reader.ui.threads import ThreadController, Worker


class _Counter(Worker):
    """Counts up to ``total`` on its thread, or until it is cancelled.

    Signals:
        counted(int): one more.
        finished(int, int): (the last number counted, the name of the thread it ran on).
    """

    counted = Signal(int)
    finished = Signal(int, str)

    def __init__(self, total: int, step: threading.Event | None = None) -> None:
        super().__init__()
        self._total = total
        #: When given, each number waits for it (the test holds the worker mid-way).
        self._step = step

    def run(self) -> None:
        done = 0
        while done < self._total and not self.cancelled.is_set():
            if self._step is not None and not self._step.wait(0.01):
                continue
            done += 1
            self.counted.emit(done)
        self.finished.emit(done, QThread.currentThread().objectName())


class _CountingController(ThreadController):
    """Runs one count at a time; hands its answer on once its thread is joined."""

    counted = Signal(int)
    finished = Signal(int, str)

    thread_name = "counting"

    def start(self, total: int, step: threading.Event | None = None) -> bool:
        if self.running:
            return False
        worker = _Counter(total, step)
        worker.counted.connect(self.counted)
        worker.finished.connect(self._on_finished)
        self._start_worker(worker, run=True)
        return True

    @Slot(int, str)
    def _on_finished(self, done: int, thread_name: str) -> None:
        self._stop_worker()
        self.finished.emit(done, thread_name)


class _Echo(Worker):
    """Answers each request with its text upside down, on its thread.

    Signals:
        answered(str, int): (the answer, the name of the thread it was made on).
    """

    answered = Signal(str, str)

    @Slot(str)
    def echo(self, text: str) -> None:
        self.answered.emit(text[::-1], QThread.currentThread().objectName())


class _EchoController(ThreadController):
    """Keeps one worker for every request, until stopped."""

    answered = Signal(str, str)
    _request = Signal(str)

    thread_name = "echo"

    def ask(self, text: str) -> None:
        if not self.running:
            worker = _Echo()
            worker.answered.connect(self.answered)
            self._start_worker(worker, requests=[(self._request, worker.echo)])
        self._request.emit(text)


@pytest.fixture
def counting(qtbot: QtBot) -> Iterator[_CountingController]:
    controller = _CountingController()
    yield controller
    controller.stop()


@pytest.fixture
def echo(qtbot: QtBot) -> Iterator[_EchoController]:
    controller = _EchoController()
    yield controller
    controller.stop()


def test_a_worker_runs_on_its_own_thread_and_reports_in_order(
    qtbot: QtBot, counting: _CountingController
) -> None:
    with qtbot.wait_signal(counting.running_changed) as began:
        assert counting.start(3)
    assert began.args == [True]
    assert counting.running
    with qtbot.wait_signals(
        [counting.counted, counting.counted, counting.counted, counting.finished],
        check_params_cbs=[lambda n: n == 1, lambda n: n == 2, lambda n: n == 3, None],
        order="strict",
        timeout=5_000,
    ):
        pass
    assert not counting.running


def test_the_answer_comes_after_the_thread_is_joined(
    qtbot: QtBot, counting: _CountingController
) -> None:
    changes: list[bool] = []
    counting.running_changed.connect(changes.append)
    with qtbot.wait_signal(counting.finished, timeout=5_000) as finished:
        counting.start(2)
    assert finished.args == [2, "counting"]
    assert changes == [True, False]
    assert not counting.running
    # A second job gets a thread of its own.
    with qtbot.wait_signal(counting.finished, timeout=5_000) as again:
        assert counting.start(1)
    assert again.args[0] == 1


def test_one_job_at_a_time(qtbot: QtBot, counting: _CountingController) -> None:
    step = threading.Event()
    assert counting.start(5, step)
    assert not counting.start(1)
    step.set()
    with qtbot.wait_signal(counting.finished, timeout=5_000) as finished:
        pass
    assert finished.args[0] == 5


def test_waiting_needs_no_help_from_the_gui_thread(
    qtbot: QtBot, counting: _CountingController
) -> None:
    counting.start(2)
    # The worker ends its thread itself: this wait returns although the GUI thread, blocked
    # here, never handles the worker's answer.
    assert counting.wait(5_000)
    with qtbot.wait_signal(counting.finished, timeout=5_000):
        pass
    assert counting.wait()  # nothing running: at once


def test_stopping_a_running_worker_cancels_it_and_joins_its_thread(
    qtbot: QtBot, counting: _CountingController
) -> None:
    step = threading.Event()
    with qtbot.wait_signal(counting.counted, timeout=5_000):
        counting.start(1_000_000, step)
        step.set()  # let it count, until it is stopped
    with qtbot.wait_signal(counting.running_changed) as changed:
        counting.stop()
    assert changed.args == [False]
    assert not counting.running
    # Its last answer, sent as it stopped, goes to a controller that no longer waits for it.
    with qtbot.wait_signal(counting.finished, timeout=5_000) as finished:
        pass
    assert finished.args[0] < 1_000_000


def test_cancel_asks_the_worker_to_finish_early(
    qtbot: QtBot, counting: _CountingController
) -> None:
    step = threading.Event()
    counting.start(1_000_000, step)
    step.set()
    with qtbot.wait_signal(counting.finished, timeout=5_000) as finished:
        counting.cancel()
    assert finished.args[0] < 1_000_000
    assert not counting.running


def test_stop_and_cancel_with_nothing_running_do_nothing(
    qtbot: QtBot, counting: _CountingController
) -> None:
    with qtbot.assert_not_emitted(counting.running_changed):
        counting.cancel()
        counting.stop()
    assert not counting.running
    with qtbot.wait_signal(counting.finished, timeout=5_000) as finished:
        counting.start(1)
    assert finished.args[0] == 1  # a cancel before the job does not reach it


def test_a_worker_answers_requests_on_its_thread_until_stopped(
    qtbot: QtBot, echo: _EchoController
) -> None:
    with qtbot.wait_signal(echo.answered, timeout=5_000) as first:
        echo.ask("abc")
    assert first.args == ["cba", "echo"]
    with qtbot.wait_signal(echo.answered, timeout=5_000) as second:
        echo.ask("Niamey")
    assert second.args == ["yemaiN", "echo"]
    with qtbot.wait_signal(echo.running_changed) as changed:
        echo.stop()
    assert changed.args == [False]
    assert not echo.running
    # The stopped worker no longer hears the requests.
    with qtbot.assert_not_emitted(echo.answered, wait=200):
        echo._request.emit("trop tard")


def test_a_stopped_controller_starts_a_new_worker_on_the_next_request(
    qtbot: QtBot, echo: _EchoController
) -> None:
    with qtbot.wait_signal(echo.answered, timeout=5_000) as first:
        echo.ask("un")
    echo.stop()
    with qtbot.wait_signal(echo.answered, timeout=5_000) as second:
        echo.ask("deux")
    assert second.args[0] == "xued"
    assert echo.running
    assert first.args[0] == "nu"


def test_a_second_worker_is_refused_while_one_runs(
    qtbot: QtBot, counting: _CountingController
) -> None:
    step = threading.Event()
    counting.start(1, step)
    with pytest.raises(RuntimeError, match="counting thread already has a worker"):
        counting._start_worker(_Counter(1), run=True)
    step.set()
    with qtbot.wait_signal(counting.finished, timeout=5_000):
        pass
