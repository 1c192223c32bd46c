"""The class report, ``OUT/report.html``: what an instructor reads after grading a class.

One self-contained file (inline CSS and SVG, no script, nothing fetched), readable in any
browser and printable. It holds the distribution of points per kata, every student's points
per kata coloured by score, the mistakes the tests diagnosed, grouped across students, the
students whose grading hit a problem, and each student's details.
"""

from __future__ import annotations

import html
import time
from urllib.parse import quote

from harness import manifest

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
td.points { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #666; } .hint { font-family: ui-monospace, monospace; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 0.5em; font-size: 12px; }
section.student { break-inside: avoid; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
"""


# The browser itself refuses any fetch (a script, a font, an image from the network), so the
# report stays one file that reads the same offline, and a change that adds one shows at once.
NOTHING_FETCHED = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def score_colour(fraction: float) -> str:
    """Red for nothing, yellow for half, green for full marks: a background light enough to read."""
    hue = 120 * max(0.0, min(1.0, fraction))
    return f"hsl({hue:.0f}, 70%, 82%)"


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def anchor(index: int) -> str:
    return f"student-{index}"  # an id of our own: a student id may hold any character


def html_report(documents: dict[str, dict], summary: dict) -> str:
    """The whole report for the graded ``documents`` (student: results document)."""
    katas = manifest.load()
    students = sorted(documents)
    sections = [
        heading(summary),
        "<h2>Points per kata</h2>",
        distribution_svg(katas, [documents[s] for s in students]),
        "<h2>Students</h2>",
        grade_table(katas, students, documents),
        "<h2>Common mistakes</h2>",
        mistakes_table(summary["common_mistakes"], students),
        "<h2>Problems while grading</h2>",
        problems_list(summary["problems"], students),
        "<h2>Each student</h2>",
        *(student_details(i, s, documents[s]) for i, s in enumerate(students)),
    ]
    body = "\n".join(sections)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{NOTHING_FETCHED}">\n'
        f"<title>Class report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )


def heading(summary: dict) -> str:
    when = time.strftime("%Y-%m-%d %H:%M")
    return (
        f"<h1>Class report</h1>\n<p>{summary['students']} students graded, mean score "
        f"<b>{summary['mean_score']:.1f} / {summary['max_score']}</b>. "
        f'<span class="muted">Written {when} by grader.py grade.</span></p>'
    )


def distribution_svg(katas, documents: list[dict]) -> str:
    """A strip plot: one row per kata, one dot per student at the share of points earned."""
    left, width, row, top = 300, 520, 34, 24
    height = top + row * len(katas) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 40}" height="{height}" '
        f'role="img" aria-label="points per kata, one dot per student">'
    ]
    for tick in range(0, 101, 25):
        x = left + 6 + (width - 12) * tick / 100
        parts.append(
            f'<line x1="{x}" y1="{top - 8}" x2="{x}" y2="{height - 26}" stroke="#ddd"/>'
            f'<text x="{x}" y="{height - 10}" font-size="11" text-anchor="middle">{tick}%</text>'
        )
    for k, kata in enumerate(katas):
        y = top + row * k + row / 2
        parts.append(
            f'<text x="{left - 8}" y="{y + 4}" font-size="12" text-anchor="end">'
            f"{esc(kata.id)} {esc(shorten(kata.title, 38))}</text>"
        )
        for d, document in enumerate(documents):
            earned = document["extra_data"]["katas"].get(kata.id, 0.0)
            x = left + 6 + (width - 12) * earned / kata.points
            jitter = ((d * 7919) % 17 - 8) * 1.1  # spread equal scores so each dot shows
            student = esc(document["extra_data"]["student"])
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y + jitter:.1f}" r="4" fill="#3465a4" '
                f'fill-opacity="0.6"><title>{student}: {earned:.2f} / {kata.points}</title>'
                "</circle>"
            )
    parts.append("</svg>")
    return "\n".join(parts)


def grade_table(katas, students: list[str], documents: dict[str, dict]) -> str:
    head = "".join(f'<th title="{esc(k.title)}">{esc(k.id)}</th>' for k in katas)
    rows = [f"<table>\n<tr><th>student</th>{head}<th>total</th><th>status</th></tr>"]
    for index, student in enumerate(students):
        document = documents[student]
        extra = document["extra_data"]
        cells = []
        for kata in katas:
            earned = extra["katas"].get(kata.id, 0.0)
            colour = score_colour(earned / kata.points)
            cells.append(f'<td class="points" style="background:{colour}">{earned:.1f}</td>')
        total = document["score"] / extra["max_total"] if extra["max_total"] else 0.0
        rows.append(
            f'<tr><td><a href="#{anchor(index)}">{esc(student)}</a></td>{"".join(cells)}'
            f'<td class="points" style="background:{score_colour(total)}">'
            f"{document['score']:.1f}</td><td>{esc(extra['status'])}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def student_link(student: str, students: list[str]) -> str:
    return f'<a href="#{anchor(students.index(student))}">{esc(student)}</a>'


def mistakes_table(mistakes: list[dict], students: list[str]) -> str:
    if not mistakes:
        return '<p class="muted">No failing test gave a hint.</p>'
    rows = [
        "<p>What the tests diagnosed, grouped across students: each hint names a known "
        "mistake.</p>\n<table>\n<tr><th>kata</th><th>function</th><th>diagnosis</th>"
        "<th>students</th><th>who</th></tr>"
    ]
    for mistake in mistakes:
        who = ", ".join(student_link(s, students) for s in mistake["students"])
        rows.append(
            f"<tr><td>{esc(mistake['kata'])}</td><td>{esc(mistake['function'] or '')}</td>"
            f'<td class="hint">{esc(mistake["hint"])}</td>'
            f'<td class="points">{len(mistake["students"])}</td><td>{who}</td></tr>'
        )
    rows.append("</table>")
    return "\n".join(rows)


def problems_list(problems: dict[str, str], students: list[str]) -> str:
    if not problems:
        return '<p class="muted">Every submission was graded without a problem.</p>'
    items = [
        f"<li>{student_link(student, students)}: {esc(reason)}</li>"
        for student, reason in sorted(problems.items())
    ]
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def student_details(index: int, student: str, document: dict) -> str:
    extra = document["extra_data"]
    failed = [t for t in document["tests"] if t["status"] == "failed"]
    lines = [
        f'<section class="student" id="{anchor(index)}">',
        f"<h3>{esc(student)}: {document['score']:.2f} / {extra['max_total']}</h3>",
        f"<p>status: {esc(extra['status'])} · "
        f'<a href="results/{esc(quote(student))}.json">results/{esc(student)}.json</a> · '
        f"{len(failed)} of {len(document['tests'])} tests failed</p>",
    ]
    shown = {}
    for test in failed:  # one message per kata and first line: a stub's failures are alike
        key = (test["name"].split(" ", 1)[0], test["output"].split("\n", 1)[0])
        shown.setdefault(key, test)
    for test in list(shown.values())[:12]:
        lines.append(f"<p><b>{esc(test['name'])}</b></p><pre>{esc(test['output'])}</pre>")
    if len(shown) > 12:
        lines.append(f'<p class="muted">and {len(shown) - 12} more kinds of failure.</p>')
    lines.append("</section>")
    return "\n".join(lines)
