"""A 2-D quadratic valley, f(p) = (c0·p0² + c1·p1²) / 2, for the optimizer pictures (katas 07
and 10): the paths that torch's optimizer and the learner's step function take across it, and its
contour lines.
"""

from __future__ import annotations

import functools

import numpy as np

from harness.plots.code import Unusable
from harness.plots.picture import floats


def torch_path(make_optimizer, curvature, start, steps: int) -> np.ndarray:
    """The points a torch optimizer visits, the gradient set by hand (no autograd needed).

    ``make_optimizer(params)`` builds it, such as ``lambda ps: torch.optim.SGD(ps, lr=0.1)``.
    """
    import torch

    p = torch.tensor(start, requires_grad=True)
    optimizer = make_optimizer([p])
    points = [np.array(start, dtype=np.float64)]
    for _ in range(steps):
        p.grad = torch.tensor(curvature * p.detach().numpy())
        optimizer.step()
        points.append(p.detach().numpy().copy())
    return np.array(points)


def learner_path(code, function: str, step, curvature, start, steps: int) -> np.ndarray | str:
    """The points the learner's step function visits (as far as it goes), or why there are none.

    ``step(params, grads, carried)`` calls it on the one parameter array, which changes in place
    as torch's parameters do, and returns what its next call needs (buffers, a state).
    """
    p = np.array(start, dtype=np.float64)
    carried, points = None, [p.copy()]
    try:
        for _ in range(steps):
            carried = code.call(function, functools.partial(step, [p], [curvature * p], carried))
            points.append(code.array(function, lambda: p.copy(), p.shape))
    except Unusable as why:
        if len(points) == 1:
            return str(why)
    return np.array(points)


def contours(curvature, xs, ys) -> tuple[list[float], list[float], list[list[float]]]:
    """f over the grid of ``xs`` by ``ys``, for a panel's contour lines."""
    grid_x, grid_y = np.meshgrid(xs, ys)
    values = (curvature[0] * grid_x**2 + curvature[1] * grid_y**2) / 2
    return floats(xs), floats(ys), [floats(row) for row in values]
