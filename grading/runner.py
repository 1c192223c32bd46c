"""Runs kata tests for the grader through ``harness.engine``, with a time limit per kata.

Every kata in a run shares one child process (forked on Linux, spawned elsewhere: see
``harness.engine.forks``), which is what keeps ``python grader.py`` fast.
If learner code hangs or crashes that child, the kata that was running is marked, and the
katas that never got their turn are run again without it, so one bad kata never hides the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from harness import engine, limits
from harness.manifest import KATAS_DIR


def run_katas(
    kata_ids: Sequence[str],
    source_root: Path | None = None,
    *,
    seconds_per_kata: float = limits.SECONDS_PER_KATA,
    on_result: Callable[[engine.TestResult], None] | None = None,
) -> engine.Run:
    """Run the tests of ``kata_ids`` and return every result, whatever the learner's code does."""
    # A missing kata folder would make pytest reject the whole command line.
    pending = [k for k in kata_ids if (KATAS_DIR / k).is_dir()]
    finished: list[engine.TestResult] = []
    statuses: list[str] = []
    stopped_by: str | None = None  # the kind of the first early stop, if any
    seconds = 0.0
    reported: set[str] = set()

    def collect(result: engine.TestResult) -> None:
        reported.add(result.nodeid)
        if on_result is not None:
            on_result(result)

    while pending:
        timeout = seconds_per_kata * len(pending)
        run = engine.run_isolated(pending, source_root, timeout=timeout, on_result=collect)
        seconds += run.seconds
        if run.stopped_by is not None:
            statuses.append(run.status)
            stopped_by = stopped_by or run.stopped_by
        kept, pending = _up_to_the_stuck_kata(run, pending, reported)
        finished += kept
    status = "ok" if not statuses else "; ".join(statuses)
    return engine.Run(finished, status, seconds, stopped_by)


def _up_to_the_stuck_kata(run: engine.Run, pending: list[str], reported: set[str]):
    """(results to keep, katas still to run) after one run that may have stopped early.

    Tests run in kata order, so the first one never reported is where the child got stuck: it
    takes the blame, and the katas after it run again without it.
    """
    if run.stopped_by is None:
        return run.results, []
    stuck = next((r for r in run.results if r.nodeid not in reported), None)
    if stuck is None:
        return run.results, []
    stuck.kind = run.stopped_by or stuck.kind
    stuck.message = (
        f"{stuck.name} did not finish: the tests {run.status}. "
        f"Look for a loop that never ends or a very slow step in katas/{stuck.kata}/."
    )
    order = {kata: place for place, kata in enumerate(pending)}
    kept = [r for r in run.results if order.get(r.kata, 0) <= order[stuck.kata]]
    return kept, pending[order[stuck.kata] + 1 :]
