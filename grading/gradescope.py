"""Gradescope: builds the autograder bundle, and grades one submission inside Gradescope.

Gradescope runs one container per submission. ``setup.sh`` installs the project once per
image; ``run_autograder`` then grades /autograder/submission into
/autograder/results/results.json with the same isolated, sandboxed run as ``grader.py grade``.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

from grading import batch, export, submissions
from harness import engine
from harness.manifest import ROOT

# What the autograder needs: the grader, the harness, the pristine kata tests and manifest.
# The learner files are the handout's stubs (grading/export.py), never the working tree's.
BUNDLED = ["grader.py", "conftest.py", "pyproject.toml", "harness", "grading", "katas"]

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image.
set -euo pipefail
apt-get update
apt-get install -y python3 python3-venv python3-pip
python3 -m venv /autograder/venv
# The CPU build of torch: Gradescope's containers have no GPU.
/autograder/venv/bin/pip install --extra-index-url https://download.pytorch.org/whl/cpu \\
    -e /autograder/source
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for every submission.
set -euo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
python="${AUTOGRADER_PYTHON:-$root/venv/bin/python}"
mkdir -p "$root/results"
cd "$root/source"
exec "$python" -m grading.gradescope "$root/submission" "$root/results/results.json"
"""


def build_bundle(destination: Path, strict: bool = False) -> tuple[list[str], list[str]]:
    """Write the autograder zip: (the names it holds, notes for the instructor).

    Raises export.HandoutError, before writing anything, when there are no clean stubs to bundle.
    """
    stubs, notes = export.handout_stubs(strict)
    names = []
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as bundle:
        for script, text in (("setup.sh", SETUP_SH), ("run_autograder", RUN_AUTOGRADER)):
            info = zipfile.ZipInfo(script)
            info.external_attr = 0o100755 << 16  # executable, as Gradescope requires
            bundle.writestr(info, text)
            names.append(script)
        bundle.writestr("README.md", export.handout_readme())  # pyproject.toml names a readme
        names.append("README.md")
        for entry in BUNDLED:
            path = ROOT / entry
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                name = file.relative_to(ROOT).as_posix()
                if "__pycache__" in file.parts or name in stubs:
                    continue
                bundle.write(file, name)
                names.append(name)
        for name, content in stubs.items():
            bundle.writestr(name, content)
            names.append(name)
    return names, notes


def grade_submission(submission_folder: Path, results_path: Path) -> dict:
    """Grade one Gradescope submission folder and write its results.json."""
    from harness.sandbox.landlock import missing_protection

    if (missing := missing_protection()) is not None:
        # Gradescope shows run_autograder's output to instructors only, never to students.
        print(f"grading.gradescope: warning: {missing}", flush=True)
    engine.warm_up()
    submission = submissions.Submission("submission", submission_folder)
    document = batch.grade_one(submission, batch.Settings(), worker=None)
    results_path.parent.mkdir(parents=True, exist_ok=True)
    batch.write_atomically(results_path, json.dumps(document, indent=2) + "\n")
    return document


if __name__ == "__main__":
    grade_submission(Path(sys.argv[1]), Path(sys.argv[2]))
