"""Grades a whole class: one isolated, sandboxed run per student, every result kept on disk.

Each student's files are staged on their own, judged by the grader's pristine tests in a child
forked from a warm worker, with the learner's code in a sandbox of its own (harness/sandbox/).
A student's results file is written, atomically, the moment that student is graded, so an
interrupted run loses nothing and ``--resume`` grades only those still missing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import queue
import re
import signal
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from grading import report, scoring, submissions
from harness import engine, limits, manifest, outcomes
from harness.worker import Worker


@dataclass
class Settings:
    test_timeout: float = limits.SECONDS_PER_TEST  # pytest-timeout's limit for one test
    submission_timeout: float = limits.SECONDS_PER_SUBMISSION  # enforced by the parent

    def pytest_extra(self) -> list[str]:
        return ["--sandbox", f"--timeout={self.test_timeout:g}"]


# --- one student -----------------------------------------------------------------------------


def judge(staged: submissions.Staged, settings: Settings, worker: Worker | None) -> engine.Run:
    """All kata tests for one staged submission, in a worker when there is one."""
    katas = [kata.id for kata in manifest.load()]
    if worker is not None:
        return worker.run(katas, staged.root, settings.submission_timeout, settings.pytest_extra())
    return engine.run_forked(
        katas, staged.root, timeout=settings.submission_timeout, extra=settings.pytest_extra()
    )


def results_document(student: str, staged: submissions.Staged, run: engine.Run) -> dict:
    """The student's results in Gradescope's results.json format, plus per-kata points."""
    for result in run.results:  # name files as the student knows them, not by a scratch path
        result.message = result.message.replace(f"{staged.root}/", "")
    katas = manifest.load()
    scores = scoring.score_run(katas, run)
    tests = []
    for score in scores:
        each = score.kata.points / score.total if score.total else 0.0
        for result in run.for_kata(score.kata.id):
            tests.append(
                {
                    "name": f"{score.kata.id} {result.name}",
                    "score": each if result.passed else 0.0,
                    "max_score": each,
                    "status": "passed" if result.passed else "failed",
                    "output": "" if result.passed else scoring.teaching_message(result.message),
                }
            )
    status = describe_status(staged, run, scores)
    total = round(sum(test["score"] for test in tests), 6)
    lines = [f"{s.kata.id} {s.kata.title}: {s.points_earned:.2f}/{s.kata.points}" for s in scores]
    return {
        "score": total,
        "execution_time": round(run.seconds, 3),
        "output": f"status: {status}\n" + "\n".join(lines),
        "tests": tests,
        "extra_data": {
            "student": student,
            "status": status,
            "katas": {s.kata.id: round(s.points_earned, 6) for s in scores},
            "max_total": sum(k.points for k in katas),
            "diagnoses": diagnoses(run),
        },
    }


def diagnoses(run: engine.Run) -> list[dict]:
    """Each distinct (kata, function, hint) the student's failed tests gave, as data."""
    found = {
        (result.kata, result.function, result.hint): None
        for result in run.results
        if not result.passed and result.hint
    }
    return [{"kata": kata, "function": function, "hint": hint} for kata, function, hint in found]


def describe_status(staged: submissions.Staged, run: engine.Run, scores) -> str:
    """'ok', or what went wrong in a few words."""
    notes = list(staged.problems)
    if not staged.found:
        notes.append("no kata files found")
    elif staged.missing:
        shown = ", ".join(staged.missing[:3]) + (" …" if len(staged.missing) > 3 else "")
        notes.append(f"missing {shown}")
    if run.stopped_by is not None:
        notes.append(f"tests {run.status}")
    for score in scores:
        if score.problem and score.problem_kind != outcomes.MISSING_FILE:  # said above
            notes.append(f"{score.kata.id}: {score.problem[: limits.STATUS_NOTE_LIMIT]}")
    return "; ".join(notes) if notes else "ok"


# --- the class -------------------------------------------------------------------------------


class Gradebook:
    """Everything under OUT: results/<student>.json, grades.csv and summary.json."""

    def __init__(self, out: Path):
        self.out = out
        self.results_dir = out / "results"
        self.results_dir.mkdir(parents=True, exist_ok=True)
        self.documents: dict[str, dict] = {}
        self.lock = threading.Lock()

    def load_finished(self) -> None:
        for path in sorted(self.results_dir.glob("*.json")):
            try:
                document = json.loads(path.read_text())
                self.documents[document["extra_data"]["student"]] = document
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged file: that student is graded again

    def record(self, student: str, document: dict) -> None:
        with self.lock:
            write_atomically(
                self.results_dir / f"{student}.json", json.dumps(document, indent=2) + "\n"
            )
            self.documents[student] = document
            self.write_grades()

    def write_grades(self) -> None:
        kata_ids = [kata.id for kata in manifest.load()]
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(["student", *kata_ids, "total", "max_total", "status"])
        for student in sorted(self.documents):
            extra = self.documents[student]["extra_data"]
            points = [f"{extra['katas'].get(k, 0.0):.2f}" for k in kata_ids]
            total = f"{self.documents[student]['score']:.2f}"
            writer.writerow([student, *points, total, extra["max_total"], extra["status"]])
        write_atomically(self.out / "grades.csv", text.getvalue())

    def summary(self) -> dict:
        katas = manifest.load()
        documents = list(self.documents.values())
        count = len(documents)
        failed = Counter(
            test["name"]
            for document in documents
            for test in document["tests"]
            if test["status"] == "failed"
        )
        per_kata = {}
        for kata in katas:
            points = [d["extra_data"]["katas"].get(kata.id, 0.0) for d in documents]
            per_kata[kata.id] = {
                "title": kata.title,
                "mean_points": round(sum(points) / count, 3) if count else 0.0,
                "max_points": kata.points,
                "pass_rate": round(sum(p >= kata.points - 1e-9 for p in points) / count, 3)
                if count
                else 0.0,
            }
        return {
            "students": count,
            "mean_score": round(sum(d["score"] for d in documents) / count, 3) if count else 0.0,
            "max_score": sum(k.points for k in katas),
            "katas": per_kata,
            "most_failed_tests": [
                {"name": name, "students": n} for name, n in failed.most_common(10)
            ],
            "problems": {
                d["extra_data"]["student"]: d["extra_data"]["status"]
                for d in documents
                if d["extra_data"]["status"] != "ok"
            },
            "common_mistakes": common_mistakes(self.documents),
        }


# A number in a hint describes the test's input ("divided by the 4 positions"); the mistake
# is the same for every input, so hints are grouped with their numbers set aside.
NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def common_mistakes(documents: dict[str, dict]) -> list[dict]:
    """The diagnoses shared across the class: one entry per (kata, function, hint), with the
    students who got it, the most common first. The hint shown is the first one found."""
    groups: dict[tuple, dict] = {}
    for student in sorted(documents):
        for found in documents[student]["extra_data"].get("diagnoses", ()):
            key = (found["kata"], found["function"], NUMBER.sub("#", found["hint"]))
            group = groups.setdefault(key, {**found, "students": []})
            if student not in group["students"]:
                group["students"].append(student)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]["students"]), str(item[0])))
    return [group for _, group in ranked]


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` so that ``path`` holds either its old or its new content, never half."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def grade_one(submission: submissions.Submission, settings: Settings, worker) -> dict:
    katas = manifest.load()
    with tempfile.TemporaryDirectory(prefix="kata-grade-") as scratch:
        staged = submissions.stage(submission, katas, Path(scratch) / "source")
        run = judge(staged, settings, worker)
    return results_document(submission.student, staged, run)


def grade_class(
    folder: Path,
    out: Path,
    *,
    jobs: int = 2,
    resume: bool = False,
    settings: Settings | None = None,
    on_graded=None,
) -> Gradebook:
    """Grade every submission in ``folder`` into ``out``; ``on_graded(student)`` after each.

    Raises KeyboardInterrupt on Ctrl-C or SIGTERM, after every finished result is on disk.
    """
    book = Gradebook(out)
    if resume:
        book.load_finished()
    todo = [s for s in submissions.discover(folder) if s.student not in book.documents]
    grading = _ClassRun(book, todo, settings or Settings(), on_graded)
    previous = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        grading.run(jobs)
    finally:
        signal.signal(signal.SIGTERM, previous)
        with book.lock:
            book.write_grades()
            summary = book.summary()
            write_atomically(out / "summary.json", json.dumps(summary, indent=2) + "\n")
            write_atomically(out / "report.html", report.html_report(book.documents, summary))
    if grading.errors:
        raise grading.errors[0]
    return book


class _ClassRun:
    """Worker threads, each with its own warm worker, taking submissions from one queue."""

    def __init__(self, book: Gradebook, todo, settings: Settings, on_graded):
        self.book, self.settings, self.on_graded = book, settings, on_graded
        self.pending: queue.Queue = queue.Queue()
        for submission in todo:
            self.pending.put(submission)
        self.stop = threading.Event()
        self.errors: list[BaseException] = []
        self.workers: list[Worker] = []

    def run(self, jobs: int) -> None:
        threads = [threading.Thread(target=self.work, daemon=True) for _ in range(max(1, jobs))]
        try:
            for thread in threads:
                thread.start()
            while any(thread.is_alive() for thread in threads):
                time.sleep(0.05)
        except KeyboardInterrupt:
            self.stop.set()
            for worker in self.workers:
                worker.kill()
            raise

    def work(self) -> None:
        try:
            with Worker() as worker:
                self.workers.append(worker)
                while not self.stop.is_set():
                    try:
                        submission = self.pending.get_nowait()
                    except queue.Empty:
                        return
                    document = grade_one(submission, self.settings, worker)
                    if self.stop.is_set():
                        return  # interrupted mid-run: this result may be cut short
                    self.book.record(submission.student, document)
                    if self.on_graded is not None:
                        self.on_graded(submission.student)
        except BaseException as error:  # reported by the main thread
            self.errors.append(error)
            self.stop.set()


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt
