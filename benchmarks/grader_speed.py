"""How long the learner's grader takes, against the floor it cannot beat: importing torch.

    python benchmarks/grader_speed.py [--repeat N]

Measures, in one run and on a scratch copy of the course with every solution in place:
``python -c "import torch"``, ``python grader.py`` (every kata) and ``python grader.py 03``,
and for comparison plain ``pytest`` over the same tests.
The commands take turns, so a busy machine slows them all alike; each figure is the median.
Targets: every kata within 2x the bare import, one kata within 1.3x.

Python may cache bytecode (``__pycache__``), as it does by default on a learner's machine:
without it every run recompiles the harness and the kata tests, while torch's own bytecode
is installed with it, which would not compare like with like.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("katas", "harness", "grading", "grader.py", "conftest.py", "pyproject.toml")

COMMANDS = {
    "python -c 'import torch'": ([sys.executable, "-c", "import torch"], None),
    "python grader.py": ([sys.executable, "grader.py"], 2.0),
    "python grader.py 03": ([sys.executable, "grader.py", "03"], 1.3),
    # For comparison, what a learner would wait for without the grader.
    "pytest -q katas": ([sys.executable, "-m", "pytest", "-q", "katas"], None),
    "pytest -q katas/03": ([sys.executable, "-m", "pytest", "-q", "katas/03"], None),
}


def solved_copy(base: Path) -> Path:
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
    return base


ENVIRONMENT = {
    name: value
    for name, value in os.environ.items()
    if name not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")
}


def seconds(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, check=True, env=ENVIRONMENT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5)")
    repeat = parser.parse_args().repeat

    with tempfile.TemporaryDirectory() as scratch:
        tree = solved_copy(Path(scratch))
        for command, _ in COMMANDS.values():  # one unmeasured run each: a warm file cache
            seconds(command, tree)
        times: dict[str, list[float]] = {name: [] for name in COMMANDS}
        for _ in range(repeat):
            for name, (command, _) in COMMANDS.items():
                times[name].append(seconds(command, tree))

    medians = {name: statistics.median(runs) for name, runs in times.items()}
    floor = medians["python -c 'import torch'"]
    print(f"median of {repeat} runs, with every solution in place\n")
    print(f"{'command':<28}{'seconds':>9}{'x torch':>9}{'target':>9}")
    for name, (_, target) in COMMANDS.items():
        ratio = medians[name] / floor
        verdict = ""
        if target is not None:
            verdict = f"<= {target:g}x " + ("ok" if ratio <= target else "MISSED")
        print(f"{name:<28}{medians[name]:>9.2f}{ratio:>9.2f}  {verdict}")


if __name__ == "__main__":
    main()
