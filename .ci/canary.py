"""The canary: proves that the README's test command can fail.

Usage: ``python .ci/canary.py "python -m pytest tests ..."`` from the repository's root.

In a scratch copy of the checkout, three breakages are made one at a time. Each time the test
command, with ``-x`` to stop at the first failure, must end red: with failed tests, not a usage
error. CI runs the same command on the unbroken checkout first, and it passes, so a red run here
is the breakage's doing. Exits 1 if any breakage stays green: a suite that cannot fail proves
nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".hypothesis", "*.egg-info")

PROBE = "def test_canary_probe():\n    assert False, 'the canary: this test must fail'\n"
BROKEN_TANH_GRAD = "\n\ndef tanh_grad(x):  # the canary: a wrong answer\n    return x * 0 + 7\n"


def add_failing_test(root: Path) -> None:
    (root / "tests" / "test_canary_probe.py").write_text(PROBE)


def break_a_solution(root: Path) -> None:
    with open(root / "solutions" / "01" / "activations.py", "a") as solution:
        solution.write(BROKEN_TANH_GRAD)


def solve_a_stub(root: Path) -> None:
    shutil.copy(root / "solutions" / "01" / "activations.py", root / "katas" / "01")


BREAKAGES = {
    "a test that asserts False": add_failing_test,
    "a broken reference solution": break_a_solution,
    "a stub replaced by its solution": solve_a_stub,
}


def stays_green(test_command: str, what: str, breakage) -> bool:
    """Make one breakage in a scratch copy and run the test command; True if nothing failed."""
    with tempfile.TemporaryDirectory(prefix="canary-") as scratch:
        root = Path(scratch) / "nn-katas"
        shutil.copytree(ROOT, root, ignore=SKIPPED)
        breakage(root)
        started = time.monotonic()
        result = subprocess.run(
            f"{test_command} -x -q",
            shell=True,
            cwd=root,
            capture_output=True,
            text=True,
        )
        seconds = time.monotonic() - started
    failed = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    # With -n, -x ends the run as "interrupted" (exit 2) rather than "failed" (exit 1); either
    # way it counts only with a failed test, since a usage error exits 2 too.
    caught = result.returncode in (1, 2) and bool(failed)
    verdict = "red, as it must be" if caught else "NOT CAUGHT"
    print(f"canary: {what}: {verdict} (exit {result.returncode}, {seconds:.0f} s)")
    for line in failed[:3]:
        print(f"  {line}")
    if not caught:
        print((result.stdout + result.stderr)[-3000:])
    return not caught


def main(test_command: str) -> int:
    green = [what for what, how in BREAKAGES.items() if stays_green(test_command, what, how)]
    if green:
        print(f"canary: the test command did not catch: {'; '.join(green)}")
        return 1
    print(f"canary: all {len(BREAKAGES)} breakages turned the test command red")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
