"""Kata 11: the std of the activations layer after layer, per initialization, without and with
batch norm, from the learner's ``xavier_uniform``, ``kaiming_normal`` and ``batchnorm_forward``.

Weights from N(0, 1) saturate every tanh (std near 1); the scaled inits keep the signal alive
for a while; batch norm holds every layer's input at unit variance whatever the init.
"""

from __future__ import annotations

import numpy as np

from harness.plots.code import Unusable
from harness.plots.picture import Lines, Picture, Series, floats

DEPTH, WIDTH, BATCH, SEED = 12, 256, 512, 0
# The learner's function each init calls ("normal" is the stub's own code).
INITS = {"normal": None, "xavier": "xavier_uniform", "kaiming": "kaiming_normal"}


def inputs() -> np.ndarray:
    return np.random.default_rng(SEED).standard_normal((BATCH, WIDTH))


def torch_stds(init: str, batch_norm: bool) -> list[float]:
    """The same network with torch's own init (same sizes and law, not the same numbers)."""
    import torch
    import torch.nn.functional as F
    from torch.nn import init as torch_init

    generator = torch.Generator().manual_seed(SEED + 1)
    h, stds = torch.tensor(inputs()), []
    for _ in range(DEPTH):
        weight = torch.empty(WIDTH, WIDTH, dtype=torch.float64)
        if init == "normal":
            torch_init.normal_(weight, generator=generator)
        elif init == "xavier":
            torch_init.xavier_uniform_(weight, generator=generator)
        else:
            torch_init.kaiming_normal_(weight, nonlinearity="tanh", generator=generator)
        z = h @ weight.T
        if batch_norm:
            z = F.batch_norm(z, None, None, training=True)
        h = torch.tanh(z)
        stds.append(float(h.std(unbiased=False)))
    return stds


def learner_stds(code, module, init: str, batch_norm: bool) -> np.ndarray:
    function = INITS[init]
    weights = code.call(
        function or "mlp_weights",
        lambda: module.mlp_weights(init, DEPTH, WIDTH, SEED + 1),
        given=function is None,
    )
    x = inputs()
    return code.array(
        "batchnorm_forward" if batch_norm else "activation_stds",
        lambda: module.activation_stds(x, weights, batch_norm),
        (DEPTH,),
        given=not batch_norm and function is None,
    )


def panel(code, module, batch_norm: bool) -> Lines:
    title = "with batch norm: tanh(bn(h @ W.T))" if batch_norm else "without: tanh(h @ W.T)"
    # One scale for both panels, from 0 (a dead signal) to 1 (every tanh saturated).
    lines = Lines(title, "layer", "std of the layer's activations", ylim=(0.0, 1.05))
    depths = floats(range(1, DEPTH + 1))
    for color, init in enumerate(INITS):
        try:
            stds = learner_stds(code, module, init, batch_norm)
            lines.series.append(Series(f"{init} (yours)", depths, floats(stds), color=color,
                                       markers=True))  # fmt: skip
        except Unusable as why:
            lines.series.append(Series(f"{init}: {why}", [], [], color=color))
        lines.series.append(Series("torch's init", depths, torch_stds(init, batch_norm),
                                   torch=True))  # fmt: skip
    return lines


def build(code) -> Picture:
    module = code.module("normalization")
    title = f"activations through {DEPTH} tanh layers of {WIDTH} units, per initialization"
    return Picture("11", title, [panel(code, module, False), panel(code, module, True)])
