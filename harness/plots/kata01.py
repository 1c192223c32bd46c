"""Kata 01: each activation and its derivative, the learner's solid, torch's dashed over them."""

from __future__ import annotations

import numpy as np

from harness.plots.code import Unusable
from harness.plots.picture import Lines, Picture, Series, floats

X = np.linspace(-6.0, 6.0, 481)
# leaky_relu's default slope (0.01) would be invisible at this scale; 0.1 shows the kink.
SLOPE = 0.1
ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu")


def _torch_curves(name: str) -> tuple[np.ndarray, np.ndarray]:
    """torch's activation and its derivative (by autograd) on X."""
    import torch
    import torch.nn.functional as F

    functions = {
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": torch.relu,
        "leaky_relu": lambda t: F.leaky_relu(t, SLOPE),
    }
    x = torch.tensor(X, requires_grad=True)
    y = functions[name](x)
    y.sum().backward()
    return y.detach().numpy(), x.grad.numpy()


def _learner_series(code, module, function: str, color: int) -> Series:
    keywords = {"negative_slope": SLOPE} if function.startswith("leaky_relu") else {}
    try:
        y = code.array(function, lambda: getattr(module, function)(X.copy(), **keywords), X.shape)
    except Unusable as why:
        return Series(f"{function}: {why.short}", [], [], color=color)
    return Series(f"{function} (yours)", floats(X), floats(y), color=color)


def build(code) -> Picture:
    module = code.module("activations")
    panels = []
    for name in ACTIVATIONS:
        value, slope = _torch_curves(name)
        title = f"{name} (negative_slope={SLOPE})" if name == "leaky_relu" else name
        panel = Lines(title, "x", "")
        panel.series += [
            _learner_series(code, module, name, 0),
            _learner_series(code, module, f"{name}_grad", 1),
            Series("torch", floats(X), floats(value), torch=True),
            Series("torch", floats(X), floats(slope), torch=True),
        ]
        panels.append(panel)
    return Picture("01", "activations and their derivatives, yours against torch's", panels)
