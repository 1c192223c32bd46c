"""Every catalogued mistake is rejected with a message that points at it, and every correct
alternative passes.

A catalogue entry is appended to the reference solution (so its definitions replace the
solution's), and the kata's own tests run against the result.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from harness.manifest import SOLUTIONS_DIR

HERE = Path(__file__).parent
IGNORED = shutil.ignore_patterns("__pycache__", ".hypothesis")


def solutions_with(tmp_path: Path, kata_id: str, target: str, addition: str) -> Path:
    """A source root holding solutions/ with ``addition`` appended to <kata_id>/``target``.

    Every kata is there: the capstone (kata 12) runs on the earlier katas' solutions.
    """
    shutil.copytree(SOLUTIONS_DIR, tmp_path, dirs_exist_ok=True, ignore=IGNORED)
    path = tmp_path / kata_id / target
    path.write_text(path.read_text() + "\n\n# --- appended by the catalogue check ---\n" + addition)
    return tmp_path


def entries(kind: str) -> list[Path]:
    return sorted((HERE / kind).glob("[0-9][0-9]/*.py"))


def constants(path: Path) -> dict[str, object]:
    """The entry's top-level NAME = literal assignments (TARGET, CAUGHT_BY, SANDBOX)."""
    fields = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                fields[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass  # not a literal: part of the code the entry appends
    return fields


def caught_by(fields: dict) -> tuple[str, ...]:
    """CAUGHT_BY is one text, or a tuple of texts when one mistake must be named several ways."""
    texts = fields["CAUGHT_BY"]
    return (texts,) if isinstance(texts, str) else tuple(texts)


def entry_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


# "local" is what a learner runs; "sandbox" is how the instructor's grader judges the same code.
MODES = {"local": [], "sandbox": ["--sandbox"]}


def cases(kind: str) -> list:
    """Every entry in local mode; in sandbox mode too where the entry says why it matters.

    A formula's value crosses the sandbox like any other, so judging it twice proves nothing
    more. An entry sets ``SANDBOX = "reason"`` when what it does (changing an argument in place,
    a dtype, an exception, a warning, an object that lives in the learner's process) is
    something the sandbox must carry faithfully.
    """
    found = []
    for path in entries(kind):
        modes = ["local", "sandbox"] if "SANDBOX" in constants(path) else ["local"]
        found += [pytest.param(path, mode, id=f"{entry_id(path)}-{mode}") for mode in modes]
    return found


@pytest.mark.parametrize(("mistake", "mode"), cases("mistakes"))
def test_mistake_is_rejected_with_a_pointed_message(mistake: Path, mode, worker, tmp_path):
    kata_id = mistake.parent.name
    fields = constants(mistake)
    assert "TARGET" in fields and "CAUGHT_BY" in fields, f"{mistake} needs TARGET and CAUGHT_BY"
    source = solutions_with(tmp_path, kata_id, fields["TARGET"], mistake.read_text())
    texts = caught_by(fields)
    # Up to the first failure first: most mistakes are named there, and the rest of the kata's
    # tests add nothing. Only when it does not name the mistake does the whole kata run.
    for extra in ([*MODES[mode], "-x"], MODES[mode]):
        run = worker.run([kata_id], source, timeout=120, extra=extra)
        failures = [r for r in run.results if not r.passed]
        if all(any(text in r.message for r in failures) for text in texts):
            break
    assert run.results, f"no kata {kata_id} tests ran: {run.status}"
    assert failures, f"every kata {kata_id} test passed with the mistake {entry_id(mistake)}"
    for text in texts:
        assert any(text in r.message for r in failures), (
            f"no failure message mentions {text!r}; they were:\n"
            + "\n---\n".join(r.message for r in failures[:3])
        )


@pytest.mark.parametrize(("alternative", "mode"), cases("alternatives"))
def test_correct_alternative_passes(alternative: Path, mode, worker, tmp_path):
    kata_id = alternative.parent.name
    fields = constants(alternative)
    source = solutions_with(tmp_path, kata_id, fields["TARGET"], alternative.read_text())
    run = worker.run([kata_id], source, timeout=120, extra=MODES[mode])
    failures = [r for r in run.results if not r.passed]
    assert run.results and run.status == "ok", run.status
    assert not failures, "a correct implementation was rejected:\n" + "\n---\n".join(
        f"{r.nodeid}\n{r.message}" for r in failures[:3]
    )
