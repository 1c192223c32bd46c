"""A test's time limit where there is no SIGALRM (Windows): a timer thread that interrupts it.

pytest-timeout's own way there, its "thread" method, ends the whole pytest process at the first
test that runs too long, so every later test is lost with it. Instead, when a test's time is up,
this timer raises an exception in the thread running the test (CPython's
``PyThreadState_SetAsyncExc``), as pytest-timeout's SIGALRM handler does on Linux: the learner's
function is marked as not finishing, the later tests that call it fail at once, and the run goes
on. Python code is interrupted between two bytecodes; code stuck inside one long C call cannot
be, so if the test is still running after a grace period the timer falls back to pytest-timeout's
way and ends the process, saying which test it was.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable

import pytest

from harness import limits


class TimeIsUp(pytest.fail.Exception):
    """Raised in the test's thread when its time limit is reached."""

    def __init__(self) -> None:  # raised by the interpreter, which passes no arguments
        super().__init__("Timeout: the test ran past its time limit", pytrace=False)


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in thread ``thread_id`` at its next bytecode (None: take it back)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


class Watchdog:
    """Interrupts the calling thread after ``seconds``; ``cancel()`` when the test is over.

    ``on_time_up`` runs just before the interruption (the harness notes that time ran out);
    ``on_stuck`` runs if the test has still not ended after the grace period.
    """

    def __init__(
        self, seconds: float, on_time_up: Callable[[], None], on_stuck: Callable[[], None]
    ):
        self.thread_id = threading.get_ident()
        self.lock = threading.Lock()
        self.armed = True
        self.fired = False
        self.on_time_up = on_time_up
        grace = seconds * limits.UNINTERRUPTIBLE_GRACE
        self.timers = [
            threading.Timer(seconds, self._interrupt),
            threading.Timer(seconds + grace, self._give_up),
        ]
        self.on_stuck = on_stuck
        for timer in self.timers:
            timer.daemon = True
            timer.start()

    def _interrupt(self) -> None:
        with self.lock:
            if not self.armed:
                return
            self.on_time_up()
            _raise_in(self.thread_id, TimeIsUp)
            self.fired = True

    def _give_up(self) -> None:
        with self.lock:
            if self.armed:
                self.on_stuck()

    def cancel(self) -> None:
        with self.lock:
            self.armed = False
            if self.fired:  # the test ended just as time ran out: nothing may be raised later
                _raise_in(self.thread_id, None)
        for timer in self.timers:
            timer.cancel()
