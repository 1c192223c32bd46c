"""The instructor's grader, driven as an instructor drives it: real submissions, real processes.

Submissions are built from the reference solutions and the stubs, then broken on purpose:
bad input of every kind, and an adversarial submission for each way of cheating
(tests/adversarial/). Each must end with a score and a clear status, and none may change
anyone else's grade.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from harness import manifest
from harness.sandbox import landlock

KATAS = manifest.load()
KATA_IDS = [kata.id for kata in KATAS]
MAX_TOTAL = sum(kata.points for kata in KATAS)
ADVERSARIAL = Path(__file__).parent / "adversarial"
TEST_TIMEOUT = "6"  # seconds a test may take: short, so the endless loop costs little here,
# yet twice what the capstone's training takes on a busy 2-core machine


def grader(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(manifest.ROOT / "grader.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def make_submission(folder: Path, student: str, base: str = "solutions", edits=None) -> Path:
    """A copy of the repository's katas/ as a student hands it in, with ``edits`` applied.

    ``edits`` maps "NN/file.py" to text to append, or to None to delete the file.
    """
    root = folder / student
    for kata in KATAS:
        source = manifest.SOLUTIONS_DIR if base == "solutions" else manifest.KATAS_DIR
        (root / "katas" / kata.id).mkdir(parents=True, exist_ok=True)
        for name in kata.files:
            shutil.copy(source / kata.id / name, root / "katas" / kata.id / name)
    for relative, text in (edits or {}).items():
        path = root / "katas" / relative
        if text is None:
            path.unlink()
        else:
            path.write_text(path.read_text() + "\n\n" + text)
    return root


def read_grades(out: Path) -> dict[str, dict]:
    with open(out / "grades.csv", newline="") as f:
        return {row["student"]: row for row in csv.DictReader(f)}


def kata_points(row: dict, kata_id: str) -> float:
    return float(row[kata_id])


def full_points(kata_id: str) -> float:
    return float(manifest.by_id(kata_id).points)


# --- bad input of every kind -----------------------------------------------------------------

BAD_INPUT = {
    # student: (the kata it breaks, what to append or delete, words the status must contain)
    "missing_file": ("02", {"02/derivatives.py": None}, "missing 02/derivatives.py"),
    "syntax_error": ("03", {"03/vanishing.py": "def broken(:\n"}, "syntax error"),
    "import_error": ("04", {"04/linear.py": "raise RuntimeError('at import')\n"}, "imported"),
    "infinite_loop": (
        "01",
        {"01/activations.py": "def tanh_grad(x):\n    while True:\n        pass\n"},
        "did not finish",
    ),
    "segfault": (
        "06",
        {
            "06/backprop.py": "import faulthandler\n\n"
            "def mse_loss(pred, target):\n    faulthandler._sigsegv()\n"
        },
        "ended the learner's process",
    ),
    "exits_zero": (
        "06",
        {"06/backprop.py": "import sys\n\ndef mse_loss(pred, target):\n    sys.exit(0)\n"},
        "",
    ),
    "os_exit_zero": (
        "07",
        {"07/sgd.py": "import os\n\ndef sgd_step(*args, **kwargs):\n    os._exit(0)\n"},
        "ended the learner's process",
    ),
    "memory_bomb": (
        "04",
        {
            "04/linear.py": "def linear_forward(x, W, b=None):\n"
            "    hog = bytearray(64 * 1024**3)\n    return hog\n"
        },
        "",
    ),
    "chatty": (
        "03",
        {
            "03/vanishing.py": "print('x' * 5_000_000)\n\n"
            "def forward_chain(*args, **kwargs):\n    print('y' * 5_000_000)\n    return []\n"
        },
        "",
    ),
}


# The same mistake, made by three students: the class report groups it into one entry.
TANH_STUDENTS = ("tanh_ana", "tanh_ben", "tanh_chloé")
TANH_FROM_X = "def tanh_grad(x):\n    return 1 - x**2\n"


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    make_submission(folder, "honest")
    zipped = make_submission(folder, "zipped_tmp")
    with zipfile.ZipFile(folder / "zipped.zip", "w") as archive:  # a .zip wrapping a folder
        for path in zipped.rglob("*"):
            archive.write(path, Path("my-repo") / path.relative_to(zipped))
    shutil.rmtree(zipped)
    make_submission(folder, "stubs_only", base="stubs")
    (folder / "empty").mkdir()
    for student, (_, edits, _) in BAD_INPUT.items():
        make_submission(folder, student, edits=edits)
    for student in TANH_STUDENTS:
        make_submission(folder, student, edits={"01/activations.py": TANH_FROM_X})
    out = tmp_path_factory.mktemp("gradebook")
    result = grader("grade", str(folder), "--out", str(out), "-j", "2", "--timeout", TEST_TIMEOUT)
    return out, result


def test_grading_a_class_finishes_and_writes_every_output(graded_class):
    out, result = graded_class
    assert result.returncode == 0, result.stderr[-3000:]
    grades = read_grades(out)
    expected = {"honest", "zipped", "stubs_only", "empty", *BAD_INPUT, *TANH_STUDENTS}
    assert set(grades) == expected
    with open(out / "grades.csv", newline="") as f:
        header = next(csv.reader(f))
    assert header == ["student", *KATA_IDS, "total", "max_total", "status"]
    assert (out / "summary.json").is_file()
    assert "mean score" in result.stdout


def test_honest_submissions_get_full_marks(graded_class):
    out, _ = graded_class
    for student in ("honest", "zipped"):
        row = read_grades(out)[student]
        assert float(row["total"]) == pytest.approx(MAX_TOTAL), row
        assert row["status"] == "ok"


def test_stubs_and_empty_submissions_score_zero_with_a_status(graded_class):
    out, _ = graded_class
    grades = read_grades(out)
    assert float(grades["stubs_only"]["total"]) == 0.0
    assert float(grades["empty"]["total"]) == 0.0
    assert "no kata files found" in grades["empty"]["status"]


@pytest.mark.parametrize("student", BAD_INPUT)
def test_bad_input_costs_only_its_own_kata(graded_class, student):
    out, _ = graded_class
    broken_kata, _, status_words = BAD_INPUT[student]
    row = read_grades(out)[student]
    assert kata_points(row, broken_kata) < full_points(broken_kata), row
    # A kata that runs the learner's code from the broken one (the capstone) may lose points too.
    costs = {k.id for k in manifest.load() if k.id == broken_kata or broken_kata in k.builds_on}
    for kata_id in KATA_IDS:
        if kata_id not in costs:
            assert kata_points(row, kata_id) == pytest.approx(full_points(kata_id)), (kata_id, row)
    assert status_words in row["status"], row["status"]


def test_a_missing_file_is_named_once_in_the_status(graded_class):
    # The status lists missing files itself; the kata's own problem (of kind missing_file)
    # would only say it again.
    out, _ = graded_class
    status = read_grades(out)["missing_file"]["status"]
    assert status.count("derivatives.py") == 1, status


def test_results_follow_gradescopes_format(graded_class):
    out, _ = graded_class
    for path in (out / "results").glob("*.json"):
        document = json.loads(path.read_text())
        assert {"score", "execution_time", "output", "tests"} <= set(document)
        assert document["tests"], path
        for test in document["tests"]:
            assert {"name", "score", "max_score", "status", "output"} <= set(test)
            assert test["status"] in ("passed", "failed")
            assert 0 <= test["score"] <= test["max_score"]
        assert document["score"] == pytest.approx(sum(t["score"] for t in document["tests"]))
        total = float(read_grades(out)[path.stem]["total"])  # two decimals in the CSV
        assert document["score"] == pytest.approx(total, abs=0.005)


def test_class_summary(graded_class):
    out, _ = graded_class
    summary = json.loads((out / "summary.json").read_text())
    assert summary["students"] == len(read_grades(out))
    assert set(summary["katas"]) == set(KATA_IDS)
    assert summary["most_failed_tests"], summary
    assert 0 <= summary["katas"]["01"]["pass_rate"] <= 1


def test_common_mistakes_group_the_students_who_made_one(graded_class):
    out, result = graded_class
    mistakes = json.loads((out / "summary.json").read_text())["common_mistakes"]
    tanh = [m for m in mistakes if (m["kata"], m["function"]) == ("01", "tanh_grad")]
    assert len(tanh) == 1, tanh  # one entry, not one per student or per failing test
    assert sorted(tanh[0]["students"]) == sorted(TANH_STUDENTS), tanh
    assert "not x" in tanh[0]["hint"], tanh  # the kata's own diagnosis of this mistake
    assert all(m["hint"] and m["students"] for m in mistakes), mistakes
    assert "tanh_grad" in result.stdout  # the terminal summary names it too


def test_the_class_report_shows_everyone_in_a_browser(graded_class, tmp_path):
    from tests.test_report import assert_renders_cleanly

    out, _ = graded_class
    page = assert_renders_cleanly(out / "report.html", tmp_path)
    for student in read_grades(out):
        assert student in page, student
    for kata in KATAS:
        assert kata.title in page, kata.id
    assert "tanh'(x) = 1 - tanh(x)**2" in page
    assert "did not finish" in page  # the endless loop's student, under problems


def test_a_failed_test_explains_itself(graded_class):
    out, _ = graded_class
    document = json.loads((out / "results" / "syntax_error.json").read_text())
    failed = [t for t in document["tests"] if t["status"] == "failed"]
    assert failed and all("03/vanishing.py" in t["output"] for t in failed)
    assert all("syntax error" in t["output"] for t in failed)


# --- command lines the grader cannot act on --------------------------------------------------


def unprivileged() -> list[str]:
    """A prefix under which root obeys file modes, when these tests run as root (who reads all).

    Root keeps its user id, so it can still read the repository wherever CI cloned it (a
    private temporary folder, say), but loses the capabilities that bypass permission bits.
    """
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot test a folder root could not read")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def shared_tmp():
    """A scratch folder nobody may enter, for the cases run as nobody."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="grader-cli-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def one_student(folder: Path) -> Path:
    (folder / "alice" / "katas").mkdir(parents=True)
    return folder


def bad_command_lines(root: Path) -> dict[str, tuple[list[str], list[str], str]]:
    """case: (prefix, grader arguments, words the one line must hold)."""
    class_ = one_student(root / "class")
    (root / "a_file").write_text("not a folder")
    (root / "empty").mkdir()
    bad_zip = one_student(root / "bad_zip")
    (bad_zip / "bob.zip").write_text("PK? no, just text")
    twins = one_student(root / "twins")
    with zipfile.ZipFile(twins / "Alice.zip", "w") as archive:
        archive.writestr("katas/01/activations.py", "")
    (root / "locked").mkdir()
    (root / "locked").chmod(0o000)
    (root / "read_only").mkdir()
    (root / "read_only").chmod(0o555)
    out, locked = str(root / "out"), str(root / "locked")
    grade, nobody = ["grade", str(class_)], unprivileged()
    read_only = ["--out", str(root / "read_only" / "out")]
    return {
        "missing folder": ([], ["grade", str(root / "nope"), "--out", out], "does not exist"),
        "unreadable folder": (nobody, ["grade", locked, "--out", out], "cannot read"),
        "--out is a file": ([], [*grade, "--out", str(root / "a_file")], "is a file"),
        "--out not writable": (nobody, [*grade, *read_only], "not writable"),
        "-j 0": ([], [*grade, "--out", out, "-j", "0"], "-j must be 1 or more"),
        "-j -3": ([], [*grade, "--out", out, "-j", "-3"], "-j must be 1 or more"),
        "empty class": ([], ["grade", str(root / "empty"), "--out", out], "holds no submissions"),
        "not a zip": ([], ["grade", str(bad_zip), "--out", out], "bob.zip is not a zip file"),
        "same student twice": ([], ["grade", str(twins), "--out", out], "Alice.zip and alice"),
        "handout over a folder": ([], ["export-student", str(class_)], "already exists"),
        "bundle in no folder": ([], ["gradescope", str(root / "nope" / "a.zip")], "does not exist"),
    }  # fmt: skip


CASES = [
    "missing folder", "unreadable folder", "--out is a file", "--out not writable", "-j 0",
    "-j -3", "empty class", "not a zip", "same student twice", "handout over a folder",
    "bundle in no folder",
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_bad_command_line_gets_one_line_and_exit_2(shared_tmp, case):
    prefix, arguments, words = bad_command_lines(shared_tmp)[case]
    command = [*prefix, sys.executable, str(manifest.ROOT / "grader.py"), *arguments]
    ran = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 2, (ran.returncode, ran.stderr[-2000:])
    assert len(ran.stderr.strip().splitlines()) == 1 and "Traceback" not in ran.stderr, ran.stderr
    assert words in ran.stderr, ran.stderr
    assert not (shared_tmp / "out").exists()  # refused before anything was written


def test_the_summary_counts_problems_in_good_grammar(capsys):
    from grading import instructor

    summary = {
        "students": 1,
        "mean_score": 0.0,
        "max_score": MAX_TOTAL,
        "katas": {},
        "most_failed_tests": [],
        "common_mistakes": [],
        "problems": {"bob": "no kata files found"},
    }
    instructor.print_summary(summary, Path("gradebook"))
    printed = " ".join(capsys.readouterr().out.split())
    assert "1 student," in printed and "1 submission has problems" in printed, printed


# --- cheating ------------------------------------------------------------------------------


def stage_adversarial(case: str, root: Path) -> None:
    """Lay an adversarial case's files over ``root`` under their real names.

    The fixtures are stored as ``NAME.txt`` so that no pytest run of this repository can load
    them as a conftest, plugin or test; only a scratch copy ever holds them as code.
    """
    for stored in (ADVERSARIAL / case).rglob("*.txt"):
        target = root / stored.relative_to(ADVERSARIAL / case).with_suffix("")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(stored, target)


def overlay(folder: Path, student: str, case: str) -> Path:
    """The untouched stubs with an adversarial case's files laid over them."""
    root = make_submission(folder, student, base="stubs")
    stage_adversarial(case, root)
    return root


CHEATS = sorted(p.name for p in ADVERSARIAL.iterdir() if p.is_dir())


PATCHER = """
import numpy as _np
import torch as _torch
import pytest as _pytest

_np.tanh = lambda x, *a, **k: _np.zeros_like(x)
_np.exp = lambda x, *a, **k: _np.ones_like(x)
_np.allclose = lambda *a, **k: False
_torch.tanh = lambda t, *a, **k: t * 0
_torch.Tensor.backward = lambda self, *a, **k: None
_pytest.fail = lambda *a, **k: None
"""


# Graded in name order, one at a time: a patcher first, an honest student, every cheater, and
# an honest student last, so that what one submission patches could reach the next.
PATCHER_STUDENT = "a_patcher"
HONEST_STUDENTS = ("an_honest_student", "zz_honest_after_every_cheater")


@pytest.fixture(scope="module")
def graded_cheaters(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cheaters")
    make_submission(folder, PATCHER_STUDENT, edits={"01/activations.py": PATCHER})
    for student in HONEST_STUDENTS:
        make_submission(folder, student)
    # The same wrong answers without any trick: what each cheater has honestly earned.
    baseline = make_submission(folder, "zeros_without_tricks", base="stubs")
    shutil.copy(ADVERSARIAL / "ships_conftest_plugin" / "katas" / "01" / "activations.py.txt",
                baseline / "katas" / "01" / "activations.py")  # fmt: skip
    for case in CHEATS:
        overlay(folder, case, case)
    out = tmp_path_factory.mktemp("cheat-gradebook")
    result = grader("grade", str(folder), "--out", str(out), "-j", "1", "--timeout", TEST_TIMEOUT)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.mark.parametrize("case", CHEATS)
def test_cheating_earns_nothing(graded_cheaters, case):
    grades = read_grades(graded_cheaters)
    honest_effort = grades["zeros_without_tricks"]
    assert float(honest_effort["01"]) < full_points("01") / 2  # the answers are wrong
    row = grades[case]
    # Never more than the same answers earn without tricks (a trick that garbles the
    # sandbox's channel earns less: every one of its calls fails).
    for column in (*KATA_IDS, "total"):
        assert float(row[column]) <= float(honest_effort[column]), (column, row, honest_effort)


def test_cheaters_leave_an_honest_students_results_alone(graded_cheaters):
    row = read_grades(graded_cheaters)["an_honest_student"]
    assert float(row["total"]) == pytest.approx(MAX_TOTAL), row
    document = json.loads((graded_cheaters / "results" / "an_honest_student.json").read_text())
    assert document["extra_data"]["student"] == "an_honest_student"
    assert all(t["status"] == "passed" for t in document["tests"])


def test_a_patching_submission_cannot_change_another_ones_results(graded_cheaters):
    """Honest students graded before (an_) and after (zz_) every patcher and cheater."""
    grades = read_grades(graded_cheaters)
    assert PATCHER_STUDENT in grades
    for student in HONEST_STUDENTS:
        assert float(grades[student]["total"]) == pytest.approx(MAX_TOTAL), grades[student]
        document = json.loads((graded_cheaters / "results" / f"{student}.json").read_text())
        assert all(t["status"] == "passed" for t in document["tests"]), student


# --- interrupted and resumed ---------------------------------------------------------------


@pytest.fixture(scope="module")
def small_class(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small-class")
    make_submission(folder, "s1")
    make_submission(folder, "s2", base="stubs")
    make_submission(folder, "s3", edits=BAD_INPUT["syntax_error"][1])
    make_submission(folder, "s4", edits={"05/autograd.py": None})
    (folder / "s5").mkdir()
    return folder


def test_an_interrupted_run_keeps_finished_grades_and_resume_matches_a_full_run(
    small_class, tmp_path
):
    full = tmp_path / "full"
    assert grader("grade", str(small_class), "--out", str(full), "-j", "1").returncode == 0

    out = tmp_path / "interrupted"
    command = [sys.executable, str(manifest.ROOT / "grader.py"), "grade", str(small_class)]
    process = subprocess.Popen(
        [*command, "--out", str(out), "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not list((out / "results").glob("*.json")):
        time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr[-2000:]
    assert "--resume" in stderr
    kept = {p.stem for p in (out / "results").glob("*.json")}
    assert kept and len(kept) < 5, kept
    assert set(read_grades(out)) == kept  # the gradebook so far: the finished students
    for student in kept:
        json.loads((out / "results" / f"{student}.json").read_text())  # whole, not half

    resumed = grader("grade", str(small_class), "--out", str(out), "-j", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert (out / "grades.csv").read_text() == (full / "grades.csv").read_text()


# --- Gradescope and the handout ------------------------------------------------------------


def gradescope_root(base: Path, submission: Path | None) -> Path:
    """An /autograder folder as Gradescope lays it out: the bundle in source/, the submission."""
    bundle = base / "autograder.zip"
    made = grader("gradescope", str(bundle))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert "setup.sh" in names and "run_autograder" in names
        assert not any(name.startswith(("solutions/", "tests/")) for name in names)
        assert (archive.getinfo("run_autograder").external_attr >> 16) & 0o111
        archive.extractall(base / "autograder" / "source")
    root = base / "autograder"
    if submission is None:
        (root / "submission").mkdir()
    else:
        shutil.copytree(submission, root / "submission")
    (root / "source" / "run_autograder").chmod(0o755)
    return root


def run_autograder(root: Path, **extra: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable}
    return subprocess.run(
        [str(root / "source" / "run_autograder")],
        env=environment | extra,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_gradescope_bundle_grades_a_submission_like_the_batch_grader(tmp_path, small_class):
    root = gradescope_root(tmp_path, small_class / "s3")
    ran = run_autograder(root)
    assert ran.returncode == 0, ran.stderr[-3000:]
    if landlock.missing_protection() is None:
        assert "warning" not in ran.stdout, ran.stdout
    document = json.loads((root / "results" / "results.json").read_text())
    batch = tmp_path / "batch"
    grader("grade", str(small_class), "--out", str(batch), "-j", "2")
    expected = json.loads((batch / "results" / "s3.json").read_text())
    assert document["score"] == pytest.approx(expected["score"])
    statuses = [(t["name"], t["status"]) for t in document["tests"]]
    assert statuses == [(t["name"], t["status"]) for t in expected["tests"]]


@pytest.mark.posix_only("the grading sandbox forks and sets POSIX resource limits")
def test_gradescope_tells_the_instructor_what_protection_is_missing(tmp_path):
    """Without Landlock, the autograder's output (which Gradescope shows the instructor only)
    names what is missing in one line, and the submission is still graded."""
    root = gradescope_root(tmp_path, None)
    ran = run_autograder(root, **{landlock.TEST_SWITCH: "landlock"})
    assert ran.returncode == 0, ran.stderr[-3000:]
    warnings = [line for line in ran.stdout.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "Landlock is not available" in warnings[0], ran.stdout
    document = json.loads((root / "results" / "results.json").read_text())
    assert document["score"] == 0 and document["tests"], document


def test_export_student_writes_a_handout_that_runs(tmp_path):
    handout = tmp_path / "handout"
    made = grader("export-student", str(handout))
    assert made.returncode == 0, made.stderr
    assert not (handout / "solutions").exists() and not (handout / "tests").exists()
    progress = subprocess.run(
        [sys.executable, "grader.py", "--json"],
        cwd=handout,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert progress.returncode == 0, progress.stderr[-3000:]
    assert grader("export-student", str(handout)).returncode != 0  # never overwrites


@pytest.mark.posix_only("the Landlock trial runs in a forked child")
def test_a_landlock_trial_that_fails_is_not_taken_for_a_refusal(monkeypatch):
    """Only an errno from the kernel is named as its refusal; a trial that broke says so."""

    def broken(readable):
        raise ZeroDivisionError

    def refused(readable):
        raise OSError(errno.EPERM, "Landlock: refused")

    monkeypatch.setattr(landlock, "confine", broken)
    assert landlock.refused_here() == "the trial process failed before Landlock answered"
    monkeypatch.setattr(landlock, "confine", refused)
    assert landlock.refused_here() == os.strerror(errno.EPERM)
