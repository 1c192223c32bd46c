"""What the benchmarks share: a solved scratch copy of the course, and fair timing."""

from __future__ import annotations

import contextlib
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the benchmarks run as plain scripts from anywhere

# Python may cache bytecode, as it does by default on a learner's machine: without it every run
# recompiles the harness and the kata tests, while torch's bytecode is installed with it.
ENVIRONMENT = {
    name: value
    for name, value in os.environ.items()
    if name not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")
}


@contextlib.contextmanager
def solved_copy():
    """A scratch copy of the course with every solution in place."""
    from grading.export import export_student_copy
    from harness import manifest

    with tempfile.TemporaryDirectory() as scratch:
        course = Path(scratch) / "course"
        export_student_copy(course, solved=[kata.id for kata in manifest.load()])
        yield course


def seconds(command: list[str], cwd: Path) -> float:
    return wall_and_cpu(command, cwd)[0]


def children_cpu() -> float:
    """User + system CPU seconds of every finished child so far (NaN where Python cannot tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return math.nan
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def wall_and_cpu(command: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds on the clock, and CPU seconds (user + system) of the command and its children.

    CPU time barely changes when other programs share the machine, while the clock does."""
    cpu_before, started = children_cpu(), time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, check=False, env=ENVIRONMENT)
    return time.perf_counter() - started, children_cpu() - cpu_before


def measure(
    commands: dict[str, list[str]], cwd: Path, repeat: int, warm_up: bool = True
) -> dict[str, float]:
    """The median seconds of each command; they take turns, after one unmeasured run each
    (``warm_up=False`` skips it, for commands that take minutes)."""
    for command in commands.values() if warm_up else ():
        seconds(command, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(seconds(command, cwd))
    return {name: statistics.median(runs) for name, runs in times.items()}


def measure_wall_and_cpu(
    commands: dict[str, list[str]], cwd: Path, repeat: int
) -> dict[str, tuple[float, float]]:
    """The median wall and CPU seconds of each command; they take turns, after one unmeasured
    run each."""
    for command in commands.values():
        wall_and_cpu(command, cwd)
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(wall_and_cpu(command, cwd))
    return {
        name: (statistics.median(w for w, _ in times), statistics.median(c for _, c in times))
        for name, times in runs.items()
    }


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
