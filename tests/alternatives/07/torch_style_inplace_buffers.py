"""Like torch's own loop: slice assignment p[...] = ..., momentum buffers updated in place
(the first one a copy of the gradient), and the list passed in reused and returned."""

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
    if lr < 0.0:
        raise ValueError(f"Invalid learning rate: {lr}")
    if momentum < 0.0:
        raise ValueError(f"Invalid momentum value: {momentum}")
    if weight_decay < 0.0:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")
    if momentum_buffers is None:
        momentum_buffers = [None] * len(params)
    for i in range(len(params)):
        p = params[i]
        g = np.negative(grads[i]) if maximize else grads[i]
        if weight_decay:
            g = np.add(g, weight_decay * p)
        if momentum:
            buf = momentum_buffers[i]
            if buf is None:
                buf = momentum_buffers[i] = np.copy(g)
            else:
                buf *= momentum
                buf += (1 - dampening) * g
            g = g + momentum * buf if nesterov else buf
        else:
            momentum_buffers[i] = None
        p[...] = p - lr * g
    return momentum_buffers
