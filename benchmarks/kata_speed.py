"""How long a learner waits for `pytest katas/NN`, against the floor: importing torch.

    python benchmarks/kata_speed.py [--repeat N]

Measures, in one run and on a scratch copy of the course with every solution in place,
``python -c "import torch"`` and ``pytest -q katas/NN`` for every kata, taking turns so that a
busy machine slows them all alike; each figure is the median. Target: every kata's tests take
at most 1.5x the bare import. Katas 07 and 08 build torch optimizers, and torch imports its
compiler (torch._dynamo) the first time one is built, so the table also shows that floor.
"""

from __future__ import annotations

import argparse
import sys

from common import measure, print_table, solved_copy

TARGET = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5)")
    repeat = parser.parse_args().repeat

    from harness import manifest

    commands = {
        "python -c 'import torch'": [sys.executable, "-c", "import torch"],
        "python -c 'import torch, torch._dynamo'": [
            sys.executable,
            "-c",
            "import torch, torch._dynamo",
        ],
    }
    for kata in manifest.load():
        commands[f"pytest -q katas/{kata.id}"] = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            f"katas/{kata.id}",
        ]
    with solved_copy() as tree:
        medians = measure(commands, tree, repeat)
    targets = {name: TARGET for name in commands if name.startswith("pytest")}
    print_table(medians, "python -c 'import torch'", targets, repeat)


if __name__ == "__main__":
    main()
