"""Checks a kata's quiz (katas/NN/quiz.py) without giving its answers away.

Every kata's test_quiz.py starts with ``quiz = Quiz(__file__)`` and checks each answer with
one call:

- ``quiz.check_number(name, expected, hint, explanation, rtol=..., atol=...)``: the test
  computes ``expected`` with torch right there; a wrong answer is told so, with the hint, but
  never shown ``expected``.
- ``quiz.check_choice(name, digest, hint, explanation)``: a letter from "a" to "d", compared
  through ``digest(kata, name, letter)``, a salted sha256, so the test file does not hold the
  letter. To make the digest for a new question, run
  ``python -c "from harness.quiz import digest; print(digest('01', 'NAME', 'b'))"``.

A right answer prints its explanation: ``pytest katas/NN -rP`` shows them. Every failure is one
short message with no traceback.
"""

from __future__ import annotations

import hashlib
import numbers
from pathlib import Path

from harness.compare import fail
from harness.learner import display_path, learner_module

LETTERS = ("a", "b", "c", "d")


def digest(kata: str, name: str, letter: str) -> str:
    """The salted sha256 a test file stores instead of the right letter for question ``name``."""
    return hashlib.sha256(f"nn-katas/{kata}/{name}:{letter}".encode()).hexdigest()


class Quiz:
    """The learner's quiz.py for the kata whose test file is ``test_file``, and its checks."""

    def __init__(self, test_file: str):
        self.kata = Path(test_file).resolve().parent.name
        self.module = learner_module(test_file, "quiz")

    @property
    def file(self) -> str:
        """Where the learner answers, as they would type it."""
        return display_path(self.module.path)

    def answer(self, name: str):
        """The learner's answer to ``name``; fails, saying where to answer, while it is unset."""
        __tracebackhide__ = True
        value = getattr(self.module, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            fail(f"{name} is not answered yet: fill it in in {self.file}")
        return value

    def right(self, name: str, value, explanation: str) -> None:
        """Report a right answer: the explanation is printed (``pytest -rP`` shows it)."""
        print(f"{name} = {value!r}: right. {explanation}")

    def wrong(self, name: str, value, hint: str) -> None:
        """Fail for a wrong answer, with the hint and never the right answer."""
        __tracebackhide__ = True
        fail(f"{name} = {value!r} is not right.\n  hint: {hint}")

    def check_number(
        self, name: str, expected, hint: str, explanation: str, *, rtol=0.0, atol=0.0
    ) -> None:
        """Pass if the answer is a number within ``atol + rtol * |expected|`` of ``expected``."""
        __tracebackhide__ = True
        value = self.answer(name)
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            fail(f"{name} = {value!r}: the answer is a number, like 2 or 0.5")
        expected = float(expected)
        if not abs(float(value) - expected) <= atol + rtol * abs(expected):
            fail(f"{name} = {value!r} is not right (checked against torch).\n  hint: {hint}")
        self.right(name, value, explanation)

    def check_choice(self, name: str, stored_digest: str, hint: str, explanation: str) -> None:
        """Pass if the answer is the letter whose ``digest`` the test stores."""
        __tracebackhide__ = True
        value = self.answer(name)
        letter = value.strip().lower() if isinstance(value, str) else None
        if letter not in LETTERS:
            fail(f'{name} = {value!r}: answer with one letter as a string, like "a"')
        if digest(self.kata, name, letter) != stored_digest:
            self.wrong(name, value, hint)
        self.right(name, value, explanation)
