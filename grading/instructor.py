"""The instructor's commands: grade a class, build a Gradescope bundle, write the handout.

A command line the grader cannot act on (a missing folder, an ``--out`` that is a file, ``-j 0``,
an empty class) is refused in one line on stderr with exit code 2, before anything is graded.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

USAGE_ERROR = 2  # the exit code for a command line the grader cannot act on


class CommandLineError(Exception):
    """What is wrong with the command line, in one line."""


def refuse(command: str, problem: Exception | str) -> int:
    print(f"grader.py {command}: {problem}", file=sys.stderr)
    return USAGE_ERROR


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def readable_folder(path: Path) -> Path:
    try:
        if not path.exists():
            raise CommandLineError(f"{path} does not exist")
        if not path.is_dir():
            raise CommandLineError(f"{path} is not a folder of submissions")
        os.listdir(path)
    except OSError as error:
        raise CommandLineError(f"cannot read {path}: {error.strerror}") from None
    return path


def writable_out(out: Path, submissions_folder: Path) -> Path:
    """``out`` if the gradebook can be written there (it is created only after every check)."""
    try:
        if out.exists() and not out.is_dir():
            raise CommandLineError(f"--out {out} is a file, not a folder")
        existing = next(p for p in (out, *out.absolute().parents) if p.exists())
        if not existing.is_dir():
            raise CommandLineError(f"--out {out}: {existing} is a file, not a folder")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise CommandLineError(f"--out {out} is not writable")
        if out.resolve().is_relative_to(submissions_folder.resolve()):
            raise CommandLineError(
                f"--out {out} is inside {submissions_folder}: it would be graded as a student"
            )
    except OSError as error:
        raise CommandLineError(f"cannot use --out {out}: {error.strerror}") from None
    return out


def check_grade_arguments(args: argparse.Namespace):
    """(submissions folder, out folder, submissions), or CommandLineError saying what is wrong."""
    from grading import submissions

    if args.jobs < 1:
        raise CommandLineError(f"-j must be 1 or more, not {args.jobs}")
    for flag, seconds in (
        ("--timeout", args.timeout),
        ("--submission-timeout", args.submission_timeout),
    ):
        if not seconds > 0:
            raise CommandLineError(f"{flag} must be a positive number of seconds, not {seconds:g}")
    folder = readable_folder(Path(args.submissions))
    out = writable_out(Path(args.out), folder)
    try:
        everyone = submissions.discover(folder)
    except OSError as error:
        raise CommandLineError(f"cannot read {folder}: {error.strerror}") from None
    except submissions.SubmissionsError as error:
        raise CommandLineError(str(error)) from None
    if not everyone:
        raise CommandLineError(
            f"{folder} holds no submissions: put one folder or .zip per student in it"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandLineError(f"cannot create --out {out}: {error.strerror}") from None
    return folder, out, everyone


def grade_command(args: argparse.Namespace) -> int:
    from harness import processes

    processes.exit_unless_posix("grader.py grade")
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from grading import batch

    try:
        folder, out, everyone = check_grade_arguments(args)
    except CommandLineError as error:
        return refuse("grade", error)
    from harness.sandbox.landlock import missing_protection

    if (missing := missing_protection()) and args.strict:
        return refuse("grade", f"--strict: {missing}")
    if missing:  # one line, and grading goes on with what protection there is
        print(f"grader.py grade: warning: {missing}", file=sys.stderr)
    console = Console(stderr=True)
    settings = batch.Settings(args.timeout, args.submission_timeout)
    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("grading", total=len(everyone))
        try:
            book = batch.grade_class(
                folder,
                out,
                jobs=args.jobs,
                resume=args.resume,
                settings=settings,
                on_graded=lambda student: bar.advance(task),
            )
        except KeyboardInterrupt:
            bar.stop()
            done = len(list((out / "results").glob("*.json")))
            console.print(
                f"stopped: {done} of {len(everyone)} students are graded and saved in {out}. "
                f"Run the same command with --resume to grade the rest."
            )
            return 130
        except OSError as error:  # a full disk, a folder removed while grading
            bar.stop()
            print(f"grader.py grade: stopped, {error.strerror}: {error.filename}", file=sys.stderr)
            return 1
        bar.update(task, completed=len(everyone))
    print_summary(book.summary(), out)
    return 0


def print_summary(summary: dict, out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(
        f"{plural(summary['students'], 'student')}, mean score "
        f"{summary['mean_score']:.1f} / {summary['max_score']}"
    )
    table = Table(title="per kata")
    for column in ("kata", "title", "mean points", "full marks"):
        table.add_column(column)
    for kata_id, kata in summary["katas"].items():
        table.add_row(
            kata_id,
            kata["title"],
            f"{kata['mean_points']:.1f} / {kata['max_points']}",
            f"{kata['pass_rate']:.0%}",
        )
    console.print(table)
    if summary["most_failed_tests"]:
        console.print("tests failed most often:")
        for entry in summary["most_failed_tests"]:
            console.print(f"  {entry['students']:>4}  {entry['name']}", markup=False)
    if summary["common_mistakes"]:
        console.print("common mistakes (see report.html):")
        for mistake in summary["common_mistakes"][:5]:
            line = f"{len(mistake['students']):>4}  {mistake['kata']} {mistake['function']}: "
            console.print(line + mistake["hint"], markup=False)
    if summary["problems"]:
        problems = plural(len(summary["problems"]), "submission")
        verb = "has" if len(summary["problems"]) == 1 else "have"
        console.print(f"{problems} {verb} problems; see grades.csv")
    written = ", ".join(str(out / name) for name in ("grades.csv", "results/", "summary.json"))
    console.print(f"written: {written}, {out / 'report.html'}", markup=False)


def handout_notes(notes: list[str]) -> None:
    for note in notes:
        print(f"note: {note}", file=sys.stderr)


def gradescope_command(args: argparse.Namespace) -> int:
    from grading import export, gradescope

    destination = Path(args.zip)
    if destination.is_dir() or not destination.absolute().parent.is_dir():
        where = "is a folder" if destination.is_dir() else "is in a folder that does not exist"
        return refuse("gradescope", f"{destination} {where}: name a new .zip file")
    try:
        names, notes = gradescope.build_bundle(destination, strict=args.strict)
    except (export.HandoutError, OSError) as error:
        return refuse("gradescope", error)
    handout_notes(notes)
    print(f"wrote {destination} ({len(names)} files, setup.sh and run_autograder at the top).")
    print("Upload it on Gradescope: your assignment > Configure Autograder > Zip file upload,")
    print("with the Ubuntu base image. Students submit their katas/ folder or the whole repo.")
    return 0


def export_command(args: argparse.Namespace) -> int:
    from grading import export

    try:
        copied, notes = export.export_handout(Path(args.dest), strict=args.strict)
    except (export.HandoutError, OSError) as error:
        return refuse("export-student", error)
    handout_notes(notes)
    print(f"wrote the learner's copy to {args.dest}: {', '.join(copied)}")
    print("It has no solutions/ and none of the repository's own checks; every kata runs.")
    return 0


STRICT_HANDOUT = "refuse, rather than export the committed stubs, when the kata files have changes"


def from_here(text: str) -> Path:
    """A path as given, made absolute when parsed: grader.py then moves to the repository."""
    return Path(text).absolute()


def add_commands(commands) -> None:
    """The instructor's subcommands, added to grader.py's parser."""
    from harness import limits

    grade = commands.add_parser("grade", help="grade a folder of submissions into a gradebook")
    grade.add_argument(
        "submissions", type=from_here, help="a folder with one folder or .zip per student"
    )
    grade.add_argument(
        "--out", required=True, type=from_here, help="where grades.csv, results/, report.html go"
    )
    grade.add_argument("-j", "--jobs", type=int, default=2, help="submissions graded at once")
    grade.add_argument(
        "--timeout",
        type=float,
        default=float(limits.SECONDS_PER_TEST),
        help=f"seconds one test may take (default {limits.SECONDS_PER_TEST})",
    )
    grade.add_argument(
        "--submission-timeout",
        type=float,
        default=float(limits.SECONDS_PER_SUBMISSION),
        help=f"seconds one submission may take (default {limits.SECONDS_PER_SUBMISSION})",
    )
    grade.add_argument("--resume", action="store_true", help="grade only students not yet done")
    grade.add_argument(
        "--strict", action="store_true", help="refuse to grade where Landlock cannot confine code"
    )
    grade.set_defaults(handler=grade_command)

    bundle = commands.add_parser("gradescope", help="write a Gradescope autograder bundle")
    bundle.add_argument("zip", type=from_here, help="the .zip to write, e.g. autograder.zip")
    bundle.add_argument("--strict", action="store_true", help=STRICT_HANDOUT)
    bundle.set_defaults(handler=gradescope_command)

    handout = commands.add_parser("export-student", help="write the copy you hand out")
    handout.add_argument("dest", type=from_here, help="a new folder")
    handout.add_argument("--strict", action="store_true", help=STRICT_HANDOUT)
    handout.set_defaults(handler=export_command)
