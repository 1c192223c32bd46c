"""What one endless loop costs the learner's grader, against the same course without it.

    python benchmarks/endless_loop.py [--repeat N]

Measures, in one run, ``python grader.py`` on two scratch copies of the course with every
solution in place; in the second, kata 01's ``tanh_grad`` never returns (``while True: pass``).
The two take turns, so a busy machine slows both alike; each figure is the median.
Target: the loop costs at most 30 s more than the solved course, every other kata is ``done``,
and kata 01's quiz is still scored in full. ``NN_KATAS_SPAWN=1`` measures the spawn path.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

from common import ENVIRONMENT, seconds, solved_copy

from harness import engine, limits, manifest

LOOP_KATA, LOOP_FILE = "01", "activations.py"
ENDLESS = "\n\ndef tanh_grad(x):\n    while True:\n        pass\n"
COMMAND = [sys.executable, "grader.py"]
TARGET_EXTRA_SECONDS = 30


def with_endless_loop(course: Path) -> None:
    path = course / "katas" / LOOP_KATA / LOOP_FILE
    path.write_text(path.read_text() + ENDLESS)


def rows(course: Path) -> dict[str, list[str]]:
    """The grader's progress table on ``course``: each kata's cells, by kata number."""
    ran = subprocess.run(COMMAND, cwd=course, capture_output=True, text=True, env=ENVIRONMENT)
    cells = [re.split(r"\s{2,}", line.strip()) for line in ran.stdout.splitlines()]
    return {row[0]: row for row in cells if row and row[0].isdigit()}


def verdict(table: dict[str, list[str]]) -> list[str]:
    """What the loop's run got wrong, if anything: other katas not done, the quiz not scored."""
    wrong = []
    for kata in manifest.load():
        status = table.get(kata.id, ["?"])[-1]
        if kata.id != LOOP_KATA and status != "done":
            wrong.append(f"kata {kata.id} is {status!r}, not done")
    quiz_passed, quiz_total = table.get(LOOP_KATA, ["", "", "", "?/-"])[3].split("/")
    if quiz_passed != quiz_total:
        wrong.append(f"kata {LOOP_KATA}'s quiz scored {quiz_passed}/{quiz_total}")
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tree (default 3)")
    repeat = parser.parse_args().repeat
    how = "fork" if engine.forks() else "spawn"
    with solved_copy() as solved, solved_copy() as looping:
        with_endless_loop(looping)
        trees = {"solved course": solved, "tanh_grad never returns": looping}
        times: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(repeat):  # the trees take turns
            for name, course in trees.items():
                times[name].append(seconds(COMMAND, course))
        medians = {name: statistics.median(runs) for name, runs in times.items()}
        wrong = verdict(rows(looping))
    print(f"python grader.py, median of {repeat} runs each, kata runs by {how}\n")
    for name, value in medians.items():
        print(f"{name:<26}{value:>7.1f} s")
    extra = medians["tanh_grad never returns"] - medians["solved course"]
    ok = extra <= TARGET_EXTRA_SECONDS and not wrong
    print(f"\nthe loop costs {extra:.1f} s (one test's limit is {limits.SECONDS_PER_TEST} s)")
    print(f"target: at most {TARGET_EXTRA_SECONDS} s more, every other kata done, quiz scored")
    print("result: " + ("ok" if ok else "MISSED: " + "; ".join(wrong or ["too slow"])))


if __name__ == "__main__":
    main()
