"""What the benchmarks share: a solved scratch copy of the course, and fair timing."""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the benchmarks run as plain scripts from anywhere

COPIED = ("katas", "harness", "grading", "grader.py", "conftest.py", "pyproject.toml")

# Python may cache bytecode, as it does by default on a learner's machine: without it every run
# recompiles the harness and the kata tests, while torch's bytecode is installed with it.
ENVIRONMENT = {
    name: value
    for name, value in os.environ.items()
    if name not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")
}


@contextlib.contextmanager
def solved_copy():
    """A scratch copy of the course with every solution copied into katas/."""
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        skip = shutil.ignore_patterns("__pycache__", ".grader-state.json", ".hypothesis")
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, base / name, ignore=skip)
            else:
                shutil.copy2(source, base / name)
        for solution in sorted((ROOT / "solutions").iterdir()):
            if solution.is_dir():
                shutil.copytree(solution, base / "katas" / solution.name, dirs_exist_ok=True)
        yield base


def seconds(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, check=False, env=ENVIRONMENT)
    return time.perf_counter() - started


def measure(commands: dict[str, list[str]], cwd: Path, repeat: int) -> dict[str, float]:
    """The median seconds of each command; they take turns, after one unmeasured run each."""
    for command in commands.values():
        seconds(command, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(seconds(command, cwd))
    return {name: statistics.median(runs) for name, runs in times.items()}


def print_table(medians: dict[str, float], floor: str, targets: dict[str, float], repeat: int):
    print(f"median of {repeat} runs, measured together in one run\n")
    width = max(len(name) for name in medians) + 2
    print(f"{'command':<{width}}{'seconds':>9}{'x floor':>9}  target")
    for name, value in medians.items():
        ratio = value / medians[floor]
        verdict = ""
        if name in targets:
            verdict = f"<= {targets[name]:g}x " + ("ok" if ratio <= targets[name] else "MISSED")
        print(f"{name:<{width}}{value:>9.2f}{ratio:>9.2f}  {verdict}")
    print(f"\nfloor: {floor}")
