"""The learner's grader, driven through its real command line on scratch copies of the course.

Each scenario (a fresh clone, a partly solved tree with a broken file, a solved tree) is one
scratch tree; the grader runs on them all start together, and the tests read their output.
"""

from __future__ import annotations

import ast
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from grading.export import export_student_copy
from harness import manifest, outcomes
from harness.engine import Run, TestResult
from harness.learner import with_learner_objects

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load()
RUN_LIMIT = 600  # seconds; only reached if the grader hangs, never in a passing run


# --- scratch trees ---------------------------------------------------------------------------


def scratch_tree(base: Path, solved: tuple[str, ...] = ()) -> Path:
    """A copy of the course in ``base``, with the solutions of ``solved`` in place."""
    course = base / "course"
    export_student_copy(course, solved)
    return course


def environment(**env: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env


def start(tree: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "grader.py", *args],
        cwd=tree,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
    )


def finish(process: subprocess.Popen) -> subprocess.CompletedProcess:
    stdout, stderr = process.communicate(timeout=RUN_LIMIT)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def grader(tree: Path, *args: str) -> subprocess.CompletedProcess:
    return finish(start(tree, *args))


def table_rows(output: str) -> dict[str, str]:
    """The progress table's rows, by kata number."""
    ids = {kata.id for kata in KATAS}
    return {line[:2]: line for line in output.splitlines() if line[:2] in ids and line[2:3] == " "}


def break_with_syntax_error(tree: Path, kata_id: str) -> tuple[str, int]:
    """Append a line that does not parse to the kata's first file: (its path, the bad line)."""
    name = f"katas/{kata_id}/{manifest.by_id(kata_id).files[0]}"
    path = tree / name
    text = path.read_text()
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + "def broken(:\n")
    return name, text.count("\n") + 1


def with_mistake(tree: Path, entry: Path) -> dict[str, str]:
    """Append a catalogued mistake to its kata's file in ``tree``: the entry's constants."""
    constants = {
        node.targets[0].id: node.value.value
        for node in ast.parse(entry.read_text()).body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
    }
    path = tree / "katas" / entry.parent.name / constants["TARGET"]
    path.write_text(path.read_text() + "\n\n" + entry.read_text())
    return constants


SOLVED_IN_PART = ("01", "04")
BROKEN = "03"
# A mistake whose hint sits on the last line of a teaching message (after torch's answer, the
# learner's and the largest error): the grader must show it.
MISTAKE = ROOT / "tests" / "mistakes" / "05" / "assign_instead_of_accumulate.py"
# A kata with a test id that holds a "/" of its own (`[x.exp() / x]`).
SLASHED = "05"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every scenario's grader runs, started together: each is mostly one CPU-bound process."""
    fresh = scratch_tree(tmp_path_factory.mktemp("fresh"))
    partly = scratch_tree(tmp_path_factory.mktemp("partly"), solved=SOLVED_IN_PART)
    broken = break_with_syntax_error(partly, BROKEN)
    solved = scratch_tree(tmp_path_factory.mktemp("solved"), solved=[k.id for k in KATAS])
    mistaken = scratch_tree(tmp_path_factory.mktemp("mistaken"), solved=[MISTAKE.parent.name])
    mistake = with_mistake(mistaken, MISTAKE)
    started = {
        "fresh": start(fresh),
        "fresh slashed kata": start(fresh, SLASHED),
        "fresh slashed kata json": start(fresh, SLASHED, "--json"),
        "mistake kata": start(mistaken, MISTAKE.parent.name),
        "mistake kata json": start(mistaken, MISTAKE.parent.name, "--json"),
        "partly table": start(partly),
        "partly json": start(partly, "--json"),
        "broken kata": start(partly, BROKEN),
        "solved json": start(solved, "--json"),
        "solved kata json": start(solved, KATAS[0].id, "--json"),
    }
    results = {name: finish(process) for name, process in started.items()}
    return {
        **results,
        "broken": broken,
        "partly": partly,
        "solved": solved,
        "fresh tree": fresh,
        "mistake": mistake,
    }


# --- a fresh clone ---------------------------------------------------------------------------


def test_fresh_clone_has_every_kata_not_started(runs):
    fresh = runs["fresh"]
    assert fresh.returncode == 0, fresh.stderr
    rows = table_rows(fresh.stdout)
    assert sorted(rows) == [k.id for k in KATAS]
    for kata in KATAS:
        assert kata.title in rows[kata.id]
        assert rows[kata.id].rstrip().endswith("not started"), rows[kata.id]


def test_fresh_clone_points_to_the_first_kata(runs):
    fresh = runs["fresh"]
    first = KATAS[0].id
    assert "0%" in fresh.stdout
    assert f"Next: kata {first}" in fresh.stdout
    assert f"pytest katas/{first}" in fresh.stdout
    assert "Traceback" not in fresh.stdout + fresh.stderr


# --- a partly solved tree with a broken file -------------------------------------------------


def test_partly_solved_rows(runs):
    result = runs["partly table"]
    assert result.returncode == 0, result.stderr
    rows = table_rows(result.stdout)
    for kata_id in SOLVED_IN_PART:
        assert rows[kata_id].rstrip().endswith("done"), rows[kata_id]


def test_broken_file_is_that_katas_problem_and_the_others_are_still_reported(runs):
    result = runs["partly table"]
    broken_file, broken_line = runs["broken"]
    assert result.returncode == 0, result.stderr
    assert f"{broken_file} has a syntax error at line {broken_line}" in result.stdout
    assert len(table_rows(result.stdout)) == len(KATAS)
    assert "Traceback" not in result.stdout + result.stderr


def test_kata_report_lists_failures_without_tracebacks(runs):
    result = runs["broken kata"]
    broken_file, broken_line = runs["broken"]
    assert result.returncode == 0, result.stderr
    assert f"Problem: {broken_file} has a syntax error at line {broken_line}" in result.stdout
    assert re.search(r"^  x test_\w+\.py::test_\w+", result.stdout, re.MULTILINE)
    assert "Traceback" not in result.stdout
    assert f"pytest katas/{BROKEN}" in result.stdout


def test_unknown_kata_is_a_usage_error(runs):
    result = grader(runs["partly"], "99")
    assert result.returncode == 2
    assert all(kata.id in result.stderr for kata in KATAS)


# --- the whole teaching message, and test ids as they are ------------------------------------


def collected_names(tree: Path, kata_id: str) -> list[str]:
    """The kata's test ids as pytest collects them, without the folder: what the report lists."""
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", f"katas/{kata_id}", "--collect-only", "-q"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=RUN_LIMIT,
    )
    prefix = f"katas/{kata_id}/"
    return [line[len(prefix) :] for line in listed.stdout.splitlines() if line.startswith(prefix)]


def test_a_kata_report_shows_each_failing_test_by_its_whole_id(runs):
    names = collected_names(runs["fresh tree"], SLASHED)
    slashed = [name for name in names if "/" in name.split("::", 1)[1]]
    assert slashed, f"no test id of kata {SLASHED} holds a '/': choose a kata that has one"
    report = runs["fresh slashed kata"]
    assert report.returncode == 0, report.stderr
    listed = [line[4:] for line in report.stdout.splitlines() if line.startswith("  x ")]
    assert listed == names, f"listed: {listed[:5]}, collected: {names[:5]}"
    data = json.loads(runs["fresh slashed kata json"].stdout)
    assert [failure["test"] for failure in data["failures"]] == names


def test_a_kata_report_shows_the_whole_teaching_message(runs):
    hint = runs["mistake"]["CAUGHT_BY"]
    report = runs["mistake kata"]
    assert report.returncode == 0, report.stderr
    assert hint in report.stdout, report.stdout[-3000:]
    data = json.loads(runs["mistake kata json"].stdout)
    messages = [failure["message"] for failure in data["failures"]]
    taught = [m for m in messages if hint in m]
    assert {f["kind"] for f in data["failures"]} == {outcomes.FAILED}
    assert taught, messages[:3]
    for message in taught:  # the hint comes with the evidence it is drawn from
        for part in ("torch", "yours", "largest error", "hint:"):
            assert part in message, message
        assert "Traceback" not in message and "\nE " not in message, message


def test_the_short_form_of_a_message_is_all_of_it_without_the_traceback():
    from grading import scoring

    taught = "f(x) does not match torch.\n  torch = 1\n  yours = 2\n  hint: add"
    assert scoring.teaching_message(taught) == taught
    lines = [">       assert f(1) == 2", "E       AssertionError: f(1) is 3", "E         hint: add"]
    traceback = "\n".join(["def test():", *lines])
    assert scoring.teaching_message(traceback) == "AssertionError: f(1) is 3\n  hint: add"


def test_a_test_name_keeps_a_slash_inside_its_parameters():
    from grading import progress

    nodeid = "katas/05/test_autograd.py::test_shares[x.exp() / x]"
    assert progress.test_name(nodeid) == "test_autograd.py::test_shares[x.exp() / x]"
    assert progress.test_name("katas\\05\\test_a.py::test_b[1/2]") == "test_a.py::test_b[1/2]"


# --- each result's kind, decided where it happened --------------------------------------------

KIND_KATA, KIND_FILE, KIND_FUNCTION = "01", "activations.py", "tanh_grad"
# Seconds per test in these runs: short, since an endless loop waits it out, yet far above what a
# correct kata test takes (0.2 s at most) when the checks share two busy cores.
SHORT_LIMIT = "--timeout=4"
ONE_TEST = ["-k", "test_matches_torch and tanh_grad and float64", SHORT_LIMIT]
# What the learner's file ends with (None: the file is deleted), and the kind it must give.
KIND_CASES = {
    "wrong answer": ("def tanh_grad(x):\n    return x * 0\n", outcomes.FAILED),
    # A message that reads like a whole-kata problem is still one wrong answer.
    "misleading error": (
        "def tanh_grad(x):\n    raise ValueError('did not finish: katas/01/x.py is missing')\n",
        outcomes.FAILED,
    ),
    "stub": ("def tanh_grad(x):\n    raise NotImplementedError\n", outcomes.NOT_IMPLEMENTED),
    "missing name": ("del tanh_grad\n", outcomes.MISSING_NAME),
    "syntax error": ("def broken(:\n", outcomes.BROKEN_FILE),
    "import error": ("raise RuntimeError('at import')\n", outcomes.BROKEN_FILE),
    "missing file": (None, outcomes.MISSING_FILE),
    "autograd": (
        "import torch\n\ndef tanh_grad(x):\n    t = torch.tensor(x, requires_grad=True)\n"
        "    torch.tanh(t).sum().backward()\n    return t.grad.numpy()\n",
        outcomes.AUTOGRAD_USED,
    ),
    "endless loop": ("def tanh_grad(x):\n    while True:\n        pass\n", outcomes.TIMED_OUT),
}


def source_with(tmp_path: Path, ending: str | None) -> Path:
    """A source root holding kata 01's solution, its file ending with ``ending``."""
    folder = tmp_path / KIND_KATA
    folder.mkdir(parents=True)
    solution = (ROOT / "solutions" / KIND_KATA / KIND_FILE).read_text()
    if ending is not None:
        (folder / KIND_FILE).write_text(solution + "\n\n" + ending)
    return tmp_path


@pytest.mark.parametrize("mode", [[], ["--sandbox"]], ids=["local", "sandbox"])
@pytest.mark.parametrize("case", KIND_CASES)
def test_each_failure_has_the_kind_of_what_happened(worker, tmp_path, case, mode):
    ending, kind = KIND_CASES[case]
    run = worker.run([KIND_KATA], source_with(tmp_path, ending), 120, [*ONE_TEST, *mode])
    assert [r.kind for r in run.results] == [kind], [(r.kind, r.message) for r in run.results]


@pytest.mark.posix_only("the grading sandbox forks and sets POSIX resource limits")
def test_a_crash_stops_the_run_and_blames_the_test_that_was_running(worker, tmp_path):
    crash = "import os\n\ndef tanh_grad(x):\n    os._exit(3)\n"
    local = worker.run([KIND_KATA], source_with(tmp_path / "a", crash), 120, ONE_TEST)
    assert local.stopped_by == outcomes.CRASHED and local.status != "ok", local.status
    assert [r.kind for r in local.results] == [outcomes.NOT_RUN]
    sandboxed = worker.run(
        [KIND_KATA], source_with(tmp_path / "b", crash), 120, [*ONE_TEST, "--sandbox"]
    )
    assert [r.kind for r in sandboxed.results] == [outcomes.CRASHED], sandboxed.results


RUN_KATAS = """
import json, sys
from pathlib import Path
from grading import runner
print(json.dumps(runner.run_katas(sys.argv[2:], Path(sys.argv[1])).to_json()))
"""


def test_the_learners_grader_blames_the_crashing_test_and_runs_the_next_kata(tmp_path):
    crash = "import os\n\ndef tanh_grad(x):\n    os._exit(3)\n"
    root = source_with(tmp_path, crash)
    next_kata = KATAS[KATAS.index(manifest.by_id(KIND_KATA)) + 1].id
    shutil.copytree(ROOT / "solutions" / next_kata, root / next_kata)
    command = [sys.executable, "-c", RUN_KATAS, str(root), KIND_KATA, next_kata]
    ran = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=RUN_LIMIT)
    assert ran.returncode == 0, ran.stderr[-3000:]
    run = Run.from_json(json.loads(ran.stdout))
    assert run.stopped_by == outcomes.CRASHED, run.status
    crashed = [r for r in run.for_kata(KIND_KATA) if r.kind == outcomes.CRASHED]
    assert len(crashed) == 1 and KIND_FUNCTION in crashed[0].name, run.for_kata(KIND_KATA)
    assert "did not finish" in crashed[0].message
    assert run.for_kata(next_kata) and all(r.passed for r in run.for_kata(next_kata))


@pytest.mark.posix_only("the grading sandbox forks and sets POSIX resource limits")
def test_after_a_sandbox_time_out_the_other_functions_still_run(worker, tmp_path):
    loop = KIND_CASES["endless loop"][0]
    tests = "tanh and float32 and (test_matches_torch or test_large_inputs)"
    extra = ["-k", tests, SHORT_LIMIT, "--sandbox"]
    run = worker.run([KIND_KATA], source_with(tmp_path, loop), 120, extra)
    kinds = {r.name: r.kind for r in run.results}
    assert len(kinds) == 4 and any("[tanh-" in name for name in kinds), kinds
    for name, kind in kinds.items():  # the function looked up again in the new process
        expected = outcomes.TIMED_OUT if KIND_FUNCTION in name else outcomes.PASSED
        assert kind == expected, (name, [(r.kind, r.message[-300:]) for r in run.results])


@pytest.mark.posix_only("the grading sandbox forks and sets POSIX resource limits")
def test_an_endless_loop_bars_only_its_own_katas_function_of_that_name(worker, tmp_path):
    """Kata 01's sigmoid never returns; kata 05's Value.sigmoid, a namesake, still runs."""
    source = source_with(tmp_path, "def sigmoid(x):\n    while True:\n        pass\n")
    shutil.copytree(ROOT / "solutions" / "05", tmp_path / "05")
    extra = ["-k", "sigmoid and not quiz and not property", SHORT_LIMIT, "--sandbox"]
    run = worker.run([KIND_KATA, "05"], source, 120, extra)
    assert run.for_kata(KIND_KATA) and run.for_kata("05"), run.status
    assert not any(r.passed for r in run.for_kata(KIND_KATA))
    assert all(r.passed for r in run.for_kata("05")), [r.message for r in run.for_kata("05")]


SLOW_IMPORT = "import time\n\ntime.sleep(30)\n"


@pytest.mark.parametrize("mode", [[], ["--sandbox"]], ids=["local", "sandbox"])
def test_an_import_that_runs_out_of_time_is_not_tried_again(worker, tmp_path, mode):
    """A file whose import never ends costs one test's time limit, not every test's."""
    extra = ["-k", "test_matches_torch and (tanh_grad or sigmoid_grad)", SHORT_LIMIT, *mode]
    run = worker.run([KIND_KATA], source_with(tmp_path, SLOW_IMPORT), 120, extra)
    assert len(run.results) == 4, run.status
    first, *later = run.results
    assert first.kind == outcomes.TIMED_OUT, first.message
    for result in later:
        assert result.kind == outcomes.TIMED_OUT, result.message
        assert "was not imported again" in result.message, result.message


@pytest.mark.posix_only("the grading sandbox forks and sets POSIX resource limits")
def test_a_stopped_sandbox_leaves_no_folder_behind():
    from harness.sandbox import Sandbox

    sandbox = Sandbox(call_timeout=10)
    sandbox.module_attribute(ROOT / "katas" / KIND_KATA, "activations", "tanh_grad")
    workdir = Path(sandbox.workdir)
    assert workdir.is_dir()
    sandbox.stop()
    assert not workdir.exists()


@with_learner_objects
def chain_of_products(x, steps: int):
    """A kata 05 style builder: ``steps`` multiplications of the learner's Value."""
    v = x
    for _ in range(steps):
        v = v * 1.0
    return v


@pytest.mark.posix_only("the grading sandbox forks and sets POSIX resource limits")
def test_a_helper_for_the_learners_objects_runs_beside_them_in_one_request(monkeypatch):
    """Kata 05 builds graphs of thousands of Values: one request when grading, not thousands,
    and torch's side of the test, given no learner objects, still runs in the judge."""
    import torch

    from harness import learner
    from harness.sandbox import RemoteObject, Sandbox

    sandbox = Sandbox(call_timeout=10)
    monkeypatch.setattr(learner, "_sandbox", sandbox)
    try:
        value = sandbox.module_attribute(ROOT / "katas" / "05", "autograd", "Value")
        x = value(0.75)
        requests = []
        ask = sandbox.request
        monkeypatch.setattr(
            sandbox, "request", lambda *a, **k: requests.append(a[0]) or ask(*a, **k)
        )
        f = chain_of_products(x, 500)
        assert [message[0] for message in requests] == ["run"]
        assert isinstance(f, RemoteObject) and f.data == 0.75
        assert float(chain_of_products(torch.tensor(0.75), 500)) == 0.75
        assert len(requests) == 2  # f.data; torch's chain ran here
    finally:
        sandbox.stop()


def test_a_kata_problem_is_read_from_the_kinds_not_the_messages():
    from grading import scoring

    def result(kind: str, message: str) -> TestResult:
        return TestResult(f"katas/{KIND_KATA}/test_a.py::test_b", KIND_KATA, kind, message)

    misleading = "f raised ValueError: did not finish: katas/01/activations.py is missing"
    assert scoring.kata_problem([result(outcomes.FAILED, misleading)]) is None
    problem = scoring.kata_problem([result(outcomes.TIMED_OUT, "f took too long\n  more")])
    assert problem == scoring.Problem(outcomes.TIMED_OUT, "f took too long")


# --- a solved tree ---------------------------------------------------------------------------


def test_solved_tree_is_complete(runs):
    result = runs["solved json"]
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    check_progress_schema(data)
    assert data["percent"] == 100.0 and data["next"] is None
    assert data["points"]["earned"] == data["points"]["available"]
    for kata in data["katas"]:
        assert kata["status"] == "done" and not kata["failures"], kata["id"]
        assert kata["points"]["earned"] == kata["points"]["available"], kata["id"]


# --- the JSON form, against the schema documented in docs/grader-learner.md ----------------

COUNT = {"passed": int, "total": int}
KATA_FIELDS = {
    "id": str,
    "title": str,
    "status": str,
    "tests": COUNT,
    "quiz": COUNT,
    "points": {"earned": (int, float), "available": int},
    "problem": (str, type(None)),
    "command": str,
    "failures": list,
}
FAILURE_FIELDS = {"test": str, "kind": str, "message": str}
NEXT_FIELDS = {"kata": str, "command": str, "first_failure": (str, type(None))}
PROGRESS_FIELDS = {
    "schema": str,
    "run_status": str,
    "points": {"earned": (int, float), "available": int},
    "percent": (int, float),
    "next": (dict, type(None)),
    "katas": list,
}


def check_fields(data: dict, fields: dict, where: str) -> None:
    assert isinstance(data, dict), f"{where} is not an object"
    assert set(data) == set(fields), f"{where} has fields {sorted(data)}"
    for name, kind in fields.items():
        if isinstance(kind, dict):
            check_fields(data[name], kind, f"{where}.{name}")
        else:
            assert isinstance(data[name], kind), f"{where}.{name} = {data[name]!r}"


def check_kata_object(kata: dict, where: str) -> None:
    check_fields(kata, KATA_FIELDS, where)
    assert kata["status"] in ("done", "in progress", "not started")
    for number, failure in enumerate(kata["failures"]):
        check_fields(failure, FAILURE_FIELDS, f"{where}.failures[{number}]")
        assert failure["kind"] in outcomes.KINDS and failure["kind"] != outcomes.PASSED, failure


def check_progress_schema(data: dict) -> None:
    check_fields(data, PROGRESS_FIELDS, "progress")
    assert data["schema"] == "nn-katas/grader/1"
    if data["next"] is not None:
        check_fields(data["next"], NEXT_FIELDS, "progress.next")
    assert [kata["id"] for kata in data["katas"]] == [k.id for k in KATAS]
    for number, kata in enumerate(data["katas"]):
        check_kata_object(kata, f"progress.katas[{number}]")


def test_progress_json_matches_its_schema_and_the_table(runs):
    result = runs["partly json"]
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    check_progress_schema(data)
    katas = {kata["id"]: kata for kata in data["katas"]}
    for kata_id in SOLVED_IN_PART:
        assert katas[kata_id]["status"] == "done"
        assert katas[kata_id]["points"]["earned"] == katas[kata_id]["points"]["available"]
    broken_file, _ = runs["broken"]
    assert katas[BROKEN]["problem"].startswith(f"{broken_file} has a syntax error")
    broken_kinds = {f["kind"] for f in katas[BROKEN]["failures"] if broken_file in f["message"]}
    assert broken_kinds == {outcomes.BROKEN_FILE}, katas[BROKEN]["failures"][:2]
    assert data["next"]["kata"] == next(k["id"] for k in data["katas"] if k["status"] != "done")


def test_kata_json_matches_its_schema(runs):
    result = runs["solved kata json"]
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    schema_and_status = {"schema", "run_status"}
    check_kata_object({k: v for k, v in data.items() if k not in schema_and_status}, "kata")
    assert data["schema"] == "nn-katas/grader/1" and data["run_status"] == "ok"
    assert data["status"] == "done"


# --- hints -----------------------------------------------------------------------------------


HINTS = ("Start from the definition.", "Check the shapes.", "Multiply, do not add.")
HINT_MANIFEST = f"""
[[kata]]
id = "01"
title = "A kata with three hints"
points = 10
files = ["first.py"]
hints = {list(HINTS)!r}
"""


def test_hints_are_revealed_one_at_a_time_and_reset(tmp_path):
    # A manifest of our own: the course's hints are still being written, and hints need no tests.
    tree = scratch_tree(tmp_path)
    (tree / "katas" / "katas.toml").write_text(HINT_MANIFEST)

    first = grader(tree, "hint", "01")
    assert first.returncode == 0, first.stderr
    assert "(1 of 3 shown)" in first.stdout and HINTS[0] in first.stdout
    assert HINTS[1] not in first.stdout
    second = grader(tree, "hint", "1")
    assert "(2 of 3 shown)" in second.stdout and HINTS[1] in second.stdout
    assert HINTS[2] not in second.stdout
    assert (tree / ".grader-state.json").is_file()

    assert grader(tree, "hint", "01", "--reset").returncode == 0
    again = grader(tree, "hint", "01")
    assert "(1 of 3 shown)" in again.stdout and HINTS[1] not in again.stdout
    everything = grader(tree, "hint", "01", "--all")
    assert "(3 of 3 shown)" in everything.stdout and "last hint" in everything.stdout
    assert all(hint in everything.stdout for hint in HINTS)


def test_hint_state_file_is_ignored_by_git():
    assert ".grader-state.json" in (ROOT / ".gitignore").read_text().split()


# --- colour on a terminal, plain text otherwise ----------------------------------------------


def run_on_a_terminal(tree: Path, *args: str, **env: str) -> str:
    """The grader's output when its stdout is a terminal (a pseudo-terminal here)."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "grader.py", *args], cwd=tree, stdout=follower, env=environment(**env)
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the grader is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=RUN_LIMIT)
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")


@pytest.mark.posix_only("it opens a pseudo-terminal")
def test_colour_on_a_terminal_and_plain_with_no_color(runs):
    kata_id = KATAS[-1].id
    with ThreadPoolExecutor() as pool:  # two independent runs: let them overlap
        coloured_run = pool.submit(run_on_a_terminal, runs["solved"], kata_id)
        plain_run = pool.submit(run_on_a_terminal, runs["solved"], kata_id, NO_COLOR="1")
        coloured, plain = coloured_run.result(), plain_run.result()
    assert "\x1b[" in coloured and f"Kata {kata_id}" in coloured
    assert "\x1b[3" not in plain and f"Kata {kata_id}" in plain


# --- watch mode ------------------------------------------------------------------------------


class Lines:
    """A subprocess's output lines, read in a thread so that every wait can be bounded."""

    def __init__(self, stream):
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self.queue.put(line)

    def wait_for(self, pattern: str, seconds: float) -> str:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.queue.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r} in:\n{''.join(self.seen)}")


@pytest.mark.posix_only("it stops watch mode with SIGINT, as Ctrl-C does")
def test_watch_reruns_the_saved_kata_and_stops_on_ctrl_c(tmp_path):
    tree = scratch_tree(tmp_path)
    saved = KATAS[3]
    process = subprocess.Popen(
        [sys.executable, "grader.py", "watch"],
        cwd=tree,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = Lines(process.stdout)
        lines.wait_for(r"^Watching katas/", RUN_LIMIT)
        # Saving the solution in place is what a learner's editor does when they finish.
        for name in saved.files:
            solution = (ROOT / "solutions" / saved.id / name).read_text()
            (tree / "katas" / saved.id / name).write_text(solution)
        lines.wait_for(rf"^Kata {saved.id}: .*\[done\]", RUN_LIMIT)
        lines.wait_for(r"^Watching katas/", RUN_LIMIT)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        lines.wait_for(r"Stopped watching", 10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


# Two runs in one process: the solutions, sandboxed, then the untouched stubs. Prints, per run,
# the kinds of kata 07's and kata 12's results.
TWO_RUNS_IN_ONE_PROCESS = """
import collections, json
from harness import engine
from harness.manifest import SOLUTIONS_DIR

def kinds(source, extra):
    results = []
    engine.run_in_this_process(["07", "12"], source, results.append, extra)
    counts = collections.Counter()
    for r in results:
        if r.get("event") == "result":
            counts[r["nodeid"].split("/")[1] + " " + r["kind"]] += 1
    return counts

print(json.dumps([kinds(SOLUTIONS_DIR, ["--sandbox"]), kinds(SOLUTIONS_DIR, ["--sandbox"]),
                  kinds(None, [])]))
"""


@pytest.mark.posix_only("the grading sandbox forks and sets POSIX resource limits")
def test_what_tests_keep_from_the_learners_code_never_outlives_the_run():
    """Kata 07 keeps the learner's sgd_step, kata 12 the learner's trained network: a second
    sandbox must not be handed the first one's function, nor the stubs the solutions' network."""
    ran = subprocess.run(
        [sys.executable, "-c", TWO_RUNS_IN_ONE_PROCESS],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    first, second, stubs = json.loads(ran.stdout.splitlines()[-1])
    assert set(first) == {"07 passed", "12 passed"}, first
    assert second == first, second
    assert "12 passed" not in stubs and "07 passed" not in stubs, stubs
