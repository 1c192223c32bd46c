"""The learner's view of the scores: the progress table, one kata's report, and their JSON form.

Output is laid out with rich on a terminal. When stdout is not a terminal, or NO_COLOR is set,
it is plain text and rich is never imported: that keeps pipes, logs and scripts clean, and
saves a noticeable part of the grader's run time.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence

from grading import scoring
from grading.scoring import KataScore

JSON_SCHEMA = "nn-katas/grader/1"  # bump the number whenever a field changes meaning or goes away
BAR_WIDTH = 30
STATUS_STYLE = {scoring.DONE: "green", scoring.IN_PROGRESS: "yellow", scoring.NOT_STARTED: "dim"}


def use_rich() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def preload() -> None:
    """Import rich now if it will be used; called while the tests run, so it costs no time."""
    if use_rich():
        import rich.console  # noqa: F401
        import rich.table  # noqa: F401


def run_command(kata_id: str) -> str:
    return f"pytest katas/{kata_id}"


def hint_command(kata_id: str) -> str:
    return f"python grader.py hint {kata_id}"


def test_name(nodeid: str) -> str:
    """``katas/03/test_vanishing.py::test_x[a / b]`` as ``test_vanishing.py::test_x[a / b]``.

    Only the file's path is shortened: a test's parameters may hold a "/" of their own.
    """
    path, separator, test = nodeid.partition("::")
    return path.replace("\\", "/").rsplit("/", 1)[-1] + separator + test


def one_line(message: str) -> str:
    return scoring.first_line(message)


# --- JSON ---------------------------------------------------------------------------------


def kata_json(score: KataScore) -> dict:
    return {
        "id": score.kata.id,
        "title": score.kata.title,
        "status": score.status,
        "tests": {"passed": score.tests_passed, "total": score.tests_total},
        "quiz": {"passed": score.quiz_passed, "total": score.quiz_total},
        "points": {"earned": round(score.points_earned, 2), "available": score.kata.points},
        "problem": score.problem,
        "command": run_command(score.kata.id),
        "failures": [
            {
                "test": test_name(f.nodeid),
                "kind": f.kind,
                "message": scoring.teaching_message(f.message),
            }
            for f in score.failures
        ],
    }


def progress_json(scores: Sequence[KataScore], run_status: str) -> dict:
    earned, available = scoring.overall(scores)
    upcoming = scoring.next_kata(scores)
    return {
        "schema": JSON_SCHEMA,
        "run_status": run_status,
        "points": {"earned": round(earned, 2), "available": available},
        "percent": round(100 * earned / available, 1) if available else 0.0,
        "next": None if upcoming is None else next_step_json(upcoming),
        "katas": [kata_json(score) for score in scores],
    }


def next_step_json(score: KataScore) -> dict:
    first = score.failures[0] if score.failures else None
    return {
        "kata": score.kata.id,
        "command": run_command(score.kata.id),
        "first_failure": None
        if first is None
        else f"{test_name(first.nodeid)}: " + one_line(first.message),
    }


def report_json(score: KataScore, run_status: str) -> dict:
    return {"schema": JSON_SCHEMA, "run_status": run_status, **kata_json(score)}


def print_json(data: dict) -> None:
    print(json.dumps(data, indent=2))


# --- the progress table ---------------------------------------------------------------------

COLUMNS = ("Kata", "Title", "Tests", "Quiz", "Points", "Status")


def short_number(value: float) -> str:
    """10.0 as "10", 2.75 as "2.8": points read better without trailing zeros."""
    return f"{value:.1f}".removesuffix(".0")


def row(score: KataScore) -> tuple[str, ...]:
    return (
        score.kata.id,
        score.kata.title,
        f"{score.tests_passed}/{score.tests_total}",
        f"{score.quiz_passed}/{score.quiz_total}",
        f"{short_number(score.points_earned)}/{score.kata.points}",
        score.status,
    )


def status_text(score: KataScore) -> str:
    """The status, marked when the kata has a problem that is explained under the table."""
    return score.status + (" (!)" if score.problem else "")


def next_step_lines(scores: Sequence[KataScore]) -> list[str]:
    upcoming = scoring.next_kata(scores)
    if upcoming is None:
        return ["Every kata is done. Well done!"]
    step = next_step_json(upcoming)
    lines = [
        f"Next: kata {upcoming.kata.id}, {upcoming.kata.title}",
        f"  run:     {step['command']}",
    ]
    if step["first_failure"]:
        lines.append(f"  failing: {step['first_failure']}")
    lines.append(f"  stuck?   {hint_command(upcoming.kata.id)}")
    return lines


def problem_lines(scores: Sequence[KataScore]) -> list[str]:
    return [f"Kata {s.kata.id}: {s.problem}" for s in scores if s.problem]


def plain_bar(fraction: float, width: int = BAR_WIDTH) -> str:
    filled = round(fraction * width)
    return "[" + "#" * filled + "." * (width - filled) + "]"


def print_progress(scores: Sequence[KataScore]) -> None:
    earned, available = scoring.overall(scores)
    fraction = earned / available if available else 0.0
    summary = f"{100 * fraction:.0f}%  ({short_number(earned)} of {available} points)"
    if use_rich():
        _rich_progress(scores, fraction, summary)
        return
    rows = [COLUMNS] + [row(s)[:-1] + (status_text(s),) for s in scores]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    for r in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip())
    for line in problem_lines(scores):
        print(line)
    print()
    print(f"Overall {plain_bar(fraction)} {summary}")
    print()
    for line in next_step_lines(scores):
        print(line)


def _rich_progress(scores: Sequence[KataScore], fraction: float, summary: str) -> None:
    from rich.console import Console
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    console = Console()
    table = Table(title="nn-katas progress", title_justify="left")
    for column in COLUMNS:
        numeric = column in ("Tests", "Quiz", "Points")
        table.add_column(column, justify="right" if numeric else "left")
    for score in scores:
        *cells, status = row(score)
        style = "red" if score.problem else STATUS_STYLE[status]
        table.add_row(*cells, Text(status_text(score), style=style))
    console.print(table)
    for line in problem_lines(scores):
        console.print(Text(line, style="red"))
    bar = Table.grid(padding=(0, 1))
    bar.add_row("Overall", ProgressBar(total=1.0, completed=fraction, width=BAR_WIDTH), summary)
    console.print()
    console.print(bar)
    console.print()
    first, *rest = next_step_lines(scores)
    console.print(Text(first, style="bold"))
    for line in rest:
        console.print(Text(line))


# --- one kata's report ----------------------------------------------------------------------


def grouped_failures(score: KataScore) -> list[tuple[list[str], str]]:
    """Failing tests grouped by consecutive identical messages, so a stub reads as one problem."""
    groups: list[tuple[list[str], str]] = []
    for failure in score.failures:
        message = scoring.teaching_message(failure.message)
        if groups and groups[-1][1] == message:
            groups[-1][0].append(test_name(failure.nodeid))
        else:
            groups.append(([test_name(failure.nodeid)], message))
    return groups


def report_lines(score: KataScore) -> list[tuple[str, str]]:
    """The kata report as (style, text) lines, shared by the rich and the plain output."""
    *_, tests, quiz, points, status = row(score)
    kata = score.kata
    lines = [
        ("bold", f"Kata {kata.id}: {kata.title}  [{status}]"),
        ("", f"tests {tests}   quiz {quiz}   points {points}"),
    ]
    if score.problem:
        lines += [("", ""), ("red bold", f"Problem: {score.problem}")]
    if score.failures:
        lines += [("", ""), ("bold", f"Failing tests ({len(score.failures)}):")]
        for names, message in grouped_failures(score):
            lines += [("red", f"  x {name}") for name in names]
            lines += [("", f"      {text}") for text in message.splitlines()]
    elif score.total:
        lines += [("", ""), ("green", "Every test passes.")]
    else:
        lines += [("", ""), ("yellow", f"No tests found in katas/{kata.id}/.")]
    lines += [
        ("", ""),
        ("", f"Run the tests yourself: {run_command(kata.id)}"),
        ("", f"Stuck? {hint_command(kata.id)}"),
    ]
    return lines


def print_report(score: KataScore) -> None:
    lines = report_lines(score)
    if not use_rich():
        for _, text in lines:
            print(text)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for style, text in lines:
        console.print(Text(text, style=style))


def clear_screen() -> None:
    """Clear a terminal; in a pipe or log, separate the reports with a blank line instead."""
    if use_rich():
        from rich.console import Console

        Console().clear()
    else:
        print()
