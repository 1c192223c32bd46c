"""How long a learner waits for `pytest katas/NN`, against the floor: importing torch.

    python benchmarks/kata_speed.py [--repeat N] [katas ...]

Measures, in one run and on a scratch copy of the course with every solution in place, each
kata's floor and ``pytest -q katas/NN``, taking turns so that a busy machine slows them all
alike; each figure is the median. The floor is ``python -c "import torch"``, except for kata
08, which is written with a real torch optimizer: building one imports torch's compiler
(torch._dynamo), so its floor is ``python -c "import torch, torch._dynamo"``.

Two ratios per kata: wall clock (what a learner waits on a quiet machine) and CPU time, user +
system of the process and its children (what the run costs, which other programs on a busy
machine barely change). Target: every kata at most 1.5x its floor.
"""

from __future__ import annotations

import argparse
import sys

from common import measure_wall_and_cpu, solved_copy

TARGET = 1.5
TORCH = "python -c 'import torch'"
DYNAMO = "python -c 'import torch, torch._dynamo'"
# The import alone: without gc.freeze() the interpreter's last garbage collection walks all of
# torch's objects at exit (about a quarter of the import), which a kata run skips because the
# harness freezes its heap. Shown for reference, as the strictest floor.
FROZEN = "python -c 'import torch, gc; gc.freeze()'"
FLOORS = {TORCH: "import torch", DYNAMO: "import torch, torch._dynamo"}
# Katas written with a torch.optim optimizer, which imports torch._dynamo when it is built.
DYNAMO_KATAS = {"08"}


def floor_of(kata: str) -> str:
    return DYNAMO if kata in DYNAMO_KATAS else TORCH


def print_table(medians: dict[str, tuple[float, float]], floors: dict[str, str], repeat: int):
    print(f"median of {repeat} runs, measured together in one run\n")
    width = max(len(name) for name in medians) + 2
    header = f"{'command':<{width}}{'wall s':>8}{'cpu s':>8}{'x wall':>8}{'x cpu':>8}  target"
    print(header)
    for name, (wall, cpu) in medians.items():
        line = f"{name:<{width}}{wall:>8.2f}{cpu:>8.2f}"
        if name in floors:
            floor_wall, floor_cpu = medians[floors[name]]
            ratios = wall / floor_wall, cpu / floor_cpu
            verdict = "ok" if max(ratios) <= TARGET else "MISSED"
            line += f"{ratios[0]:>8.2f}{ratios[1]:>8.2f}  <= {TARGET:g}x {verdict}"
            line += "" if floors[name] == TORCH else f"  (floor: {FLOORS[floors[name]]})"
        print(line)
    print(f"\nx wall, x cpu: against the floor, {FLOORS[TORCH]!r} unless said otherwise")
    katas = [name for name, floor in floors.items() if floor == TORCH]
    if katas and FROZEN in medians:
        worst = max(katas, key=lambda name: medians[name][1])
        wall, cpu = (a / b for a, b in zip(medians[worst], medians[FROZEN], strict=True))
        print(f"against {FROZEN} instead, the slowest ({worst}):", end=" ")
        print(f"{wall:.2f}x wall, {cpu:.2f}x cpu")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5)")
    parser.add_argument("katas", nargs="*", help="kata ids (default: every kata)")
    args = parser.parse_args()

    from harness import manifest

    katas = args.katas or [kata.id for kata in manifest.load()]
    commands = {
        TORCH: [sys.executable, "-c", "import torch"],
        DYNAMO: [sys.executable, "-c", "import torch, torch._dynamo"],
        FROZEN: [sys.executable, "-c", "import torch, gc; gc.freeze()"],
    }
    floors = {}
    for kata in katas:
        name = f"pytest -q katas/{kata}"
        commands[name] = [sys.executable, "-m", "pytest", "-q", f"katas/{kata}"]
        floors[name] = floor_of(kata)
    with solved_copy() as tree:
        medians = measure_wall_and_cpu(commands, tree, args.repeat)
    print_table(medians, floors, args.repeat)


if __name__ == "__main__":
    main()
