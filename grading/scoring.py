"""Turns engine test results into per-kata scores: counts, points and a status.

No output here: the learner's report and the instructor's grader both build on these scores.
Points for a kata are its manifest points times the share of its tests (quiz included) that pass.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from harness import outcomes
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
    problem_kind: str | None = None  # its kind (harness.outcomes.WHOLE_KATA)

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
    problem = kata_problem(failures)
    return KataScore(
        kata=kata,
        tests_passed=sum(r.passed for r in tests),
        tests_total=len(tests),
        quiz_passed=sum(r.passed for r in quiz),
        quiz_total=len(quiz),
        failures=failures,
        problem=problem.message if problem else None,
        problem_kind=problem.kind if problem else None,
    )


def score_run(katas: Sequence[Kata], run: Run) -> list[KataScore]:
    return [score_kata(kata, run.for_kata(kata.id)) for kata in katas]


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str


def kata_problem(failures: Sequence[TestResult]) -> Problem | None:
    """The first failure that concerns the kata as a whole rather than one test.

    That is a learner file that is broken, missing or lacks a name, a test file that could not
    be collected, or code that never finished or crashed: the kinds in ``outcomes.WHOLE_KATA``.
    """
    for failure in failures:
        if failure.kind == outcomes.COLLECT_ERROR:
            first = first_line(failure.message)
            return Problem(failure.kind, f"{failure.nodeid} could not be loaded: {first}")
        if failure.kind in outcomes.WHOLE_KATA:
            return Problem(failure.kind, first_line(failure.message))
    return None


def teaching_message(message: str) -> str:
    """A failure message as the learner reads it: all of it, without a traceback.

    Harness messages have no traceback, and are kept whole (the function, the input, torch's
    answer, the learner's, the error and the hint). A plain pytest report is a traceback, whose
    meaningful lines are the "E   " ones.
    """
    lines = [line.rstrip() for line in message.splitlines() if line.strip()]
    errors = [line[1:] for line in lines if line.startswith("E ")]
    return textwrap.dedent("\n".join(errors)).strip("\n") if errors else "\n".join(lines)


def first_line(message: str) -> str:
    """The first line of a failure's teaching message: what went wrong, in a few words."""
    return teaching_message(message).split("\n", 1)[0].strip()


def overall(scores: Sequence[KataScore]) -> tuple[float, int]:
    """(points earned, points available) over ``scores``."""
    return sum(s.points_earned for s in scores), sum(s.kata.points for s in scores)


def next_kata(scores: Sequence[KataScore]) -> KataScore | None:
    """The first kata in course order that is not done yet."""
    return next((s for s in scores if s.status != DONE), None)
