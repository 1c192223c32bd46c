"""README.md's example outputs are what a learner really sees.

Each marked example block is produced again by running its command (`pytest katas/01`,
`python grader.py`, `python grader.py --json`, `python grader.py 03 --json`) in a scratch
handout copy set up as the README describes (tests/readme_examples.py builds the scenarios; all
four commands run once, together).

What must match, and what may vary:
- The pytest failures and the progress table must match character for character: their inputs
  are fixed (seeded samples, chosen chains), they hold no timing, and the output is plain text
  80 columns wide, as pytest and the grader print to a pipe.
- The JSON examples must parse and equal the real output as data: the same fields, in the same
  order, with the same values. Only their layout (line breaks, spacing, escapes) may differ.
  In the progress example, `[KATA, ...]` stands for the katas array; the real array must hold
  one object per kata of the manifest, each with exactly the fields of the KATA example.

When a change alters what learners see, `python -m tests.readme_examples` rewrites the blocks.
"""

from __future__ import annotations

import difflib
import json

import pytest

from tests import readme_examples as examples

TOP_LEVEL_ONLY = ("schema", "run_status")  # what `grader.py 03 --json` adds to a KATA object
REWRITE = "run `python -m tests.readme_examples` to rewrite the README's example blocks"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    """Each example's command, run once in its scenario: name -> what it printed."""
    return examples.run_examples(examples.build(tmp_path_factory.mktemp("readme")))


@pytest.fixture(scope="module")
def real(outputs) -> dict[str, str]:
    """The README blocks the real outputs make."""
    return examples.expected_blocks(outputs)


@pytest.fixture(scope="module")
def readme() -> dict[str, str]:
    return examples.readme_blocks(examples.README.read_text())


def difference(name: str, shown: str, real: str) -> str:
    diff = difflib.unified_diff(
        shown.splitlines(), real.splitlines(), "README.md", "real output", lineterm="", n=1
    )
    return f"README example {name!r} is not what learners see:\n" + "\n".join(diff) + f"\n{REWRITE}"


def test_every_example_is_marked_in_the_readme(readme):
    assert sorted(readme) == sorted(examples.COMMANDS), (
        f"marked example blocks in README.md: {sorted(readme)}; "
        f"expected one for each of {sorted(examples.COMMANDS)}"
    )


def test_the_table_example_lists_every_kata_in_course_order(readme):
    table = readme["progress-table"].split("\n\n")[0].splitlines()[1:]  # below the header
    rows = [line.split()[0] for line in table if not line.startswith("Kata ")]  # not problems
    ids = examples.manifest_ids()
    assert rows == ids, f"the table example's rows are {rows}; the manifest has {ids}"


@pytest.mark.parametrize("name", ["pytest-failures", "progress-table"])
def test_text_example_is_the_real_output(real, readme, name):
    assert readme[name] == real[name], difference(name, readme[name], real[name])


def test_each_unwritten_function_is_named_once(outputs):
    """The README says pytest names once what is still to write, instead of a section each."""
    output = outputs["pytest-failures"]
    summary = examples.unwritten_section(output)
    named = [n for line in summary.splitlines()[1:] for n in line.split(": ", 1)[1].split(", ")]
    assert "sigmoid" in named and "tanh_grad" not in named, summary
    assert len(named) == len(set(named)), f"a function named twice: {summary}"
    written_out = set(examples.failure_sections(output)) - set(examples.SHOWN_FAILURES)
    unwritten_sections = [t for t in written_out if "tanh_grad" not in t]
    assert not unwritten_sections, f"sections for functions not written yet: {unwritten_sections}"


def parsed(name: str, text: str) -> dict:
    try:
        return json.loads(examples.with_placeholder(text))
    except json.JSONDecodeError as error:
        pytest.fail(f"README example {name!r} is not JSON ({error}):\n{text}")


@pytest.mark.parametrize("name", ["progress-json", "kata-json"])
def test_json_example_is_the_real_output_as_data(real, readme, name):
    shown, actual = parsed(name, readme[name]), parsed(name, real[name])
    assert list(shown) == list(actual), (
        f"README example {name!r} has the fields {list(shown)}; the grader prints {list(actual)}"
    )
    # Compared as JSON text, so that the order of nested fields counts too.
    assert json.dumps(shown) == json.dumps(actual), difference(name, readme[name], real[name])


def test_the_katas_placeholder_stands_for_one_kata_object_per_kata(outputs, readme):
    example = parsed("kata-json", readme["kata-json"])
    kata_fields = [k for k in example if k not in TOP_LEVEL_ONLY]
    assert example["failures"], "the README's KATA example should show at least one failure"
    failure_fields = list(example["failures"][0])
    assert examples.KATA_PLACEHOLDER in readme["progress-json"], (
        f"the progress JSON example should show its katas array as {examples.KATA_PLACEHOLDER}"
    )
    katas = json.loads(outputs["progress-json"])["katas"]
    assert [kata["id"] for kata in katas] == examples.manifest_ids()
    for kata in katas:
        assert list(kata) == kata_fields, (
            f"kata {kata['id']} in `python grader.py --json` has the fields {list(kata)}; "
            f"the README's KATA example has {kata_fields}"
        )
        for failure in kata["failures"]:
            assert list(failure) == failure_fields, (
                f"a failure of kata {kata['id']} in `python grader.py --json` has the fields "
                f"{list(failure)}; the README's KATA example shows {failure_fields}"
            )
