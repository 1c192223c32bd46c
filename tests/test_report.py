"""The class report (grading/report.py): built from results documents, rendered in a browser.

The page is rendered in headless Chromium (Debian's ``chromium``, installed by ``.ci/run``):
it must show every student and kata, and the browser's console must stay empty, which also
proves nothing was fetched (the report's Content-Security-Policy refuses every fetch, and the
browser says so on its console). A real class's report is checked in test_grader_instructor.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from grading import batch, report
from harness import manifest

KATAS = manifest.load()
CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def render(page: Path, scratch: Path, *action: str) -> tuple[str, list[str]]:
    """(what Chromium printed for ``page``, the lines its console printed).

    ``action`` defaults to printing the DOM Chromium built (``--dump-dom``).
    """
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does)")
    profile = scratch / "chromium-profile"
    command = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *(action or ["--dump-dom"])]
    ran = subprocess.run(
        [*command, page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    console = [line for line in ran.stderr.splitlines() if ":CONSOLE" in line]
    return ran.stdout, console


def assert_renders_cleanly(page: Path, scratch: Path) -> str:
    """The rendered page's DOM, after checking the browser printed nothing on its console."""
    dom, console = render(page, scratch)
    assert "</table>" in dom and "<svg" in dom, dom[:2000]
    assert not console, "\n".join(console)
    return dom


# --- a class of made-up results, as the batch grader writes them ---------------------------

TANH_HINT = "tanh'(x) = 1 - tanh(x)**2: square tanh(x), not x"


def document(student: str, share: float, status: str = "ok", diagnoses=()) -> dict:
    """A results document in the batch grader's format: ``share`` of every kata's points."""
    points = {kata.id: kata.points * share for kata in KATAS}
    failed = share < 1
    tests = [
        {
            "name": f"{kata.id} test_example",
            "score": 0.0 if failed else 1.0,
            "max_score": 1.0,
            "status": "failed" if failed else "passed",
            "output": f"tanh_grad(x) does not match torch.\n  hint: {TANH_HINT}" if failed else "",
        }
        for kata in KATAS
    ]
    return {
        "score": sum(points.values()),
        "tests": tests,
        "extra_data": {
            "student": student,
            "status": status,
            "katas": points,
            "max_total": sum(kata.points for kata in KATAS),
            "diagnoses": list(diagnoses),
        },
    }


TANH_MISTAKE = {"kata": "01", "function": "tanh_grad", "hint": TANH_HINT}
DTYPE_MISTAKE = {"kata": "04", "function": "linear_forward", "hint": "keep the dtype"}


@pytest.fixture(scope="module")
def documents() -> dict[str, dict]:
    made = [
        document("ana", 0.9, diagnoses=[TANH_MISTAKE]),
        document("ben <b>&</b>", 0.9, diagnoses=[TANH_MISTAKE, DTYPE_MISTAKE]),
        document("chloé", 0.9, diagnoses=[TANH_MISTAKE]),
        document("dan", 1.0),
        document("eve", 0.0, status="01: tanh_grad did not finish within 3 s"),
    ]
    return {d["extra_data"]["student"]: d for d in made}


def summary_of(documents: dict[str, dict], tmp_path: Path) -> dict:
    book = batch.Gradebook(tmp_path / "gradebook")
    book.documents.update(documents)
    return book.summary()


def test_common_mistakes_group_students_by_kata_function_and_hint(documents, tmp_path):
    mistakes = summary_of(documents, tmp_path)["common_mistakes"]
    assert mistakes[0] == {**TANH_MISTAKE, "students": ["ana", "ben <b>&</b>", "chloé"]}
    assert mistakes[1] == {**DTYPE_MISTAKE, "students": ["ben <b>&</b>"]}
    assert len(mistakes) == 2


def test_the_report_holds_every_part(documents, tmp_path):
    page = report.html_report(documents, summary_of(documents, tmp_path))
    for kata in KATAS:
        assert kata.title in page
    for student in ("ana", "chloé", "dan", "eve"):
        assert f">{student}</a>" in page
    assert "ben &lt;b&gt;&amp;&lt;/b&gt;" in page and "ben <b>" not in page  # escaped
    assert TANH_HINT.replace("'", "&#x27;") in page
    assert "did not finish within 3 s" in page
    assert "<img" not in page and "<script" not in page and "http://" not in page.split("<svg")[0]


def test_the_report_renders_in_chromium_with_a_clean_console(documents, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(report.html_report(documents, summary_of(documents, tmp_path)))
    dom = assert_renders_cleanly(page, tmp_path)
    for student in documents:
        assert student.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in dom
    for kata in KATAS:
        assert kata.title in dom


def test_a_fetch_from_the_report_shows_on_the_console(documents, tmp_path):
    """The console check can fail: a report that fetches an image is refused and reported."""
    page = tmp_path / "report.html"
    html = report.html_report(documents, summary_of(documents, tmp_path))
    page.write_text(html.replace("<h1>", '<img src="https://example.invalid/logo.png"><h1>'))
    _, console = render(page, tmp_path)
    assert any("Content Security Policy" in line for line in console), console


def test_the_report_prints(documents, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(report.html_report(documents, summary_of(documents, tmp_path)))
    pdf = tmp_path / "report.pdf"
    render(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_hints_that_differ_only_in_their_numbers_are_one_mistake(tmp_path):
    """A hint may quote the test's input ("divided by the 4 positions"): still one mistake."""
    hint = "sum, not mean: your grad_W is torch's divided by the {} positions"
    made = [
        document(student, 0.9, diagnoses=[{**DTYPE_MISTAKE, "hint": hint.format(n)}])
        for student, n in (("ana", 2), ("ben", 4), ("chloé", 4))
    ]
    documents = {d["extra_data"]["student"]: d for d in made}
    made[0]["extra_data"]["diagnoses"].append({**DTYPE_MISTAKE, "hint": hint.format(6)})
    mistakes = summary_of(documents, tmp_path)["common_mistakes"]
    assert len(mistakes) == 1, mistakes
    assert mistakes[0]["students"] == ["ana", "ben", "chloé"]
    assert mistakes[0]["hint"] == hint.format(2)  # the first one found, shown as it was
