"""The repository's promises to learners and instructors, checked on the real files.

1. every kata test passes on solutions/;
2. every kata test fails on the untouched stubs (no test is vacuous);
3. (tests/test_catalogue.py) every catalogued mistake is rejected;
4. the learner's path works with solutions/ removed, and copying a solution in makes it pass;
5. the manifest, the folders and the README's table agree.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from grading.export import export_student_copy
from harness import manifest

KATAS = manifest.load()
KATA_IDS = [kata.id for kata in KATAS]


@pytest.fixture(scope="module")
def solution_run(worker):
    return worker.run(KATA_IDS, manifest.SOLUTIONS_DIR, timeout=600)


@pytest.fixture(scope="module")
def stub_run(worker):
    return worker.run(KATA_IDS, None, timeout=600)


@pytest.mark.parametrize("kata_id", KATA_IDS)
def test_every_kata_test_passes_on_the_solutions(solution_run, kata_id):
    results = solution_run.for_kata(kata_id)
    assert results, f"kata {kata_id} has no tests"
    failed = [r for r in results if not r.passed]
    assert not failed, "\n---\n".join(f"{r.nodeid}\n{r.message}" for r in failed[:3])


@pytest.mark.parametrize("kata_id", KATA_IDS)
def test_every_kata_test_fails_on_the_untouched_stubs(stub_run, kata_id):
    results = stub_run.for_kata(kata_id)
    assert results, f"kata {kata_id} has no tests"
    vacuous = [r.nodeid for r in results if r.passed]
    assert not vacuous, f"these tests pass on the untouched stub: {vacuous}"


@pytest.mark.parametrize("kata_id", KATA_IDS)
def test_stub_failures_are_one_short_line_not_a_traceback(stub_run, kata_id):
    for result in stub_run.for_kata(kata_id):
        assert "Traceback" not in result.message and len(result.message.splitlines()) <= 3, (
            f"{result.nodeid} fails on the stub with a long report:\n{result.message}"
        )


@pytest.fixture(scope="module")
def student_copy(tmp_path_factory):
    """What an instructor hands out: no solutions/, no repository checks."""
    destination = tmp_path_factory.mktemp("handout") / "nn-katas"
    export_student_copy(destination)
    return destination


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_handout_has_no_solutions_and_no_repository_checks(student_copy):
    assert not (student_copy / "solutions").exists()
    assert not (student_copy / "tests").exists()
    assert (student_copy / "katas" / "katas.toml").is_file()


def test_learner_path_works_without_solutions(student_copy):
    result = run_pytest(student_copy, "katas", "-q")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]  # tests failed; not a usage or collection error
    closing = output.strip().splitlines()[-1]
    assert "failed" in closing and "error" not in closing, closing
    assert "not implemented yet (katas/01/activations.py): sigmoid" in output


def test_copying_the_solutions_in_makes_every_kata_pass(tmp_path):
    solved = tmp_path / "solved"
    export_student_copy(solved, solved=KATA_IDS)
    result = run_pytest(solved, "katas", "-q")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


ADVERSARIAL = Path(__file__).parent / "adversarial"
# Names pytest would load as code: a test module, a conftest, a plugin, or settings.
LIVE_NAMES = ("*.py", "*.ini", "*.toml", "*.cfg")


def test_cheating_fixtures_are_stored_as_inert_data():
    """A cheater's conftest once ran as this repository's own and turned every test green."""
    live = [p for pattern in LIVE_NAMES for p in ADVERSARIAL.rglob(pattern)]
    assert not live, f"store these as NAME.txt (staged under their real names by the test): {live}"
    assert list(ADVERSARIAL.rglob("*.py.txt")), "the cheating fixtures are missing"


def test_kata_tests_never_import_solutions():
    for test_file in manifest.KATAS_DIR.glob("*/test_*.py"):
        tree = ast.parse(test_file.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.split(".")[0] == "solutions" for n in names), test_file
        assert "solutions" not in test_file.read_text().replace("--solutions", ""), test_file


def test_manifest_and_folders_agree():
    ids = [kata.id for kata in KATAS]
    assert ids == sorted(ids) and len(set(ids)) == len(ids), "kata ids must be unique and ordered"
    folders = [p for p in manifest.KATAS_DIR.iterdir() if p.is_dir() and p.name.isdigit()]
    on_disk = sorted(p.name for p in folders)
    assert on_disk == ids
    for kata in KATAS:
        assert kata.points > 0 and kata.title and kata.hints, kata.id
        assert all(h.strip() and h != "TODO" for h in kata.hints), f"kata {kata.id} hints"
        assert (kata.folder / "README.md").is_file(), kata.id
        assert list(kata.folder.glob("test_*.py")), kata.id
        for name in kata.files:
            assert (kata.folder / name).is_file(), f"katas/{kata.id}/{name}"
            solution = manifest.SOLUTIONS_DIR / kata.id / name
            assert solution.is_file(), f"solutions/{kata.id}/{name}"


def earlier_katas_reached(folder: Path) -> set[str]:
    """The kata ids a kata's files pass to ``earlier_kata("NN", ...)``."""
    reached = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "earlier_kata"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                reached.add(node.args[0].value)
    return reached


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_builds_on_names_every_earlier_kata_the_code_reaches(kata):
    # The grader's tests expect a broken kata to cost the katas built on it, and no others.
    for folder in (kata.folder, manifest.SOLUTIONS_DIR / kata.id):
        assert earlier_katas_reached(folder) == set(kata.builds_on), (folder, kata.builds_on)
    assert all(earlier < kata.id for earlier in kata.builds_on), "a kata builds on earlier ones"


def test_readme_table_matches_the_manifest():
    readme = manifest.README_PATH.read_text()
    table = manifest.readme_table(KATAS)
    assert f"{manifest.TABLE_START}\n{table}\n{manifest.TABLE_END}" in readme, (
        "README.md's kata table is out of date: run `python -m harness.manifest`"
    )


# --- CONTRIBUTING.md: what it tells a contributor to write must exist ---------------------

CONTRIBUTING = manifest.ROOT / "CONTRIBUTING.md"
CATALOGUE = Path(__file__).parent
MIN_MISTAKES, MIN_ALTERNATIVES = 15, 3  # per kata, as CONTRIBUTING.md asks


def contributing_code(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", CONTRIBUTING.read_text(), flags=re.DOTALL)


def test_contributing_examples_import_what_exists():
    blocks = contributing_code("python")
    assert blocks, "CONTRIBUTING.md has no Python examples"
    for block in blocks:
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.ImportFrom) and node.module.split(".")[0] == "harness":
                module = importlib.import_module(node.module)
                for alias in node.names:
                    assert hasattr(module, alias.name), f"{node.module}.{alias.name}"


def test_contributing_layout_is_kata_01s_layout():
    """The file list at the top of CONTRIBUTING.md, with NN = 01, matches the real kata 01."""
    kata = manifest.by_id("01")
    stub = next(name for name in kata.files if name != "quiz.py")
    layout = contributing_code("")[0]
    for line in layout.splitlines():
        pattern = line.split()[0].replace("NN", "01").replace("<module>", stub.removesuffix(".py"))
        pattern = re.sub(r"<\w+>", "*", pattern)  # <what_goes_wrong>.py: any entry
        assert list(manifest.ROOT.glob(pattern)), f"CONTRIBUTING.md lists {line.split()[0]}"


@pytest.mark.parametrize("kata_id", KATA_IDS)
def test_every_kata_has_its_catalogue(kata_id):
    mistakes = list((CATALOGUE / "mistakes" / kata_id).glob("*.py"))
    alternatives = list((CATALOGUE / "alternatives" / kata_id).glob("*.py"))
    assert len(mistakes) >= MIN_MISTAKES, f"kata {kata_id}: {len(mistakes)} mistakes"
    assert len(alternatives) >= MIN_ALTERNATIVES, f"kata {kata_id}: {len(alternatives)} alts"


def test_readme_lists_every_failure_kind():
    """The README's table of failure kinds is harness/outcomes.py's list, in its order."""
    from harness import outcomes

    readme = manifest.README_PATH.read_text()
    table = readme.split("A failure's `kind` is one of", 1)[1].split("\n\n")[1]
    listed = re.findall(r"^\| `(\w+)` \| ", table, flags=re.MULTILINE)
    assert listed == [kind for kind in outcomes.KINDS if kind != outcomes.PASSED], listed
