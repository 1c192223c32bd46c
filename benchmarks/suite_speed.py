"""How long the repository's own checks take: the README's test command, against a plain run.

    python benchmarks/suite_speed.py [--repeat N]

Runs, in a scratch copy of the checkout, the README's test command (its first code block's
second line, as CI reads it) and, for comparison, the same checks the way pytest runs them with
no options: one process, `python -m pytest tests -p no:xdist`. The two take turns; each figure
is the median. Target: the README's command within 3 minutes on a 2-core machine. A run takes
several minutes per repeat.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from common import ROOT, measure

TARGET_SECONDS = 180
SKIPPED = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".hypothesis", "*.egg-info")


def readme_test_command() -> str:
    """The second line of the README's first ```bash block, the command a newcomer runs."""
    block = re.search(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.DOTALL)
    return block.group(1).splitlines()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command (default 1)")
    repeat = parser.parse_args().repeat
    readme = readme_test_command()
    plain = "python -m pytest tests -p no:xdist"
    commands = {name: [sys.executable, *shlex.split(name)[1:]] for name in (readme, plain)}
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "nn-katas"
        shutil.copytree(ROOT, tree, ignore=SKIPPED)
        medians = measure(commands, tree, repeat, warm_up=False)
    print(f"median of {repeat} run(s), measured together in one run\n")
    for name, value in medians.items():
        print(f"{name:<50}{value:>8.0f} s{medians[plain] / value:>7.2f}x faster than plain")
    verdict = "ok" if medians[readme] <= TARGET_SECONDS else "MISSED"
    print(f"\ntarget: the README's command within {TARGET_SECONDS} s: {verdict}")


if __name__ == "__main__":
    main()
