"""How long the learner's grader takes, against the floor it cannot beat: importing torch.

    python benchmarks/grader_speed.py [--repeat N]

Measures, in one run and on a scratch copy of the course with every solution in place:
``python -c "import torch"``, ``python grader.py`` (every kata) and ``python grader.py 03``,
and for comparison plain ``pytest`` over the same tests. The commands take turns, so a busy
machine slows them all alike; each figure is the median.
Targets: every kata within 2x the bare import, one kata within 1.3x.
"""

from __future__ import annotations

import argparse
import sys

from common import measure, print_table, solved_copy

COMMANDS = {
    "python -c 'import torch'": [sys.executable, "-c", "import torch"],
    "python grader.py": [sys.executable, "grader.py"],
    "python grader.py 03": [sys.executable, "grader.py", "03"],
    # For comparison, what a learner would wait for without the grader.
    "pytest -q katas": [sys.executable, "-m", "pytest", "-q", "katas"],
    "pytest -q katas/03": [sys.executable, "-m", "pytest", "-q", "katas/03"],
}
TARGETS = {"python grader.py": 2.0, "python grader.py 03": 1.3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5)")
    repeat = parser.parse_args().repeat
    with solved_copy() as tree:
        medians = measure(COMMANDS, tree, repeat)
    print_table(medians, "python -c 'import torch'", TARGETS, repeat)


if __name__ == "__main__":
    main()
