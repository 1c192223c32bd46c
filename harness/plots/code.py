"""The learner's code, called for a picture with the grader's protections.

Functions come from ``harness.learner.learner_module``, so a picture sees exactly what the
tests see: the same file, autograd refused inside a hand-written kata, and a function that
ran out of time not run again. Each call gets the tests' time limit. A call that cannot give
a value raises ``Unusable``, whose ``short`` text goes in the legend; the full reason is kept
for the figure's notes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

import numpy as np

from harness import learner, limits


class NothingToDraw(Exception):
    """None of the learner's functions that a picture needs is written yet (or the file is
    broken): the message is one line, naming them."""


class Unusable(Exception):
    """A learner's call gave nothing to draw; ``short`` says why in a few words."""

    def __init__(self, function: str, short: str):
        super().__init__(f"{function}: {short}")
        self.function = function
        self.short = short


class _OutOfTime(BaseException):
    """The time limit struck inside the learner's code (a BaseException, like pytest-timeout's,
    so that the learner's ``except Exception`` cannot swallow it)."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Interrupt the block after ``seconds``, as a kata test is: by SIGALRM where there is one,
    else by the harness's watchdog thread (Windows, or a thread other than the main one)."""
    learner.start_test_clock()
    in_main_thread = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not in_main_thread:
        with _watchdog(seconds):  # a signal reaches only the main thread
            yield
        return

    def alarm(signum, frame):
        learner.time_is_up()  # what the test plugin says too: learner code then reports TimedOut
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _watchdog(seconds: float):
    from harness.time_limit import TimeIsUp, Watchdog

    def stuck() -> None:  # in one long C call, which no exception interrupts
        print("grader.py plot: the learner's code is stuck; stopping", file=sys.stderr)
        os._exit(1)

    watchdog = Watchdog(seconds, learner.time_is_up, stuck)
    try:
        yield
    except TimeIsUp:
        raise _OutOfTime from None
    finally:
        watchdog.cancel()


def _reason(error: BaseException) -> str:
    """The harness's own short account of a failure in the learner's code."""
    from harness.plugin import short_failure  # the same words as a failing test

    if isinstance(error, _OutOfTime):
        return "did not finish in time (an infinite loop?)"
    text = short_failure(error) or f"raised {type(error).__name__}: {error}"
    return " ".join(text.split())  # one line in the figure


class LearnerCode:
    """One kata's learner code (from ``source``/NN/, or katas/NN/ when None), for a picture."""

    def __init__(self, kata_id: str, source: Path | None = None):
        from harness import manifest

        learner.configure(source)
        self.kata_id = kata_id
        self.folder = manifest.KATAS_DIR / kata_id
        self.missing: list[str] = []
        self.problems: list[str] = []
        self.answered = 0  # calls that gave something to draw
        self.files: list[str] = []  # the learner's files the picture reads, as a learner types them

    def module(self, name: str):
        # learner_module wants a file in the kata's folder: a name that is not there will do.
        module = learner.learner_module(str(self.folder / "picture"), name)
        shown = learner.display_path(module.path)
        if shown not in self.files:
            self.files.append(shown)
        return module

    def call(self, function: str, thunk, given: bool = False, seconds: float | None = None):
        """``thunk()`` (which calls the learner's ``function``), or Unusable.

        ``given``: the code called is the stub's own (kata 05's forward pass, say), so its
        answer does not count as something the learner wrote. ``seconds``: its time limit, when
        it is not one test's.
        """
        try:
            with time_limit(seconds or limits.SECONDS_PER_TEST):
                value = thunk()
        except (learner.MissingFile, learner.BrokenFile) as error:
            raise NothingToDraw(str(error)) from None
        except learner.MissingName:
            return self._missing(function)
        except NotImplementedError as error:
            origin = learner.learner_origin(error)
            if origin is None or origin[0] == function:
                return self._missing(function)
            raise self._problem(function, error) from None
        except (Exception, _OutOfTime) as error:  # whatever the learner's code raised
            raise self._problem(function, error) from None
        self.answered += 0 if given else 1
        return value

    def _missing(self, function: str):
        if function not in self.missing:
            self.missing.append(function)
        raise Unusable(function, "not written yet")

    def _problem(self, function: str, error: BaseException) -> Unusable:
        reason = _reason(error)
        if reason.startswith(("did not", "raised")):  # our own words, without a name
            reason = f"{function} {reason}"
        elif not reason.startswith(function):  # a function it calls in turn went wrong
            reason = f"{function}: {reason}"
        self.note(reason)
        if isinstance(error, NotImplementedError):
            return Unusable(function, "not finished")
        if isinstance(error, (_OutOfTime, learner.TimedOut)):
            return Unusable(function, "ran out of time")
        if isinstance(error, learner.AutogradNotAllowed):
            return Unusable(function, "used torch autograd")
        return Unusable(function, f"raised {type(error).__name__}")

    def note(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def array(self, function: str, thunk, shape: tuple, given: bool = False) -> np.ndarray:
        """The learner's answer as float64 of ``shape``; NaN or inf are kept and noted."""
        value = self.call(function, thunk, given)
        try:
            values = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            values = None
        if values is None or value is None:
            self.note(f"{function} returned {type(value).__name__}, not an array of numbers")
            raise Unusable(function, f"returned {type(value).__name__}")
        if values.shape != tuple(shape):
            self.note(f"{function} returned shape {values.shape}; torch's has shape {shape}")
            raise Unusable(function, f"wrong shape {values.shape}")
        self.check_finite(function, values)
        return values

    def check_finite(self, function: str, values) -> None:
        bad = int(np.size(values) - np.count_nonzero(np.isfinite(values)))
        if bad:
            self.note(f"{function} returned {bad} values that are NaN or infinite (not drawn)")

    def nothing_written(self) -> str | None:
        """The one line to print when none of the needed functions is written, else None."""
        if self.answered or self.problems or not self.missing:
            return None
        names = ", ".join(self.missing)
        verb = "is" if len(self.missing) == 1 else "are"
        where = " and ".join(self.files)
        kata = f"nothing to draw for kata {self.kata_id} yet"
        return f"{kata}: {names} {verb} not implemented in {where}"
