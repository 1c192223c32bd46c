"""Pictures of a kata, drawn from the learner's own code next to torch's answer.

    python grader.py plot 03         writes plots/03.png and prints its path
    python grader.py plot            every kata that has a picture
    harness.plots.figure("03")       the same picture as a matplotlib Figure (in a notebook)

One module per kata (``kataNN``) builds the picture's data with ``build(code)``; ``draw``
renders it. Only ``grader.py plot`` and this package import matplotlib, so kata runs and the
grader's other commands never pay for it.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from harness import manifest
from harness.plots.code import LearnerCode, NothingToDraw
from harness.plots.picture import Picture, digest

__all__ = ["NothingToDraw", "available", "digest", "figure", "picture", "save"]

HERE = Path(__file__).resolve().parent
DEFAULT_FOLDER = manifest.ROOT / "plots"


def available() -> list[str]:
    """The katas that have a picture, in course order: a drawing module ``kataNN.py`` here,
    and the kata's folder. A kata whose folder does not exist (yet) simply has no picture."""
    drawn = sorted(path.stem.removeprefix("kata") for path in HERE.glob("kata[0-9][0-9].py"))
    return [kata for kata in drawn if (manifest.KATAS_DIR / kata).is_dir()]


def _kata_id(kata: str) -> str:
    wanted = kata.zfill(2) if kata.isdigit() else kata
    if wanted not in available():
        raise KeyError(f"kata {kata!r} has no picture; these do: {', '.join(available())}")
    return wanted


def picture(kata: str, source: Path | str | None = None) -> Picture:
    """The data of kata ``kata``'s picture, from the learner's code in katas/NN/ (or in
    ``source``/NN/, laid out like katas/). Raises NothingToDraw when nothing is written yet."""
    kata = _kata_id(kata)
    code = LearnerCode(kata, Path(source).resolve() if source is not None else None)
    built = importlib.import_module(f"harness.plots.kata{kata}").build(code)
    nothing = code.nothing_written()
    if nothing is not None:
        raise NothingToDraw(nothing)
    built.missing, built.problems = list(code.missing), list(code.problems)
    return built


def figure(kata: str, source: Path | str | None = None, graphviz: bool = False):
    """Kata ``kata``'s picture as a matplotlib Figure (a notebook shows it inline).

    ``graphviz``: lay out kata 05's graph with Graphviz's ``dot``, when it is installed.
    """
    from harness.plots import draw

    return draw.figure(picture(kata, source), graphviz)


def save(
    kata: str,
    out: Path | str | None = None,
    source: Path | str | None = None,
    graphviz: bool = False,
) -> Path:
    """Draw kata ``kata``'s picture into the PNG ``out`` (default plots/NN.png); its path."""
    from harness.plots import draw

    drawn = picture(kata, source)
    out = Path(out) if out is not None else DEFAULT_FOLDER / f"{drawn.kata}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    draw.save(drawn, out, digest(drawn), graphviz)
    return out


def command(kata: str | None, out: str | None, source: str | None, graphviz: bool = False) -> int:
    """``grader.py plot``: one kata's picture, or (no kata) every picture, ``out`` then being a
    folder. Prints each PNG's path; 1 if some picture had nothing to draw, 2 for an unknown kata.
    """
    import sys

    try:
        katas = [_kata_id(kata)] if kata else available()
    except KeyError as error:
        print(f"grader.py: {error.args[0]}", file=sys.stderr)
        return 2
    status = 0
    for one in katas:
        target = out if kata else (Path(out) / f"{one}.png" if out else None)
        try:
            print(save(one, target, source, graphviz), flush=True)
        except NothingToDraw as error:
            print(f"grader.py plot: {error}", file=sys.stderr)
            status = 1
    return status
