"""What a picture shows, as plain data: the lines, the graph, the notes.

A kata's drawing module builds a ``Picture`` from the learner's code and torch; ``draw`` turns
it into a matplotlib figure. Keeping the data apart makes it testable (a wrong derivative
gives different data) and lets a saved PNG carry a digest of the data it was drawn from.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from dataclasses import dataclass, field

# Every picture has the same size: (1000, 650) pixels.
SIZE_INCHES = (10.0, 6.5)
DPI = 100
SIZE_PIXELS = (int(SIZE_INCHES[0] * DPI), int(SIZE_INCHES[1] * DPI))
# The PNG text field that records the digest of the data a picture was drawn from.
DIGEST_KEY = "nn-katas-data"
# Digits kept when a picture's data is digested: enough to tell a wrong answer from a right
# one, few enough that the last bits of a platform's exp() or sin() never change the digest.
DIGEST_DIGITS = 4


@dataclass
class Series:
    """One line. ``torch`` lines are drawn dashed over the learner's solid ones.

    An empty series stands for a line that could not be drawn: its label says why, in the legend.
    """

    label: str
    x: list[float]
    y: list[float]
    torch: bool = False
    color: int = 0  # matplotlib's colour cycle: a learner's line and torch's share a colour
    markers: bool = False


@dataclass
class Lines:
    """A plot of lines, optionally over the contours of a function of two variables."""

    title: str
    xlabel: str
    ylabel: str
    series: list[Series] = field(default_factory=list)
    xscale: str = "linear"
    yscale: str = "linear"
    contour: tuple[list[float], list[float], list[list[float]]] | None = None
    ylim: tuple[float, float] | None = None  # None: matplotlib's choice


@dataclass
class Node:
    """One node of a computation graph: its name, operation, value and gradients."""

    name: str
    op: str
    data: float | None  # None: not a number
    grad: float | None  # None: not a number
    torch_grad: float | None
    depth: int  # steps from the output, the way backward walks


@dataclass
class Graph:
    """A computation graph; an edge (a, b) goes from node a to its input b, as backward walks."""

    title: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Images:
    """A grid of small grey images, each with a caption; or one matrix of counts."""

    title: str
    images: list[list[list[float]]] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    matrix: bool = False  # one image drawn as a matrix of numbers, such as a confusion matrix


@dataclass
class Picture:
    """One kata's picture: its panels, and what of the learner's code could not be drawn."""

    kata: str
    title: str
    panels: list[Lines | Graph | Images] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # functions not written yet
    problems: list[str] = field(default_factory=list)  # raised, timed out, returned garbage


def _rounded(value):
    if isinstance(value, float):
        if not math.isfinite(value) or value == 0.0:
            return repr(value)
        return float(f"{value:.{DIGEST_DIGITS}g}")
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(item) for item in value]
    return value


def digest(picture: Picture) -> str:
    """A digest of the picture's data (rounded), not of its pixels."""
    data = _rounded(dataclasses.asdict(picture))
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def floats(values) -> list[float]:
    """Plain Python floats, for a picture's data (NumPy arrays, tensors, lists)."""
    import numpy as np

    return [float(v) for v in np.asarray(values, dtype=np.float64).ravel()]
