"""The scenarios behind README.md's example outputs, and the README blocks they produce.

Each example in the README is marked by a comment, ``<!-- example: NAME -->``, on the line
before its fenced block. The block holds what a learner sees when running a real command on a
real copy of the course (``SCENARIOS``): a handout with katas 01 and 04 solved and a typo in
kata 03, and one with two catalogued mistakes in place.

``tests/test_readme_examples.py`` re-runs the scenarios and compares. After a change that
alters what learners see (a new test, a new message), rewrite the blocks with

    python -m tests.readme_examples
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from grading.export import export_student_copy
from harness import manifest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MISTAKES = ROOT / "tests" / "mistakes"
RUN_LIMIT = 600  # seconds; only reached if a command hangs
WIDTH = 100  # the JSON examples' line length, as the code's

# The progress JSON shows its katas array as this placeholder; the KATA example shows one.
KATA_PLACEHOLDER = "[KATA, ...]"

# The failure of `pytest katas/01` that the README shows, after the list of what is unwritten.
SHOWN_FAILURES = ("test_matches_torch[tanh_grad-float32]",)

# A learner's first attempt at forward_chain, with the colon after `for` forgotten.
TYPO = """\
    outputs = []
    for w, b in zip(weights, biases)
        outputs.append(w * x + b)
    return outputs
"""


# --- the scenarios -------------------------------------------------------------------------


def with_typo(course: Path) -> None:
    """Kata 03's forward_chain started, with a syntax error: the kata's problem in the table."""
    path = course / "katas" / "03" / "vanishing.py"
    text = path.read_text()
    stub_body = "    raise NotImplementedError\n"
    if stub_body not in text:
        raise ValueError(f"{path} no longer has a stub body to replace with the typo")
    path.write_text(text.replace(stub_body, TYPO, 1))


def with_mistakes(course: Path) -> None:
    """tanh_grad written as 1 - x**2 in kata 01's stub; kata 03 solved but for relu'(0) = 1."""
    for kata_id, target, mistake in (
        ("01", "activations.py", "tanh_grad_one_minus_x_squared.py"),
        ("03", "vanishing.py", "relu_grad_one_at_zero.py"),
    ):
        path = course / "katas" / kata_id / target
        path.write_text(path.read_text() + "\n\n" + (MISTAKES / kata_id / mistake).read_text())


@dataclass(frozen=True)
class Scenario:
    solved: tuple[str, ...]
    change: Callable[[Path], None]


SCENARIOS = {
    "typo": Scenario(solved=("01", "04"), change=with_typo),
    "mistakes": Scenario(solved=("03",), change=with_mistakes),
}

# Each example: the scenario it runs in, the command a learner types there, and its exit status
# (pytest's 1 means some tests failed; the grader's is 0 whatever the learner's progress).
COMMANDS = {
    "pytest-failures": ("mistakes", ("-m", "pytest", "katas/01"), 1),
    "progress-table": ("typo", ("grader.py",), 0),
    "progress-json": ("typo", ("grader.py", "--json"), 0),
    "kata-json": ("mistakes", ("grader.py", "03", "--json"), 0),
}


def build(base: Path) -> dict[str, Path]:
    """One handout copy per scenario under ``base``, changed as the scenario says."""
    courses = {}
    for name, scenario in SCENARIOS.items():
        course = base / name
        export_student_copy(course, scenario.solved)
        scenario.change(course)
        courses[name] = course
    return courses


def environment() -> dict[str, str]:
    """Plain output, 80 columns wide, as in a pipe; no colour, whatever the caller's terminal."""
    keep = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR")}
    return keep | {"NO_COLOR": "1", "COLUMNS": "80"}


def run_examples(courses: dict[str, Path]) -> dict[str, str]:
    """Each example's command run in its scenario, all started together: name -> stdout."""
    processes = {
        name: subprocess.Popen(
            [sys.executable, *args],
            cwd=courses[scenario],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
        )
        for name, (scenario, args, _) in COMMANDS.items()
    }
    try:
        return {name: finished(name, process) for name, process in processes.items()}
    finally:
        for process in processes.values():
            if process.poll() is None:  # only after a failure: leave no command running
                process.kill()
                process.wait()


def finished(name: str, process: subprocess.Popen) -> str:
    """What the example's command printed, once it has ended with the exit status it should."""
    stdout, stderr = process.communicate(timeout=RUN_LIMIT)
    expected = COMMANDS[name][2]
    if process.returncode != expected:
        raise RuntimeError(
            f"{name}: {' '.join(process.args[1:])} exited with {process.returncode}, "
            f"not {expected}:\n{stderr}"
        )
    return stdout


# --- from outputs to README blocks ---------------------------------------------------------

SECTION_HEADER = re.compile(r"^_{3,} (?P<test>\S.*?) _{3,}$")


def failure_sections(pytest_output: str) -> dict[str, str]:
    """Each failing test's section of pytest's report, header line included: test -> text."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in pytest_output.splitlines():
        header = SECTION_HEADER.match(line)
        if header:
            current = header["test"]
            sections[current] = [line]
        elif line.startswith("====="):
            current = None
        elif current is not None:
            sections[current].append(line)
    return {test: "\n".join(lines) for test, lines in sections.items()}


def unwritten_section(pytest_output: str) -> str:
    """The section that lists, once per learner file, what is not written yet."""
    lines = pytest_output.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"^=+ not written yet =+$", line))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("="))
    return "\n".join(lines[start:end])


def compact_json(value, indent: int = 0) -> str:
    """JSON laid out to read: a short object or array of plain values on one line, others spread."""
    flat = json.dumps(value)
    plain = not isinstance(value, dict | list) or not any(
        isinstance(v, dict | list) for v in _items(value)
    )
    if plain and (len(flat) + indent <= WIDTH or not isinstance(value, dict | list) or not value):
        return flat
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        parts = [f"{inner}{json.dumps(k)}: {compact_json(v, indent + 2)}" for k, v in value.items()]
        opening, closing = "{", "}"
    else:
        parts = [f"{inner}{compact_json(v, indent + 2)}" for v in value]
        opening, closing = "[", "]"
    return opening + "\n" + ",\n".join(parts) + "\n" + " " * indent + closing


def _items(value) -> list:
    return list(value.values()) if isinstance(value, dict) else list(value)


def without_katas(progress: dict) -> dict:
    """The progress JSON with its katas array empty: what the placeholder stands for."""
    return progress | {"katas": []}


def with_placeholder(text: str) -> str:
    """README JSON with ``[KATA, ...]`` read as an empty array, so that it parses."""
    return text.replace(KATA_PLACEHOLDER, "[]")


def expected_blocks(outputs: dict[str, str]) -> dict[str, str]:
    """What each README block must hold, given the commands' real output."""
    sections = failure_sections(outputs["pytest-failures"])
    progress = json.loads(outputs["progress-json"])
    progress_text = compact_json(without_katas(progress)).replace(
        '"katas": []', '"katas": ' + KATA_PLACEHOLDER
    )
    return {
        "pytest-failures": "\n".join(
            [unwritten_section(outputs["pytest-failures"])]
            + [sections[test] for test in SHOWN_FAILURES]
        ),
        "progress-table": outputs["progress-table"].rstrip("\n"),
        "progress-json": progress_text,
        "kata-json": compact_json(json.loads(outputs["kata-json"])),
    }


# --- the README's blocks -------------------------------------------------------------------

BLOCK = re.compile(
    r"^<!-- example: (?P<name>[\w-]+) -->\n```(?P<lang>\w*)\n(?P<body>.*?)\n```$",
    re.MULTILINE | re.DOTALL,
)


def readme_blocks(text: str) -> dict[str, str]:
    """The README's marked example blocks: name -> the text inside the fence."""
    return {match["name"]: match["body"] for match in BLOCK.finditer(text)}


def rewrite(text: str, blocks: dict[str, str]) -> str:
    """``text`` with each marked block's body replaced by ``blocks[name]``."""

    def replace(match: re.Match) -> str:
        body = blocks.get(match["name"], match["body"])
        return f"<!-- example: {match['name']} -->\n```{match['lang']}\n{body}\n```"

    return BLOCK.sub(replace, text)


def manifest_ids() -> list[str]:
    return [kata.id for kata in manifest.load()]


def main() -> int:
    with tempfile.TemporaryDirectory() as base:
        outputs = run_examples(build(Path(base)))
    text = README.read_text()
    missing = set(COMMANDS) - set(readme_blocks(text))
    if missing:
        print(f"README.md lacks the marked blocks {sorted(missing)}", file=sys.stderr)
        return 1
    README.write_text(rewrite(text, expected_blocks(outputs)))
    print(f"rewrote {len(COMMANDS)} example blocks in {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
