"""Kata 07: the paths of plain SGD, momentum and Nesterov on a 2-D quadratic, from ``sgd_step``.

The valley is ten times steeper across than along: plain SGD crawls along it, momentum
overshoots and swings but gets there first, Nesterov's look-ahead damps the swing.
"""

from __future__ import annotations

import functools

import numpy as np

from harness.plots import valley
from harness.plots.picture import Lines, Picture, Series, floats

CURVATURE = np.array([1.0, 10.0])  # f(p) = (1 * p0**2 + 10 * p1**2) / 2
START = np.array([-4.5, 1.6])
STEPS, LEARNING_RATE, MOMENTUM = 40, 0.04, 0.8
GRID = np.linspace(-5, 5, 81), np.linspace(-2, 2, 41)  # where the contours are drawn
METHODS = {
    "plain SGD": {},
    f"momentum {MOMENTUM}": {"momentum": MOMENTUM},
    f"Nesterov {MOMENTUM}": {"momentum": MOMENTUM, "nesterov": True},
}


def torch_path(options: dict) -> np.ndarray:
    """The points torch.optim.SGD visits."""
    import torch

    make = functools.partial(torch.optim.SGD, lr=LEARNING_RATE, **options)
    return valley.torch_path(make, CURVATURE, START, STEPS)


def learner_path(code, module, label: str, options: dict, color: int) -> Series:
    def step(params, grads, buffers):
        return module.sgd_step(params, grads, buffers, lr=LEARNING_RATE, **options)

    path = valley.learner_path(code, "sgd_step", step, CURVATURE, START, STEPS)
    if isinstance(path, str):
        return Series(f"{label}: {path}", [], [], color=color)
    return Series(
        f"{label} (yours)", floats(path[:, 0]), floats(path[:, 1]), color=color, markers=True
    )


def build(code) -> Picture:
    module = code.module("sgd")
    panel = Lines(
        f"{STEPS} steps of lr={LEARNING_RATE} on f(p) = (p0² + 10·p1²) / 2, "
        f"from ({START[0]:g}, {START[1]:g})",
        "p0",
        "p1",
        contour=valley.contours(CURVATURE, *GRID),
    )
    for color, (label, options) in enumerate(METHODS.items()):
        panel.series.append(learner_path(code, module, label, options, color))
        path = torch_path(options)
        panel.series.append(Series("torch", floats(path[:, 0]), floats(path[:, 1]), torch=True))
    return Picture("07", "plain SGD, momentum and Nesterov, with your sgd_step", [panel])
