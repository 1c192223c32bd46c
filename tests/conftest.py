"""Fixtures for the repository's own checks (learners never need to run these)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.worker import Worker


@pytest.fixture(scope="session")
def worker():
    """One warm worker for the whole session: each kata run is a cheap fork of it."""
    with Worker() as w:
        yield w


def pytest_collection_modifyitems(items):
    # These checks grade whole classes and run pytest in subprocesses: minutes, not seconds.
    # The kata tests keep pyproject's 60 s per test.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.timeout(900))
