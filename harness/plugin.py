"""The pytest plugin behind every kata run: where learner code comes from, and short failures.

- ``--solutions`` runs the kata tests against ``solutions/``; ``--kata-source DIR`` against any
  folder laid out like ``katas/`` (the grader uses this for a submission).
- A stub that is not implemented yet, a broken learner file, or an exception inside learner
  code is reported in a line or two that point into the learner's file, not as a traceback.
- Each failing report carries its ``kata_kind`` (``harness.outcomes``), decided here from the
  exception that caused it; the engine sends it on, and nothing downstream reads message text.
- Every test's time limit is ``harness.limits.SECONDS_PER_TEST`` unless ``--timeout`` (or
  pytest-timeout's own settings) says otherwise.
- Where there is no SIGALRM (Windows), a test that runs out of time is interrupted from a timer
  thread (``harness.time_limit``) instead of ending the whole run, as pytest-timeout would.
- On untouched stubs the default view lists each function not implemented yet (and each quiz
  question not answered yet) once, by file, instead of a section per test; ``-v`` or ``-rA``
  show every test's report as usual.
- Hypothesis runs derandomized, so every run of the tests is repeatable.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import sys
from pathlib import Path

import pytest

from harness import learner, limits, outcomes, sandbox, time_limit
from harness.learner import learner_origin

__all__ = ["failure_kind", "seconds_per_test", "short_failure"]


def use_hypothesis_profile(config: pytest.Config) -> None:
    """Hypothesis's settings for the kata tests (for grading: no shrinking).

    Loaded only once a test module that imports hypothesis is about to be imported (its
    ``@settings`` read the profile then): importing hypothesis costs a tenth of a second or
    more, and a kata whose tests do not use it does not pay that on every run.
    """
    from hypothesis import HealthCheck, Phase, settings

    config._kata_hypothesis = True
    settings.register_profile(
        "katas",
        derandomize=True,
        deadline=None,
        database=None,
        max_examples=40,
        print_blob=False,
        report_multiple_bugs=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
        # No "explain" phase: it reruns a failing test many times for a report the harness's
        # own failure message already gives.
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    )
    # Grading needs the verdict, not the smallest failing example.
    settings.register_profile(
        "grading", settings.get_profile("katas"), phases=[Phase.explicit, Phase.generate]
    )
    settings.load_profile("grading" if config.getoption("sandbox") else "katas")


IMPORTS_HYPOTHESIS = re.compile(rb"^\s*(?:from|import)\s+hypothesis\b", re.MULTILINE)


def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> None:
    config = parent.config
    if not hasattr(config, "_kata_hypothesis") and IMPORTS_HYPOTHESIS.search(
        module_path.read_bytes()
    ):
        use_hypothesis_profile(config)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("katas")
    group.addoption(
        "--solutions",
        action="store_true",
        help="run the kata tests against solutions/ instead of katas/",
    )
    group.addoption(
        "--kata-source",
        metavar="DIR",
        help="run the kata tests against learner files in DIR/NN/ (as laid out in katas/)",
    )
    group.addoption(
        "--sandbox",
        action="store_true",
        help="run learner code in a separate process and judge it from this one (for grading)",
    )


def source_root(config: pytest.Config) -> Path | None:
    if config.getoption("kata_source"):
        return Path(config.getoption("kata_source"))
    if config.getoption("solutions"):
        return config.rootpath / "solutions"
    return None


def seconds_per_test(config: pytest.Config) -> float:
    """Seconds each test may take (0: no limit), as pytest-timeout reads its settings.

    ``--timeout``, then ``PYTEST_TIMEOUT``, then an ini ``timeout``; else the harness's limit.
    """
    given = config.getoption("timeout", None)
    if given is None:
        given = os.environ.get("PYTEST_TIMEOUT") or None
    if given is None:
        try:
            given = config.getini("timeout") or None
        except ValueError:  # pytest-timeout is not loaded: nothing else sets a limit
            given = None
    return float(limits.SECONDS_PER_TEST if given is None else given)


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # Before pytest-timeout reads its settings: the harness's limit is its default.
    config.option.timeout = seconds_per_test(config)
    import torch

    # The katas' tensors are tiny: one thread is faster, and safe in forked children.
    torch.set_num_threads(1)
    if "hypothesis" in sys.modules:  # already paid for (a warm grading worker)
        use_hypothesis_profile(config)
    learner.configure(source_root(config))
    if config.getoption("sandbox"):
        # Just inside pytest-timeout's limit, so the sandbox's clearer message wins the race.
        seconds = seconds_per_test(config)
        call_timeout = limits.SANDBOX_SHARE_OF_TEST * seconds if seconds > 0 else None
        config._kata_sandbox = sandbox.Sandbox(call_timeout=call_timeout)
        learner.use_sandbox(config._kata_sandbox)


def pytest_collection_finish(session: pytest.Session) -> None:
    # Everything alive after collection (torch's heap above all) lives to the end of the run;
    # freezing it keeps the garbage collections hypothesis runs between tests cheap.
    gc.freeze()
    plugins = session.config.pluginmanager
    if "hypothesis" not in sys.modules and plugins.has_plugin("hypothesispytest"):
        # No test here uses hypothesis, and its pytest plugin's end-of-run summary would import
        # it all the same; the plugin's other hooks do nothing without it.
        plugins.unregister(name="hypothesispytest")


def pytest_unconfigure(config: pytest.Config) -> None:
    running = getattr(config, "_kata_sandbox", None)
    if running is not None:
        running.stop()
        learner.use_sandbox(None)


def pytest_report_header(config: pytest.Config) -> str | None:
    root = source_root(config)
    return f"kata code from: {root}" if root is not None else None


@pytest.hookimpl(optionalhook=True, wrapper=True)
def pytest_timeout_set_timer(item: pytest.Item, settings):
    """Let the learner's code know when pytest-timeout's alarm is what interrupts it."""
    learner.start_test_clock()
    armed = yield
    alarm = signal.getsignal(signal.SIGALRM) if hasattr(signal, "SIGALRM") else None
    if callable(alarm):  # pytest-timeout's "signal" method: its handler raises in the test

        def time_is_up(signum, frame):
            learner.time_is_up()
            alarm(signum, frame)

        signal.signal(signal.SIGALRM, time_is_up)
    return armed


@pytest.hookimpl(optionalhook=True, tryfirst=True, specname="pytest_timeout_set_timer")
def pytest_interrupt_without_sigalrm(item: pytest.Item, settings):
    """Without SIGALRM, interrupt the test that ran out of time rather than end the whole run.

    Named pytest_*: pytest registers only such names as hooks (``specname`` picks the hook).
    """
    if settings.method != "thread" or hasattr(signal, "SIGALRM"):
        return None  # pytest-timeout's SIGALRM method, or a thread method chosen on purpose

    def stuck() -> None:  # in one long C call, which no exception interrupts
        try:
            from pytest_timeout import timeout_timer

            timeout_timer(item, settings)  # reports the test, then ends the process
        finally:
            os._exit(1)  # the grader's runs have no terminal to report on: end all the same

    watchdog = time_limit.Watchdog(settings.timeout, learner.time_is_up, stuck)
    item.cancel_timeout = watchdog.cancel  # what pytest-timeout's cancel hook calls
    return True


@pytest.hookimpl(wrapper=True, specname="pytest_runtest_makereport")
def pytest_mark_failure_kind(item: pytest.Item, call: pytest.CallInfo):
    """Every failing report says what kind of failure it was (``report.kata_kind``).

    Named pytest_*: pytest registers only such names as hooks (``specname`` picks the hook).
    """
    report = yield
    error = call.excinfo.value if call.excinfo is not None else None
    if report.failed and not hasattr(report, "kata_kind"):
        report.kata_kind = failure_kind(error)
    if report.failed:  # the diagnosis, as data: which function failed, and the hint given
        report.kata_function = getattr(error, "function", None)
        report.kata_hint = getattr(error, "hint", None)
    if report.failed and report.kata_kind == outcomes.NOT_IMPLEMENTED:
        report.kata_unwritten = unwritten(error)  # for the list of what is left to write
    return report


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """The report of a failure in the learner's code: its short message, and no traceback.

    Built here, instead of rewriting pytest's report afterwards, because pytest formats a full
    traceback for every failure first, and on an untouched stub that is most of the run's time.
    """
    if call.excinfo is None or call.excinfo.errisinstance((pytest.skip.Exception,)):
        return None
    short = short_failure(call.excinfo.value)
    if short is None:
        return None
    sections = [(f"Captured {key} {when}", text) for when, key, text in item._report_sections]
    report = pytest.TestReport(
        item.nodeid,
        item.location,
        {name: 1 for name in item.keywords},
        "failed",
        short,
        call.when,
        sections,
        call.duration,
        call.start,
        call.stop,
        item.user_properties,
    )
    report.kata_kind = failure_kind(call.excinfo.value)
    return report


# The harness's own failures are written to be read as they are, and know their kind.
SHORT_AS_THEY_ARE = (
    learner.LearnerFileError,
    learner.AutogradNotAllowed,
    learner.TimedOut,
    sandbox.SandboxFailure,
)


def failure_kind(error: BaseException | None) -> str:
    """The kind of failure (``harness.outcomes``) that ``error`` caused, from its type."""
    if isinstance(error, SHORT_AS_THEY_ARE):
        return error.kind
    if isinstance(error, pytest.fail.Exception) and getattr(error, "kind", None):
        return error.kind  # harness.compare.fail said which kind
    if learner.ran_out_of_time():  # pytest-timeout's alarm, outside the learner's functions
        return outcomes.TIMED_OUT
    if isinstance(error, NotImplementedError) and learner_origin(error) is not None:
        return outcomes.NOT_IMPLEMENTED
    return outcomes.FAILED


def short_failure(error: BaseException) -> str | None:
    """A line or two for a failure caused by the learner's code, or None to keep pytest's report."""
    if isinstance(error, SHORT_AS_THEY_ARE):
        return str(error)
    origin = learner_origin(error)
    if origin is None:
        return None
    function, path, line, source = origin
    if isinstance(error, NotImplementedError):
        return f"{function} is not implemented yet: {path}"
    message = f"{function} raised {type(error).__name__}: {error}\n  at {path}:{line}"
    return message + (f"  ->  {source}" if source else "")


# --- untouched stubs: what is left to write, once per name ----------------------------------


def unwritten(error: BaseException | None) -> tuple[str, str, str, int] | None:
    """(what is missing, learner file, name, line) of a function or quiz answer not written yet."""
    if isinstance(error, pytest.fail.Exception):  # a quiz question left empty
        where, name = getattr(error, "where", None), getattr(error, "function", None)
        return ("not answered yet", where, name, 0) if where and name else None
    origin = learner_origin(error) if error is not None else None
    if origin is None:
        return None
    function, path, line, _ = origin
    return ("not implemented yet", path, function, line)


def lists_unwritten_by_file(config: pytest.Config) -> bool:
    """pytest's default view; ``-v``, ``-rA`` or ``-ra`` ask for every test's report."""
    chars = config.getoption("reportchars", "") or ""
    return config.getoption("verbose", 0) <= 0 and not {"a", "A"} & set(chars)


def unwritten_lines(reports) -> list[str]:
    """One line per learner file: ``not implemented yet (FILE): f, g, ...``, each name once,
    in the order the file defines them."""
    names: dict[tuple[str, str], dict[str, int]] = {}
    for report in reports:
        what, where, name, line = report.kata_unwritten
        names.setdefault((what, where), {}).setdefault(name, line)
    return [
        f"{what} ({where}): {', '.join(sorted(listed, key=listed.get))}"
        for (what, where), listed in names.items()
    ]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config):
    """On stubs, say once what is left to write, instead of one section per failing test.

    The tests still fail and count in pytest's summary line: only their sections in the
    failures report and the short summary are replaced by these lines.
    """
    failed = terminalreporter.stats.get("failed", [])
    stubs = [report for report in failed if getattr(report, "kata_unwritten", None)]
    if not stubs or not lists_unwritten_by_file(config):
        return (yield)
    terminalreporter.write_sep("=", "not written yet")
    for line in unwritten_lines(stubs):
        terminalreporter.write_line(line)
    terminalreporter.stats["failed"] = [r for r in failed if not getattr(r, "kata_unwritten", None)]
    try:
        return (yield)
    finally:
        terminalreporter.stats["failed"] = failed
