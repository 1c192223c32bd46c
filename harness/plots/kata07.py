"""Kata 07: the paths of plain SGD, momentum and Nesterov on a 2-D quadratic, from ``sgd_step``.

The valley is ten times steeper across than along: plain SGD crawls along it, momentum
overshoots and swings but gets there first, Nesterov's look-ahead damps the swing.
"""

from __future__ import annotations

import functools

import numpy as np

from harness.plots.code import Unusable
from harness.plots.picture import Lines, Picture, Series, floats

CURVATURE = np.array([1.0, 10.0])  # f(p) = (1 * p0**2 + 10 * p1**2) / 2
START = np.array([-4.5, 1.6])
STEPS, LEARNING_RATE, MOMENTUM = 40, 0.04, 0.8
METHODS = {
    "plain SGD": {},
    f"momentum {MOMENTUM}": {"momentum": MOMENTUM},
    f"Nesterov {MOMENTUM}": {"momentum": MOMENTUM, "nesterov": True},
}


def gradient(p: np.ndarray) -> np.ndarray:
    return CURVATURE * p


def torch_path(options: dict) -> np.ndarray:
    """The points torch.optim.SGD visits, the gradient set by hand (no autograd needed)."""
    import torch

    p = torch.tensor(START, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=LEARNING_RATE, **options)
    points = [START.copy()]
    for _ in range(STEPS):
        p.grad = torch.tensor(gradient(p.detach().numpy()))
        optimizer.step()
        points.append(p.detach().numpy().copy())
    return np.array(points)


def learner_path(code, module, label: str, options: dict, color: int) -> Series:
    p, buffers, points = START.copy(), None, [START.copy()]

    def step(buffers):  # p changes in place, as torch's parameters do
        return module.sgd_step([p], [gradient(p)], buffers, lr=LEARNING_RATE, **options)

    try:
        for _ in range(STEPS):
            buffers = code.call("sgd_step", functools.partial(step, buffers))
            points.append(code.array("sgd_step", lambda: p.copy(), p.shape))
    except Unusable as why:
        if len(points) == 1:
            return Series(f"{label}: {why}", [], [], color=color)
    path = np.array(points)
    return Series(
        f"{label} (yours)", floats(path[:, 0]), floats(path[:, 1]), color=color, markers=True
    )


def contours() -> tuple[list[float], list[float], list[list[float]]]:
    xs, ys = np.linspace(-5, 5, 81), np.linspace(-2, 2, 41)
    grid_x, grid_y = np.meshgrid(xs, ys)
    values = (CURVATURE[0] * grid_x**2 + CURVATURE[1] * grid_y**2) / 2
    return floats(xs), floats(ys), [floats(row) for row in values]


def build(code) -> Picture:
    module = code.module("sgd")
    panel = Lines(
        f"{STEPS} steps of lr={LEARNING_RATE} on f(p) = (p0² + 10·p1²) / 2, "
        f"from ({START[0]:g}, {START[1]:g})",
        "p0",
        "p1",
        contour=contours(),
    )
    for color, (label, options) in enumerate(METHODS.items()):
        panel.series.append(learner_path(code, module, label, options, color))
        path = torch_path(options)
        panel.series.append(Series("torch", floats(path[:, 0]), floats(path[:, 1]), torch=True))
    return Picture("07", "plain SGD, momentum and Nesterov, with your sgd_step", [panel])
