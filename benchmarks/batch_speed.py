"""How fast the instructor's grader grades a class, against the naive way, in one run.

    python benchmarks/batch_speed.py [--students N] [--jobs J]

Generates N submissions (a third honest, a third partly solved, a third broken), then grades
them twice on the same machine:

- ``python grader.py grade`` with J workers: warm processes that fork one judge per student;
- what an instructor would otherwise script, the headline baseline: a fresh plain ``pytest``
  over the kata tests for each submission, J at a time, with the same per-test timeout;
- the same with the grader's sandbox switched on (``--sandbox``), as the grader runs it;
- the floor: one submission of each kind, its tests in one warm process, without sandbox or
  fork, in CPU seconds. No grader that runs every test for every student can take less than
  the class's average of those, divided by J, per submission.

All three must give every student the same result for every test; the script checks that, then
prints seconds per submission. Targets: at least 3x faster than plain pytest, and at most
0.5 s per full submission.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

from common import ENVIRONMENT, ROOT

from grading import submissions
from harness import limits, manifest

TEST_TIMEOUT = f"{limits.SECONDS_PER_TEST:g}"  # the grader's default, given to both ways


def generate(folder: Path, count: int) -> list[str]:
    katas = manifest.load()
    students = []
    for index in range(count):
        kind = ("honest", "partial", "broken")[index % 3]
        student = f"{kind}_{index:03d}"
        for position, kata in enumerate(katas):
            solved = (
                kind == "honest"
                or (kind == "partial" and position % 2 == 0)
                or (kind == "broken" and position != index % len(katas))
            )
            source = manifest.SOLUTIONS_DIR if solved else manifest.KATAS_DIR
            target = folder / student / "katas" / kata.id
            target.mkdir(parents=True, exist_ok=True)
            for name in kata.files:
                shutil.copy(source / kata.id / name, target / name)
        if kind == "broken":  # the one unsolved kata also fails to import
            broken = katas[index % len(katas)]
            path = folder / student / "katas" / broken.id / broken.files[0]
            path.write_text(path.read_text() + "\ndef oops(:\n")
        students.append(student)
    return students


def ours(folder: Path, out: Path, jobs: int) -> tuple[float, dict]:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "grader.py", "grade", str(folder), "--out", str(out), "-j", str(jobs),
         "--timeout", TEST_TIMEOUT],
        cwd=ROOT, env=ENVIRONMENT, check=True, capture_output=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    outcomes = {}
    for path in (out / "results").glob("*.json"):
        document = json.loads(path.read_text())
        outcomes[path.stem] = {t["name"]: t["status"] for t in document["tests"]}
    return elapsed, outcomes


def naive_one(staged_root: Path, sandbox: bool) -> dict:
    katas = [str(ROOT / "katas" / kata.id) for kata in manifest.load()]
    report = staged_root / f"junit-{sandbox}.xml"
    subprocess.run(
        [sys.executable, "-m", "pytest", *katas, "--kata-source", str(staged_root),
         *(["--sandbox"] if sandbox else []), f"--timeout={TEST_TIMEOUT}", "-q",
         f"--junitxml={report}"],
        cwd=ROOT, env=ENVIRONMENT, capture_output=True, text=True,
    )  # fmt: skip
    statuses = {}
    for case in ElementTree.parse(report).iter("testcase"):
        kata = case.get("classname").split(".")[1]  # katas.NN.test_file
        failed = any(child.tag in ("failure", "error") for child in case)
        statuses[f"{kata} {case.get('name')}"] = "failed" if failed else "passed"
    return statuses


# Runs one staged submission's tests in this warm process, unsandboxed, and prints the median
# CPU seconds of three runs (after one unmeasured run).
FLOOR = """
import statistics, sys, time
from pathlib import Path
from harness import engine, manifest
ids = [kata.id for kata in manifest.load()]
engine.warm_up(ids)
import torch._dynamo
def cpu():
    started = time.process_time()
    engine.run_in_this_process(ids, Path(sys.argv[1]), lambda event: None, sys.argv[2:])
    return time.process_time() - started
cpu()
print(statistics.median(cpu() for _ in range(3)))
"""


def floor_cpu(staged_root: Path) -> float:
    """CPU seconds of one submission's tests alone: the work every grader must do per student."""
    ran = subprocess.run(
        [sys.executable, "-c", FLOOR, str(staged_root), f"--timeout={TEST_TIMEOUT}"],
        cwd=ROOT, env=ENVIRONMENT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return float(ran.stdout.split()[-1])


def floors_by_kind(staged: list[Path], students: list[str]) -> dict[str, float]:
    """The floor of one submission of each kind (honest, partial, broken), by kind."""
    first = {}
    for root, student in zip(staged, students, strict=True):
        first.setdefault(student.split("_")[0], root)
    return {kind: floor_cpu(root) for kind, root in first.items()}


def stage_all(folder: Path, students: list[str], scratch: Path) -> list[Path]:
    """Each submission staged as the grader stages it: the same work every way, not timed."""
    katas = manifest.load()
    return [
        submissions.stage(submissions.Submission(s, folder / s), katas, scratch / s).root
        for s in students
    ]


def naive(staged: list[Path], students: list[str], jobs: int, sandbox: bool):
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        runs = pool.map(lambda root: naive_one(root, sandbox), staged)
        results = dict(zip(students, runs, strict=True))
    return time.perf_counter() - started, results


def print_floor(floors: dict[str, float], students: list[str], jobs: int) -> None:
    kinds = ", ".join(f"{kind} {seconds:.2f} s" for kind, seconds in floors.items())
    floor = sum(floors[s.split("_")[0]] for s in students) / len(students) / jobs
    print(f"\nfloor: each kind's tests alone, one warm process, no sandbox (CPU): {kinds}")
    print(
        f"  so at {jobs} at a time, at least {floor:.2f} s per submission of this class for "
        f"any grader that runs every test (target 0.5 s: {'within' if floor <= 0.5 else 'below'} "
        "the floor)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=12, help="submissions (default 12)")
    parser.add_argument("--jobs", type=int, default=2, help="processes at once (default 2)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        students = generate(base / "submissions", args.students)
        ours_seconds, ours_outcomes = ours(base / "submissions", base / "out", args.jobs)
        staged = stage_all(base / "submissions", students, base / "staged")
        plain_seconds, plain_outcomes = naive(staged, students, args.jobs, sandbox=False)
        sandboxed_seconds, sandboxed_outcomes = naive(staged, students, args.jobs, sandbox=True)
        floors = floors_by_kind(staged, students)

    same = ours_outcomes == plain_outcomes == sandboxed_outcomes
    n = len(students)
    tests = sum(len(v) for v in ours_outcomes.values()) // max(n, 1)
    print(f"{n} submissions ({tests} tests each), {args.jobs} at a time, measured in one run\n")
    print(f"{'way':<38}{'total s':>9}{'s / submission':>16}")
    for way, seconds in [
        ("grader.py grade (warm workers)", ours_seconds),
        ("plain pytest per submission", plain_seconds),
        ("pytest --sandbox per submission", sandboxed_seconds),
    ]:
        print(f"{way:<38}{seconds:>9.1f}{seconds / n:>16.2f}")
    speedup = plain_seconds / ours_seconds
    print(
        f"\nspeed-up over plain pytest: {speedup:.1f}x "
        f"(target >= 3x: {'ok' if speedup >= 3 else 'MISSED'})"
    )
    print(f"speed-up over pytest --sandbox: {sandboxed_seconds / ours_seconds:.1f}x")
    per = ours_seconds / n
    print(f"per submission: {per:.2f} s (target <= 0.5 s: {'ok' if per <= 0.5 else 'MISSED'})")
    print(f"same result for every test of every student: {'yes' if same else 'NO'}")
    print_floor(floors, students, args.jobs)
    if not same:
        for baseline, outcomes in (("plain", plain_outcomes), ("--sandbox", sandboxed_outcomes)):
            for student in students:
                theirs, mine = outcomes.get(student, {}), ours_outcomes.get(student, {})
                names = set(theirs) | set(mine)
                differing = sorted(k for k in names if theirs.get(k) != mine.get(k))
                if differing:
                    print(f"  {baseline}, {student}: {len(differing)} differ, e.g. {differing[:3]}")
        sys.exit(1)


if __name__ == "__main__":
    main()
