"""maximize negates the caller's gradient array in place."""

TARGET = "sgd.py"
CAUGHT_BY = "changed grads"
SANDBOX = "in-place changes and aliasing must cross back from the learner's process"

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
    if lr < 0.0 or momentum < 0.0 or weight_decay < 0.0:
        raise ValueError("invalid hyperparameter")
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")
    if momentum_buffers is None:
        momentum_buffers = [None] * len(params)
    out = []
    for p, grad, buf in zip(params, grads, momentum_buffers):
        g = grad
        if maximize:
            g *= -1
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            if buf is None:
                buf = np.array(g, copy=True)
            else:
                buf = momentum * buf + (1 - dampening) * g
            g = g + momentum * buf if nesterov else buf
        else:
            buf = None
        p -= lr * g
        out.append(buf)
    return out
