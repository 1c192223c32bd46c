"""The pytest plugin behind every kata run: where learner code comes from, and short failures.

- ``--solutions`` runs the kata tests against ``solutions/``; ``--kata-source DIR`` against any
  folder laid out like ``katas/`` (the grader uses this for a submission).
- A stub that is not implemented yet, a broken learner file, or an exception inside learner
  code is reported in a line or two that point into the learner's file, not as a traceback.
- Hypothesis runs derandomized, so every run of the tests is repeatable.
"""

from __future__ import annotations

import gc
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from harness import learner, sandbox

settings.register_profile(
    "katas",
    derandomize=True,
    deadline=None,
    database=None,
    max_examples=40,
    print_blob=False,
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
    # No "explain" phase: it reruns a failing test many times for a report the harness's own
    # failure message already gives.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
)
# Grading needs the verdict, not the smallest failing example.
settings.register_profile(
    "grading", settings.get_profile("katas"), phases=[Phase.explicit, Phase.generate]
)


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


def pytest_configure(config: pytest.Config) -> None:
    import torch

    # The katas' tensors are tiny: one thread is faster, and safe in forked children.
    torch.set_num_threads(1)
    settings.load_profile("katas")
    learner.configure(source_root(config))
    if config.getoption("sandbox"):
        settings.load_profile("grading")
        test_timeout = float(config.getoption("timeout", None) or config.getini("timeout") or 60)
        # Just inside pytest-timeout's limit, so the sandbox's clearer message wins the race.
        config._kata_sandbox = sandbox.Sandbox(call_timeout=0.9 * test_timeout)
        learner.use_sandbox(config._kata_sandbox)


def pytest_collection_finish(session: pytest.Session) -> None:
    # Everything alive after collection (torch's heap above all) lives to the end of the run;
    # freezing it keeps the garbage collections hypothesis runs between tests cheap.
    gc.freeze()


def pytest_unconfigure(config: pytest.Config) -> None:
    running = getattr(config, "_kata_sandbox", None)
    if running is not None:
        running.stop()
        learner.use_sandbox(None)


def pytest_report_header(config: pytest.Config) -> str | None:
    root = source_root(config)
    return f"kata code from: {root}" if root is not None else None


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
    return pytest.TestReport(
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


# The harness's own failures are written to be read as they are.
SHORT_AS_THEY_ARE = (
    learner.LearnerFileError,
    learner.AutogradNotAllowed,
    learner.TimedOut,
    sandbox.SandboxFailure,
)


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


def learner_origin(error: BaseException) -> tuple[str, str, int, str] | None:
    """(function, file, line, source line) of the innermost learner frame that raised ``error``."""
    origin = getattr(error, "learner_origin", None)
    if origin is not None:
        return origin
    tb = error.__traceback__
    found = None
    while tb is not None:
        frame = tb.tb_frame
        if str(frame.f_globals.get("__name__", "")).startswith("learner_"):
            found = (frame.f_code.co_name, tb.tb_lineno, frame.f_code.co_filename)
        tb = tb.tb_next
    if found is None:
        return None
    function, line, filename = found
    source = traceback.FrameSummary(filename, line, function).line or ""
    return function, learner.display_path(Path(filename)), line, source.strip()
