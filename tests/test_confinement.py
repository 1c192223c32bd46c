"""Graded code reads only its own files and Python's, writes nowhere and opens no connection.

Real submissions graded by the real grader try to reach the answers (solutions/ read with
open, numpy, torch, os.scandir and mmap, a classmate's filled-in file, a server of answers on
this machine) and the machine's private files. Each must earn nothing from its trick, and the
gradebook must say the access was refused. Landlock (the kernel) and the sandbox's audit hook
each refuse on their own; switching them off for the test proves the tricks would work.
"""

from __future__ import annotations

import shutil
import socketserver
import threading
from pathlib import Path

import pytest

from harness import manifest
from harness.sandbox import landlock
from tests.test_grader_instructor import (
    ADVERSARIAL,
    TEST_TIMEOUT,
    grader,
    read_grades,
    stage_adversarial,
)

pytestmark = pytest.mark.skipif(landlock.abi_version() < 4, reason="needs Landlock ABI 4+")

KATA = "01"  # every trick aims at kata 01; the class hands in only its files
READS_SOLUTIONS = [
    "reads_solutions_with_open",
    "reads_solutions_with_numpy_fromfile",
    "reads_solutions_with_torch_from_file",
    "lists_solutions_with_scandir",
    "maps_solutions_with_mmap",
]
GETS_ANSWERS = [*READS_SOLUTIONS, "copies_a_classmate", "opens_a_socket"]
# Tricks that reach for something a format cannot hold, or no answers at all: they earn
# nothing anyway, and what is checked is that the gradebook says the access was refused.
REACHES_ELSEWHERE = [
    "reads_solutions_with_numpy_load",
    "reads_solutions_with_torch_load",
    "reads_etc_passwd",
    "lists_home_ssh",
]
TRICKS = GETS_ANSWERS + REACHES_ELSEWHERE
BASELINE = "zeros_without_tricks"  # the same wrong answers, handed in without a trick
HONEST = "honest_classmate"  # the file the copier looks for


class _AnswerServer(socketserver.StreamRequestHandler):
    """A helper outside the grader that hands out the reference solution to whoever asks."""

    def handle(self):
        self.rfile.readline()
        self.wfile.write((manifest.SOLUTIONS_DIR / KATA / "activations.py").read_bytes())


@pytest.fixture(scope="module")
def answer_port():
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), _AnswerServer) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield server.server_address[1]
        server.shutdown()


def kata_files(root: Path, source: Path) -> None:
    for name in manifest.by_id(KATA).files:
        (root / "katas" / KATA).mkdir(parents=True, exist_ok=True)
        shutil.copy(source / KATA / name, root / "katas" / KATA / name)


def make_class(folder: Path, tricks: list[str], port: int) -> Path:
    """A class of kata 01 submissions: one per trick, the baseline and an honest classmate."""
    kata_files(folder / HONEST, manifest.SOLUTIONS_DIR)
    kata_files(folder / BASELINE, manifest.KATAS_DIR)
    zeros = ADVERSARIAL / "ships_conftest_plugin" / "katas" / KATA / "activations.py.txt"
    shutil.copy(zeros, folder / BASELINE / "katas" / KATA / "activations.py")
    for trick in tricks:
        kata_files(folder / trick, manifest.KATAS_DIR)
        stage_adversarial(trick, folder / trick)
        learner_file = folder / trick / "katas" / KATA / "activations.py"
        learner_file.write_text(learner_file.read_text().replace("ANSWERS_PORT", str(port)))
    return folder


def home_with_keys(folder: Path) -> Path:
    """A home folder with a key in ~/.ssh, as an instructor's would have: lists_home_ssh
    reaches for it, whatever the home of the machine running these checks holds."""
    (folder / ".ssh").mkdir(parents=True, exist_ok=True)
    (folder / ".ssh" / "id_ed25519").write_text("a private key\n")
    return folder


def grade(folder: Path, out: Path, unconfined: str | None = None, *flags: str):
    """The grader's verdicts, with ``unconfined`` ("landlock", "refuse", "hook", "all") switched
    off (see landlock.TEST_SWITCH)."""
    home = home_with_keys(out.with_name(f"{out.name}-home"))
    with pytest.MonkeyPatch.context() as patch:  # os.environ as it was, after the block
        patch.setenv("HOME", str(home))
        if unconfined is None:
            patch.delenv(landlock.TEST_SWITCH, raising=False)
        else:
            patch.setenv(landlock.TEST_SWITCH, unconfined)
        result = grader("grade", str(folder), "--out", str(out), "-j", "1",
                        "--timeout", TEST_TIMEOUT, *flags)  # fmt: skip
    return result, (read_grades(out) if result.returncode == 0 else {})


def full_points() -> float:
    return float(manifest.by_id(KATA).points)


def got_the_answers(row: dict) -> bool:
    """Most of kata 01's points: its tests pass (its quiz, left as the stub, does not)."""
    return float(row[KATA]) > full_points() / 2


def refused(row: dict) -> bool:
    return f"{KATA}: refused access:" in row["status"]


@pytest.fixture(scope="module")
def confined(tmp_path_factory, answer_port):
    folder = make_class(tmp_path_factory.mktemp("class"), TRICKS, answer_port)
    result, grades = grade(folder, tmp_path_factory.mktemp("gradebook"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Landlock" not in result.stderr  # this machine has it: no warning
    return grades


@pytest.mark.parametrize("trick", TRICKS)
def test_a_trick_earns_nothing_and_is_reported_refused(confined, trick):
    row, baseline = confined[trick], confined[BASELINE]
    assert float(baseline[KATA]) < full_points() / 2  # the answers are wrong
    assert float(row[KATA]) <= float(baseline[KATA]), (row, baseline)
    assert refused(row), row["status"]


def test_confinement_leaves_honest_code_its_marks(confined):
    row = confined[HONEST]
    assert float(row[KATA]) == pytest.approx(full_points()), row
    assert "refused" not in row["status"]
    assert "refused" not in confined[BASELINE]["status"]


def test_landlock_alone_refuses_every_trick(tmp_path, answer_port):
    """The audit hook off: the kernel refuses what C code reads (numpy.fromfile, from_file)."""
    folder = make_class(tmp_path / "class", TRICKS, answer_port)
    result, grades = grade(folder, tmp_path / "out", "hook")
    assert result.returncode == 0, result.stderr[-3000:]
    for trick in TRICKS:
        assert float(grades[trick][KATA]) <= float(grades[BASELINE][KATA]), grades[trick]
        assert refused(grades[trick]), grades[trick]["status"]


# How the grader names what is missing, by how Landlock is lost (see landlock.TEST_SWITCH).
WITHOUT_LANDLOCK = {
    "landlock": "Landlock is not available",  # a kernel without it
    "refuse": "the kernel refuses a Landlock ruleset here",  # a kernel that offers and refuses
}


@pytest.mark.parametrize("lost", WITHOUT_LANDLOCK)
def test_without_landlock_reading_from_c_gets_the_answers(tmp_path, answer_port, lost):
    """torch.from_file opens its file in C, where the audit hook sees nothing: why the kernel's
    confinement is needed at all. The grader says in one line what is missing, and goes on."""
    from_c, from_python = "reads_solutions_with_torch_from_file", "reads_solutions_with_open"
    folder = make_class(tmp_path / "class", [from_c, from_python], answer_port)
    result, grades = grade(folder, tmp_path / "out", lost)
    assert result.returncode == 0, result.stderr[-3000:]
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and WITHOUT_LANDLOCK[lost] in warnings[0], result.stderr
    assert got_the_answers(grades[from_c]), grades[from_c]
    # What Python opens, the audit hook still refuses.
    assert float(grades[from_python][KATA]) <= float(grades[BASELINE][KATA])
    assert refused(grades[from_python]), grades[from_python]["status"]


def test_unconfined_every_answer_getting_trick_works(tmp_path, answer_port):
    """Both layers off: each trick earns the points, so the checks above can fail."""
    folder = make_class(tmp_path / "class", GETS_ANSWERS, answer_port)
    result, grades = grade(folder, tmp_path / "out", "all")
    assert result.returncode == 0, result.stderr[-3000:]
    for trick in GETS_ANSWERS:
        assert got_the_answers(grades[trick]), grades[trick]
        assert not refused(grades[trick]), grades[trick]["status"]


@pytest.mark.parametrize("lost", WITHOUT_LANDLOCK)
def test_strict_refuses_to_grade_without_landlock(tmp_path, answer_port, lost):
    folder = make_class(tmp_path / "class", [], answer_port)
    result, _ = grade(folder, tmp_path / "out", lost, "--strict")
    assert result.returncode == 2, result.stderr[-3000:]
    assert result.stderr.count("\n") == 1 and WITHOUT_LANDLOCK[lost] in result.stderr
    assert not (tmp_path / "out" / "grades.csv").exists()
