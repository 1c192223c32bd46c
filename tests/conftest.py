"""Fixtures for the repository's own checks (learners never need to run these)."""

from __future__ import annotations

import pytest

from harness.worker import Worker


@pytest.fixture(scope="session")
def worker():
    """One warm worker for the whole session: each kata run is a cheap fork of it."""
    with Worker() as w:
        yield w
