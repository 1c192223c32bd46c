"""The one way the project runs kata tests and collects per-test results.

``run_forked`` forks a child from a process that has already imported torch, numpy and pytest,
runs pytest there against a folder of learner files, and streams each result back over a pipe.
The learner's grader, the instructor's grader and the repository's own checks all use it, so a
learner's crash, ``sys.exit`` or infinite loop ends one child, never the tool running it.
A test counts as passed only when its result arrived; tests the child never reported have failed.
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness.manifest import KATAS_DIR, ROOT

MESSAGE_LIMIT = 2000  # characters of a failure message kept per test


@dataclass
class TestResult:
    nodeid: str
    kata: str
    passed: bool
    message: str = ""
    duration: float = 0.0

    @property
    def name(self) -> str:
        return self.nodeid.split("::", 1)[-1]


@dataclass
class Run:
    results: list[TestResult] = field(default_factory=list)
    status: str = "ok"  # "ok", or what went wrong in a few words
    seconds: float = 0.0

    def for_kata(self, kata_id: str) -> list[TestResult]:
        return [r for r in self.results if r.kata == kata_id]

    def to_json(self) -> dict:
        return {
            "status": self.status,
            "seconds": self.seconds,
            "results": [asdict(r) for r in self.results],
        }

    @classmethod
    def from_json(cls, data: dict) -> Run:
        results = [TestResult(**r) for r in data["results"]]
        return cls(results=results, status=data["status"], seconds=data["seconds"])


def kata_of(nodeid: str) -> str:
    parts = nodeid.split("::", 1)[0].replace("\\", "/").split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "katas" else parts[0]


class _Reporter:
    """A pytest plugin that turns reports into events: collected tests, then one result each."""

    def __init__(self, emit: Callable[[dict], None]):
        self.emit = emit
        self.failures: dict[str, str] = {}
        self.durations: dict[str, float] = {}

    def pytest_collection_finish(self, session) -> None:
        self.emit({"event": "collected", "tests": [item.nodeid for item in session.items]})

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            text = str(report.longrepr)[-MESSAGE_LIMIT:]
            self.emit({"event": "collect_error", "nodeid": report.nodeid, "message": text})

    def pytest_runtest_logreport(self, report) -> None:
        self.durations[report.nodeid] = self.durations.get(report.nodeid, 0.0) + report.duration
        if report.failed and report.nodeid not in self.failures:
            text = report.longreprtext.strip()
            if report.when != "call":
                text = f"(during {report.when}) {text}"
            self.failures[report.nodeid] = text[:MESSAGE_LIMIT]
        if report.when == "teardown":
            message = self.failures.get(report.nodeid, "")
            self.emit(
                {
                    "event": "result",
                    "nodeid": report.nodeid,
                    "passed": report.nodeid not in self.failures,
                    "message": message,
                    "duration": self.durations[report.nodeid],
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
    if pid == 0:  # the child: never returns
        os.close(read_end)
        code = 70
        try:
            # Its own process group, so that anything it starts ends with it.
            os.setpgid(0, 0)
            die_with_parent()
            _silence_stdio()
            if prepare_child is not None:
                prepare_child()
            out = os.fdopen(write_end, "w", buffering=1)

            def emit(event: dict) -> None:
                out.write(json.dumps(event) + "\n")

            run_in_this_process(kata_ids, source_root, emit, extra)
            out.write(json.dumps({"event": "done"}) + "\n")
            out.flush()
            code = 0
        finally:
            os._exit(code)

    os.close(write_end)
    collected: list[str] = []
    reported: dict[str, TestResult] = {}
    broken: list[TestResult] = []
    done = False
    timed_out = False
    buffer = b""
    try:
        with os.fdopen(read_end, "rb") as pipe:
            while True:
                remaining = None if timeout is None else timeout - (time.monotonic() - started)
                if remaining is not None and remaining <= 0:
                    timed_out = True
                    break
                ready, _, _ = select.select([pipe], [], [], remaining)
                if not ready:
                    continue
                chunk = os.read(pipe.fileno(), 65536)
                if not chunk:
                    break
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    try:
                        event = json.loads(line)
                        kind = event["event"]
                    except (ValueError, TypeError, KeyError):
                        continue  # not the reporter's: something in the child wrote here
                    if kind == "collected":
                        collected = event["tests"]
                    elif kind == "result":
                        result = TestResult(
                            nodeid=event["nodeid"],
                            kata=kata_of(event["nodeid"]),
                            passed=event["passed"],
                            message=event["message"],
                            duration=event["duration"],
                        )
                        reported[result.nodeid] = result
                        if on_result is not None:
                            on_result(result)
                    elif kind == "collect_error":
                        nodeid = event["nodeid"]
                        broken.append(TestResult(nodeid, kata_of(nodeid), False, event["message"]))
                    elif kind == "done":
                        done = True
    except BaseException:  # Ctrl-C, or a tool giving up: the child goes with it
        _kill(pid)
        os.waitpid(pid, 0)
        _kill(-pid)
        raise
    if timed_out:
        _kill(pid)
    _, wait_status = os.waitpid(pid, 0)
    _kill(-pid)  # whatever the child left behind (a learner sandbox stuck in a loop)

    status = "ok"
    if timed_out:
        status = f"timed out after {timeout:g} s"
    elif not done:
        status = _describe_death(wait_status)
    results = [
        reported.get(nodeid)
        or TestResult(nodeid, kata_of(nodeid), False, f"not run to the end: the tests {status}")
        for nodeid in collected
    ]
    results += [r for nodeid, r in reported.items() if nodeid not in set(collected)]
    results += broken
    return Run(results=results, status=status, seconds=time.monotonic() - started)


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies, so no child outlives its tool."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the parent's timeouts still apply


def _silence_stdio() -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _describe_death(wait_status: int) -> str:
    if os.WIFSIGNALED(wait_status):
        number = os.WTERMSIG(wait_status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        if number == signal.SIGKILL:
            return "were killed (SIGKILL: out of memory?)"
        return f"crashed ({name})"
    code = os.WEXITSTATUS(wait_status)
    return f"exited early with code {code}"
