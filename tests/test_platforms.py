"""Learners on Windows, macOS and Linux, and output that fits a screen.

- The learner's commands run in a Python whose ``sitecustomize`` takes away what Windows lacks
  (``resource``, ``fcntl``, ``termios``, ``os.fork``, ``SIGALRM``, ``SIGKILL``): pytest, the
  grader, one kata's report, ``--json``, ``hint`` and ``watch`` must all work there, and an
  endless loop must cost one time limit, with every other kata still reported.
- Both ways of isolating a kata run (fork on Linux, spawn elsewhere) give the same results;
  ``NN_KATAS_SPAWN=1`` forces the spawn path here.
- Untouched stubs print at most 40 lines per kata; ``-v`` and ``-rA`` keep their meaning.
- The CI workflow runs the README's own commands.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from grading.export import export_student_copy
from harness import engine, manifest, outcomes, time_limit
from harness.compare import check_close

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load()
RUN_LIMIT = 600  # seconds; only reached if a command hangs, never in a passing run
LOOP_KATA, LOOP_FILE, LOOP_FUNCTION = "01", "activations.py", "tanh_grad"
ENDLESS = f"\n\ndef {LOOP_FUNCTION}(x):\n    while True:\n        pass\n"
# Seconds per test in the endless-loop runs (PYTEST_TIMEOUT): short, to keep them short, yet far
# above the slowest correct kata test (0.2 s), since the commands below share two cores.
LOOP_LIMIT = 4

# What Windows lacks, taken away at start-up. Importing a module set to None in sys.modules
# raises ImportError, as importing a module that does not exist does.
NO_POSIX = """
import os, signal, sys
for name in ("resource", "fcntl", "termios"):
    sys.modules[name] = None
for module, names in ((os, ("fork", "forkpty")), (signal, ("SIGALRM", "SIGKILL", "alarm"))):
    for name in names:
        if hasattr(module, name):
            delattr(module, name)
"""


# --- scratch trees and the simulated platform ------------------------------------------------


def tree(base: Path, solved=(), endless: bool = False) -> Path:
    course = base / "course"
    export_student_copy(course, solved)
    if endless:
        path = course / "katas" / LOOP_KATA / LOOP_FILE
        path.write_text(path.read_text() + ENDLESS)
    return course


def endless_line(course: Path) -> int:
    """The line of the endless loop's ``while True:`` in the tree's kata file."""
    lines = (course / "katas" / LOOP_KATA / LOOP_FILE).read_text().splitlines()
    return len(lines) - 1


# pytest prints every summary line in full when it sees one of these, as on a CI runner.
# A learner's terminal has neither, and the checks below count what a learner sees.
CI_VARIABLES = ("CI", "BUILD_NUMBER")


def learner_terminal(*dropped: str) -> dict[str, str]:
    """This process's environment, as a learner's terminal would have it."""
    return {k: v for k, v in os.environ.items() if k not in (*CI_VARIABLES, *dropped)}


def no_posix_environment(site: Path, **extra: str) -> dict[str, str]:
    paths = [str(site), *filter(None, [os.environ.get("PYTHONPATH")])]
    kept = learner_terminal("NO_COLOR", "PYTEST_TIMEOUT")
    return kept | {"PYTHONPATH": os.pathsep.join(paths)} | extra


@pytest.fixture(scope="module")
def no_posix(tmp_path_factory) -> Path:
    """A folder holding the sitecustomize that takes POSIX away."""
    site = tmp_path_factory.mktemp("no_posix")
    (site / "sitecustomize.py").write_text(NO_POSIX)
    return site


def start(site: Path, cwd: Path, *args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=no_posix_environment(site, **env),
    )


def finish(process: subprocess.Popen, started: float) -> dict:
    stdout, stderr = process.communicate(timeout=RUN_LIMIT)
    seconds = time.monotonic() - started
    return {"code": process.returncode, "out": stdout, "err": stderr, "seconds": seconds}


@pytest.fixture(scope="module")
def runs(no_posix, tmp_path_factory):
    """The learner's commands without POSIX, started together; each is mostly one process."""
    fresh = tree(tmp_path_factory.mktemp("fresh"))
    looping = tree(tmp_path_factory.mktemp("loop"), [k.id for k in KATAS], endless=True)
    loop = {"PYTEST_TIMEOUT": str(LOOP_LIMIT)}
    commands = {
        "import resource": (ROOT, ["-c", "import resource"], {}),
        "pytest 01 solutions": (ROOT, ["-m", "pytest", "-q", "katas/01", "--solutions"], {}),
        "pytest 01 stubs": (fresh, ["-m", "pytest", "katas/01"], {}),
        "pytest 01 loop": (looping, ["-m", "pytest", "-q", f"katas/{LOOP_KATA}"], loop),
        "grader loop": (looping, ["grader.py"], loop),
        "grader 01 json loop": (looping, ["grader.py", LOOP_KATA, "--json"], loop),
        "grader 02": (fresh, ["grader.py", "02"], {}),
        "hint 01": (fresh, ["grader.py", "hint", "01"], {}),
        "grade": (fresh, ["grader.py", "grade", str(fresh), "--out", str(fresh / "out")], {}),
    }
    started = {
        name: (time.monotonic(), start(no_posix, cwd, *args, **env))
        for name, (cwd, args, env) in commands.items()
    }
    done = {name: finish(process, when) for name, (when, process) in started.items()}
    return done | {"loop tree": looping, "fresh tree": fresh}


# --- the learner's commands without POSIX ---------------------------------------------------


def test_the_simulated_platform_really_lacks_posix(runs):
    """Without this, every other check here could pass on a platform that still had POSIX."""
    ran = runs["import resource"]
    assert ran["code"] != 0 and "ModuleNotFoundError" in ran["err"], ran["err"]


def test_pytest_runs_a_kata_against_the_solutions(runs):
    ran = runs["pytest 01 solutions"]
    assert ran["code"] == 0 and " passed" in ran["out"], ran["out"][-2000:] + ran["err"][-2000:]


def test_pytest_on_stubs_lists_what_is_left_to_write(runs):
    ran = runs["pytest 01 stubs"]
    lines = ran["out"].splitlines()
    assert ran["code"] == 1 and len(lines) <= 40, ran["out"]
    assert f"not implemented yet (katas/01/{LOOP_FILE}): " in ran["out"], ran["out"]


def test_pytest_fails_an_endless_loop_once_and_the_later_tests_at_once(runs):
    ran, line = runs["pytest 01 loop"], endless_line(runs["loop tree"])
    stuck = f"{LOOP_FUNCTION} did not finish in time (an infinite loop?) at katas/01/{LOOP_FILE}"
    assert f"{stuck}:{line}  ->  while True:" in ran["out"], ran["out"][-3000:]
    assert f"{LOOP_FUNCTION} was not run again" in ran["out"], ran["out"][-3000:]
    # One time limit for the loop, not one per test that calls it: the others fail at once.
    assert ran["out"].count(f"{LOOP_FUNCTION} did not finish in time") == 1, ran["out"][-3000:]


def test_the_grader_reports_every_kata_with_one_endless_loop(runs):
    ran, line = runs["grader loop"], endless_line(runs["loop tree"])
    assert ran["code"] == 0, ran["err"][-3000:]
    rows = {row[:2]: row for row in ran["out"].splitlines() if row[:2].isdigit()}
    for kata in KATAS:
        expected = "in progress (!)" if kata.id == LOOP_KATA else "done"
        assert rows[kata.id].rstrip().endswith(expected), ran["out"]
    quiz_passed, quiz_total = re.split(r"\s{2,}", rows[LOOP_KATA])[3].split("/")
    assert quiz_passed == quiz_total != "0", rows[LOOP_KATA]  # its quiz is still scored
    stuck = f"Kata {LOOP_KATA}: {LOOP_FUNCTION} did not finish in time (an infinite loop?)"
    assert f"{stuck} at katas/{LOOP_KATA}/{LOOP_FILE}:{line}" in ran["out"], ran["out"]


def test_one_katas_json_report_gives_the_loop_its_kind(runs):
    ran = runs["grader 01 json loop"]
    assert ran["code"] == 0, ran["err"][-3000:]
    report = json.loads(ran["out"])
    kinds = {failure["kind"] for failure in report["failures"]}
    assert kinds == {outcomes.TIMED_OUT}, report["failures"]
    assert report["quiz"]["passed"] == report["quiz"]["total"] > 0, report["quiz"]


def test_one_katas_report_and_its_hints(runs):
    report, hint = runs["grader 02"], runs["hint 01"]
    assert report["code"] == 0 and "Kata 02" in report["out"], report["err"][-3000:]
    assert hint["code"] == 0 and "Hints for kata 01" in hint["out"], hint["err"]


def test_batch_grading_says_in_one_line_that_it_needs_posix(runs):
    ran = runs["grade"]
    assert ran["code"] == 2, ran
    assert len(ran["err"].strip().splitlines()) == 1 and "Linux or macOS" in ran["err"], ran


def test_watch_starts_reports_and_stops_without_posix(no_posix, tmp_path):
    course = tree(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "grader.py", "watch"],
        cwd=course,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=no_posix_environment(no_posix),
    )
    lines: list[str] = []
    seen = threading.Event()
    wanted = re.compile(rf"^Kata {KATAS[0].id}: .*\[done\]")

    def read() -> None:
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Watching katas/") and not any(wanted.match(x) for x in lines):
                for name in KATAS[0].files:  # the learner saves a finished kata
                    solution = ROOT / "solutions" / KATAS[0].id / name
                    (course / "katas" / KATAS[0].id / name).write_text(solution.read_text())
            if wanted.match(line):
                seen.set()
        seen.set()  # the output ended: watch mode stopped by itself

    threading.Thread(target=read, daemon=True).start()
    try:
        seen.wait(RUN_LIMIT)
        assert any(wanted.match(line) for line in lines), "".join(lines)
    finally:
        if os.name == "nt":
            process.kill()  # Windows: no SIGINT to send to another console process
        else:
            process.send_signal(signal.SIGINT)  # Ctrl-C
        process.wait(timeout=60)
    assert os.name == "nt" or process.returncode == 0, process.returncode


# --- the spawn path, forced on Linux -----------------------------------------------------------


def source_with(tmp_path: Path, ending: str = "") -> Path:
    folder = tmp_path / LOOP_KATA
    folder.mkdir(parents=True)
    solution = (ROOT / "solutions" / LOOP_KATA / LOOP_FILE).read_text()
    (folder / LOOP_FILE).write_text(solution + ending)
    return tmp_path


def test_the_platform_decides_fork_or_spawn_and_the_variable_forces_spawn(monkeypatch):
    monkeypatch.delenv(engine.SPAWN_VARIABLE, raising=False)
    assert engine.forks() == (sys.platform.startswith("linux") and hasattr(os, "fork"))
    monkeypatch.setenv(engine.SPAWN_VARIABLE, "1")
    assert not engine.forks()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="compares the spawn path with fork")
def test_a_spawned_run_reports_what_a_forked_run_reports(tmp_path):
    source = source_with(tmp_path, "\n\ndef relu_grad(x):\n    return x * 0\n")
    extra = ["-k", "test_matches_torch and (tanh or relu)"]
    forked = engine.run_forked([LOOP_KATA], source, timeout=120, extra=extra)
    spawned = engine.run_spawned([LOOP_KATA], source, timeout=120, extra=extra)
    assert spawned.status == "ok" and spawned.stopped_by is None, spawned.status
    kinds = [(r.nodeid, r.kind, r.message) for r in spawned.results]
    assert kinds == [(r.nodeid, r.kind, r.message) for r in forked.results]
    assert {r.kind for r in spawned.results} == {outcomes.PASSED, outcomes.FAILED}, kinds


def test_a_spawned_run_survives_a_crash_and_a_hang(tmp_path):
    crash = "\n\nimport os\n\ndef tanh_grad(x):\n    os._exit(3)\n"
    one = ["-k", "test_matches_torch and tanh_grad and float64"]
    crashed = engine.run_spawned([LOOP_KATA], source_with(tmp_path / "a", crash), extra=one)
    assert crashed.stopped_by == outcomes.CRASHED, crashed.status
    assert crashed.status == "exited early with code 3", crashed.status
    assert [r.kind for r in crashed.results] == [outcomes.NOT_RUN]
    # No per-test limit: only the run's own deadline can end this import.
    hang = "\n\nimport time\n\ntime.sleep(600)\n"
    started = time.monotonic()
    hung = engine.run_spawned(
        [LOOP_KATA], source_with(tmp_path / "b", hang), timeout=15, extra=[*one, "--timeout=0"]
    )
    assert hung.stopped_by == outcomes.TIMED_OUT and time.monotonic() - started < 60, hung.status


# --- time limits without SIGALRM -------------------------------------------------------------


def test_the_watchdog_interrupts_a_loop_and_a_cancelled_one_does_not():
    noted = []
    dog = time_limit.Watchdog(0.2, lambda: noted.append("time is up"), lambda: noted.append("x"))
    started = time.monotonic()
    with pytest.raises(time_limit.TimeIsUp):
        while time.monotonic() - started < 30:
            pass
    dog.cancel()
    assert noted == ["time is up"] and time.monotonic() - started < 5
    calm = time_limit.Watchdog(0.2, lambda: noted.append("late"), lambda: noted.append("late"))
    calm.cancel()
    time.sleep(0.5)  # an interruption would strike here
    assert noted == ["time is up"]


# --- output that fits a screen ---------------------------------------------------------------

# One Python imports torch once and runs pytest on each kata's stubs in turn, so that checking
# every kata in the manifest costs one start-up. Prints {kata: output} as JSON.
EVERY_KATA_OUTPUT = """
import contextlib, io, json, sys
import pytest
outputs = {}
for args in json.loads(sys.argv[1]):
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        pytest.main(list(args))  # pytest adds its ini options to the list it is given
    outputs[" ".join(args)] = text.getvalue()
print(json.dumps(outputs))
"""


def pytest_outputs(cwd: Path, runs: list[list[str]]) -> dict[str, str]:
    command = [sys.executable, "-c", EVERY_KATA_OUTPUT, json.dumps(runs)]
    environment = learner_terminal("PYTEST_ADDOPTS")
    ran = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=RUN_LIMIT, env=environment
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    return json.loads(ran.stdout)


@pytest.fixture(scope="module")
def stub_outputs(tmp_path_factory) -> dict[str, str]:
    course = tree(tmp_path_factory.mktemp("stubs"))
    wrong = course / "katas" / LOOP_KATA / LOOP_FILE
    runs = [[f"katas/{kata.id}"] for kata in KATAS]
    runs += [[f"katas/{LOOP_KATA}", "-rA"], [f"katas/{LOOP_KATA}", "-v"]]
    outputs = pytest_outputs(course, runs)
    # One function written wrong, the rest still stubs.
    wrong.write_text(wrong.read_text() + f"\n\ndef {LOOP_FUNCTION}(x):\n    return 1 - x**2\n")
    one_wrong = pytest_outputs(course, [[f"katas/{LOOP_KATA}"]])[f"katas/{LOOP_KATA}"]
    return outputs | {"one wrong": one_wrong}


@pytest.mark.parametrize("kata", [kata.id for kata in KATAS])
def test_untouched_stubs_print_at_most_40_lines_naming_each_function_once(stub_outputs, kata):
    output = stub_outputs[f"katas/{kata}"]
    lines = output.splitlines()
    assert len(lines) <= 40, f"{len(lines)} lines:\n{output}"
    listed = [line for line in lines if re.match(r"not (implemented|answered) yet \(", line)]
    assert listed, output
    for line in listed:
        names = line.split("): ", 1)[1].split(", ")
        assert len(names) == len(set(names)), line
    assert "is not implemented yet" not in output, output  # no line per test
    assert re.search(r"=+ \d+ failed in ", lines[-1]), lines[-1]  # pytest's own summary


def test_verbose_and_report_all_keep_their_meaning(stub_outputs):
    tests = len(re.findall(r"^FAILED ", stub_outputs[f"katas/{LOOP_KATA} -rA"], flags=re.M))
    verbose = stub_outputs[f"katas/{LOOP_KATA} -v"]
    assert tests > 40 and len(re.findall(r" FAILED", verbose)) == tests
    sections = verbose.count("is not implemented yet") + verbose.count("is not answered yet")
    assert sections == tests  # each test's own section, as pytest shows it


def test_a_real_failure_keeps_its_whole_teaching_message(stub_outputs):
    output = stub_outputs["one wrong"]
    assert f"{LOOP_FUNCTION}(x) does not match torch." in output, output
    assert "  hint: " in output and "largest error" in output, output
    unwritten = next(line for line in output.splitlines() if line.startswith("not implemented"))
    assert LOOP_FUNCTION not in unwritten.split(", ") and "sigmoid" in unwritten, unwritten


def test_shortened_arrays_that_print_alike_show_the_elements_around_the_largest_error():
    import torch

    x = np.linspace(-1.0, 1.0, 21)
    want = (torch.relu(torch.tensor(x)) > 0).double().numpy()  # relu'(x), as torch takes it
    with pytest.raises(pytest.fail.Exception) as failure:
        check_close("relu_grad", {"x": x}, want, (x >= 0).astype(x.dtype), "relu'(0) is 0")
    message = str(failure.value)
    assert "around index (10,)" in message, message
    shown, around = message.split("around index (10,)", 1)
    lines = {line.split("=")[0].strip(): line for line in shown.splitlines() if "= [" in line}
    assert re.search(r"x\s+= \[-0\.2 -0\.1\s+0\.\s+0\.1\s+0\.2\]", around), message
    assert re.search(r"torch = \[0\. 0\. 0\. 1\. 1\.\]", around), message
    assert re.search(r"yours = \[0\. 0\. 1\. 1\. 1\.\]", around), message
    assert lines["torch"].split("=")[1] == lines["yours"].split("=")[1]  # alike when shortened


# --- the CI workflow runs the README's commands --------------------------------------------


def readme_block(language: str) -> list[str]:
    text = (ROOT / "README.md").read_text()
    found = re.search(rf"^```{language}\n(.*?)^```", text, flags=re.M | re.S)
    assert found, f"the README has no ```{language} block"
    return found.group(1).strip().splitlines()


def test_the_workflow_runs_the_readmes_commands_on_every_platform():
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    commands = {line.strip().removeprefix("run: ").strip() for line in workflow.splitlines()}
    for line in readme_block("bash")[:2] + readme_block("powershell")[:2]:
        assert line in commands, f"the workflow does not run the README's line {line!r}"
    for platform in ("ubuntu-latest", "macos-latest", "windows-latest", '"3.10"', '"3.13"'):
        assert platform in workflow, platform
