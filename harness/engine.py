"""The one way the project runs kata tests and collects per-test results.

``run_isolated`` runs pytest in a child process against a folder of learner files and streams
each result back over a pipe. The learner's grader, the instructor's grader and the repository's
own checks all use it, so a learner's crash, ``sys.exit`` or infinite loop ends one child, never
the tool running it. A test counts as passed only when its result arrived; tests the child never
reported have failed.

How the child starts depends on the platform, decided in ``forks()`` alone:

- on Linux, ``run_forked`` forks it from a process that has already imported torch, numpy and
  pytest, which makes each run cheap;
- elsewhere, ``run_spawned`` starts a fresh Python: Windows cannot fork, and on macOS a child
  forked after torch has started its threads may hang. ``NN_KATAS_SPAWN=1`` picks this way on
  Linux too, so that the repository's checks exercise it there.
"""

from __future__ import annotations

import json
import os
import queue
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness import limits, outcomes, processes
from harness.manifest import KATAS_DIR, ROOT


@dataclass
class TestResult:
    nodeid: str
    kata: str
    kind: str  # one of harness.outcomes.KINDS, decided where the result happened
    message: str = ""
    duration: float = 0.0
    function: str | None = None  # the function a comparison failed on (harness.compare)
    hint: str | None = None  # the hint that failure gave: the diagnosis, as data

    __test__ = False  # a result, not a test for pytest to collect

    @property
    def name(self) -> str:
        return self.nodeid.split("::", 1)[-1]

    @property
    def passed(self) -> bool:
        return self.kind == outcomes.PASSED


@dataclass
class Run:
    results: list[TestResult] = field(default_factory=list)
    status: str = "ok"  # "ok", or what went wrong in a few words
    seconds: float = 0.0
    # Why the run ended early, as a kind (TIMED_OUT or CRASHED); None when it finished.
    stopped_by: str | None = None

    def for_kata(self, kata_id: str) -> list[TestResult]:
        return [r for r in self.results if r.kata == kata_id]

    def to_json(self) -> dict:
        return {
            "status": self.status,
            "seconds": self.seconds,
            "stopped_by": self.stopped_by,
            "results": [asdict(r) for r in self.results],
        }

    @classmethod
    def from_json(cls, data: dict) -> Run:
        results = [TestResult(**r) for r in data["results"]]
        return cls(results, data["status"], data["seconds"], data.get("stopped_by"))


def kata_of(nodeid: str) -> str:
    parts = nodeid.split("::", 1)[0].replace("\\", "/").split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "katas" else parts[0]


class _Reporter:
    """A pytest plugin that turns reports into events: collected tests, then one result each."""

    def __init__(self, emit: Callable[[dict], None]):
        self.emit = emit
        self.failures: dict[str, tuple] = {}  # nodeid: (kind, message, function, hint)
        self.durations: dict[str, float] = {}

    def pytest_collection_finish(self, session) -> None:
        self.emit({"event": "collected", "tests": [item.nodeid for item in session.items]})

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            text = str(report.longrepr)[-limits.MESSAGE_LIMIT :]
            self.emit({"event": "collect_error", "nodeid": report.nodeid, "message": text})

    def pytest_runtest_logreport(self, report) -> None:
        self.durations[report.nodeid] = self.durations.get(report.nodeid, 0.0) + report.duration
        if report.failed and report.nodeid not in self.failures:
            text = report.longreprtext.strip()
            if report.when != "call":
                text = f"(during {report.when}) {text}"
            kind = getattr(report, "kata_kind", outcomes.FAILED)  # set by harness.plugin
            diagnosis = getattr(report, "kata_function", None), getattr(report, "kata_hint", None)
            self.failures[report.nodeid] = (kind, text[: limits.MESSAGE_LIMIT], *diagnosis)
        if report.when == "teardown":
            failure = self.failures.get(report.nodeid, (outcomes.PASSED, "", None, None))
            kind, message, function, hint = failure
            self.emit(
                {
                    "event": "result",
                    "nodeid": report.nodeid,
                    "kind": kind,
                    "message": message,
                    "duration": self.durations[report.nodeid],
                    "function": function,
                    "hint": hint,
                }
            )


def pytest_args(kata_ids: Sequence[str], source_root: Path | None, extra: Sequence[str] = ()):
    """The pytest command line for these katas: always the project's own tests and settings."""
    args = [str(KATAS_DIR / k) for k in kata_ids]
    args += ["--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml")]
    # No terminal output, and no end-of-run garbage collection passes, which cost a forked
    # child holding torch's heap a noticeable part of a second.
    args += ["-p", "no:terminal", "-p", "no:unraisableexception", "-p", "no:threadexception"]
    if source_root is not None:
        args += ["--kata-source", str(source_root)]
    return args + list(extra)


def warm_up(collect: Sequence[str] = ()) -> None:
    """Import what every run needs once, so that each forked child starts warm and cheap.

    ``collect`` names katas whose test modules to import here too (a worker that runs them
    again and again): pytest reuses a test module it finds already imported.
    """
    import gc

    import hypothesis  # noqa: F401
    import numpy  # noqa: F401
    import pytest  # noqa: F401
    import torch

    import harness.plugin  # noqa: F401

    # One thread: the kata tensors are tiny, and a child forked from a process whose thread
    # pool already started can deadlock.
    torch.set_num_threads(1)
    if collect:
        with open(os.devnull, "w") as quiet:
            saved = os.dup(1), os.dup(2)
            os.dup2(quiet.fileno(), 1)
            os.dup2(quiet.fileno(), 2)
            try:
                run_in_this_process(collect, None, lambda event: None, ["--collect-only"])
            finally:
                os.dup2(saved[0], 1)
                os.dup2(saved[1], 2)
                os.close(saved[0])
                os.close(saved[1])
    # Objects alive now are never garbage; freezing them keeps every child's collections cheap.
    gc.freeze()


def run_in_this_process(kata_ids, source_root, emit, extra: Sequence[str] = ()) -> int:
    import pytest

    return pytest.main(pytest_args(kata_ids, source_root, extra), plugins=[_Reporter(emit)])


SPAWN_VARIABLE = "NN_KATAS_SPAWN"  # set to 1: spawn kata runs even where they could fork


def forks() -> bool:
    """Whether kata runs fork from this process (Linux) or spawn a fresh Python (elsewhere)."""
    if os.environ.get(SPAWN_VARIABLE, "") not in ("", "0"):
        return False
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def run_isolated(
    kata_ids: Sequence[str],
    source_root: Path | None = None,
    *,
    timeout: float | None = None,
    extra: Sequence[str] = (),
    on_result: Callable[[TestResult], None] | None = None,
) -> Run:
    """Run the kata tests in a child process, the way this platform allows (see ``forks``)."""
    run = run_forked if forks() else run_spawned
    return run(kata_ids, source_root, timeout=timeout, extra=extra, on_result=on_result)


def warm_up_if_forking(collect: Sequence[str] = ()) -> None:
    """``warm_up`` where runs fork from this process; a spawned child would not inherit it."""
    if forks():
        warm_up(collect)


def run_forked(
    kata_ids: Sequence[str],
    source_root: Path | None = None,
    *,
    timeout: float | None = None,
    extra: Sequence[str] = (),
    prepare_child: Callable[[], None] | None = None,
    on_result: Callable[[TestResult], None] | None = None,
) -> Run:
    """Run the kata tests in a forked child and collect what it reports, whatever happens to it.

    ``timeout`` is a wall-clock limit for the whole child, enforced from here with SIGKILL, so
    learner code that disables pytest-timeout's alarm still ends. ``prepare_child`` runs in the
    child before pytest (the instructor's grader sets resource limits there).
    """
    started = time.monotonic()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(write_end, kata_ids, source_root, extra, prepare_child)
    os.close(write_end)
    events = _Events(on_result)
    deadline = None if timeout is None else started + timeout
    try:
        timed_out = _read_events(read_end, deadline, events)
    except BaseException:  # Ctrl-C, or a tool giving up: the child goes with it
        processes.kill(pid)
        os.waitpid(pid, 0)
        processes.kill(-pid)
        raise
    if timed_out:
        processes.kill(pid)
    _, wait_status = os.waitpid(pid, 0)
    processes.kill(-pid)  # whatever the child left behind (a learner sandbox stuck in a loop)

    run = Run(seconds=time.monotonic() - started)
    if timed_out:
        run.status, run.stopped_by = f"timed out after {timeout:g} s", outcomes.TIMED_OUT
    elif not events.done:
        run.status, run.stopped_by = processes.describe_death(wait_status), outcomes.CRASHED
    run.results = events.results(run.status)
    return run


# pytest's exit codes for a run that stopped before its tests: pytest.ExitCode's numbers.
PYTEST_GAVE_UP = (3, 4)  # INTERNAL_ERROR, USAGE_ERROR


def _child(write_end: int, kata_ids, source_root, extra, prepare_child) -> None:
    """The forked child: runs pytest, streams events into ``write_end``, and never returns."""
    code = 70
    try:
        # Its own process group, so that anything it starts ends with it.
        os.setpgid(0, 0)
        processes.die_with_parent()
        processes.silence_stdio()
        if prepare_child is not None:
            prepare_child()
        code = _run_and_report(os.fdopen(write_end, "w", buffering=1), kata_ids, source_root, extra)
    finally:
        os._exit(code)


def _run_and_report(out, kata_ids, source_root, extra) -> int:
    """Run pytest, writing each event as a JSON line to ``out``: the child's exit code."""

    def emit(event: dict) -> None:
        out.write(json.dumps(event) + "\n")

    exit_code = run_in_this_process(kata_ids, source_root, emit, extra)
    if exit_code in PYTEST_GAVE_UP:  # its tests never ran: this run did not end well
        return int(exit_code)
    emit({"event": "done"})
    out.flush()
    return 0


# --- a spawned child (Windows, macOS) ----------------------------------------------------------

# The child's program: import this module from the project's root, wherever the tool runs.
_SPAWNED_MAIN = (
    "import sys; sys.path.insert(0, {root!r}); import harness.engine as e; e.spawned_child()"
)


def run_spawned(
    kata_ids: Sequence[str],
    source_root: Path | None = None,
    *,
    timeout: float | None = None,
    extra: Sequence[str] = (),
    on_result: Callable[[TestResult], None] | None = None,
) -> Run:
    """``run_forked``'s twin for platforms that do not fork: a fresh Python runs the tests.

    The request goes to the child's stdin and its events come back on its stdout, read by a
    thread so that the deadline holds without ``select`` on a pipe (which Windows lacks).
    """
    started = time.monotonic()
    request = {"katas": list(kata_ids), "source": str(source_root) if source_root else None}
    child = processes.spawn_python(_SPAWNED_MAIN.format(root=str(ROOT)))
    events = _Events(on_result)
    deadline = None if timeout is None else started + timeout
    try:
        child.stdin.write((json.dumps({**request, "extra": list(extra)}) + "\n").encode())
        child.stdin.flush()
        timed_out = _read_lines(child.stdout, deadline, events)
        if not timed_out:
            child.wait(timeout=None if deadline is None else max(deadline - time.monotonic(), 1))
    except subprocess.TimeoutExpired:
        timed_out = True
    except BrokenPipeError:
        timed_out = False  # it ended before reading the request: described below
    finally:  # Ctrl-C, a tool giving up or the end of the run: nothing of the child is left
        processes.end(child)
    run = Run(seconds=time.monotonic() - started)
    if timed_out:
        run.status, run.stopped_by = f"timed out after {timeout:g} s", outcomes.TIMED_OUT
    elif not events.done:
        run.status = processes.describe_exit(child.returncode)
        run.stopped_by = outcomes.CRASHED
    run.results = events.results(run.status)
    return run


POLL_SECONDS = 0.5  # how often the wait for a spawned child's next event looks up


def _read_lines(stream, deadline: float | None, events: _Events) -> bool:
    """Feed ``stream``'s lines to ``events`` until it ends; True if the deadline came first."""
    lines: queue.Queue[bytes | None] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    while True:
        remaining = None if deadline is None else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            return True
        try:
            # Short waits: on Windows a Ctrl-C cannot interrupt a long one.
            line = lines.get(timeout=min(remaining or POLL_SECONDS, POLL_SECONDS))
        except queue.Empty:
            continue
        if line is None:
            return False
        events.feed(line)


def spawned_child() -> None:
    """The spawned child's main: one request from stdin, events to stdout, then it exits."""
    code = 70
    try:
        # Keep the pipes to the parent; the learner's code and pytest see no terminal.
        requests = os.fdopen(os.dup(0), "rb")
        out = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8", newline="\n")
        processes.silence_stdio()
        request = json.loads(requests.readline())
        processes.end_when_parent_goes(requests)
        source = request.get("source")
        source_root = Path(source) if source else None
        code = _run_and_report(out, request["katas"], source_root, request.get("extra", ()))
    finally:
        os._exit(code)


def _read_events(read_end: int, deadline: float | None, events: _Events) -> bool:
    """Feed the child's event lines to ``events`` until it closes the pipe; True if time ran out."""
    buffer = b""
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return True
            ready, _, _ = select.select([pipe], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(pipe.fileno(), 65536)
            if not chunk:
                return False
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                events.feed(line)


class _Events:
    """What the child reported: the tests it collected, their results, and broken test files."""

    def __init__(self, on_result: Callable[[TestResult], None] | None):
        self.on_result = on_result
        self.collected: list[str] = []
        self.reported: dict[str, TestResult] = {}
        self.broken: list[TestResult] = []
        self.done = False

    def feed(self, line: bytes) -> None:
        try:
            event = json.loads(line)
            name = event["event"]
        except (ValueError, TypeError, KeyError):
            return  # not the reporter's: something in the child wrote here
        if name == "collected":
            self.collected = event["tests"]
        elif name == "result":
            nodeid = event["nodeid"]
            result = TestResult(
                nodeid,
                kata_of(nodeid),
                event["kind"],
                event["message"],
                event["duration"],
                event.get("function"),
                event.get("hint"),
            )
            self.reported[nodeid] = result
            if self.on_result is not None:
                self.on_result(result)
        elif name == "collect_error":
            nodeid = event["nodeid"]
            self.broken.append(
                TestResult(nodeid, kata_of(nodeid), outcomes.COLLECT_ERROR, event["message"])
            )
        elif name == "done":
            self.done = True

    def results(self, status: str) -> list[TestResult]:
        """Every collected test's result; those never reported have not run (and failed)."""
        unreported = f"not run to the end: the tests {status}"
        results = [
            self.reported.get(nodeid)
            or TestResult(nodeid, kata_of(nodeid), outcomes.NOT_RUN, unreported)
            for nodeid in self.collected
        ]
        collected = set(self.collected)
        results += [r for nodeid, r in self.reported.items() if nodeid not in collected]
        return results + self.broken
