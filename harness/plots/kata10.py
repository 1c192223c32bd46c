"""Kata 10: Adam against SGD on a badly scaled 2-D quadratic, from the learner's ``adam_step``.

One direction is a hundred times steeper than the other. SGD's step is the gradient times lr,
so a learning rate safe for the steep direction crawls along the flat one; Adam divides each
coordinate by its own running gradient size, and moves both at about lr per step.
"""

from __future__ import annotations

import functools

import numpy as np

from harness.plots import valley
from harness.plots.picture import Lines, Picture, Series, floats

CURVATURE = np.array([0.1, 10.0])  # f(p) = (0.1 * p0**2 + 10 * p1**2) / 2
START = np.array([-4.0, 1.0])
STEPS, ADAM_LR, SGD_LR = 60, 0.3, 0.15
GRID = np.linspace(-5, 5, 81), np.linspace(-1.5, 1.5, 41)  # where the contours are drawn


def loss(p: np.ndarray) -> float:
    return float(np.sum(CURVATURE * p * p) / 2)


def torch_path(adam: bool) -> np.ndarray:
    """The points torch's Adam (or SGD) visits."""
    import torch

    optimizer = torch.optim.Adam if adam else torch.optim.SGD
    make = functools.partial(optimizer, lr=ADAM_LR if adam else SGD_LR)
    return valley.torch_path(make, CURVATURE, START, STEPS)


def learner_path(code, module) -> np.ndarray | str:
    """The points the learner's adam_step visits (as far as it goes), or why there are none."""

    def step(params, grads, state):
        return module.adam_step(params, grads, state, lr=ADAM_LR)

    return valley.learner_path(code, "adam_step", step, CURVATURE, START, STEPS)


def build(code) -> Picture:
    module = code.module("adam")
    paths = Lines(f"paths from ({START[0]:g}, {START[1]:g}) on f(p) = (0.1·p0² + 10·p1²) / 2",
                  "p0", "p1", contour=valley.contours(CURVATURE, *GRID))  # fmt: skip
    losses = Lines("f(p) per step", "step", "f(p)", yscale="log")
    sgd = torch_path(adam=False)
    yours = learner_path(code, module)
    if isinstance(yours, str):
        paths.series.append(Series(f"Adam: {yours}", [], []))
        losses.series.append(Series(f"Adam: {yours}", [], []))
    else:
        label = f"Adam lr={ADAM_LR} (yours)"
        paths.series.append(Series(label, floats(yours[:, 0]), floats(yours[:, 1]), markers=True))
        losses.series.append(Series(label, floats(range(len(yours))), [loss(p) for p in yours]))
    for panel in (paths, losses):
        adam = torch_path(adam=True)
        xs, ys = (adam[:, 0], adam[:, 1]) if panel is paths else (range(len(adam)), map(loss, adam))
        panel.series.append(Series("torch", floats(xs), floats(list(ys)), torch=True))
        xs, ys = (sgd[:, 0], sgd[:, 1]) if panel is paths else (range(len(sgd)), map(loss, sgd))
        panel.series.append(Series(f"SGD lr={SGD_LR} (torch)", floats(xs), floats(list(ys)),
                                   color=1, markers=panel is paths))  # fmt: skip
    return Picture("10", "Adam against SGD: a step of about lr in every direction", [paths, losses])
