"""Progressive hints: each ``python grader.py hint NN`` reveals one more hint from the manifest.

How many hints of each kata were shown lives in ``.grader-state.json`` at the repository's
root (ignored by git), so the next call carries on where the last one stopped. Hints come
only from katas/katas.toml; nothing here reads ``solutions/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from harness.manifest import ROOT, Kata

STATE_PATH = ROOT / ".grader-state.json"


def load_state(path: Path = STATE_PATH) -> dict:
    try:
        state = json.loads(path.read_text())
    except (OSError, ValueError):
        # A missing or hand-mangled state file only means no hints were shown yet.
        return {"hints_shown": {}}
    if not isinstance(state.get("hints_shown"), dict):
        state["hints_shown"] = {}
    return state


def save_state(state: dict, path: Path = STATE_PATH) -> None:
    path.write_text(json.dumps(state, indent=2, sort_keys=True) + "\n")


def shown_count(kata: Kata, path: Path = STATE_PATH) -> int:
    count = load_state(path)["hints_shown"].get(kata.id, 0)
    return min(count, len(kata.hints)) if isinstance(count, int) else 0


def set_shown_count(kata: Kata, count: int, path: Path = STATE_PATH) -> None:
    state = load_state(path)
    state["hints_shown"][kata.id] = count
    save_state(state, path)


def reveal(kata: Kata, *, everything: bool = False, path: Path = STATE_PATH) -> int:
    """Reveal one more hint (or all of them) and return how many are shown now."""
    count = len(kata.hints) if everything else min(shown_count(kata, path) + 1, len(kata.hints))
    set_shown_count(kata, count, path)
    return count


def hint_lines(kata: Kata, count: int, *, newly_revealed: bool) -> list[str]:
    total = len(kata.hints)
    if total == 0:
        return [f"Kata {kata.id} has no hints. Its README and test messages are the best guide."]
    lines = [f"Hints for kata {kata.id}, {kata.title} ({count} of {total} shown):", ""]
    for number, hint in enumerate(kata.hints[:count], start=1):
        marker = " (new)" if newly_revealed and number == count else ""
        lines.append(f"{number}. {hint}{marker}")
    lines.append("")
    if count < total:
        lines.append(f"Still stuck? Run `python grader.py hint {kata.id}` again for the next one.")
    else:
        lines.append(
            "That was the last hint. Re-read the kata's README and the failing test's message; "
            f"`python grader.py hint {kata.id} --reset` starts the hints over."
        )
    return lines


def show(kata: Kata, *, everything: bool = False, reset: bool = False) -> None:
    if reset:
        set_shown_count(kata, 0)
        print(f"Hints for kata {kata.id} start over: the next `hint {kata.id}` shows the first.")
        return
    before = shown_count(kata)
    count = reveal(kata, everything=everything)
    for line in hint_lines(kata, count, newly_revealed=count > before and not everything):
        print(line)
