"""Checks a kata's quiz (katas/NN/quiz.py) without giving its answers away.

Every kata's test_quiz.py declares its questions once and checks them with one test:

    quiz = Quiz(__file__, [
        Number("SIX_FACTORS", hint="...", precision=decimals(3), torch=six_factors),
        Choice("RELU_ZEROES", hint="..."),
    ])

    @pytest.mark.parametrize("name", quiz.names)
    def test_quiz(name):
        quiz.check(name)

- ``Number``: ``torch()`` returns a dict of facts computed with torch; ``facts["answer"]`` is the
  right number (or list of numbers). The precision is ``decimals(n)``, ``significant(n)`` or
  ``WHOLE``; the question in quiz.py states its ``precision.text`` ("rounded to 3 decimals"), and
  every answer correctly rounded to that precision, in either direction, is right.
- ``Choice``: a letter from "a" to "d", compared through a salted sha256 (``digest``).
- ``TrueOrFalse``: ``torch()["answer"]`` is the right bool.

The explanation of each answer names the answer, so a learner's folder holds it only sealed, in
katas/NN/quiz_sealed.json: encrypted with a key derived from the right answer (the letter, or
torch's number written at the stated precision), so that only a right answer opens it. The plain
explanations live with the answers in solutions/NN/quiz.py (``EXPLANATIONS``), as templates that
the test fills with the facts torch computed (``{answer}``, ``{first:.3g}``...). After editing
them, run ``python -m harness.quiz seal NN`` to regenerate the sealed file.

A right answer prints its explanation: ``pytest katas/NN -rP`` shows them. Every failure is one
short message with no traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import math
import numbers
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from harness import outcomes
from harness.compare import fail
from harness.learner import display_path, learner_module
from harness.manifest import KATAS_DIR, SOLUTIONS_DIR

LETTERS = ("a", "b", "c", "d")
SEALED_FILE = "quiz_sealed.json"
TAG_BYTES = 16
# How close to a multiple of the last digit a value must be to count as written exactly there:
# float noise (0.012000000000000002) must not make 0.0121 a "rounded up" 0.012.
GRID_SLACK = 1e-6
COMMAND = "python -m harness.quiz seal"


def digest(kata: str, name: str, letter: str) -> str:
    """The salted sha256 stored instead of the right letter for question ``name``."""
    return hashlib.sha256(f"nn-katas/{kata}/{name}:{letter}".encode()).hexdigest()


# --- precision: what a numeric question asks for, and which answers are right ---------------


@dataclass(frozen=True)
class Precision:
    """How a numeric answer must be written: ``digits`` decimals, significant digits, or whole."""

    digits: int = 0
    significant: bool = False
    whole: bool = False

    @property
    def text(self) -> str:
        """The words the question in quiz.py uses to state the precision."""
        if self.whole:
            return "a whole number"
        unit = "decimal" if self.digits == 1 else "decimals"
        if self.significant:
            unit = "significant digit" if self.digits == 1 else "significant digits"
        return f"rounded to {self.digits} {unit}"

    def unit(self, truth: float) -> float:
        """One unit of the last digit the question asks for."""
        if self.whole:
            return 1.0
        if self.significant and truth != 0:
            return 10.0 ** (math.floor(math.log10(abs(truth))) - self.digits + 1)
        return 10.0**-self.digits

    def bracket(self, truth: float) -> tuple[float, float]:
        """``truth`` rounded down and rounded up to the precision (equal when it is exact)."""
        unit = self.unit(truth)
        steps = truth / unit
        if abs(steps - round(steps)) < GRID_SLACK:
            return round(steps) * unit, round(steps) * unit
        return math.floor(steps) * unit, math.ceil(steps) * unit

    def accepts(self, answer: float, truth: float) -> bool:
        """True for every answer that is ``truth`` rounded to the precision, either way."""
        if self.whole:
            return float(answer).is_integer() and answer == round(truth)
        return abs(answer - truth) < self.unit(truth) * (1 - GRID_SLACK)

    def written(self, truth: float) -> str:
        """The key that opens a numeric explanation: ``truth`` rounded down to the precision.

        Down, with ``bracket``'s snapping, rather than to the nearest: a value on a half (such
        as 1.83235 to 4 decimals) would otherwise get a different key from one bit of noise.
        """
        if self.whole:
            return str(round(truth))
        down = self.bracket(truth)[0]
        if self.significant:
            return f"{down:.{self.digits - 1}e}"
        return f"{down:.{self.digits}f}"


def decimals(digits: int) -> Precision:
    return Precision(digits)


def significant(digits: int) -> Precision:
    return Precision(digits, significant=True)


WHOLE = Precision(whole=True)


# --- questions -------------------------------------------------------------------------------

Facts = Callable[[], dict]


@dataclass(frozen=True)
class Number:
    """A number (or a list of numbers) that torch computes: ``torch()["answer"]``."""

    name: str
    hint: str
    precision: Precision
    torch: Facts

    def judge(self, value, facts: dict) -> str | None:
        """The key text when ``value`` is right, else None; fails on an answer of the wrong type."""
        __tracebackhide__ = True
        truth = facts["answer"]
        if isinstance(truth, (list, tuple)):
            if not _is_list_of_numbers(value, len(truth)):
                fail(f"{self.name} = {value!r}: answer with a list of {len(truth)} numbers")
            right = all(self.precision.accepts(v, t) for v, t in zip(value, truth, strict=True))
            return ",".join(self.precision.written(t) for t in truth) if right else None
        if not _is_number(value):
            fail(f"{self.name} = {value!r}: the answer is a number, like 2 or 0.5")
        return self.precision.written(truth) if self.precision.accepts(value, truth) else None


@dataclass(frozen=True)
class Choice:
    """One letter; ``torch``, if given, computes the facts its explanation states."""

    name: str
    hint: str
    torch: Facts | None = None

    def judge(self, value, stored_digest: str, kata: str) -> str | None:
        __tracebackhide__ = True
        letter = value.strip().lower() if isinstance(value, str) else None
        if letter not in LETTERS:
            fail(f'{self.name} = {value!r}: answer with one letter as a string, like "a"')
        return letter if digest(kata, self.name, letter) == stored_digest else None


@dataclass(frozen=True)
class TrueOrFalse:
    """True or False, as torch says: ``torch()["answer"]``."""

    name: str
    hint: str
    torch: Facts

    def judge(self, value, facts: dict) -> str | None:
        __tracebackhide__ = True
        if not isinstance(value, bool):
            fail(f"{self.name} = {value!r}: answer True or False")
        return str(value) if value == bool(facts["answer"]) else None


Question = Number | Choice | TrueOrFalse


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _is_list_of_numbers(value, length: int) -> bool:
    return (
        isinstance(value, (list, tuple))
        and len(value) == length
        and all(_is_number(v) for v in value)
    )


# --- sealing: an explanation opens only with its right answer --------------------------------


def _key(kata: str, name: str, answer: str) -> bytes:
    # A different label from ``digest``: a stored digest must not be the key.
    return hashlib.sha256(f"nn-katas/sealed/{kata}/{name}:{answer}".encode()).digest()


def _keystream(key: bytes, length: int) -> bytes:
    blocks = (hashlib.sha256(key + i.to_bytes(8, "big")).digest() for i in range(length // 32 + 1))
    return b"".join(blocks)[:length]


def _xor(data: bytes, key: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, _keystream(key, len(data)), strict=True))


def seal(kata: str, name: str, answer: str, text: str) -> str:
    """``text`` encrypted with the key of ``answer``, with an HMAC tag, as hex."""
    key = _key(kata, name, answer)
    plain = text.encode()
    cipher = _xor(plain, key)
    tag = hmac.new(key, cipher, hashlib.sha256).digest()[:TAG_BYTES]
    return (tag + cipher).hex()


def unseal(kata: str, name: str, answer: str, sealed: str) -> str | None:
    """The text sealed with ``answer``'s key, or None when ``answer`` does not open it."""
    key = _key(kata, name, answer)
    data = bytes.fromhex(sealed)
    tag, cipher = data[:TAG_BYTES], data[TAG_BYTES:]
    if not hmac.compare_digest(tag, hmac.new(key, cipher, hashlib.sha256).digest()[:TAG_BYTES]):
        return None
    return _xor(cipher, key).decode()


# --- the quiz of one kata --------------------------------------------------------------------


class Quiz:
    """The learner's quiz.py for the kata whose test file is ``test_file``, and its questions."""

    def __init__(self, test_file: str, questions: Sequence[Question]):
        self.folder = Path(test_file).resolve().parent
        self.kata = self.folder.name
        self.module = learner_module(test_file, "quiz")
        self.questions = {q.name: q for q in questions}

    @property
    def names(self) -> list[str]:
        return list(self.questions)

    @property
    def file(self) -> str:
        """Where the learner answers, as they would type it."""
        return display_path(self.module.path)

    def sealed(self) -> dict:
        path = self.folder / SEALED_FILE
        return json.loads(path.read_text())["questions"] if path.is_file() else {}

    def answer(self, name: str):
        """The learner's answer to ``name``; fails, saying where to answer, while it is unset."""
        __tracebackhide__ = True
        value = getattr(self.module, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            message = f"{name} is not answered yet: fill it in in {self.file}"
            fail(message, name, kind=outcomes.NOT_IMPLEMENTED, where=self.file)
        return value

    def check(self, name: str) -> None:
        """Pass and print the explanation for a right answer; fail with the hint otherwise."""
        __tracebackhide__ = True
        question = self.questions[name]
        value = self.answer(name)
        entry = self.sealed().get(name, {})
        if isinstance(question, Choice):
            if "digest" not in entry:
                fail(f"katas/{self.kata}/{SEALED_FILE} has no {name}: run {COMMAND} {self.kata}")
            key = question.judge(value, entry["digest"], self.kata)
            facts = question.torch() if key and question.torch else {}
        else:
            facts = question.torch()
            key = question.judge(value, facts)
        if key is None:
            numeric = isinstance(question, Number)
            how = f" (checked against torch, {question.precision.text})" if numeric else ""
            fail(f"{name} = {value!r} is not right{how}.\n  hint: {question.hint}")
        print(f"{name} = {value!r}: right. {self.explanation(name, key, entry, facts)}")

    def explanation(self, name: str, key: str, entry: dict, facts: dict) -> str:
        template = unseal(self.kata, name, key, entry["sealed"]) if "sealed" in entry else None
        if template is None:  # a stale sealed file must not cost the learner a right answer
            return f"(its explanation is missing: run {COMMAND} {self.kata})"
        return template.format(**facts)


# --- python -m harness.quiz seal NN: regenerate katas/NN/quiz_sealed.json ---------------------


def _import(path: Path, module_name: str):
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def declared_quiz(kata: str) -> Quiz:
    """The ``quiz`` that katas/NN/test_quiz.py declares."""
    return _import(KATAS_DIR / kata / "test_quiz.py", f"quiz_declarations_{kata}").quiz


def solution_key(kata: str):
    """solutions/NN/quiz.py: the right answers and ``EXPLANATIONS``."""
    return _import(SOLUTIONS_DIR / kata / "quiz.py", f"quiz_solution_{kata}")


def sealed_file_text(kata: str) -> str:
    """What katas/NN/quiz_sealed.json must hold, from the declarations and the solutions."""
    quiz, solution = declared_quiz(kata), solution_key(kata)
    entries = {}
    for name, question in quiz.questions.items():
        answer = getattr(solution, name)
        if isinstance(question, Choice):
            if answer not in LETTERS:
                raise ValueError(f"solutions/{kata}/quiz.py: {name} = {answer!r} is not a letter")
            key = answer
            facts = question.torch() if question.torch else {}
            entries[name] = {"digest": digest(kata, name, answer)}
        else:
            facts = question.torch()
            key = question.judge(answer, facts)
            if key is None:
                raise ValueError(f"solutions/{kata}/quiz.py: {name} = {answer!r} is not right")
            entries[name] = {}
        text = solution.EXPLANATIONS[name]
        text.format(**facts)  # a template that torch's facts cannot fill must not be sealed
        entries[name]["sealed"] = seal(kata, name, key, text)
    about = f"Quiz explanations, each sealed with its right answer. Regenerate: {COMMAND} {kata}"
    return json.dumps({"about": about, "questions": entries}, indent=1) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "seal":
        print(f"usage: {COMMAND} NN [NN ...]", file=sys.stderr)
        return 2
    for kata in argv[1:]:
        path = KATAS_DIR / kata / SEALED_FILE
        path.write_text(sealed_file_text(kata))
        print(f"wrote {display_path(path)}")
    return 0


if __name__ == "__main__":
    # Run the imported module's main, so that the test files and this command share one set of
    # question classes (``python -m`` would otherwise define them twice).
    from harness.quiz import main as quiz_main

    sys.exit(quiz_main(sys.argv[1:]))
