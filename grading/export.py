"""Writes the copy of the repository that an instructor hands out: no solutions, no repo checks."""

from __future__ import annotations

import shutil
from pathlib import Path

from harness.manifest import ROOT

# Everything a learner needs to install, run the katas and use the grader.
HANDED_OUT = [
    "README.md",
    "pyproject.toml",
    "conftest.py",
    "grader.py",
    ".gitignore",
    "harness",
    "grading",
    "katas",
    "docs",
]


def export_student_copy(destination: Path) -> list[str]:
    """Copy the learner's repository to ``destination`` (which must not exist yet)."""
    if destination.exists():
        raise FileExistsError(f"{destination} already exists: choose a new folder")
    destination.mkdir(parents=True)
    copied = []
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for entry in HANDED_OUT:
        source = ROOT / entry
        if source.is_dir():
            shutil.copytree(source, destination / entry, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, destination / entry)
        else:
            continue
        copied.append(entry)
    return copied
