"""Fixtures and run order for the repository's own checks (learners never need to run these)."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def worker():
    """One warm worker for each test process: each kata run is a cheap fork of it."""
    with Worker() as w:
        yield w


def pytest_configure(config: pytest.Config) -> None:
    # Declared here too, so that a run without pytest-xdist (-p no:xdist) does not warn.
    config.addinivalue_line("markers", "xdist_group(name): tests that share a costly set-up")


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
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.timeout(CHECK_TIMEOUT))
        shared = shared_fixtures(item)
        if shared:
            # With `-n auto --dist loadgroup`, tests sharing a costly set-up stay on one worker,
            # which builds it once; every other test goes wherever a worker is free.
            group = f"{Path(item.fspath).stem}:{'+'.join(shared)}"
            item.add_marker(pytest.mark.xdist_group(group))
