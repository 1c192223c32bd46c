"""Kata 03: |dh_k/dx| against depth, one line per activation, from ``gradient_by_depth``."""

from __future__ import annotations

import math

from harness.plots.code import Unusable
from harness.plots.picture import Lines, Picture, Series, floats

ACTIVATIONS = ("sigmoid", "tanh", "relu")
DEPTH = 20
X, W, B = 0.5, 1.0, 0.1  # as in the kata's depth_table: every relu unit stays active


def _torch_by_depth(activation: str) -> list[float]:
    """|dh_k/dx| for k = 1..DEPTH, by torch autograd on the same chain."""
    import torch

    act = getattr(torch, activation)
    x = torch.tensor(X, dtype=torch.float64, requires_grad=True)
    h, sizes = x, []
    for _ in range(DEPTH):
        h = act(W * h + B)
        (grad,) = torch.autograd.grad(h, x, retain_graph=True)
        sizes.append(abs(float(grad)))
    return sizes


def _learner_by_depth(code, module, activation: str, color: int) -> Series:
    weights, biases = [W] * DEPTH, [B] * DEPTH
    try:
        sizes = code.array(
            "gradient_by_depth",
            lambda: module.gradient_by_depth(X, weights, biases, activation),
            (DEPTH,),
        )
    except Unusable as why:
        return Series(f"{activation}: {why.short}", [], [], color=color)
    # Log axes: a 0 or a NaN has no place on them, and leaves a gap.
    shown = [s if s > 0 and math.isfinite(s) else math.nan for s in sizes]
    return Series(f"{activation} (yours)", floats(range(1, DEPTH + 1)), shown, color=color)


def build(code) -> Picture:
    module = code.module("vanishing")
    panel = Lines(
        f"|dh_k/dx| through a chain, x = {X}, every w_k = {W}, b_k = {B}",
        "depth k (layers)",
        "|dh_k/dx|",
        yscale="log",
    )
    depths = floats(range(1, DEPTH + 1))
    for color, activation in enumerate(ACTIVATIONS):
        panel.series.append(_learner_by_depth(code, module, activation, color))
        panel.series.append(Series("torch", depths, _torch_by_depth(activation), torch=True))
    return Picture("03", "vanishing gradients: each layer multiplies by act'(a)·w", [panel])
