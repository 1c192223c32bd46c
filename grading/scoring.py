"""Turns engine test results into per-kata scores: counts, points and a status.

No output here: the learner's report and the instructor's grader both build on these scores.
Points for a kata are its manifest points times the share of its tests (quiz included) that pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from harness.engine import Run, TestResult
from harness.manifest import Kata

QUIZ_FILE = "test_quiz.py"

DONE = "done"
IN_PROGRESS = "in progress"
NOT_STARTED = "not started"


@dataclass(frozen=True)
class KataScore:
    kata: Kata
    tests_passed: int
    tests_total: int
    quiz_passed: int
    quiz_total: int
    failures: tuple[TestResult, ...]
    problem: str | None  # something wrong with the whole kata (a broken file, a hang), if any

    @property
    def passed(self) -> int:
        return self.tests_passed + self.quiz_passed

    @property
    def total(self) -> int:
        return self.tests_total + self.quiz_total

    @property
    def points_earned(self) -> float:
        return self.kata.points * self.passed / self.total if self.total else 0.0

    @property
    def status(self) -> str:
        if self.total and self.passed == self.total:
            return DONE
        return IN_PROGRESS if self.passed else NOT_STARTED


def is_quiz(result: TestResult) -> bool:
    test_file = result.nodeid.split("::", 1)[0].replace("\\", "/")
    return test_file.rsplit("/", 1)[-1] == QUIZ_FILE


def score_kata(kata: Kata, results: Sequence[TestResult]) -> KataScore:
    quiz = [r for r in results if is_quiz(r)]
    tests = [r for r in results if not is_quiz(r)]
    failures = tuple(r for r in results if not r.passed)
    return KataScore(
        kata=kata,
        tests_passed=sum(r.passed for r in tests),
        tests_total=len(tests),
        quiz_passed=sum(r.passed for r in quiz),
        quiz_total=len(quiz),
        failures=failures,
        problem=kata_problem(kata, failures),
    )


def score_run(katas: Sequence[Kata], run: Run) -> list[KataScore]:
    return [score_kata(kata, run.for_kata(kata.id)) for kata in katas]


# What the harness says when a kata's file or process fails as a whole, not one answer.
WHOLE_KATA_PROBLEMS = (
    "has a syntax error",
    "while being imported",
    "did not finish",
    "was not run again",
    "ended the learner's process",
    "not run to the end",
)


def kata_problem(kata: Kata, failures: Sequence[TestResult]) -> str | None:
    """The first failure that concerns the kata as a whole rather than one test.

    That is a learner file that is broken, missing or lacks a name (the harness starts those
    messages with the file's path, or says so in words when the file sits elsewhere, as when
    grading), a test file that could not be collected (its node id has no "::"), or code that
    never finished or crashed.
    """
    learner_paths = tuple(f"katas/{kata.id}/{name}" for name in kata.files)
    for failure in failures:
        first_line = first_lines(failure.message, 1)
        if first_line.startswith(learner_paths) or any(
            sign in first_line for sign in WHOLE_KATA_PROBLEMS
        ):
            return first_line
        if "::" not in failure.nodeid:
            return f"{failure.nodeid} could not be loaded: {first_line}"
    return None


def first_lines(message: str, count: int = 3) -> str:
    """The teaching part of a failure message: its first ``count`` meaningful lines.

    Harness messages are short already. A plain pytest report is a traceback, whose meaningful
    lines are the "E   " ones.
    """
    lines = [line.rstrip() for line in message.splitlines() if line.strip()]
    errors = [line[1:].strip() for line in lines if line.startswith("E ")]
    chosen = errors or lines
    return "\n".join(chosen[:count])


def overall(scores: Sequence[KataScore]) -> tuple[float, int]:
    """(points earned, points available) over ``scores``."""
    return sum(s.points_earned for s in scores), sum(s.kata.points for s in scores)


def next_kata(scores: Sequence[KataScore]) -> KataScore | None:
    """The first kata in course order that is not done yet."""
    return next((s for s in scores if s.status != DONE), None)
