"""Fixtures and run order for the repository's own checks (learners never need to run these)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.processes import posix_missing
from harness.worker import Worker

HERE = Path(__file__).parent

# Cheating submissions are data: never collected, never loaded as a conftest or plugin here.
# (They are also stored as NAME.txt; tests/test_repository.py checks that they stay so.)
collect_ignore = ["adversarial"]

# In a plain run, the broad and cheap checks come first, so a broken repository fails within
# seconds under -x, and the many short catalogue runs last. (With -n, pytest-xdist hands out
# the largest groups first, which balances the workers.) A file not listed here runs first.
RUN_ORDER = [
    "test_repository.py",
    "test_grader_instructor.py",
    "test_grader_learner.py",
    "test_catalogue.py",
]

# Seconds a repository check may take: these grade whole classes in subprocesses.
CHECK_TIMEOUT = 900

# Checks of what runs only on POSIX (the instructor's grading), by file or file::test; a check
# marked ``posix_only`` or run in the grading sandbox (its id says "sandbox") is one too. Where
# the platform lacks fork or resource limits (Windows) they are skipped, saying why.
POSIX_ONLY_CHECKS = {
    "test_grader_instructor.py": "batch grading forks and sets POSIX resource limits",
    "test_confinement.py": "the grading sandbox is confined by Linux's Landlock",
    "test_handout.py::test_every_command_in_the_handout_readme_works_in_the_handout": (
        "it stops the handout's watch mode with a signal to its process group"
    ),
}


def posix_only_reason(item: pytest.Item) -> str | None:
    name = Path(item.fspath).name
    test = f"{name}::{item.name.split('[')[0]}"
    marked = item.get_closest_marker("posix_only")
    if marked is not None:
        return marked.args[0] if marked.args else "it needs POSIX"
    if "sandbox" in getattr(getattr(item, "callspec", None), "id", ""):
        return "the grading sandbox forks and sets POSIX resource limits"
    return POSIX_ONLY_CHECKS.get(test) or POSIX_ONLY_CHECKS.get(name)


@pytest.fixture(scope="session")
def worker():
    """One warm worker for each test process: each kata run is a cheap fork of it."""
    with Worker() as w:
        yield w


def pytest_configure(config: pytest.Config) -> None:
    # Declared here too, so that a run without pytest-xdist (-p no:xdist) does not warn.
    config.addinivalue_line("markers", "xdist_group(name): tests that share a costly set-up")
    config.addinivalue_line("markers", "posix_only(reason): skipped where POSIX is missing")


def run_rank(item: pytest.Item) -> int:
    name = Path(item.fspath).name
    return RUN_ORDER.index(name) + 1 if name in RUN_ORDER else 0


def shared_fixtures(item: pytest.Item) -> list[str]:
    """The module-scoped fixtures ``item`` uses: costly set-ups shared by a group of tests."""
    definitions = item._fixtureinfo.name2fixturedefs
    return sorted(name for name, defs in definitions.items() if defs[-1].scope == "module")


# tryfirst: pytest-xdist reads the group marks in its own hook of the same name.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=run_rank)  # stable: each file keeps its own order
    missing = posix_missing()
    for item in items:
        reason = posix_only_reason(item) if missing else None
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"POSIX only ({missing} is missing): {reason}"))
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.timeout(CHECK_TIMEOUT))
        shared = shared_fixtures(item)
        if shared:
            # With `-n auto --dist loadgroup`, tests sharing a costly set-up stay on one worker,
            # which builds it once; every other test goes wherever a worker is free.
            group = f"{Path(item.fspath).stem}:{'+'.join(shared)}"
            item.add_marker(pytest.mark.xdist_group(group))
