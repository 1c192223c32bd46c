"""The instructor's commands: grade a class, build a Gradescope bundle, write the handout."""

from __future__ import annotations

import argparse
from pathlib import Path


def grade_command(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from grading import batch, submissions

    folder, out = Path(args.submissions), Path(args.out)
    if not folder.is_dir():
        raise SystemExit(f"grader.py grade: {folder} is not a folder of submissions")
    console = Console(stderr=True)
    everyone = submissions.discover(folder)
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
        bar.update(task, completed=len(everyone))
    print_summary(book.summary(), out)
    return 0


def print_summary(summary: dict, out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(
        f"{summary['students']} students, mean score "
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
    if summary["problems"]:
        console.print(f"{len(summary['problems'])} submissions had problems; see grades.csv")
    console.print(f"written: {out / 'grades.csv'}, {out / 'results'}/, {out / 'summary.json'}")


def gradescope_command(args: argparse.Namespace) -> int:
    from grading import gradescope

    destination = Path(args.zip)
    names = gradescope.build_bundle(destination)
    print(f"wrote {destination} ({len(names)} files, setup.sh and run_autograder at the top).")
    print("Upload it on Gradescope: your assignment > Configure Autograder > Zip file upload,")
    print("with the Ubuntu base image. Students submit their katas/ folder or the whole repo.")
    return 0


def export_command(args: argparse.Namespace) -> int:
    from grading import export

    try:
        copied = export.export_student_copy(Path(args.dest))
    except FileExistsError as error:
        raise SystemExit(f"grader.py export-student: {error}") from None
    print(f"wrote the learner's copy to {args.dest}: {', '.join(copied)}")
    print("It has no solutions/ and none of the repository's own checks; every kata runs.")
    return 0


def add_commands(commands) -> None:
    """The instructor's subcommands, added to grader.py's parser."""
    from harness import limits

    grade = commands.add_parser("grade", help="grade a folder of submissions into a gradebook")
    grade.add_argument("submissions", help="a folder with one folder or .zip per student")
    grade.add_argument("--out", required=True, help="where grades.csv and results/ go")
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
    grade.set_defaults(handler=grade_command)

    bundle = commands.add_parser("gradescope", help="write a Gradescope autograder bundle")
    bundle.add_argument("zip", help="the .zip to write, e.g. autograder.zip")
    bundle.set_defaults(handler=gradescope_command)

    handout = commands.add_parser("export-student", help="write the copy you hand out")
    handout.add_argument("dest", help="a new folder")
    handout.set_defaults(handler=export_command)
