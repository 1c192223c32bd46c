"""np.subtract(..., out=p) for the in-place update, a sign variable for maximize, a fresh
buffer array every call, and the checks in a different order with different messages."""

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
    if nesterov and not (momentum > 0 and dampening == 0):
        raise ValueError("nesterov needs momentum > 0 and dampening == 0")
    for name, value in [("weight_decay", weight_decay), ("momentum", momentum), ("lr", lr)]:
        if value < 0:
            raise ValueError(f"{name} must be >= 0, got {value}")
    sign = -1.0 if maximize else 1.0
    buffers = list(momentum_buffers) if momentum_buffers is not None else [None] * len(params)
    for i, p in enumerate(params):
        d_p = sign * grads[i] + weight_decay * p
        if momentum == 0:
            buffers[i] = None
        else:
            if buffers[i] is None:
                buffers[i] = d_p.copy()
            else:
                buffers[i] = momentum * buffers[i] + (1.0 - dampening) * d_p
            if nesterov:
                d_p = d_p + momentum * buffers[i]
            else:
                d_p = buffers[i]
        np.subtract(p, lr * d_p, out=p, casting="same_kind")
    return buffers
