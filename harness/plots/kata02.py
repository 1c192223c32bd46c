"""Kata 02: the error of the central and the forward difference against h, on log-log axes.

The central difference (the learner's ``numerical_derivative``) has error O(h**2): slope 2.
The forward difference, drawn for comparison, has error O(h): slope 1. Below some h, rounding
error takes over and grows as h shrinks: the V is the lesson too.
"""

from __future__ import annotations

import math

import numpy as np

from harness.plots.code import Unusable
from harness.plots.picture import Lines, Picture, Series, floats

X0 = 1.0
STEPS = np.logspace(-12, 0, 49)


def f(x):
    """sin(x) * e^x / 3: a function whose derivative is not a special case at X0."""
    return np.sin(x) * np.exp(x) / 3


def _torch_derivative() -> float:
    import torch

    x = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
    (torch.sin(x) * torch.exp(x) / 3).backward()
    return float(x.grad)


def _learner_errors(code, module, exact: float) -> Series:
    errors = []
    for h in STEPS:
        try:
            estimate = code.array(
                "numerical_derivative", lambda h=h: module.numerical_derivative(f, X0, h), ()
            )
        except Unusable as why:
            if errors:  # drawn as far as it goes
                break
            return Series(f"central difference (yours): {why.short}", [], [], color=0)
        errors.append(abs(float(estimate) - exact))
    return Series("central difference (yours)", floats(STEPS[: len(errors)]), errors, color=0)


def _guide(label: str, slope: int, anchor: float, color: int) -> Series:
    """A straight line of the given slope on log-log axes, through (1e-2, anchor)."""
    h = STEPS[STEPS >= 1e-5]
    return Series(label, floats(h), floats(anchor * (h / 1e-2) ** slope), torch=False, color=color)


def build(code) -> Picture:
    module = code.module("derivatives")
    exact = _torch_derivative()
    forward = np.abs((f(X0 + STEPS) - f(X0)) / STEPS - exact)
    central = _learner_errors(code, module, exact)
    panel = Lines(
        f"error of the estimate of f'({X0:g}) against torch autograd, f(x) = sin(x)·e^x / 3",
        "step h",
        "|estimate - torch's f'(x)|",
        xscale="log",
        yscale="log",
    )
    panel.series += [
        central,
        Series("forward difference (f(x+h) - f(x)) / h", floats(STEPS), floats(forward), color=1),
        _guide("slope 2: error ∝ h²", 2, 1e-5, 7),
        _guide("slope 1: error ∝ h", 1, 1e-3, 7),
    ]
    for series in panel.series:  # log axes: an exact 0 has no place on them
        series.y = [y if y > 0 and math.isfinite(y) else math.nan for y in series.y]
    return Picture("02", "finite differences: the central one converges twice as fast", [panel])
