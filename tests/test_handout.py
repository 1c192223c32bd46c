"""The handout (``grader.py export-student``) and the Gradescope bundle hold the stubs, never the
instructor's answers, and the handout's README works, command by command, in the handout.

Dirty and clean checkouts are scratch git repositories made from this tree; a handout has no
git, so handing out again from it exercises the stub signatures in katas/katas.toml.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest

from grading import export
from harness import manifest

KATAS = manifest.load()
ROOT = manifest.ROOT
ANSWERED = "katas/01/activations.py"  # the file the instructor has solved in their checkout
GIT = ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.invalid"]


def run(command: list[str], cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, **kwargs)


def grader(checkout: Path, *args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, str(checkout / "grader.py"), *args])


def test_the_manifest_signs_every_stub_as_it_is():
    signed = export.recorded_signatures()
    stale = [
        relative
        for relative in export.learner_files()
        if signed.get(relative) != export.signature((ROOT / relative).read_bytes())
    ]
    assert not stale, f"stub signatures out of date for {stale}: run `{export.SIGN_COMMAND}`"


# --- from a checkout with uncommitted answers ------------------------------------------------


@pytest.fixture(scope="module")
def dirty_checkout(tmp_path_factory) -> Path:
    """An instructor's checkout, committed with the stubs, then kata 01 solved in place."""
    checkout = tmp_path_factory.mktemp("instructor") / "nn-katas"
    checkout.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for entry in [*export.HANDED_OUT, "README.md", "solutions"]:
        source = ROOT / entry
        if source.is_dir():
            shutil.copytree(source, checkout / entry, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, checkout / entry)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "the course"]):
        assert run([*GIT, *command], cwd=checkout).returncode == 0
    shutil.copy(ROOT / "solutions" / "01" / "activations.py", checkout / ANSWERED)
    return checkout


def stub(relative: str) -> bytes:
    return (ROOT / relative).read_bytes()


def test_a_handout_from_a_dirty_checkout_holds_the_committed_stubs(dirty_checkout, tmp_path):
    assert (dirty_checkout / ANSWERED).read_bytes() != stub(ANSWERED)  # the answer is there
    made = grader(dirty_checkout, "export-student", str(tmp_path / "handout"))
    assert made.returncode == 0, made.stderr[-3000:]
    assert f"uncommitted changes in {ANSWERED}" in made.stderr
    assert (tmp_path / "handout" / ANSWERED).read_bytes() == stub(ANSWERED)
    assert not (tmp_path / "handout" / "solutions").exists()


def test_strict_refuses_a_dirty_checkout_in_one_line(dirty_checkout, tmp_path):
    made = grader(dirty_checkout, "export-student", "--strict", str(tmp_path / "handout"))
    assert made.returncode == 2, made.stderr[-3000:]
    assert len(made.stderr.strip().splitlines()) == 1 and ANSWERED in made.stderr, made.stderr
    assert not (tmp_path / "handout").exists()
    bundle = grader(dirty_checkout, "gradescope", "--strict", str(tmp_path / "autograder.zip"))
    assert bundle.returncode == 2 and ANSWERED in bundle.stderr, bundle.stderr[-3000:]


def test_the_gradescope_bundle_from_a_dirty_checkout_holds_the_committed_stubs(
    dirty_checkout, tmp_path
):
    made = grader(dirty_checkout, "gradescope", str(tmp_path / "autograder.zip"))
    assert made.returncode == 0, made.stderr[-3000:]
    assert f"uncommitted changes in {ANSWERED}" in made.stderr
    with zipfile.ZipFile(tmp_path / "autograder.zip") as bundle:
        assert bundle.read(ANSWERED) == stub(ANSWERED)
        assert bundle.read("README.md").decode() == export.handout_readme()
        assert not any(name.startswith(("solutions/", "tests/")) for name in bundle.namelist())


# --- from a copy without git -----------------------------------------------------------------


@pytest.fixture(scope="module")
def handout(tmp_path_factory) -> Path:
    destination = tmp_path_factory.mktemp("handout") / "nn-katas"
    export.export_student_copy(destination, stubs=export.signed_stubs())
    return destination


def test_without_git_a_handout_is_checked_against_the_stub_signatures(handout, tmp_path):
    again = grader(handout, "export-student", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr[-3000:]
    answered = tmp_path / "answered"
    shutil.copytree(handout, answered)
    shutil.copy(ROOT / "solutions" / "01" / "activations.py", answered / ANSWERED)
    refused = grader(answered, "export-student", str(tmp_path / "from-answered"))
    assert refused.returncode == 2, refused.stderr[-3000:]
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert f"{ANSWERED} differs from the stubs signed" in refused.stderr
    assert not (tmp_path / "from-answered").exists()


# --- the handout's README --------------------------------------------------------------------


def readme_commands(readme: str) -> list[str]:
    """The lines of the README's first ```bash block: the commands a learner types."""
    block = readme.split("```bash\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_the_handout_readme_speaks_only_of_the_handout(handout):
    readme = (handout / "README.md").read_text()
    for absent in ("solutions", "benchmarks", "pytest tests", "tests/", "CONTRIBUTING"):
        assert absent not in readme, absent
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        assert (handout / target).exists(), f"the README links to {target}, not in the handout"
    assert "{kata_table}" not in readme and all(kata.title in readme for kata in KATAS)


# command: (exit code, words its output must hold); any other command exits 0.
EXPECTED = {
    "pytest katas/01": (1, "not implemented yet"),  # on the untouched stubs, tests fail
    "python grader.py hint 01": (0, KATAS[0].hints[0][:40]),
}
RUNS_UNTIL_STOPPED = {"python grader.py watch"}


def borrowing_environment() -> dict[str, str]:
    """The handout's new .venv borrows the packages of the environment running these tests,
    through PYTHONPATH, so that installing it downloads no torch. Its build backend is borrowed
    too when that setuptools builds wheels by itself (70.1 and later); otherwise pip fetches one.
    """
    environment = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    environment["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    if importlib.util.find_spec("setuptools.command.bdist_wheel") is not None:
        environment.update(PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0")  # "0": no isolation
    return environment


def test_every_command_in_the_handout_readme_works_in_the_handout(handout):
    commands = readme_commands((handout / "README.md").read_text())
    install, *learner_commands = commands
    assert "pip install -e ." in install, install
    environment = borrowing_environment()
    installed = run(["bash", "-c", install], cwd=handout, env=environment)
    assert installed.returncode == 0, (installed.stdout + installed.stderr)[-3000:]
    where = "python -c 'import harness; print(harness.__file__)'"
    found = run(["bash", "-c", f". .venv/bin/activate && {where}"], cwd=handout, env=environment)
    assert found.stdout.strip() == str(handout / "harness" / "__init__.py"), found
    for command in learner_commands:
        activated = ["bash", "-c", f". .venv/bin/activate && exec {command}"]
        if command in RUNS_UNTIL_STOPPED:
            assert_runs_until_stopped(activated, handout, environment)
            continue
        ran = run(activated, cwd=handout, env=environment)
        output = ran.stdout + ran.stderr
        code, words = EXPECTED.get(command, (0, ""))
        assert ran.returncode == code and words in output, (command, output[-3000:])
        assert "Traceback" not in output, (command, output[-3000:])


def assert_runs_until_stopped(command: list[str], cwd: Path, environment: dict) -> None:
    """A command that runs until Ctrl-C: it must still be running after its first report."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(20)
    still_running = process.poll() is None
    os.killpg(process.pid, signal.SIGINT)
    try:
        output = "".join(process.communicate(timeout=60))
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output = "".join(process.communicate())
    assert still_running, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
