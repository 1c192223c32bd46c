"""Written step by step with whole-list comprehensions: each stage builds a new list of
arrays, then one in-place loop at the end."""

TARGET = "sgd.py"
SANDBOX = "arrays updated in place and buffers kept across calls must cross back"

import numpy as np


def sgd_step(
    params,
    grads,
    momentum_buffers=None,
    *,
    lr,
    momentum=0.0,
    dampening=0.0,
    weight_decay=0.0,
    nesterov=False,
    maximize=False,
):
    bad = (
        lr < 0
        or momentum < 0
        or weight_decay < 0
        or (nesterov and (momentum <= 0 or dampening != 0))
    )
    if bad:
        raise ValueError("torch.optim.SGD would refuse these hyperparameters")
    d = [np.asarray(g) * (-1 if maximize else 1) for g in grads]
    d = [dp + weight_decay * p for dp, p in zip(d, params)]
    if momentum == 0:
        new_buffers = [None for _ in params]
        steps = d
    else:
        old = momentum_buffers or [None] * len(params)
        new_buffers = [
            np.array(dp) if b is None else b * momentum + dp * (1 - dampening)
            for b, dp in zip(old, d)
        ]
        steps = [dp + b * momentum for dp, b in zip(d, new_buffers)] if nesterov else new_buffers
    for p, s in zip(params, steps):
        p -= s * lr
    return new_buffers
