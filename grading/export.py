"""Writes the copy of the repository that an instructor hands out: no solutions, no repo checks."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from harness.manifest import ROOT, SOLUTIONS_DIR

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
]


def export_student_copy(destination: Path, solved: Sequence[str] = ()) -> list[str]:
    """Copy the learner's repository to ``destination`` (which must not exist yet).

    ``solved`` names katas whose reference solutions to put in place, as a learner who finished
    them would have: the repository's own checks and benchmarks use that.
    """
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
    for kata_id in solved:
        target = destination / "katas" / kata_id
        shutil.copytree(SOLUTIONS_DIR / kata_id, target, dirs_exist_ok=True)
    return copied
