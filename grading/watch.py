"""``python grader.py watch``: re-run the kata being worked on whenever a file is saved.

The kata being worked on is the one whose file under ``katas/`` was saved most recently.
On Linux, torch and pytest are imported once, up front, and each run is a cheap fork of this
process; elsewhere each run spawns a fresh child (see ``harness.engine.forks``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from harness.manifest import KATAS_DIR, Kata

WAKE_MS = 500


def kata_of_path(path: Path, katas: list[Kata]) -> Kata | None:
    try:
        folder = path.resolve().relative_to(KATAS_DIR.resolve()).parts[0]
    except (ValueError, IndexError):
        return None
    return next((kata for kata in katas if kata.id == folder), None)


def most_recently_saved(katas: list[Kata]) -> Kata:
    """The kata of the newest learner file, or the first kata when nothing was edited yet."""
    newest: tuple[float, int] | None = None
    chosen = katas[0]
    for place, kata in enumerate(katas):
        for name in kata.files:
            try:
                stamp = ((KATAS_DIR / kata.id / name).stat().st_mtime, -place)
            except OSError:
                continue
            # Ties (a fresh clone) go to the earlier kata.
            if newest is None or stamp > newest:
                newest, chosen = stamp, kata
    return chosen


def newest_saved(changes, katas: list[Kata]) -> Kata | None:
    """The kata of the newest file in one batch of changes (a save can touch several files)."""
    stamped = []
    for _, name in changes:
        path = Path(name)
        kata = kata_of_path(path, katas)
        if kata is not None:
            stamped.append((path.stat().st_mtime if path.exists() else 0.0, kata.id, kata))
    return max(stamped, key=lambda item: item[:2])[2] if stamped else None


def is_python_file(change, path: str) -> bool:
    return path.endswith(".py") and "__pycache__" not in path


def watch(katas: list[Kata], show_report: Callable[[Kata], None]) -> int:
    import watchfiles

    from grading import progress
    from harness import engine

    # Reports must reach a pipe or a log as soon as they are printed, not when a buffer fills.
    sys.stdout.reconfigure(line_buffering=True)
    try:
        engine.warm_up_if_forking()
        saves = watchfiles.watch(
            KATAS_DIR,
            watch_filter=is_python_file,
            # Ctrl-C ends the loop instead of raising through watchfiles.
            raise_interrupt=False,
            # An empty batch every WAKE_MS: the first one tells that the watcher is running,
            # so a file saved while the first report is being made is not missed.
            yield_on_timeout=True,
            rust_timeout=WAKE_MS,
        )
        current = newest_saved(next(saves), katas) or most_recently_saved(katas)
        progress.clear_screen()
        show_report(current)
        _waiting()
        for changes in saves:
            if not changes:
                continue
            current = newest_saved(changes, katas) or current
            progress.clear_screen()
            show_report(current)
            _waiting()
    except (KeyboardInterrupt, StopIteration):
        pass  # Ctrl-C, perhaps during a test run: the forked child gets it too and ends
    print("\nStopped watching.", flush=True)
    return 0


def _waiting() -> None:
    print("\nWatching katas/ for saved files. Ctrl-C to stop.", flush=True)
