"""The quizzes: declared once, sealed up to date, fair to every correct rounding, and silent about
their answers until they are given.

Every kata's test_quiz.py declares its questions (harness.quiz); solutions/NN/quiz.py holds the
answers and the explanations; katas/NN/quiz_sealed.json holds the explanations sealed.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import math
import re
import types

import pytest

from harness import manifest
from harness.quiz import (
    LETTERS,
    SEALED_FILE,
    Choice,
    Number,
    Quiz,
    TrueOrFalse,
    declared_quiz,
    sealed_file_text,
    solution_key,
    unseal,
)

KATA_IDS = [kata.id for kata in manifest.load()]
Failed = pytest.fail.Exception


def declared(kata: str) -> Quiz:
    return declared_quiz(kata)


def questions(kind) -> list:
    """(kata, name) of every declared question of ``kind``, as pytest params."""
    return [
        pytest.param(kata, name, id=f"{kata}/{name}")
        for kata in KATA_IDS
        for name, question in declared(kata).questions.items()
        if isinstance(question, kind)
    ]


def answering(quiz: Quiz, name: str, value) -> Quiz:
    """``quiz`` as it judges a learner whose quiz.py sets ``name = value``."""
    quiz.module = types.SimpleNamespace(**{name: value}, path=quiz.folder / "quiz.py")
    return quiz


def judged_right(kata: str, name: str, value, capsys) -> bool:
    """Whether the kata's own check accepts ``value``; a right answer must open its explanation."""
    quiz = answering(declared(kata), name, value)
    try:
        quiz.check(name)
    except Failed:
        return False
    printed = capsys.readouterr().out
    assert "explanation is missing" not in printed, printed
    return True


# --- the sealed files, and the questions as the learner reads them ---------------------------


@pytest.mark.parametrize("kata", KATA_IDS)
def test_sealed_file_is_up_to_date_with_the_solutions(kata):
    path = manifest.KATAS_DIR / kata / SEALED_FILE
    up_to_date = path.is_file() and path.read_text() == sealed_file_text(kata)
    assert up_to_date, (
        f"katas/{kata}/{SEALED_FILE} is out of date: run python -m harness.quiz seal {kata}"
    )


def stub_questions(kata: str) -> dict[str, str]:
    """Each answer name in the stub quiz.py, with the comment lines right above it."""
    lines = (manifest.KATAS_DIR / kata / "quiz.py").read_text().splitlines()
    found = {}
    for number, line in enumerate(lines):
        match = re.match(r"([A-Z][A-Z0-9_]*) = ", line)
        if match:
            start = number
            while start > 0 and lines[start - 1].startswith("#"):
                start -= 1
            found[match.group(1)] = "\n".join(lines[start:number])
    return found


@pytest.mark.parametrize("kata", KATA_IDS)
def test_every_question_is_asked_answered_and_explained(kata):
    names = declared(kata).names
    assert list(stub_questions(kata)) == names, f"katas/{kata}/quiz.py asks other questions"
    solution = solution_key(kata)
    assert list(solution.EXPLANATIONS) == names, f"solutions/{kata}/quiz.py's EXPLANATIONS"
    assert all(hasattr(solution, name) for name in names)


@pytest.mark.parametrize("kata", KATA_IDS)
def test_every_numeric_question_states_its_precision(kata):
    asked = stub_questions(kata)
    for name, question in declared(kata).questions.items():
        if isinstance(question, Number):
            assert question.precision.text in asked[name], (
                f"katas/{kata}/quiz.py: {name}'s question must say "
                f"{question.precision.text!r}, right above the answer"
            )
        if isinstance(question, TrueOrFalse):
            assert "True or False" in asked[name], f"katas/{kata}/quiz.py: {name}"


OPTION = re.compile(r'#\s+(?:"([a-d])":|([a-d])\))\s*(.*)')
CONTINUED = re.compile(r"#\s{4,}(\S.*)")
# A reader who picks the longest, most detailed option must not be right for that reason: the
# right one may be at most this much longer than the longest wrong one.
LONGEST_RATIO = 1.2


def choice_options(asked: str) -> dict[str, str]:
    """The options of a choice question in the stub (`#   "a": ...` or `#   a) ...`), each with
    its indented continuation lines; short options may share a line."""
    options, letter = {}, None
    lines = re.sub(r'\s{2,}("[a-d]":)', r"\n#   \1", asked).splitlines()
    for line in lines:
        option, continued = OPTION.fullmatch(line), CONTINUED.fullmatch(line)
        if option:
            letter = option.group(1) or option.group(2)
            options[letter] = option.group(3)
        elif continued and letter:
            options[letter] += " " + continued.group(1)
        else:
            letter = None
    return options


@pytest.mark.parametrize(("kata", "name"), questions(Choice))
def test_the_right_option_is_not_given_away_by_its_length(kata, name):
    options = choice_options(stub_questions(kata)[name])
    assert sorted(options) == list(LETTERS), f"katas/{kata}/quiz.py: {name} has {options}"
    right = getattr(solution_key(kata), name)
    longest_wrong = max(len(text) for letter, text in options.items() if letter != right)
    assert len(options[right]) <= LONGEST_RATIO * longest_wrong, (
        f"katas/{kata}/quiz.py: {name}'s right option is {len(options[right])} characters, "
        f"the longest wrong one {longest_wrong}: make the wrong ones as specific"
    )


def kata_module(kata: str, file: str):
    """A file of the kata's folder, imported without running any test."""
    path = manifest.KATAS_DIR / kata / file
    spec = importlib.util.spec_from_file_location(f"quiz_check_{kata}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_vanishing_question_states_the_chain_that_vanishing_py_prints():
    """Kata 03's FASTEST_TO_VANISH asks about `python katas/03/vanishing.py`'s table: the chain
    the question states, the one its torch facts run and depth_table's defaults are one chain."""
    checked = kata_module("03", "test_quiz.py").LESSON_CHAIN
    depth_table = kata_module("03", "vanishing.py").depth_table
    printed = {k: p.default for k, p in inspect.signature(depth_table).parameters.items()}
    assert checked == printed, f"katas/03/test_quiz.py runs {checked}, depth_table {printed}"
    asked = stub_questions("03")["FASTEST_TO_VANISH"]
    stated = [f"k = 1, ..., {checked['depth']}", f"x = {checked['x']:g}"]
    stated += [f"every w_k = {checked['w']:g}", f"every b_k = {checked['b']:g}"]
    missing = [text for text in stated if text not in asked]
    assert not missing, f"katas/03/quiz.py: FASTEST_TO_VANISH does not say {missing}"


# --- every correct rounding is right; one unit further is wrong -------------------------------


def roundings(question: Number, truth):
    """(rounded down, rounded up, one unit below that, one unit above that), per number."""
    down, up = question.precision.bracket(truth)
    unit = question.precision.unit(truth)
    return down, up, down - unit, up + unit


def variants(question: Number, truth) -> tuple[list, list]:
    """The answers that must pass and those that must fail, for a number or a list of them."""
    if not isinstance(truth, (list, tuple)):
        down, up, below, above = roundings(question, truth)
        return [down, up], [below, above]
    passing, failing = [], []
    for i, value in enumerate(truth):
        down, up, below, above = roundings(question, value)
        passing += [[*truth[:i], v, *truth[i + 1 :]] for v in (down, up)]
        failing += [[*truth[:i], v, *truth[i + 1 :]] for v in (below, above)]
    return passing, failing


@pytest.mark.parametrize(("kata", "name"), questions(Number))
def test_every_correct_rounding_passes_and_one_unit_further_fails(kata, name, capsys):
    question = declared(kata).questions[name]
    truth = question.torch()["answer"]
    passing, failing = variants(question, truth)
    for value in passing:
        assert judged_right(kata, name, value, capsys), f"{name} = {value!r} was rejected"
    for value in failing:
        assert not judged_right(kata, name, value, capsys), f"{name} = {value!r} was accepted"


@pytest.mark.parametrize(("kata", "name"), questions(Number))
def test_the_key_of_a_numeric_explanation_survives_float_noise(kata, name):
    """Another machine's torch may differ in the last bits; the explanation must still open."""
    question = declared(kata).questions[name]
    truth = question.torch()["answer"]
    for value in truth if isinstance(truth, (list, tuple)) else [truth]:
        nearby = [value, *(math.nextafter(value, d) for d in (-math.inf, math.inf))]
        nearby += [value * (1 + 1e-12), value * (1 - 1e-12)]
        assert len({question.precision.written(v) for v in nearby}) == 1, (name, value)


@pytest.mark.parametrize(("kata", "name"), questions(Choice))
def test_only_the_right_letter_passes(kata, name, capsys):
    right = getattr(solution_key(kata), name)
    for letter in LETTERS:
        assert judged_right(kata, name, letter, capsys) == (letter == right), letter
    for wrong in set(LETTERS) - {right}:  # and no other letter opens the explanation
        sealed = declared(kata).sealed()[name]["sealed"]
        assert unseal(kata, name, wrong, sealed) is None


@pytest.mark.parametrize(("kata", "name"), questions(TrueOrFalse))
def test_only_the_right_truth_value_passes(kata, name, capsys):
    right = bool(declared(kata).questions[name].torch()["answer"])
    assert judged_right(kata, name, right, capsys)
    assert not judged_right(kata, name, not right, capsys)


# --- no answer readable before answering -----------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e-?\d+)?(?![\w.]*\d)", re.IGNORECASE)


def learner_texts(kata: str) -> dict[str, str]:
    """What a learner reads while working on a kata: its README and every file in its folder."""
    folder = manifest.KATAS_DIR / kata
    paths = [folder / "README.md", *sorted(folder.glob("*.py"))]
    return {f"katas/{kata}/{p.name}": p.read_text() for p in paths}


def significant_digits(token: str) -> int:
    mantissa = token.lower().split("e")[0].lstrip("-")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0")  # 3.0 says no more than 3
    return len(mantissa.replace(".", "").lstrip("0"))


def gives_away(question: Number, truth, token: str) -> bool:
    """A number in the text that would pass as the answer, and says more than "1" or "2" does."""
    value = float(token)
    if question.precision.whole:
        return value == round(truth) and abs(value) >= 100
    return significant_digits(token) >= 2 and question.precision.accepts(value, truth)


def letter_patterns(name: str, letter: str) -> list[re.Pattern]:
    quoted = rf"[\"'(]{letter}[\"')]"
    return [
        re.compile(rf"{name}\s*=\s*[\"']{letter}[\"']"),
        re.compile(rf"\b(?:answer|right|correct)\b[^.\n]{{0,15}}{quoted}", re.IGNORECASE),
        re.compile(rf"{quoted}\s*(?:is|was)\s*(?:right|correct|the answer)", re.IGNORECASE),
    ]


@pytest.mark.parametrize("kata", KATA_IDS)
def test_no_answer_appears_in_what_the_learner_reads(kata):
    quiz, solution = declared(kata), solution_key(kata)
    found = []
    for where, text in learner_texts(kata).items():
        for name, question in quiz.questions.items():
            if isinstance(question, Number):
                truth = question.torch()["answer"]
                truths = truth if isinstance(truth, (list, tuple)) else [truth]
                tokens = [
                    t for t in NUMBER.findall(text) for v in truths if gives_away(question, v, t)
                ]
                found += [f"{where}: {token} (the answer to {name})" for token in tokens]
                assigned = re.search(rf"{name}\s*=\s*[-\d\[]", text)
                found += [f"{where}: {assigned.group(0)}..."] if assigned else []
            elif isinstance(question, Choice):
                letter = getattr(solution, name)
                hits = [p.search(text) for p in letter_patterns(name, letter)]
                found += [f"{where}: {h.group(0)!r} ({name})" for h in hits if h]
    assert not found, "answers readable before answering:\n" + "\n".join(found)


# --- explanations teach the right answer, with numbers torch computed --------------------------

NAMED_LETTER = re.compile(r"(?<![\w'])\(([a-d])\)|[\"']([a-d])[\"']|\boption [a-d]\b|^([a-d])\)")


def template_literals(template: str) -> list[str]:
    """The numbers an explanation states as typed text, outside its {fields}."""
    return NUMBER.findall(re.sub(r"\{[^}]*\}", " ", template))


def stated_as_given(token: str) -> bool:
    """Small whole numbers are the arithmetic of a formula (2z, h**2, 1 - s)."""
    return re.fullmatch(r"-?\d", token) is not None


@pytest.mark.parametrize("kata", KATA_IDS)
def test_explanations_name_no_letters(kata):
    for name, text in solution_key(kata).EXPLANATIONS.items():
        match = NAMED_LETTER.search(text)
        assert not match, f"solutions/{kata}/quiz.py: {name}'s explanation says {match.group(0)}"


@pytest.mark.parametrize("kata", KATA_IDS)
def test_explanation_numbers_are_computed_or_given(kata):
    """Every number an explanation states is a {field} torch fills, or a given of the question."""
    quiz, givens = declared(kata), learner_texts(kata)
    stub = givens[f"katas/{kata}/quiz.py"] + "".join(
        text for where, text in givens.items() if not where.endswith(("test_quiz.py", ".md"))
    )
    typed = []
    for name, template in solution_key(kata).EXPLANATIONS.items():
        given = {float(t) for t in NUMBER.findall(stub + quiz.questions[name].hint)}
        typed += [
            f"{name}: {token}"
            for token in template_literals(template)
            if not stated_as_given(token) and abs(float(token)) not in given | {-g for g in given}
        ]
    assert not typed, "numbers typed into explanations, neither computed nor given:\n" + "\n".join(
        typed
    )


def test_the_stub_quiz_files_are_still_unanswered():
    for kata in KATA_IDS:
        tree = ast.parse((manifest.KATAS_DIR / kata / "quiz.py").read_text())
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                assert node.value.value in (None, ""), f"katas/{kata}/quiz.py answers {node}"
