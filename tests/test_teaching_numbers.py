"""Every number the katas' READMEs, hints and stub docstrings state is computed and compared.

The sources are each kata's README.md, its hints in katas/katas.toml, and the docstrings of its
stubs (not their code, and not quiz.py or the tests: the quiz checks its own explanations).
The claims live in tests/teaching_numbers.py: a passage as written and the values of its
numbers, computed with torch or read from the code they describe. Two checks keep them true:

1. Each claim's passage is still in its source (a passage whose numbers changed is still found,
   and its new numbers are compared), and each number in it is right at the precision written:
   ``1.055e-08`` is checked to 4 significant digits, ``0.63`` to 2 decimals.
2. No unclaimed number: every numeric literal of every source lies in a claimed
   passage, unless it is one of these forms, which state no measurement:
   - digits that end a name or a word (``W1``, ``h_0``, ``float32``, ``dh_2``);
   - kata numbers (``kata 05``, ``Katas 04–07``, ``katas/03``);
   - the number of a list item (``1.`` at the start of a line or after ``#``);
   - the integers -1, 0, 1 and 2, written without a decimal point: the constants of formulas
     (``1 - s``, ``x**2``, ``2h``, ``relu'(0) = 0``, the interval ``(-1, 1)``), whose values the
     kata tests themselves check against torch.
   Any other number, ``0.25``, ``1.0``, ``3``, ``1e-5``, needs a claim.

A numeric literal is an optional minus sign (when nothing but space or punctuation precedes it),
digits, an optional decimal part and an optional exponent (``-1000``, ``0.9973``, ``1e-5``).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from harness import manifest
from tests.teaching_numbers import CLAIMS, Exact, Given, Quote, Wrong

NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?!\d|\.\d)")
KATA_NUMBER = re.compile(r"(?i)\bkatas?[ /]\d\d(?:\s*[–-]\s*\d\d)?")
LIST_MARKER = re.compile(r"(?m)(?:^[ \t]*|#[ \t]*)\d+\.(?=\s)")
FORMULA_CONSTANTS = {"-1", "0", "1", "2"}


def sources() -> dict[str, str]:
    """Every README, every kata's hints and the docstrings of every stub, by name."""
    found = {}
    for kata in manifest.load():
        readme = kata.folder / "README.md"
        if readme.exists():
            found[f"{kata.id}/README.md"] = readme.read_text(encoding="utf-8")
        found[f"{kata.id}/hints"] = "\n".join(kata.hints)
        for stub in sorted(kata.folder.glob("*.py")):
            if stub.name != "quiz.py" and not stub.name.startswith("test_"):
                found[f"{kata.id}/{stub.name}"] = docstrings(stub)
    return found


def docstrings(path: Path) -> str:
    """The module's, classes' and functions' docstrings, one after another (not the code)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = [tree] + [n for n in ast.walk(tree) if isinstance(n, DOCUMENTED)]
    return "\n\n".join(doc for n in nodes if (doc := ast.get_docstring(n, clean=False)))


DOCUMENTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
SOURCES = sources()


def exempt_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in (KATA_NUMBER, LIST_MARKER) for m in pattern.finditer(text)]


def numbers(text: str) -> list[re.Match]:
    """The numeric literals of ``text`` that need a claim (see the module docstring)."""
    skip = exempt_spans(text)
    return [
        m
        for m in NUMBER.finditer(text)
        if m.group() not in FORMULA_CONSTANTS
        and not any(start <= m.start() < end for start, end in skip)
    ]


def passage_pattern(passage: str) -> re.Pattern:
    """The passage as a pattern: any whitespace matches any other (the text wraps lines), and
    each number matches any number, so that a changed number is still found, and compared."""
    parts, end = [], 0
    for m in NUMBER.finditer(passage):
        parts += [literal_words(passage[end : m.start()]), NUMBER.pattern]
        end = m.end()
    parts.append(literal_words(passage[end:]))
    return re.compile("".join(parts))


def literal_words(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in re.split(r"\s+", text))


def written_precision(literal: str) -> float:
    """Half a unit in the last digit written: 0.9973 -> 5e-5, 1.055e-08 -> 5e-12, 512 -> 0.5."""
    mantissa, _, exponent = literal.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 0.5 * 10.0 ** (int(exponent or 0) - decimals)


def rounds_to(truth: float, literal: str) -> bool:
    """Is ``literal`` the value ``truth`` correctly rounded to the digits it shows?"""
    slack = 1e-9 * written_precision(literal)  # a tie, or the last bit of a float, is no error
    return abs(truth - float(literal)) <= written_precision(literal) + slack


def verdict(literal: str, expected) -> str | None:
    """Why ``literal`` does not state ``expected``, or None when it does."""
    if isinstance(expected, (Given, Quote, Exact)):
        if float(literal) == expected.value:
            return None
        what = {Given: f"given ({getattr(expected, 'why', '')})", Quote: "quoted from the notes"}
        return f"{what.get(type(expected), 'exactly')} as {expected.value!r}"
    if isinstance(expected, Wrong):
        if not rounds_to(expected.truth, literal):
            return None
        return f"the text calls it wrong, but the true value is {expected.truth:.6g}"
    if rounds_to(float(expected), literal):
        return None
    return f"the code computes {float(expected):.6g}, which does not round to {literal}"


@pytest.mark.parametrize("claim", CLAIMS, ids=[f"{c.source}: {c.text[:40]}" for c in CLAIMS])
def test_each_stated_number_is_what_the_code_computes(claim):
    text = SOURCES[claim.source]
    found = passage_pattern(claim.text).search(text)
    assert found, (
        f"{claim.source} no longer says: {claim.text!r}. Update tests/teaching_numbers.py."
    )
    literals = [m.group() for m in numbers(found.group())]
    expected = list(claim.values())
    assert len(literals) == len(expected), (
        f"{claim.source}: {claim.text!r} has the numbers {literals}, "
        f"but its claim gives {len(expected)} values"
    )
    errors = [
        f"  {literal}: {why}"
        for literal, value in zip(literals, expected, strict=True)
        if (why := verdict(literal, value)) is not None
    ]
    assert not errors, f"{claim.source}: {claim.text!r}\n" + "\n".join(errors)


def claimed_spans() -> dict[str, list[tuple[int, int]]]:
    spans = defaultdict(list)
    for claim in CLAIMS:
        pattern = passage_pattern(claim.text)
        spans[claim.source] += [m.span() for m in pattern.finditer(SOURCES[claim.source])]
    return spans


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_no_number_goes_unchecked(source):
    text, spans = SOURCES[source], claimed_spans()[source]
    unchecked = [
        m
        for m in numbers(text)
        if not any(start <= m.start() and m.end() <= end for start, end in spans)
    ]
    lines = [
        f"  line {text.count(chr(10), 0, m.start()) + 1}: {m.group()} in "
        f"{text[max(0, m.start() - 30) : m.end() + 30]!r}"
        for m in unchecked
    ]
    assert not unchecked, (
        f"{source} states numbers that no claim in tests/teaching_numbers.py checks:\n"
        + "\n".join(lines)
    )


@pytest.mark.parametrize(
    "literal, truth, right",
    [
        ("1.055e-08", 1.0549e-08, True),
        ("1e-8", 1.055e-08, True),
        ("1.05e-08", 1.055e-08, True),  # a tie: either rounding is right
        ("1.06e-08", 1.055e-08, True),
        ("1.04e-08", 1.055e-08, False),
        ("0.9973", 0.99728, True),
        ("0.9972", 0.99728, False),
        ("512", 512.4, True),
        ("-1000", -1000.0, True),
        ("0.63", 0.6263, True),
        ("0.62", 0.6263, False),
    ],
)
def test_a_number_is_right_when_it_is_the_truth_rounded_to_its_digits(literal, truth, right):
    assert rounds_to(truth, literal) is right


def test_the_scan_finds_numbers_and_skips_only_the_exempt_forms():
    text = (
        "1. In kata 05 and katas/03, W1 and h_0 with float32: x = -1000, 0.25, 1.0, 3, 1e-5,\n"
        "   0.3x + 0.3, k²/3, and 1 - s with x**2 (-1, 1). # 2. step\n"
    )
    assert [m.group() for m in numbers(text)] == [
        "-1000",
        "0.25",
        "1.0",
        "3",
        "1e-5",
        "0.3",
        "0.3",
        "3",
    ]


def test_every_kata_readme_is_scanned():
    readmes = {f"{kata.id}/README.md" for kata in manifest.load()}
    assert readmes <= set(SOURCES), f"not found: {sorted(readmes - set(SOURCES))}"
