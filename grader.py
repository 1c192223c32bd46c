"""The grader: where a learner stands, and a gradebook for an instructor.

    python grader.py               progress over every kata, and the next step
    python grader.py 03            kata 03's report: each failing test and its message
    python grader.py hint 03       the next hint for kata 03 (--all, --reset)
    python grader.py watch         re-run the kata you are working on whenever you save
    python grader.py plot 03       kata 03's picture from your code, next to torch's (plots/03.png)

    python grader.py grade SUBMISSIONS --out OUT [-j N] [--timeout S] [--resume]
    python grader.py gradescope OUT.zip
    python grader.py export-student DEST

Each command is one ``add_parser`` in ``build_parser`` and one function below it; the heavy
imports (torch, pytest, rich) happen inside the commands that need them.
"""

from __future__ import annotations

import argparse
import os
import sys

from harness import manifest

DEFAULT_COMMAND = "progress"  # what `python grader.py` alone does
KATA_COMMAND = "kata"  # what `python grader.py 03` does


def progress_command(args: argparse.Namespace) -> int:
    from grading import progress, runner, scoring

    katas = manifest.load()
    run = runner.run_katas([k.id for k in katas], on_result=_preload_once(progress))
    scores = scoring.score_run(katas, run)
    if args.json:
        progress.print_json(progress.progress_json(scores, run.status))
    else:
        progress.print_progress(scores)
    return 0


def kata_command(args: argparse.Namespace) -> int:
    from grading import progress

    kata = find_kata(args.kata)
    score, run_status = score_one(kata, on_result=_preload_once(progress))
    if args.json:
        progress.print_json(progress.report_json(score, run_status))
    else:
        progress.print_report(score)
    return 0


def hint_command(args: argparse.Namespace) -> int:
    from grading import hints

    hints.show(find_kata(args.kata), everything=args.all, reset=args.reset)
    return 0


def watch_command(args: argparse.Namespace) -> int:
    from grading import progress, watch

    return watch.watch(manifest.load(), lambda kata: progress.print_report(score_one(kata)[0]))


def plot_command(args: argparse.Namespace) -> int:
    from harness import plots  # matplotlib: only here

    return plots.command(args.kata, args.out, args.source, args.graphviz)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grader.py",
        description="Check kata solutions: a learner's progress, hints and watch mode; "
        "an instructor's batch grading, Gradescope bundle and handout.",
        epilog="`python grader.py` alone shows progress; `python grader.py 03` reports kata 03.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    progress = commands.add_parser("progress", help="progress over every kata (the default)")
    progress.add_argument("--json", action="store_true", help="machine-readable output")
    progress.set_defaults(handler=progress_command)

    kata = commands.add_parser(KATA_COMMAND, help="one kata's report (also: grader.py NN)")
    kata.add_argument("kata", help="kata number, e.g. 03")
    kata.add_argument("--json", action="store_true", help="machine-readable output")
    kata.set_defaults(handler=kata_command)

    hint = commands.add_parser("hint", help="show the next hint for a kata")
    hint.add_argument("kata", help="kata number, e.g. 03")
    which = hint.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="show every hint")
    which.add_argument("--reset", action="store_true", help="start the hints over")
    hint.set_defaults(handler=hint_command)

    watch = commands.add_parser("watch", help="re-run the kata you are editing on every save")
    watch.set_defaults(handler=watch_command)

    plot = commands.add_parser("plot", help="draw a kata's picture from your code (a PNG)")
    plot.add_argument("kata", nargs="?", help="kata number, e.g. 03 (default: every picture)")
    plot.add_argument("--out", type=os.path.abspath, help="PNG to write (default plots/NN.png)")
    plot.add_argument("--source", type=os.path.abspath, help="draw DIR/NN/ instead of katas/NN/")
    plot.add_argument("--graphviz", action="store_true", help="kata 05's graph laid out by dot")
    plot.set_defaults(handler=plot_command)

    from grading import instructor  # grade, gradescope, export-student

    instructor.add_commands(commands)

    parser.command_names = set(commands.choices)  # for with_default_command
    return parser


def with_default_command(argv: list[str], commands: set[str]) -> list[str]:
    """Let `grader.py` mean `grader.py progress` and `grader.py 03` mean `grader.py kata 03`."""
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        return [DEFAULT_COMMAND, *argv]
    if argv[0] not in commands and not argv[0].startswith("-"):
        return [KATA_COMMAND, *argv]
    return argv


class UsageError(Exception):
    """Something the grader cannot act on, such as an unknown kata number."""


def find_kata(kata_id: str) -> manifest.Kata:
    katas = manifest.load()
    wanted = kata_id.zfill(2) if kata_id.isdigit() else kata_id
    for kata in katas:
        if kata.id == wanted:
            return kata
    known = ", ".join(k.id for k in katas)
    raise UsageError(f"there is no kata {kata_id!r}; the katas are {known}")


def score_one(kata: manifest.Kata, on_result=None):
    """Run and score one kata: (its score, the run's status)."""
    from grading import runner, scoring

    run = runner.run_katas([kata.id], on_result=on_result)
    return scoring.score_kata(kata, run.for_kata(kata.id)), run.status


def _preload_once(progress):
    """An on_result hook that imports rich while the tests are still running."""
    pending = [progress.preload]

    def hook(_result) -> None:
        while pending:
            pending.pop()()

    return hook


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(with_default_command(argv, parser.command_names))
    # Messages name files as `katas/03/...`, and `pytest katas/03` must work as printed.
    os.chdir(manifest.ROOT)
    try:
        return args.handler(args)
    except UsageError as error:
        print(f"grader.py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130  # Ctrl-C: the learner asked to stop, a traceback would only be noise
    except BrokenPipeError:
        # The reader left early (`python grader.py 03 | head`): nothing went wrong here.
        # Point stdout at /dev/null so that Python's final flush does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
